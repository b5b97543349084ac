"""Which process runs the background jobs when several serve one database.

`baliza serve --workers N` starts N copies of the app, each with a background worker; its jobs
(webhook deliveries, the retention purge) must still run once, not N times. So a worker runs its
jobs only while its process holds a PostgreSQL session-level advisory lock: one holder at a time,
held by a connection kept for the purpose. When the holder dies or its connection breaks, the
server ends that session and frees the lock, and another process takes it over on its next tick —
no lease to expire, no row to clean up. (Each webhook delivery is also taken by a compare-and-set,
so even two leaders could not send one twice; the lock spares the purge and the polling.)

SQLite serves one process, which always leads.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

log = logging.getLogger("baliza.worker")
#: The advisory lock's key; distinct from the audit chain's (`service.audit`), which it must not block.
LOCK_KEY = 0x0BA11DA


class Leadership:
    """`held()` says whether this process leads now, taking the lock when it is free."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._connection: Connection | None = None

    def held(self) -> bool:
        if self._engine.dialect.name != "postgresql":
            return True
        if self._connection is not None:
            try:
                self._connection.exec_driver_sql("SELECT 1")
                return True
            except DBAPIError:
                log.warning("lost the background worker's lock (its connection broke)")
                self.release()
        connection = self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            won = bool(connection.scalar(text("SELECT pg_try_advisory_lock(:k)"), {"k": LOCK_KEY}))
        except BaseException:
            connection.close()
            raise
        if not won:
            connection.close()
            return False
        self._connection = connection
        return True

    def release(self) -> None:
        """Give the lock up: the connection is closed for good (returned to the pool, its session and
        the lock would live on)."""
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.invalidate()
            connection.close()
