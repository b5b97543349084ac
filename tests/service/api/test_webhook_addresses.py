"""Webhooks go to https and public addresses only: refused when an admin sets one (400), and checked
again at every delivery, because a name's DNS may change after the key was made — the delivery then
connects to the address it checked, naming the partner's host for `Host` and TLS.

Names resolve through a stand-in for `outbound.resolve` (no network); the delivery goes through
httpx's mock transport, which shows where a real one would have connected.
"""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from service.db.models import WebhookAttempt
from service.review import webhooks
from service.security import outbound
from tests.factories import at
from tests.service.api.helpers import claim, decide, flagged_rows, post_ads, send_takedown

REFUSED = [
    "https://169.254.169.254/latest/meta-data/",
    "https://localhost/hook",
    "https://10.0.0.7/hook",
    "https://[::ffff:127.0.0.1]/hook",
    "http://partner.example/hook",  # plain http
]


@pytest.mark.parametrize("url", REFUSED)
def test_an_admin_cannot_point_a_webhook_inside(service, url):
    admin = service.user("admin")
    response = service.client.post("/v1/admin/keys", json={"partner": "acme", "webhook": url}, headers=admin)
    assert response.status_code == 400, response.text
    assert response.json()["detail"].startswith("webhook must")


def test_the_operator_setting_allows_private_addresses(service, private_webhooks):
    admin = service.user("admin")
    body = {"partner": "acme", "webhook": "http://127.0.0.1:9/hook"}
    assert service.client.post("/v1/admin/keys", json=body, headers=admin).status_code == 201


def confirmed_with_webhook(service, url: str) -> None:  # type: ignore[no-untyped-def]
    key, _ = service.partner_with_secret(url)
    (row,) = flagged_rows(service, 1)
    (item_id,) = post_ads(service, key, [{"external_id": "hook-1", "text": row["text"]}])
    analyst = service.user("analyst")
    assert claim(service, analyst) == item_id
    assert decide(service, analyst, item_id, "confirm", "indicators-present").status_code == 200
    assert send_takedown(service, [item_id]).status_code == 200


def test_each_delivery_checks_the_address_again_and_connects_to_it(service, monkeypatch):
    answers = {"partner.example": ["93.184.215.14"]}
    monkeypatch.setattr(outbound, "resolve", lambda host, port: answers[host])
    confirmed_with_webhook(service, "https://partner.example/takedown")  # public when created
    sent: list[httpx.Request] = []

    def partner(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)  # so the delivery is retried

    answers["partner.example"] = ["169.254.169.254"]  # DNS changed: now the metadata service
    with httpx.Client(transport=httpx.MockTransport(partner)) as client:
        assert webhooks.deliver_due(service.state, client=client) == 1
        assert sent == []  # refused before connecting
        with service.state.sessions() as session:
            (attempt,) = session.scalars(select(WebhookAttempt)).all()
            assert attempt.status_code is None and "169.254.169.254" in attempt.error

        answers["partner.example"] = ["93.184.215.14"]
        later = service.state.now() + webhooks.backoff(1)
        assert webhooks.deliver_due(at(service.state, later), client=client) == 1
    (request,) = sent
    assert request.url == httpx.URL("https://93.184.215.14/takedown")  # the address checked ...
    assert request.headers["host"] == "partner.example"  # ... for the partner's host
    assert request.extensions["sni_hostname"] == "partner.example"  # TLS checks its certificate
