"""No partner stalls an analyst (SQLite file in WAL mode, and PostgreSQL): the model runs outside any
transaction, so a scoring call that takes minutes blocks no queue read, claim or decision; a
partner's text budget refuses with 429 before scoring; a write that cannot get its lock in time is a
503 with `Retry-After`, and the next try goes through; `source` and `external_id` are redacted in
the queue and the item view, while the partner still names its ad by its own id."""

from __future__ import annotations

import json
import sqlite3
import threading
import time

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from models import scoring as model_scoring
from service.app import create_app
from service.db import engine as db
from service.review import accounts
from tests.service.api.helpers import NEGATIVES, decide, flagged_rows, queue_items

FAST = 2.0  # seconds an analyst's request may take while the model is busy (it takes ms)
EMAIL_ID = "ana.lopez@example.com"
PHONE_SOURCE = "contacto 612 345 678"


class HeldModel:
    """`score_ads` wrapped: the first call signals it started, then waits for `release`."""

    def __init__(self) -> None:
        self.real = model_scoring.score_ads
        self.started = threading.Event()
        self.release = threading.Event()
        self.calls = 0

    def __call__(self, model, ads, batch_size=64):  # type: ignore[no-untyped-def]
        self.calls += 1
        if self.calls == 1:
            self.started.set()
            assert self.release.wait(60), "the test never released the model"
        return self.real(model, ads, batch_size)


def _timed(call):  # type: ignore[no-untyped-def]
    start = time.monotonic()
    response = call()
    return response, time.monotonic() - start


def test_a_long_scoring_call_blocks_no_analyst_read_claim_or_decision(service, monkeypatch):
    ids = queue_items(service, 3)
    analyst = service.user("analyst")
    key = service.partner()
    held = HeldModel()
    monkeypatch.setattr(model_scoring, "score_ads", held)
    partner_client = TestClient(service.client.app)
    body = {"items": [{"external_id": "slow-1", "text": flagged_rows(service, 4)[3]["text"]}]}
    answer: dict = {}
    partner = threading.Thread(
        target=lambda: answer.update(response=partner_client.post("/v1/score", json=body, headers=key))
    )
    partner.start()
    try:
        assert held.started.wait(30)
        listed, listed_s = _timed(lambda: service.client.get("/v1/queue", headers=analyst))
        claimed, claimed_s = _timed(lambda: service.client.post("/v1/queue/claim", headers=analyst))
        assert listed.status_code == 200 and claimed.status_code == 200, (listed.text, claimed.text)
        item_id = claimed.json()["id"]
        opened, opened_s = _timed(lambda: service.client.get(f"/v1/queue/{item_id}", headers=analyst))
        decided, decided_s = _timed(
            lambda: decide(service, analyst, item_id, "dismiss", "legitimate-offer", "while scoring")
        )
        assert opened.status_code == 200 and decided.status_code == 200, (opened.text, decided.text)
        assert max(listed_s, claimed_s, opened_s, decided_s) < FAST
        assert partner.is_alive()  # all of it while the partner's request was still in the model
    finally:
        held.release.set()
        partner.join(60)
    assert answer["response"].status_code == 200, answer["response"].text
    assert answer["response"].json()["items"][0]["flagged"] is True
    queued = service.client.get("/v1/queue", headers=analyst).json()
    assert queued["counts"]["queued"] == len(ids)  # three queued, one dismissed, the slow one queued


def test_the_text_budget_is_a_429_with_retry_after_before_any_scoring(settings, service_model, monkeypatch):
    texts = [r["text"] for r in NEGATIVES[:6]]
    budget = sum(map(len, texts[:3])) + 10
    app = create_app(settings.with_changes(char_budget_per_minute=budget), model=service_model, worker=False)
    state = app.state.baliza
    spy = HeldModel()
    spy.calls = 1  # counts calls, holds none
    monkeypatch.setattr(model_scoring, "score_ads", spy)
    try:
        with TestClient(app) as client:
            with state.sessions() as session:
                key = {"X-API-Key": accounts.create_key(session, state, "wordy", "test")[0]}
                other = {"X-API-Key": accounts.create_key(session, state, "calm", "test")[0]}
            first = {"items": [{"external_id": f"b-{i}", "text": t} for i, t in enumerate(texts[:3])]}
            more = {"items": [{"external_id": f"b-{i}", "text": t} for i, t in enumerate(texts[3:], 3)]}
            assert client.post("/v1/score", json=first, headers=key).status_code == 200
            refused = client.post("/v1/score", json=more, headers=key)
            assert refused.status_code == 429 and "text budget" in refused.json()["detail"]
            assert 1 <= int(refused.headers["Retry-After"]) <= 60
            assert spy.calls == 2  # the refused request never reached the model
            assert client.post("/v1/score", json=first, headers=key).status_code == 200  # a retry is free
            assert client.post("/v1/score", json=more, headers=other).status_code == 200  # per key
    finally:
        state.engine.dispose()


