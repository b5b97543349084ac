"""Shared helpers of the queue, decision, webhook and concurrency tests: put real flagged ads in the
queue through `/v1/score`, and small shortcuts for claiming and deciding over HTTP."""

from __future__ import annotations

import os
import re
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import httpx
import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from models.scoring import score_records
from service.db.engine import make_engine
from service.db.models import Item, Receipt
from service.review import receipts
from tests.factories import TEST_FILE, read_jsonl

PG_ENV = "BALIZA_TEST_POSTGRES_URL"
METRICS_TOKEN = "metrics-scraper-token"
ROWS = read_jsonl(TEST_FILE)
POSITIVES = [r for r in ROWS if r["label"] == 1]
NEGATIVES = [r for r in ROWS if r["label"] == 0]
_flagged: dict[str, list[dict]] = {}


def flagged_rows(service, n: int, lang: str | None = None) -> list[dict]:  # type: ignore[no-untyped-def]
    """The first `n` synthetic positives (optionally of one language) the test model flags."""
    model = service.state.model.get()
    if model.version not in _flagged:
        records = [{"id": r["id"], "text": r["text"], "lang": r["lang"]} for r in POSITIVES]
        scored = score_records(model, records, batch_size=128)
        _flagged[model.version] = [r for r, s in zip(POSITIVES, scored, strict=True) if s["flagged"]]
    rows = [r for r in _flagged[model.version] if lang is None or r["lang"] == lang]
    assert len(rows) >= n, f"the test model flags only {len(rows)} positives"
    return rows[:n]


def post_ads(service, key: dict, ads: Iterable[dict]) -> list[int]:  # type: ignore[no-untyped-def]
    """Score the ads (`external_id`, `text`, optional url/source/lang); all must be flagged.

    Returns the queued item ids in the order given.
    """
    ads = list(ads)
    response = service.client.post("/v1/score", json={"items": ads}, headers=key)
    assert response.status_code == 200, response.text
    assert all(item["flagged"] for item in response.json()["items"]), "an ad meant to be flagged was not"
    keys = [receipts.id_key(service.state, a["external_id"]) for a in ads]  # receipts hold keyed ids
    with service.state.sessions() as session:
        ids = dict(
            session.execute(
                select(Receipt.external_id, Receipt.item_id).where(Receipt.external_id.in_(keys))
            ).all()
        )
    return [ids[key] for key in keys]


def queue_items(  # type: ignore[no-untyped-def]
    service, n: int, key: dict | None = None, prefix: str = "ad", **fields: str
) -> list[int]:
    """Queue `n` real flagged ads through /v1/score; `fields` (source, url, lang) go on every ad."""
    key = key or service.partner()
    rows = flagged_rows(service, n)
    ads = [{"external_id": f"{prefix}-{i}", "text": r["text"], **fields} for i, r in enumerate(rows)]
    ids: list[int] = []
    for start in range(0, len(ads), 64):
        ids += post_ads(service, key, ads[start : start + 64])
    return ids


def claim(service, headers: dict, **params: str) -> int | None:  # type: ignore[no-untyped-def]
    response = service.client.post("/v1/queue/claim", headers=headers, params=params)
    if response.status_code == 204:
        return None
    assert response.status_code == 200, response.text
    return int(response.json()["id"])


def decide(  # type: ignore[no-untyped-def]
    service, headers: dict, item_id: int, decision: str, reason: str, note: str = "", **extra: str
):
    body = {"decision": decision, "reason": reason, "note": note, **extra}
    return service.client.post(f"/v1/items/{item_id}/decision", json=body, headers=headers)


