"""Takedown notices end to end: once a case's takedown is signed off by a second supervisor and sent,
a confirmed ad's partner receives a signed webhook on a real HTTP server; failures are retried with
back-off (driven by an explicit clock, never by sleeping), every attempt is recorded and audited,
and the notice carries no text. A confirm alone sends nothing."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import select

from service.db.models import AuditEvent, WebhookAttempt, WebhookDelivery, utcnow
from service.review import webhooks
from tests.factories import at
from tests.service.api.helpers import claim, decide, flagged_rows, post_ads, send_takedown

PHONE = "+34 622 333 444"
pytestmark = pytest.mark.usefixtures("private_webhooks")  # the receivers listen on 127.0.0.1


class Receiver:
    """A partner's endpoint: records every request; answers `failures` times 500, then 200."""

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.received: list[tuple[dict[str, str], bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((dict(self.headers.items()), body))
                failing = len(receiver.received) <= receiver.failures
                self.send_response(500 if failing else 200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/takedown"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    made: list[Receiver] = []

    def make(failures: int = 0) -> Receiver:
        made.append(Receiver(failures))
        return made[-1]

    yield make  # type: ignore[misc]
    for r in made:
        r.close()


def _confirm_one(service, key: dict, external_id: str = "w-1", sent: int = 200) -> int:
    """Confirm one ad, then send its case's takedown (answered `sent`: 409 when nobody can take it)."""
    (row,) = flagged_rows(service, 1)
    (item_id,) = post_ads(service, key, [{"external_id": external_id, "text": f"{row['text']}\nTel {PHONE}"}])
    analyst = service.user("analyst")
    assert claim(service, analyst) == item_id
    assert decide(service, analyst, item_id, "confirm", "indicators-present").status_code == 200
    assert _deliveries(service) == []  # one analyst's confirm sends nothing
    assert send_takedown(service, [item_id]).status_code == sent
    return item_id


def _deliveries(service) -> list[WebhookDelivery]:
    with service.state.sessions() as session:
        return list(session.scalars(select(WebhookDelivery)))


def test_confirmation_sends_a_signed_takedown_notice(service, receiver):
    endpoint = receiver()
    key, secret = service.partner_with_secret(endpoint.url)
    item_id = _confirm_one(service, key)
    assert endpoint.received == []  # nothing is sent inside the request
    assert webhooks.deliver_due(service.state) == 1
    ((headers, raw),) = endpoint.received
    expected = hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    assert headers["X-Baliza-Signature"] == expected
    body = json.loads(raw)
    assert body["event"] == "takedown" and body["external_id"] == "w-1" and body["item_id"] == item_id
    assert body["report_id"].startswith("BZC-") and body["decided_at"] and body["indicators"]
    assert set(body) == {
        "event",
        "external_id",
        "item_id",
        "indicators",
        "decided_at",
        "report_id",
        "case_id",
    }
    # The phone's digits as a run ("622 333", "622333"): a bare "622" also turns up in a timestamp's
    # microseconds about one run in 250.
    assert b"PHONE" not in raw and not any(run in raw for run in (b"622 333", b"622333", b"333 444"))
    (delivery,) = _deliveries(service)
    assert delivery.status == "delivered" and delivery.attempts == 1 and delivery.last_status == 200
    assert webhooks.deliver_due(service.state) == 0  # delivered once only
    status = service.client.get("/v1/items/w-1", headers=key).json()
    assert status["takedown_requested"] is True and status["takedown_delivery"] == "delivered"


def test_a_failing_endpoint_is_retried_with_backoff_then_succeeds(service, receiver):
    endpoint = receiver(failures=2)
    key, secret = service.partner_with_secret(endpoint.url)
    _confirm_one(service, key)
    start = utcnow() + timedelta(seconds=1)
    assert webhooks.deliver_due(at(service.state, start)) == 1  # 500
    (delivery,) = _deliveries(service)
    assert delivery.status == "pending" and delivery.attempts == 1 and delivery.last_status == 500
    assert delivery.next_attempt_at == start + timedelta(seconds=2)
    assert webhooks.deliver_due(at(service.state, start + timedelta(seconds=1))) == 0  # not due yet
    assert webhooks.deliver_due(at(service.state, start + timedelta(seconds=2))) == 1  # 500 again
    (delivery,) = _deliveries(service)
    assert delivery.next_attempt_at == start + timedelta(seconds=6)  # waited 4 s more
    assert webhooks.deliver_due(at(service.state, start + timedelta(seconds=5))) == 0
    assert webhooks.deliver_due(at(service.state, start + timedelta(seconds=6))) == 1  # 200
    (delivery,) = _deliveries(service)
    assert delivery.status == "delivered" and delivery.attempts == 3
    bodies = {raw for _, raw in endpoint.received}
    assert len(endpoint.received) == 3 and len(bodies) == 1  # every retry is byte-identical
    for headers, raw in endpoint.received:
        assert headers["X-Baliza-Signature"] == hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    with service.state.sessions() as session:
        attempts = session.scalars(select(WebhookAttempt).order_by(WebhookAttempt.id)).all()
        assert [a.status_code for a in attempts] == [500, 500, 200]
        audited = session.scalars(select(AuditEvent).where(AuditEvent.action == "webhook.attempt")).all()
        assert [e.detail["status_code"] for e in audited] == [500, 500, 200]
        assert audited[-1].detail["outcome"] == "delivered"


def test_delivery_gives_up_after_the_last_attempt(service, receiver):
    endpoint = receiver(failures=1000)
    key, _ = service.partner_with_secret(endpoint.url)
    _confirm_one(service, key)
    now = utcnow()
    for _ in range(webhooks.MAX_ATTEMPTS):
        assert webhooks.deliver_due(at(service.state, now)) == 1
        (delivery,) = _deliveries(service)
        now = delivery.next_attempt_at if delivery.status == "pending" else now + timedelta(days=1)
    (delivery,) = _deliveries(service)
    assert delivery.status == "failed" and delivery.attempts == webhooks.MAX_ATTEMPTS
    assert webhooks.deliver_due(at(service.state, now + timedelta(days=30))) == 0
    assert len(endpoint.received) == webhooks.MAX_ATTEMPTS


def test_an_unreachable_endpoint_is_an_attempt_too(service, receiver):
    endpoint = receiver()
    key, _ = service.partner_with_secret(endpoint.url)
    endpoint.close()  # nobody listens any more
    _confirm_one(service, key)
    assert webhooks.deliver_due(service.state) == 1
    (delivery,) = _deliveries(service)
    assert delivery.status == "pending" and delivery.last_status is None and delivery.last_error


def test_no_webhook_no_delivery_and_backoff_is_capped(service):
    key = service.partner()
    _confirm_one(service, key, sent=409)
    assert _deliveries(service) == []
    assert [webhooks.backoff(n).total_seconds() for n in (1, 2, 3)] == [2, 4, 8]
    assert webhooks.backoff(20).total_seconds() == webhooks.BACKOFF_CAP_SECONDS
