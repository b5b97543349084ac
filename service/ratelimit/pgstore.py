"""Token buckets in PostgreSQL: one row per key and kind, shared by every worker process.

A take is one short transaction on a connection of its own (never the request's): an upsert that
creates the row full if it is new and, either way, locks it and returns it; then, only if the take
passes, the new count. Two processes taking from one bucket queue on its row lock for the length
of two statements, so the count can neither be lost nor doubled. Waiting longer than the engine's
`lock_timeout` is `DatabaseBusy`, like any other lock.

Time is the service's wall clock (`time.time`), not the database's: every worker of one database
runs on hosts kept in step by NTP, and a clock a little behind refills nothing (`bucket.take`).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy import Engine, update
from sqlalchemy.dialects.postgresql import insert

from service.db.models import RateBucket
from service.ratelimit.bucket import Bucket, take


class PostgresBuckets:
    def __init__(self, engine: Engine, clock: Callable[[], float] = time.time) -> None:
        self._engine = engine
        self._clock = clock

    def take(self, kind: str, key: int, cost: int, per_minute: int) -> int:
        now = self._clock()
        lock = (
            insert(RateBucket)
            .values(kind=kind, key_id=key, tokens=float(per_minute), at=now)
            .on_conflict_do_update(index_elements=["kind", "key_id"], set_={"kind": RateBucket.kind})
            .returning(RateBucket.tokens, RateBucket.at)
        )
        with self._engine.begin() as connection:
            tokens, at = connection.execute(lock).one()
            after, wait = take(Bucket(tokens, at), now, cost, per_minute)
            if after is not None:
                connection.execute(
                    update(RateBucket)
                    .where(RateBucket.kind == kind, RateBucket.key_id == key)
                    .values(tokens=after.tokens, at=after.at)
                )
        return wait
