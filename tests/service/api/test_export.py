"""The decisions export: settled items only, labelled, redacted, with who decided and disagreement."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select, update

from service.db.models import AuditEvent, Decision, Item, User, utcnow
from service.review.export import disagreement
from tests.factories import plant_flagged

KEYS = {
    "id",
    "text",
    "label",
    "lang",
    "source",
    "indicators",
    "score",
    "model_version",
    "decided_by",
    "disagreement",
    "provenance",
    "uncertainty_sampled",
}


def _decide(session, item_id: int, user: str, decision: str, note: str = "", sampled: bool = False, at=None):  # type: ignore[no-untyped-def]
    person = session.scalar(select(User).where(User.name == user))
    session.add(
        Decision(
            item_id=item_id,
            user_id=person.id,
            role=person.role,
            decision=decision,
            reason=f"{decision}-code",
            note=note,
            uncertainty_sampled=sampled,
            created_at=at or utcnow(),
        )
    )


def test_export_has_one_labelled_row_per_settled_item(service):
    planted = plant_flagged(service.client, service.partner(), 5)
    service.user("analyst", "ana")
    service.user("supervisor", "sara")
    researcher = service.user("researcher")
    t0 = utcnow()
    with service.state.sessions() as session:
        ids = [session.scalar(select(Item.id).where(Item.external_id == a["external_id"])) for a in planted]
        agreed, contradicted, escalated, _queued, unsure = ids
        states = {agreed: "confirmed", contradicted: "dismissed", escalated: "escalated", unsure: "confirmed"}
        for item_id, state in states.items():
            session.execute(update(Item).where(Item.id == item_id).values(state=state, decided_at=utcnow()))
        _decide(session, agreed, "ana", "confirm")
        _decide(session, contradicted, "ana", "escalate", note="lean:confirm — pay far above market", at=t0)
        _decide(session, contradicted, "sara", "dismiss", at=t0 + timedelta(seconds=1))
        _decide(session, escalated, "ana", "escalate", note="lean:dismiss")
        _decide(session, unsure, "ana", "escalate", note="not sure", sampled=True, at=t0)
        _decide(session, unsure, "sara", "confirm", at=t0 + timedelta(seconds=1))
        session.commit()

    response = service.client.get("/v1/export/decisions", headers=researcher)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/x-ndjson")
    rows = {r["id"]: r for r in map(json.loads, response.text.splitlines())}
    assert set(rows) == {f"item-{agreed}", f"item-{contradicted}", f"item-{unsure}"}
    for row in rows.values():
        assert set(row) == KEYS and row["provenance"] == "analyst-decision"
        assert all(code.isupper() for code in row["indicators"])
    a, c, u = rows[f"item-{agreed}"], rows[f"item-{contradicted}"], rows[f"item-{unsure}"]
    assert (a["label"], c["label"], u["label"]) == (1, 0, 1)
    assert (a["disagreement"], c["disagreement"], u["disagreement"]) == (False, True, False)
    assert (a["uncertainty_sampled"], u["uncertainty_sampled"]) == (False, True)
    assert [(d["user"], d["role"], d["decision"]) for d in c["decided_by"]] == [
        ("ana", "analyst", "escalate"),
        ("sara", "supervisor", "dismiss"),
    ]
    assert c["decided_by"][0]["reason"] == "escalate-code" and "note" not in c["decided_by"][0]
    assert a["source"].startswith("partner:") and a["score"] > 0 and a["model_version"]
    for ad in planted:
        assert ad["email"] not in response.text and ad["e164"][3:] not in response.text
    assert "[EMAIL:" in response.text

    with service.state.sessions() as session:
        audit = session.scalars(select(AuditEvent).where(AuditEvent.action == "export.decisions")).one()
    assert audit.detail == {"rows": 3} and audit.actor == "user:researcher1"


def test_only_researchers_export(service):
    for role in ("analyst", "supervisor", "admin"):
        assert service.client.get("/v1/export/decisions", headers=service.user(role)).status_code == 403
    assert service.client.get("/v1/export/decisions", headers=service.partner()).status_code == 403
    assert service.client.get("/v1/export/decisions").status_code == 401
    empty = service.client.get("/v1/export/decisions", headers=service.user("researcher"))
    assert empty.status_code == 200 and empty.text == ""


def test_disagreement_rule():
    def d(decision: str, note: str = "") -> Decision:
        return Decision(decision=decision, note=note)

    assert not disagreement([d("confirm")])
    assert not disagreement([d("escalate", "lean:confirm"), d("confirm")])
    assert disagreement([d("escalate", " Lean:Dismiss, unsure"), d("confirm")])
    assert not disagreement([d("escalate", "no lean given"), d("dismiss")])
    assert disagreement([d("escalate", "[lean:dismiss] as the queue stores it"), d("confirm")])
    assert not disagreement([d("escalate", "[lean:none] unsure"), d("confirm")])
    assert disagreement([d("confirm"), d("dismiss")])


def test_export_after_decisions_over_http(service):
    """The whole path: the queue's own decision rows (and its stored lean) feed the export."""
    from tests.service.api.helpers import claim, decide, queue_items

    queue_items(service, 2)
    analyst, supervisor = service.user("analyst"), service.user("supervisor")
    first = claim(service, analyst)
    assert (
        decide(
            service, analyst, first, "escalate", "possible-minor", "edad dudosa", lean="confirm"
        ).status_code
        == 200
    )
    second = claim(service, analyst)
    assert decide(service, analyst, second, "confirm", "indicators-present").status_code == 200
    assert claim(service, supervisor, state="escalated") == first
    assert decide(service, supervisor, first, "dismiss", "insufficient-evidence").status_code == 200

    response = service.client.get("/v1/export/decisions", headers=service.user("researcher"))
    rows = {r["id"]: r for r in map(json.loads, response.text.splitlines())}
    settled, confirmed = rows[f"item-{first}"], rows[f"item-{second}"]
    assert (settled["label"], settled["disagreement"]) == (0, True)
    assert [(d["role"], d["decision"]) for d in settled["decided_by"]] == [
        ("analyst", "escalate"),
        ("supervisor", "dismiss"),
    ]
    assert (confirmed["label"], confirmed["disagreement"]) == (1, False)
