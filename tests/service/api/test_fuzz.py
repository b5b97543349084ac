"""Every operation in the OpenAPI, fuzzed as every kind of caller, answers only as it declares.

Schemathesis draws requests from the service's own OpenAPI document: valid ones and ones that break
the declared schema, then the edges of every parameter (declared bounds and one past them, 2^31,
2^63, 2^64, NaN, infinities, a NUL character) and valid bodies with a NUL in every text. Each goes
over a real socket to the app served by uvicorn on 127.0.0.1, as a partner (an API key with the
`score` and `ingest` scopes) or as a person of each role (a Bearer token from `/v1/auth/login`).
A response fails the test when it is a 5xx, when its status is not declared for that operation, or
when its content type or body does not match what is declared for that status: partners' scripts
and the UI are written against that document. No answer within the time-out fails it too.

Bounded and reproducible: a fixed number of examples per operation and caller, drawn from a fixed
seed (`BALIZA_FUZZ_SEED` picks another), no example database, a time-out per request. Data is seeded
once per module (queued, claimed, decided and escalated items and an unmask request, so ids 1..n
exist and 2xx answers are checked too); on SQLite every test starts from its own copy of it. A
failing test lists every kind of failure it met, each with its shortest request as a curl command,
and the seed. Every caller runs on SQLite; partner, analyst and supervisor also on PostgreSQL,
whose column types and text rules differ (there the tests share one database, see `postgres_world`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import hypothesis
import pytest
import requests
import schemathesis
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.errors import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from baliza.cli.serve import bind
from baliza.settings import Settings
from models.modeldir import Model
from service.app import create_app
from tests.service.api.conftest import PASSWORD, PG_ENV, Service
from tests.service.api.helpers import claim, decide, drop_database, queue_items

pytestmark = pytest.mark.fuzz

SEED = int(os.environ.get("BALIZA_FUZZ_SEED", "20261114"))
EXAMPLES = 25  # drawn per operation and caller, about half valid and half not
EDGE_EXAMPLES = 1  # per edge value of each parameter (the rest of the request drawn valid)
REQUEST_TIMEOUT = 30.0  # seconds; a request that takes longer is a failure, not a hang
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
CALLERS = ("partner", "analyst", "supervisor", "researcher", "admin")
POSTGRES_CALLERS = ("partner", "analyst", "supervisor")  # the roles whose requests reach most SQL
INT64 = 2**63
NUMBER_EDGES = ("NaN", "Infinity", "-Infinity", "1e309", "-1e309")
NUL_TEXT = "\x00"


def _operations() -> list[tuple[str, str]]:
    """(method, path) of every operation, from the real app's document (built in a throwaway dir)."""
    with tempfile.TemporaryDirectory() as scratch:
        spec = create_app(Settings(data_dir=Path(scratch)), worker=False).openapi()
    return [(method.upper(), path) for path, ops in spec["paths"].items() for method in ops]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "operation" in metafunc.fixturenames:
        operations = _operations()
        metafunc.parametrize("operation", operations, ids=[f"{m} {p}" for m, p in operations])


# --- The data every test starts from ------------------------------------------------------------


@dataclass
class World:
    """Migrated, seeded data and the credentials valid in it."""

    settings: Settings
    model: Model
    headers: dict[str, dict[str, str]]
    openapi: dict

    def app(self, settings: Settings | None = None) -> FastAPI:
        return create_app(settings or self.settings, model=self.model, migrate=False, worker=False)

    def copy(self, tmp_path: Path) -> Settings:
        """SQLite: the data dir holds the database too, so a copy of it is a fresh world."""
        shutil.copytree(self.settings.data_dir, tmp_path / "data")
        return settings_for(tmp_path / "data", self.model)


def settings_for(data_dir: Path, model: Model, database_url: str | None = None) -> Settings:
    # The model setting names the test model too, so `POST /v1/admin/reload` reloads the same one.
    return Settings(data_dir=data_dir, database_url=database_url, model=str(model.path))


def _seed(service: Service) -> dict[str, dict[str, str]]:
    """Six queued items: one confirmed, one escalated, one claimed, one under an unmask request."""
    headers = {role: service.user(role, name=login_name(role)) for role in CALLERS if role != "partner"}
    headers["partner"] = service.partner(scopes=("score", "ingest"))
    reviewer, requester = service.user("analyst"), service.user("supervisor")
    ids = queue_items(service, 6, key=service.partner())
    for decision, reason in (("confirm", "indicators-present"), ("escalate", "needs-second-opinion")):
        item_id = claim(service, reviewer)
        assert item_id is not None
        assert decide(service, reviewer, item_id, decision, reason).status_code == 200
    assert claim(service, reviewer) is not None
    body = {"reason": "seeded for the fuzz test"}
    unmask = service.client.post(f"/v1/items/{ids[-1]}/unmask", json=body, headers=requester)
    assert unmask.status_code == 201, unmask.text
    return headers


