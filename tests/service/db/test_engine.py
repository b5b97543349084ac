"""How transactions begin on SQLite (a file in WAL mode, as the service runs it): reads take no lock,
a write waits for the lock in short attempts and, past its bound, says `DatabaseBusy`; `retrying`
runs a write again only after the errors worth running it again for."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from service.db import engine as db
from service.db.engine import DatabaseBusy, make_engine, reading, retrying, session_factory
from service.db.models import Partner


@pytest.fixture
def sessions(tmp_path: Path):  # type: ignore[no-untyped-def]
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE t (x INTEGER UNIQUE)")
    yield session_factory(engine)
    engine.dispose()


def _count(session) -> int:  # type: ignore[no-untyped-def]
    return session.execute(text("SELECT count(*) FROM t")).scalar_one()


def test_a_read_does_not_wait_for_a_writer_and_a_write_gives_up_after_its_bound(sessions, monkeypatch):
    monkeypatch.setattr(db, "WRITE_WAIT_S", 0.3)
    with sessions() as writer, sessions() as reader, sessions() as other:
        writer.execute(text("INSERT INTO t VALUES (1)"))  # holds the write lock, uncommitted
        start = time.monotonic()
        with reading(reader):
            assert _count(reader) == 0  # the committed state, at once
        assert time.monotonic() - start < 0.1 and not reader.in_transaction()
        start = time.monotonic()
        with pytest.raises(DatabaseBusy) as refused:
            other.execute(text("INSERT INTO t VALUES (2)"))
        assert 0.3 <= time.monotonic() - start < 2 and refused.value.retry_after > 0
        writer.commit()


def test_a_waiting_write_goes_ahead_as_soon_as_the_holder_commits(sessions):
    holding = threading.Event()

    def hold() -> None:
        with sessions() as writer:
            writer.execute(text("INSERT INTO t VALUES (1)"))
            holding.set()
            time.sleep(0.3)
            writer.commit()

    thread = threading.Thread(target=hold)
    thread.start()
    holding.wait(5)
    start = time.monotonic()
    with sessions() as waiting:
        waiting.execute(text("INSERT INTO t VALUES (2)"))
        waiting.commit()
        assert _count(waiting) == 2
    thread.join()
    assert time.monotonic() - start < 1.5


def test_reading_joins_an_open_transaction_and_refuses_unsaved_changes(sessions):
    with sessions() as session:
        session.execute(text("INSERT INTO t VALUES (1)"))
        with reading(session):
            assert _count(session) == 1  # inside the writer's own transaction
        assert session.in_transaction()
        session.commit()
        with reading(session):
            assert _count(session) == 1
        assert not session.in_transaction()
        session.add(Partner(name="unsaved"))
        with pytest.raises(RuntimeError, match="unflushed"), reading(session):
            pass


class _Orig(Exception):
    def __init__(self, sqlstate: str) -> None:
        self.sqlstate = sqlstate


def _failing(errors: list[BaseException]):  # type: ignore[no-untyped-def]
    calls = []

    def unit() -> str:
        calls.append(1)
        if errors:
            raise errors.pop(0)
        return "written"

    return unit, calls


def test_retrying_runs_a_write_again_after_a_listed_error_or_a_serialisation_failure(sessions):
    collision = IntegrityError("INSERT", {}, Exception("unique"))
    serialisation = OperationalError("UPDATE", {}, _Orig("40001"))
    with sessions() as session:
        unit, calls = _failing([collision, serialisation])
        assert retrying(session, unit, also=(IntegrityError,)) == "written" and len(calls) == 3
        unit, calls = _failing([serialisation] * 3)
        with pytest.raises(DatabaseBusy):
            retrying(session, unit)
        assert len(calls) == 3
        unit, calls = _failing([collision] * 3)
        with pytest.raises(IntegrityError):
            retrying(session, unit, also=(IntegrityError,))


def test_retrying_does_not_run_again_what_already_waited_or_cannot_succeed(sessions):
    with sessions() as session:
        for error in (DatabaseBusy(), IntegrityError("INSERT", {}, Exception("unique")), ValueError("no")):
            unit, calls = _failing([error])
            with pytest.raises(type(error)):
                retrying(session, unit)
            assert len(calls) == 1


def test_writers_of_one_process_take_turns_and_every_way_a_transaction_ends_gives_the_turn_back(sessions):
    order: list[int] = []
    first = sessions()
    first.execute(text("INSERT INTO t VALUES (0)"))  # holds the turn while the others queue up

    def write(i: int) -> None:
        with sessions() as session:
            session.execute(text(f"INSERT INTO t VALUES ({i})"))
            order.append(i)
            session.commit()

    threads = []
    for i in (1, 2, 3):
        threads.append(threading.Thread(target=write, args=(i,)))
        threads[-1].start()
        time.sleep(0.05)  # arrive in this order
    first.close()  # ended without a commit: rolled back, the turn goes on
    for thread in threads:
        thread.join(5)
    assert order == [1, 2, 3]
    with sessions() as failing, pytest.raises(IntegrityError):
        failing.execute(text("INSERT INTO t VALUES (1)"))  # what thread 1 wrote
    with sessions() as after:  # the failed transaction gave its turn back too
        after.execute(text("INSERT INTO t VALUES (4)"))
        after.commit()
        assert _count(after) == 4
