"""The app's one `Encoders`: every model load of a running service goes through the same holder; and
a model reloaded by one process is the model of every process serving the database."""

from __future__ import annotations

from baliza.settings import Settings
from service.db.engine import make_engine, session_factory
from service.runtime import AppState, ModelHolder
from tests.service.api import conftest as api

# The API tests' fixtures: a fresh PostgreSQL database per test, the session's small model.
postgres_template, postgres_url, service_model = api.postgres_template, api.postgres_url, api.service_model


def test_reloads_embed_through_the_holder_the_app_started_with(tmp_path):
    settings = Settings(data_dir=tmp_path / "data")  # an empty registry: the shipped default
    first = ModelHolder(settings).get()
    holder = ModelHolder(settings, first)  # as `create_app(model=...)` builds it
    assert holder.encoders is first.encoders
    again = holder.reload()
    assert again is not first and again.encoders is first.encoders and holder.get() is again


def test_a_reload_in_one_process_reaches_every_other_before_its_next_use(
    postgres_url, data_dir, service_model
):
    """Two workers on one PostgreSQL: an admin's reload through one must not leave the other on the
    old model. (Both start from the same loaded model, as `create_app(model=...)` does.)"""
    settings = Settings(data_dir=data_dir, database_url=postgres_url, model=str(service_model.path))
    engines = [make_engine(postgres_url) for _ in range(2)]
    try:
        here, there = (AppState.build(settings, e, session_factory(e), service_model) for e in engines)
        assert there.model.get() is service_model
        with here.sessions() as session:
            reloaded = here.reload_model(session, "test")
        assert reloaded is not service_model and here.model.get() is reloaded  # loaded once, not twice
        fresh = there.model.get()
        assert fresh is not service_model and fresh.version == reloaded.version
        assert there.model.get() is fresh  # and then kept
    finally:
        for engine in engines:
            engine.dispose()


def test_on_sqlite_the_model_is_not_compared_with_an_epoch(tmp_path, service_model):
    """One process per SQLite database: nothing to compare, and no read per use."""
    settings = Settings(data_dir=tmp_path, database_url="sqlite://", model=str(service_model.path))
    engine = make_engine(settings.resolved_database_url)  # no schema at all: an epoch read would fail
    state = AppState.build(settings, engine, session_factory(engine), service_model)
    assert state.model.get() is service_model
    engine.dispose()