def login_name(role: str) -> str:
    return f"fuzz-{role}"


def _build(settings: Settings, model: Model) -> World:
    app = create_app(settings, model=model, worker=False)
    with TestClient(app) as client:
        headers = _seed(Service(client=client, state=app.state.baliza))
    app.state.baliza.engine.dispose()  # SQLite folds its WAL back into the one file to copy
    return World(settings, model, headers, app.openapi())


@pytest.fixture(scope="module")
def sqlite_world(tmp_path_factory: pytest.TempPathFactory, service_model: Model) -> World:
    return _build(settings_for(tmp_path_factory.mktemp("fuzz-sqlite") / "data", service_model), service_model)


@pytest.fixture(scope="module")
def postgres_world(tmp_path_factory: pytest.TempPathFactory, service_model: Model) -> Iterator[World]:
    """One database for the whole PostgreSQL pass: a clone per test would cost a second each, most
    of it in DROP DATABASE, so here the operations see what the ones before them left."""
    admin = os.environ.get(PG_ENV)
    if not admin:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PG_ENV} is not set: CI must fuzz the service on PostgreSQL too")
        pytest.skip(f"PostgreSQL not configured ({PG_ENV})")
    name = f"baliza_fz_{uuid.uuid4().hex[:10]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    try:
        yield _build(
            settings_for(tmp_path_factory.mktemp("fuzz-postgres") / "data", service_model, url), service_model
        )
    finally:
        drop_database(admin, name)


# --- A real server: uvicorn on 127.0.0.1, serving the running test's app ---------------------------


@dataclass
class Current:
    """The ASGI app uvicorn serves: whichever app the running test put here."""

    app: FastAPI | None = None

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        assert self.app is not None, "no app for this request"
        await self.app(scope, receive, send)


@dataclass
class Server:
    url: str
    current: Current
    session: requests.Session = field(default_factory=requests.Session)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    """One uvicorn for the module; no lifespan, since each test's app is built on migrated data."""
    sock = bind("127.0.0.1", 0)
    current = Current()
    config = uvicorn.Config(current, lifespan="off", log_level="warning", server_header=False)
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    served = Server(url=f"http://127.0.0.1:{sock.getsockname()[1]}", current=current)
    try:
        while not running.started:
            assert thread.is_alive(), "uvicorn did not start"
            time.sleep(0.01)
        yield served
    finally:
        served.session.close()
        running.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def schema(sqlite_world: World) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_dict(sqlite_world.openapi)


@contextmanager
def serving(server: Server, app: FastAPI) -> Iterator[Server]:
    server.current.app = app
    try:
        yield server
    finally:
        server.current.app = None


# --- The fuzzing ---------------------------------------------------------------------------------


@dataclass
class Findings:
    """Distinct failures (kind and status) with the shortest request that showed each."""

    found: dict[tuple[str, int], tuple[str, str]] = field(default_factory=dict)

    def add(self, kind: str, status: int, curl: str, body: str = "") -> None:
        key = (kind, status)
        if key not in self.found or len(curl) < len(self.found[key][0]):
            self.found[key] = (curl, body[:160])

    def report(self, label: str) -> str:
        lines = [f"{label}: {len(self.found)} kind(s) of failure; seed {SEED} (set BALIZA_FUZZ_SEED to vary)"]
        for (kind, status), (curl, body) in sorted(self.found.items()):
            lines.append(
                f"- {kind}, status {status or 'none'}: {curl}" + (f"\n    -> {body}" if body else "")
            )
        return "\n".join(lines)


def _types(schema: dict) -> set[str]:
    return {schema["type"]} if "type" in schema else {t for s in schema.get("anyOf", []) for t in _types(s)}


def _edges(schema: dict) -> list[Any]:
    """Values at and one past the bounds a parameter declares, past 32 and 64 bits (PostgreSQL's
    `integer` and `bigint`), and a NUL in text (which PostgreSQL cannot store)."""
    types = _types(schema)
    if "integer" in types:
        bounds = [o.get(b) for o in (schema, *schema.get("anyOf", [])) for b in ("minimum", "maximum")]
        declared = {b + d for b in bounds if b is not None for d in (-1, 0, 1)}
        return sorted({*declared, -1, 0, 2**31 - 1, 2**31, INT64 - 1, INT64, 2**64, -INT64 - 1})
    if "number" in types:
        return list(NUMBER_EDGES)
    return [NUL_TEXT] if "string" in types else []


