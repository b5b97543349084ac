"""Epochs: a counter per name, bumped in the writer's transaction and read on a connection of its own."""

from __future__ import annotations

import threading

from service.db import epochs
from service.db.engine import make_engine, session_factory
from service.db.migrate import upgrade
from tests.service.api import conftest as api

# The API tests' fixtures: a database per test, SQLite and PostgreSQL.
database_url, postgres_template, postgres_url = api.database_url, api.postgres_template, api.postgres_url


def test_an_epoch_counts_every_bump_and_only_committed_ones_are_seen(database_url):
    engine = make_engine(database_url)
    upgrade(engine)
    sessions = session_factory(engine)
    try:
        assert epochs.read(engine, "model") == 0  # never bumped
        with sessions() as session:
            assert epochs.bump(session, "model") == 1
            assert epochs.read(engine, "model") == 0  # not committed yet
            session.commit()
        assert epochs.read(engine, "model") == 1 and epochs.read(engine, "other") == 0

        def bump_ten() -> None:
            for _ in range(10):
                with sessions() as session:
                    epochs.bump(session, "model")
                    session.commit()

        threads = [threading.Thread(target=bump_ten) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert epochs.read(engine, "model") == 41  # no bump lost
    finally:
        engine.dispose()