def _hold_write_lock(url: str, table: str = "receipts"):  # type: ignore[no-untyped-def]
    """Another client holding what a write needs (on PostgreSQL, `table`); returns its release."""
    if make_url(url).get_backend_name() == "sqlite":
        raw = sqlite3.connect(make_url(url).database, isolation_level=None)
        raw.execute("BEGIN IMMEDIATE")
        return lambda: (raw.rollback(), raw.close())
    engine = create_engine(url)
    connection = engine.connect()
    connection.execute(text(f"LOCK TABLE {table} IN EXCLUSIVE MODE"))  # reads go on, writes wait
    return lambda: (connection.rollback(), connection.close(), engine.dispose())


def test_a_write_that_cannot_get_its_lock_is_a_503_and_the_next_try_goes_through(
    settings, service_model, monkeypatch
):
    monkeypatch.setattr(db, "WRITE_WAIT_S", 0.5)  # before the engine exists: PostgreSQL's lock_timeout
    app = create_app(settings, model=service_model, worker=False)
    state = app.state.baliza
    body = {"items": [{"external_id": "locked-1", "text": NEGATIVES[0]["text"]}]}
    try:
        with TestClient(app) as client:
            with state.sessions() as session:
                key = {"X-API-Key": accounts.create_key(session, state, "patient", "test")[0]}
            release = _hold_write_lock(settings.resolved_database_url)
            try:
                refused, seconds = _timed(lambda: client.post("/v1/score", json=body, headers=key))
                status = client.get(f"/v1/items/{body['items'][0]['external_id']}", headers=key)
            finally:
                release()
            assert refused.status_code == 503 and "busy" in refused.json()["detail"], refused.text
            assert int(refused.headers["Retry-After"]) >= 1 and seconds < 10
            assert status.status_code == 404  # reading needs no lock: answered while it was held
            assert client.post("/v1/score", json=body, headers=key).status_code == 200
    finally:
        state.engine.dispose()


def test_any_route_whose_write_cannot_get_its_lock_is_a_503_not_a_500(settings, service_model, monkeypatch):
    monkeypatch.setattr(db, "WRITE_WAIT_S", 0.5)
    app = create_app(settings, model=service_model, worker=False)
    state = app.state.baliza
    try:
        with TestClient(app) as client:
            with state.sessions() as session:
                accounts.add_user(session, state, "waiting", "analyst", "a-long-password-1", "test")
            login = {"username": "waiting", "password": "a-long-password-1"}
            release = _hold_write_lock(settings.resolved_database_url, "users")  # a login writes its user
            try:
                refused = client.post("/v1/auth/login", json=login)
            finally:
                release()
            assert refused.status_code == 503 and "busy" in refused.json()["detail"], refused.text
            assert int(refused.headers["Retry-After"]) >= 1
            assert client.post("/v1/auth/login", json=login).status_code == 200
    finally:
        state.engine.dispose()


def test_source_and_external_id_are_redacted_in_the_queue_and_the_item_view(service):
    key = service.partner()
    row = flagged_rows(service, 1)[0]
    ad = {"external_id": EMAIL_ID, "text": row["text"], "source": PHONE_SOURCE}
    scored = service.client.post("/v1/score", json={"items": [ad]}, headers=key)
    assert scored.status_code == 200 and scored.json()["items"][0]["external_id"] == EMAIL_ID
    analyst = service.user("analyst")
    listed = service.client.get("/v1/queue", headers=analyst).json()
    [entry] = listed["items"]
    assert "612" not in entry["source"] and "[PHONE:" in entry["source"]
    shown = service.client.get(f"/v1/queue/{entry['id']}", headers=analyst).json()
    assert shown["external_id"].startswith("[EMAIL:") and shown["source"] == entry["source"]
    assert EMAIL_ID not in json.dumps(shown) and "612 345" not in json.dumps(listed)
    own = service.client.get(f"/v1/items/{EMAIL_ID}", headers=key)
    assert own.status_code == 200 and own.json()["external_id"] == EMAIL_ID  # the partner's own id
