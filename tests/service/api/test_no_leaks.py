"""No original phone number, e-mail or handle of a flagged ad leaves the service, except the values
an approved unmask returns to the supervisor who asked for them.

Known values are planted in flagged ads, then every flow runs: scoring, queue, item views (API and
page), escalation, confirmation, case report, a case (API and pages), partner status, takedown
webhook, export, audit log, metrics, unmask request/approval, notes and reasons that repeat the
values. Every response body, every log record, every audit row and every stored column (the vault's
ciphertext aside) is scanned for each value in every form it could take (as written, E.164, digits,
lower-cased).
"""

from __future__ import annotations

import json
import logging

import httpx
import pytest
from sqlalchemy import inspect, select, text

from service.db.models import AuditEvent
from service.review import webhooks
from tests.service.api.conftest import PASSWORD
from tests.service.api.helpers import flagged_rows, form_login, scrape_metrics

PHONE_RAW, PHONE_E164 = "+57 310 456 7890", "+573104567890"
EMAIL = "Lucia.Planted@example.org"
HANDLE = "@planted_recruiter"
FORMS = [
    PHONE_RAW,
    PHONE_E164,
    "3104567890",
    "310 456 7890",
    EMAIL,
    EMAIL.lower(),
    HANDLE,
    "planted_recruiter",
]


def leaks(blob: str) -> list[str]:
    return [form for form in FORMS if form.lower() in blob.lower()]


@pytest.mark.usefixtures("private_webhooks")  # the takedown notice goes to 127.0.0.1
def test_planted_values_never_leave_except_through_an_approved_unmask(service, caplog):
    caplog.set_level(logging.DEBUG)
    seen: list[tuple[str, str]] = []

    def keep(label: str, response: httpx.Response) -> httpx.Response:
        seen.append((label, response.text))
        return response

    hooks: list[httpx.Request] = []
    key = service.partner_with_secret("http://127.0.0.1:9/takedown")[0]
    row = flagged_rows(service, 1)[0]
    planted = f"{row['text']}\nLlamar al {PHONE_RAW} o escribir a {EMAIL}, Instagram {HANDLE}"
    ad = {"external_id": "planted-1", "text": planted, "url": "https://ads.example.net/a/1"}
    scored = keep("score", service.client.post("/v1/score", json={"items": [ad]}, headers=key))
    assert scored.json()["items"][0]["flagged"] is True
    keep("score again", service.client.post("/v1/score", json={"items": [ad]}, headers=key))

    analyst, sup_a, sup_b = service.user("analyst"), service.user("supervisor"), service.user("supervisor")
    researcher = service.user("researcher")
    keep("queue", service.client.get("/v1/queue", headers=analyst))
    item_id = keep("claim", service.client.post("/v1/queue/claim", headers=analyst)).json()["id"]
    keep("view", service.client.get(f"/v1/queue/{item_id}", headers=analyst))
    note = f"same number {PHONE_RAW} as last week, mail {EMAIL}"
    body = {"decision": "escalate", "reason": "needs-second-opinion", "note": note, "lean": "confirm"}
    keep("escalate", service.client.post(f"/v1/items/{item_id}/decision", json=body, headers=analyst))
    keep("claim escalated", service.client.post("/v1/queue/claim?state=escalated", headers=sup_a))
    keep("view escalated", service.client.get(f"/v1/queue/{item_id}", headers=sup_a))
    confirm = {"decision": "confirm", "reason": "indicators-present", "note": f"ok {HANDLE}"}
    keep("confirm", service.client.post(f"/v1/items/{item_id}/decision", json=confirm, headers=sup_a))
    keep("report", service.client.get(f"/v1/items/{item_id}/report", headers=sup_a))
    keep("partner status", service.client.get("/v1/items/planted-1", headers=key))
    case = {"item_ids": [item_id], "title": f"ring {PHONE_RAW}", "summary": f"same {EMAIL} and {HANDLE}"}
    case_id = keep("case", service.client.post("/v1/cases", json=case, headers=sup_a)).json()["id"]
    keep("cases", service.client.get("/v1/cases", headers=sup_a))
    keep("case view", service.client.get(f"/v1/cases/{case_id}", headers=sup_b))
    keep("case report", service.client.get(f"/v1/cases/{case_id}/report", headers=sup_b))
    takedown = {"document": "takedown"}
    keep("sign off", service.client.post(f"/v1/cases/{case_id}/signoff", json=takedown, headers=sup_b))
    sent = {"document": "takedown", "note": f"to {EMAIL}"}
    keep("send", service.client.post(f"/v1/cases/{case_id}/send", json=sent, headers=sup_a))

    def capture(request: httpx.Request) -> httpx.Response:
        hooks.append(request)
        return httpx.Response(200)

    with httpx.Client(transport=httpx.MockTransport(capture)) as client:
        assert webhooks.deliver_due(service.state, client=client) == 1
    seen.extend(("webhook", request.content.decode()) for request in hooks)

    keep("export", service.client.get("/v1/export/decisions", headers=researcher))
    keep("audit", service.client.get("/v1/audit", headers=sup_b))
    keep("metrics", scrape_metrics(service))
    reason = f"police request about {PHONE_RAW}"
    asked = keep(
        "unmask", service.client.post(f"/v1/items/{item_id}/unmask", json={"reason": reason}, headers=sup_a)
    )
    request_id = asked.json()["id"]
    keep("too early", service.client.get(f"/v1/unmask/{request_id}", headers=sup_a))
    keep("approve", service.client.post(f"/v1/unmask/{request_id}/approve", json={}, headers=sup_b))
    keep("approver reads", service.client.get(f"/v1/unmask/{request_id}", headers=sup_b))
    keep("list", service.client.get("/v1/unmask", headers=sup_b))
    revealed = service.client.get(f"/v1/unmask/{request_id}", headers=sup_a)  # the one allowed place
    assert revealed.status_code == 200
    values = {v["value"] for v in revealed.json()["values"]}
    assert PHONE_E164 in values and EMAIL.lower() in {v.lower() for v in values}

    service.client.cookies.clear()
    assert form_login(service.client, "supervisor1", PASSWORD, follow_redirects=True).status_code == 200
    keep("item page", service.client.get(f"/items/{item_id}"))
    keep("case page", service.client.get(f"/supervisor/cases/{case_id}"))
    keep("case list page", service.client.get("/supervisor/cases"))

    assert [(label, leaks(blob)) for label, blob in seen if leaks(blob)] == []
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert leaks(logged) == []
    tables = inspect(service.state.engine).get_table_names()
    with service.state.sessions() as session:
        audit = json.dumps(
            [
                [str(getattr(r, c.key)) for c in inspect(AuditEvent).columns]
                for r in session.scalars(select(AuditEvent))
            ]
        )
        assert leaks(audit) == []
        for table in tables:
            if table in ("vault", "alembic_version"):
                continue
            dump = json.dumps([list(map(str, r)) for r in session.execute(text(f"SELECT * FROM {table}"))])
            assert leaks(dump) == [], table