def _with_nul(value: Any) -> Any:
    """Every text in a JSON body with a NUL character in it (SQLite keeps it, PostgreSQL refuses it)."""
    if isinstance(value, str):
        return value + NUL_TEXT
    if isinstance(value, list):
        return [_with_nul(v) for v in value]
    if isinstance(value, dict):
        return {k: _with_nul(v) for k, v in value.items()}
    return value


def _nul_body(case: schemathesis.Case) -> schemathesis.Case:
    case.body = _with_nul(case.body)
    return case


def strategies(operation: schemathesis.APIOperation, definition: dict) -> list[tuple[st.SearchStrategy, int]]:
    """(strategy, examples): drawn valid and invalid requests, then each edge of each parameter in
    turn (the rest of the request drawn valid), then valid bodies with a NUL in every text."""
    valid = operation.as_strategy(generation_mode=GenerationMode.POSITIVE)
    drawn = st.one_of(valid, operation.as_strategy(generation_mode=GenerationMode.NEGATIVE))
    found = [(drawn, EXAMPLES)]
    for parameter in definition.get("parameters", []):
        where = {"path": "path_parameters", "query": "query"}.get(parameter["in"])
        for value in _edges(parameter["schema"]) if where else []:
            fixed = {where: {parameter["name"]: value}}
            edge = operation.as_strategy(generation_mode=GenerationMode.POSITIVE, **fixed)
            found.append((edge, EDGE_EXAMPLES))
    if "requestBody" in definition:
        found.append((valid.map(_nul_body), EDGE_EXAMPLES))
    return found


def fuzz(
    schema: schemathesis.BaseSchema,
    world: World,
    server: Server,
    operation: tuple[str, str],
    headers: dict[str, str],
    label: str,
) -> None:
    """Every strategy of the operation with these credentials; fails once at the end, listing all
    it found."""
    method, path = operation
    url, session = server.url, server.session
    definition = world.openapi["paths"][path][method.lower()]
    findings = Findings()

    def probe(case: schemathesis.Case) -> None:
        curl = case.as_curl_command(headers=headers, base_url=url)
        try:
            response = case.call(base_url=url, session=session, headers=headers, timeout=REQUEST_TIMEOUT)
        except requests.RequestException as exc:
            findings.add(f"no response ({type(exc).__name__})", 0, curl)
            return
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except FailureGroup as group:
            for failure in group.exceptions:
                findings.add(failure.title, response.status_code, curl, response.text)

    for strategy, examples in strategies(schema[path][method], definition):
        run = hypothesis.given(case=strategy)(probe)
        run = hypothesis.settings(
            max_examples=examples,
            deadline=None,
            database=None,
            derandomize=False,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )(run)
        hypothesis.seed(SEED)(run)()
    if findings.found:
        pytest.fail(findings.report(f"{method} {path} as {label}"), pytrace=False)


@pytest.fixture
def sqlite_server(sqlite_world: World, server: Server, tmp_path: Path) -> Iterator[Server]:
    """This test's own copy of the seeded SQLite world, served until it ends."""
    app = sqlite_world.app(sqlite_world.copy(tmp_path))
    with serving(server, app):
        yield server
    app.state.baliza.engine.dispose()


@pytest.fixture(scope="module")
def postgres_app(postgres_world: World) -> Iterator[FastAPI]:
    app = postgres_world.app()
    yield app
    app.state.baliza.engine.dispose()


@pytest.fixture
def postgres_server(postgres_app: FastAPI, server: Server) -> Iterator[Server]:
    with serving(server, postgres_app):
        yield server


@pytest.fixture
def postgres_headers(caller: str, postgres_world: World, postgres_server: Server) -> dict[str, str]:
    """People log in again for each test: on the shared database, one test's `POST /v1/auth/logout`
    would otherwise end the session of every test after it."""
    if caller == "partner":
        return postgres_world.headers[caller]
    credentials = {"username": login_name(caller), "password": PASSWORD}
    # A connection of its own: the shared session's may be one the server is closing after a 500.
    response = requests.post(
        f"{postgres_server.url}/v1/auth/login", json=credentials, timeout=REQUEST_TIMEOUT
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


@pytest.mark.parametrize("caller", CALLERS)
def test_every_operation_answers_as_declared(operation, caller, schema, sqlite_world, sqlite_server):
    fuzz(schema, sqlite_world, sqlite_server, operation, sqlite_world.headers[caller], f"{caller} on SQLite")


@pytest.mark.parametrize("caller", POSTGRES_CALLERS)
def test_every_operation_answers_as_declared_on_postgresql(
    operation, caller, schema, postgres_world, postgres_server, postgres_headers
):
    fuzz(schema, postgres_world, postgres_server, operation, postgres_headers, f"{caller} on PostgreSQL")