def send_takedown(service, item_ids: list[int]):  # type: ignore[no-untyped-def]
    """What turns confirmed items into takedown notices: one supervisor builds a case of them, a
    second signs its takedown off, the first sends it. Returns the send answer."""
    drafter, signer = service.user("supervisor"), service.user("supervisor")
    made = service.client.post("/v1/cases", json={"item_ids": item_ids, "title": "takedown"}, headers=drafter)
    assert made.status_code == 201, made.text
    case_id = made.json()["id"]
    signed = service.client.post(
        f"/v1/cases/{case_id}/signoff", json={"document": "takedown"}, headers=signer
    )
    assert signed.status_code == 200, signed.text
    return service.client.post(f"/v1/cases/{case_id}/send", json={"document": "takedown"}, headers=drafter)


def item(service, item_id: int) -> Item:  # type: ignore[no-untyped-def]
    with service.state.sessions() as session:
        row = session.get(Item, item_id)
        assert row is not None
        return row


def postgres_admin(needed_for: str) -> str:
    """The test PostgreSQL's admin URL; without one the test is skipped, or fails under CI=true
    ("CI must run `needed_for`")."""
    admin = os.environ.get(PG_ENV)
    if not admin:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PG_ENV} is not set: CI must run {needed_for}")
        pytest.skip(f"PostgreSQL not configured ({PG_ENV})")
    return admin


@contextmanager
def new_database(admin_url: str, stem: str, template: str | None = None) -> Iterator[tuple[str, str]]:
    """(name, URL) of a new database (a copy of `template`, else empty), dropped on exit."""
    name = f"{stem}_{uuid.uuid4().hex[:10]}"
    copy = f' TEMPLATE "{template}"' if template else ""
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    finally:
        engine.dispose()
    try:
        yield name, make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        drop_database(admin_url, name)


@contextmanager
def unmigrated(database_url: str) -> Iterator[Engine]:
    """An engine on an empty database of the `database_url` fixture's backend, for migration tests:
    the SQLite fixture's file is empty still; the PostgreSQL fixture's database is migrated already,
    so a sibling database is created (and dropped on exit)."""
    if not database_url.startswith("postgresql"):
        engine = make_engine(database_url)
        try:
            yield engine
        finally:
            engine.dispose()
        return
    with new_database(database_url, make_url(database_url).database + "_m") as (_, url):
        engine = make_engine(url)
        try:
            yield engine
        finally:
            engine.dispose()


def drop_database(admin_url: str, name: str, attempts: int = 10) -> None:
    """Drop a test database, retrying: `WITH (FORCE)` refuses when the backend it would terminate
    belongs to no role we hold, which an autovacuum worker that just connected to it does."""
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        for attempt in range(attempts):
            try:
                with engine.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                return
            except DBAPIError:
                if attempt == attempts - 1:
                    raise
                time.sleep(0.5)
    finally:
        engine.dispose()


def form_login(client: TestClient, name: str, password: str, **kwargs: object) -> httpx.Response:
    """Log `client` in through the workspace's form as a browser does: load /login (its CSRF cookie
    and hidden field), then post the form with that field. `kwargs` go to the post."""
    page = client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    form = {"username": name, "password": password, "csrf": token}
    return client.post("/login", data=form, **kwargs)  # type: ignore[arg-type]


def scrape_metrics(service) -> httpx.Response:  # type: ignore[no-untyped-def]
    """GET /metrics as Prometheus does once an operator set BALIZA_METRICS_TOKEN."""
    service.state.settings.metrics_token = METRICS_TOKEN
    response = service.client.get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    assert response.status_code == 200, response.text
    return response


def all_routes(app: FastAPI) -> dict[str, APIRoute]:
    """Every route of the app, the API's and the pages', as "METHOD path", whether FastAPI keeps
    included routers flat or lazily."""
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # older FastAPI: app.routes holds the APIRoutes themselves
        found = [(r.path, r) for r in app.routes if isinstance(r, APIRoute)]
    else:
        found = [
            (context.path, context.original_route)
            for context in iter_route_contexts(app.routes)
            if isinstance(context.original_route, APIRoute)
        ]
    return {f"{method} {path}": route for path, route in found for method in sorted(route.methods)}


def route_path(name: str) -> str:
    """The path of a route named "METHOD path"."""
    return name.split(" ", 1)[1]
