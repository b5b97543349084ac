"""One engine per database URL, configured for what the review service needs of it.

Transactions that may write and transactions that only read begin differently:

- SQLite (the default) gets WAL, foreign keys, `secure_delete` (deleted raw values are overwritten,
  not left in free pages) and `BEGIN IMMEDIATE` for every transaction that may write: the queue
  claim and the audit hash chain read then write, and a deferred SQLite transaction that upgrades
  to a write after another writer committed fails at once instead of waiting. A transaction that
  only reads (`reading`) begins `DEFERRED`: in WAL mode it takes no lock, never waits for a writer
  and never holds one up.
- Writers wait their turn: the threads of this process queue for the write lock in arrival order
  (`_Turns`), and only the one whose turn it is asks SQLite for it, in short attempts while another
  process holds it. SQLite's own busy handler backs off to 100 ms sleeps, so a writer that had
  waited a while polled less often than a newcomer and lost to it again and again (16 analysts alone
  had a p99 of 12 s). No write waits longer than `WRITE_WAIT_S`.
- PostgreSQL serialises those two spots itself (row checks in the claim's UPDATE, an advisory lock
  for the audit chain); its readers never block writers, and its waits for a lock end after
  `WRITE_WAIT_S` too (`lock_timeout`).
- On both, a lock not had in time is raised as `DatabaseBusy` wherever it happens (the API answers
  503 with `Retry-After`, never a 500 "database is locked"); `retrying` re-runs a whole write after
  the errors PostgreSQL asks a client to retry after (serialization failure, deadlock).
"""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from baliza.errors import BalizaError

#: How long a connection waits on a lock in SQLite before the statement fails (readers in WAL mode,
#: checkpoints); the write lock is waited for in `_begin_write`'s short attempts instead.
SQLITE_BUSY_MS = 5_000
ATTEMPT_MS = 20
#: The longest any statement waits for a lock, on either backend, before `DatabaseBusy`.
WRITE_WAIT_S = 10.0
#: What a refused caller is told to wait (`Retry-After`), in seconds.
RETRY_AFTER_S = 2
POOL = {"pool_size": 10, "max_overflow": 40}
#: Execution option marking a connection whose transaction only reads (see `reading`).
READ_ONLY = "baliza_read_only"
_TURN = "baliza_write_turn"  # connection info: this connection's transaction holds the write turn
#: How often `retrying` runs a write, and its first back-off in seconds (doubled per attempt).
WRITE_ATTEMPTS = 3
BACKOFF_S = 0.05
_SQLITE_LOCKED = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
_PG_LOCK_TIMEOUT = "55P03"  # lock_not_available: lock_timeout ran out
_PG_RETRY = ("40001", "40P01")  # serialization_failure, deadlock_detected: run the transaction again

T = TypeVar("T")


class DatabaseBusy(BalizaError):
    """A lock the database could not get in time (`WRITE_WAIT_S`); retry after `retry_after` s."""

    def __init__(self, retry_after: int = RETRY_AFTER_S) -> None:
        super().__init__(f"the database is busy; retry in {retry_after} s")
        self.retry_after = retry_after


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str, **kwargs: object) -> Engine:
    """An engine for `url`: SQLite connections get the pragmas above on connect, PostgreSQL ones a
    `lock_timeout`; on both, a lock not had in time is raised as `DatabaseBusy` wherever it happens.

    The pool holds as many connections as requests can run at once (FastAPI runs up to 40 blocking
    requests at a time, each holding at most one connection, plus the worker): with SQLAlchemy's
    default of 15, sixteen analysts and a partner waited for a connection, not for the database.
    """
    if make_url(url).database not in (None, "", ":memory:"):
        kwargs = {**POOL, **kwargs}
    if is_sqlite(url):
        engine = _sqlite_engine(url, **kwargs)
    else:
        wait = {"options": f"-c lock_timeout={int(WRITE_WAIT_S * 1000)}"}
        pg = make_url(url).get_backend_name() == "postgresql"
        engine = create_engine(url, pool_pre_ping=True, connect_args=wait if pg else {}, **kwargs)
    event.listen(engine, "handle_error", _lock_timeout)
    return engine


def _lock_timeout(context: ExceptionContext) -> None:
    error = context.original_exception
    if isinstance(error, sqlite3.OperationalError):
        timed_out = getattr(error, "sqlite_errorcode", 0) & 0xFF in _SQLITE_LOCKED
    else:
        timed_out = getattr(error, "sqlstate", None) == _PG_LOCK_TIMEOUT
    if timed_out:
        raise DatabaseBusy() from error


