"""Background jobs run in one process at a time: the holder of an advisory lock on PostgreSQL.

Two `Leadership`s on their own engines stand for two worker processes; killing the leader's
database session (as the server does when a process dies) hands the lead to the other.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from sqlalchemy import Engine, create_engine, text

from service.db.engine import make_engine
from service.db.leader import LOCK_KEY, Leadership
from service.worker import Worker
from tests.service.api import conftest as api

# The API tests' fixtures: a fresh, migrated PostgreSQL database per test.
postgres_template, postgres_url = api.postgres_template, api.postgres_url


@pytest.fixture
def engines(postgres_url: str) -> Iterator[list[Engine]]:
    made = [make_engine(postgres_url) for _ in range(2)]
    yield made
    for engine in made:
        engine.dispose()


HELD = "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = :k AND granted"


def _kill_lock_holder(url: str) -> None:
    """End the leader's session as the server does when its process dies, and wait until the server
    has freed the lock: `pg_terminate_backend` only signals the backend, which exits a moment later
    (on a loaded machine, after the next line of the test had already run)."""
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        pids = list(connection.scalars(text(HELD), {"k": LOCK_KEY}))
        assert len(pids) == 1
        assert connection.scalar(text("SELECT pg_terminate_backend(:p, 10000)"), {"p": pids[0]})
    admin.dispose()


def test_one_process_leads_at_a_time_and_another_takes_over_when_it_goes(engines, postgres_url):
    first, second = (Leadership(engine) for engine in engines)
    assert first.held() and not second.held()
    assert first.held() and not second.held()  # the lead is kept, not taken turn about
    first.release()  # a worker that stops
    assert second.held() and not first.held()
    _kill_lock_holder(postgres_url)  # a worker that dies: the server ends its session
    assert first.held()  # the lock was freed with the session
    assert not second.held()  # the old leader notices its broken connection, and follows
    first.release()
    second.release()


def test_only_the_leading_process_runs_the_background_jobs(engines):
    ran: list[str] = []

    class Recording(Worker):
        def jobs(self) -> list:
            return [lambda: ran.append(self.name)]

    workers = [Recording(SimpleNamespace(engine=engine)) for engine in engines]  # type: ignore[arg-type]
    for name, worker in zip("ab", workers, strict=True):
        worker.name = name  # type: ignore[attr-defined]
    for _ in range(3):
        for worker in workers:
            worker.tick()
    assert ran == ["a", "a", "a"]
    workers[0].leadership.release()
    workers[1].tick()
    assert ran[-1] == "b"
    workers[1].leadership.release()


def test_on_sqlite_the_one_process_always_leads(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'one.sqlite3'}")
    assert Leadership(engine).held() and Leadership(engine).held()
    engine.dispose()
