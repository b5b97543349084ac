"""A real review service per test: a fresh database (SQLite file in WAL mode, and PostgreSQL), a
small trained model, and helpers that create people and partners.

Every API test runs once per backend. PostgreSQL comes from `BALIZA_TEST_POSTGRES_URL` (an admin
URL; `.ci/run` and `make test` start a local server and set it). Under `CI=true` a missing
PostgreSQL fails the run; on a developer machine without one, the PostgreSQL half is skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from baliza.settings import Settings
from models.encoders import Encoders
from models.modeldir import Model, load_model, save_model
from models.pipeline import ModelSpec
from models.train import train
from service.app import create_app
from service.db.engine import make_engine
from service.db.migrate import upgrade
from service.review import accounts
from service.runtime import AppState
from tests.factories import small_corpus, write_jsonl
from tests.service.api.helpers import PG_ENV, new_database, postgres_admin

PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def service_model(tmp_path_factory: pytest.TempPathFactory, encoders: Encoders) -> Model:
    """A hybrid model on the fake encoder: trains in seconds, flags the synthetic positives.

    Loaded with the session's holder, which the app then keeps for its reloads (`ModelHolder`).
    """
    base = tmp_path_factory.mktemp("service-model")
    data = write_jsonl(base / "small.jsonl", small_corpus(per_family=6))
    spec = ModelSpec(kind="hybrid", encoder="fake-hash", folds=3)
    fitted, manifest = train([data], spec, encoders, quiet=True)
    save_model(base / "model", fitted.pipeline, fitted.calibrator, manifest)
    return load_model(base / "model", encoders)


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str | None]:
    """A migrated template database; each test clones it (fast) instead of migrating again."""
    admin = os.environ.get(PG_ENV)
    if not admin:
        yield None
        return
    try:
        make_url(admin)
    except ArgumentError:
        pytest.fail(f"{PG_ENV} is not a database URL: {admin!r}", pytrace=False)
    with new_database(admin, "baliza_tmpl") as (name, url):
        migrated = make_engine(url)
        upgrade(migrated)
        migrated.dispose()
        yield name


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'baliza.sqlite3'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def postgres_url(postgres_template: str | None) -> Iterator[str]:
    """A fresh, migrated PostgreSQL database of its own (skipped, or failed under CI, without one)."""
    admin = postgres_admin("the PostgreSQL half of the service tests")
    with new_database(admin, "baliza_t", template=postgres_template) as (_, url):
        yield url


@dataclass
class Service:
    """A running app and a client; `user(role)` and `partner()` return ready-to-use headers."""

    client: TestClient
    state: AppState
    names: dict[str, int] = field(default_factory=dict)

    def _fresh(self, stem: str) -> str:
        self.names[stem] = self.names.get(stem, 0) + 1
        return f"{stem}{self.names[stem]}"

    def user(self, role: str, name: str | None = None) -> dict[str, str]:
        name = name or self._fresh(role)
        with self.state.sessions() as session:
            accounts.add_user(session, self.state, name, role, PASSWORD, actor="test")
        response = self.client.post("/v1/auth/login", json={"username": name, "password": PASSWORD})
        assert response.status_code == 200, response.text
        return {"Authorization": f"Bearer {response.json()['token']}"}

    def partner(
        self,
        name: str | None = None,
        scopes: tuple[str, ...] = ("score", "ingest"),
        webhook: str | None = None,
    ) -> dict[str, str]:
        with self.state.sessions() as session:
            key, _ = accounts.create_key(
                session, self.state, name or self._fresh("partner"), "test", scopes=scopes, webhook=webhook
            )
        return {"X-API-Key": key}

    def partner_with_secret(self, webhook: str, name: str | None = None) -> tuple[dict[str, str], str]:
        with self.state.sessions() as session:
            key, secret = accounts.create_key(
                session, self.state, name or self._fresh("partner"), "test", webhook=webhook
            )
        assert secret is not None
        return {"X-API-Key": key}, secret


@pytest.fixture
def settings(data_dir: Path, database_url: str) -> Settings:
    return Settings(data_dir=data_dir, database_url=database_url)


@pytest.fixture
def service(settings: Settings, service_model: Model) -> Iterator[Service]:
    app = create_app(settings, model=service_model, worker=False)
    with TestClient(app) as client:
        yield Service(client=client, state=app.state.baliza)
    app.state.baliza.engine.dispose()


@pytest.fixture
def private_webhooks(settings: Settings) -> None:
    """Let partners' webhooks use http and 127.0.0.1, where the tests' receivers listen — what an
    operator allows with BALIZA_WEBHOOK_ALLOW_PRIVATE=true (the service reads its settings per call)."""
    settings.webhook_allow_private = True