class _Turns:
    """Whose turn it is to write, for the threads of one process on one SQLite database: they wait
    here, in arrival order and without polling, and the one whose turn it is takes SQLite's write
    lock (then only other processes can make it wait). Released when its transaction ends."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._waiting: deque[threading.Event] = deque()
        self._held = False

    def take(self, timeout: float) -> bool:
        with self._mutex:
            if not self._held:
                self._held = True
                return True
            turn = threading.Event()
            self._waiting.append(turn)
        if turn.wait(timeout):
            return True
        with self._mutex:
            if turn.is_set():  # handed over just as the wait ran out
                return True
            self._waiting.remove(turn)
            return False

    def give(self) -> None:
        with self._mutex:
            if self._waiting:
                self._waiting.popleft().set()  # handed straight to the next writer
            else:
                self._held = False


def _sqlite_engine(url: str, **kwargs: object) -> Engine:
    engine = create_engine(
        url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_MS / 1000}, **kwargs
    )
    turns = _Turns()

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        if make_url(url).database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN DEFERRED")
            return
        start = time.monotonic()
        if not turns.take(WRITE_WAIT_S):
            raise DatabaseBusy()
        connection.info[_TURN] = turns
        try:
            _begin_write(connection, start + WRITE_WAIT_S)
        except BaseException:
            _give_back(connection.info)
            raise

    # The turn ends with the transaction; returning or dropping the connection ends it in any case.
    event.listen(engine, "commit", lambda connection: _give_back(connection.info))
    event.listen(engine, "rollback", lambda connection: _give_back(connection.info))
    event.listen(engine.pool, "checkin", lambda _dbapi, record: _give_back(record.info))
    event.listen(engine.pool, "invalidate", lambda _dbapi, record, _exc: _give_back(record.info))
    return engine


def _give_back(info: dict) -> None:
    turns = info.pop(_TURN, None)
    if turns is not None:
        turns.give()


def _begin_write(connection: Connection, deadline: float) -> None:
    """`BEGIN IMMEDIATE`, waiting for another process's write lock in short attempts until
    `deadline` (a SQLite busy handler would sleep up to 100 ms between tries, and lose to newcomers)."""
    connection.exec_driver_sql(f"PRAGMA busy_timeout={ATTEMPT_MS}")
    try:
        while True:
            try:
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                return
            except DatabaseBusy:
                if time.monotonic() > deadline:
                    raise
            time.sleep(random.uniform(0, ATTEMPT_MS / 2000))
    finally:
        connection.exec_driver_sql(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def reading(session: Session) -> Iterator[Session]:
    """Run the block in a transaction of its own that only reads, ended when the block ends.

    No write lock is taken (SQLite `BEGIN DEFERRED`), and nothing is held afterwards: no snapshot,
    no pooled connection — so a caller may read, then do slow work (scoring), then write. Objects
    loaded stay usable (the sessions do not expire on commit). A session already in a transaction
    runs the block in it, whatever mode that transaction began with; one with changes not yet
    flushed is refused (they would be written in the read, or lost).
    """
    if session.new or session.dirty or session.deleted:
        raise RuntimeError("reading() on a session with unflushed changes; commit them first")
    if session.in_transaction():
        yield session
        return
    session.connection(execution_options={READ_ONLY: True})
    try:
        yield session
    except BaseException:
        session.rollback()
        raise
    session.commit()  # nothing to write: ends the read and gives the connection back


def retrying(
    session: Session,
    unit: Callable[[], T],
    *,
    also: tuple[type[DBAPIError], ...] = (),
    attempts: int = WRITE_ATTEMPTS,
) -> T:
    """`unit()` (one whole write transaction, ending in its commit), run again with back-off when
    PostgreSQL asks for that (serialization failure, deadlock) or on one of `also` (say, a unique
    key a concurrent request just took, which `unit` re-checks). The session is rolled back after
    every failure. When the attempts are spent, a serialisation error becomes `DatabaseBusy` and
    one of `also` is raised as it is; `DatabaseBusy` itself (a lock not had in time, so the waiting
    is done) and any other error are raised at once.
    """
    delay = BACKOFF_S
    for attempt in range(1, attempts + 1):
        try:
            return unit()
        except DBAPIError as exc:
            session.rollback()
            again = getattr(exc.orig, "sqlstate", None) in _PG_RETRY
            if not (again or isinstance(exc, also)):
                raise
            if attempt == attempts:
                if again:
                    raise DatabaseBusy() from exc
                raise
        except BaseException:
            session.rollback()
            raise
        time.sleep(delay * random.uniform(0.5, 1.5))
        delay *= 2
    raise AssertionError("unreachable")  # pragma: no cover
