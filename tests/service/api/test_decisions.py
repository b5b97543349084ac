"""Decisions over HTTP: reason codes, claims, escalation settled by a second supervisor, the case
report of a confirmed item, and what the partner sees of its own ads."""

from __future__ import annotations

from sqlalchemy import select

from service.db.models import AuditEvent, CaseReport, Decision, Item
from service.review.vocabulary import REASONS
from tests.service.api.helpers import NEGATIVES, claim, decide, flagged_rows, item, post_ads, queue_items

PHONE = "+34 611 222 333"
EMAIL = "reclutadora.falsa@example.com"


def _status(service, key: dict, external_id: str) -> dict:
    response = service.client.get(f"/v1/items/{external_id}", headers=key)
    assert response.status_code == 200, response.text
    return response.json()


def test_score_flag_queue_claim_confirm_report(service):
    key = service.partner(name="plataforma-demo")
    (row,) = flagged_rows(service, 1)
    text = f"{row['text']}\nEscribe a {EMAIL} o al {PHONE}"
    (item_id,) = post_ads(
        service,
        key,
        [{"external_id": "ext-1", "text": text, "url": "https://ads.test/a/1", "source": "ads.test"}],
    )
    negative = NEGATIVES[0]
    scored = service.client.post(
        "/v1/score", json={"items": [{"external_id": "ext-neg", "text": negative["text"]}]}, headers=key
    ).json()
    assert scored["items"][0]["flagged"] is False
    assert _status(service, key, "ext-neg")["status"] == "not-flagged"
    assert _status(service, key, "ext-1")["status"] == "queued"

    analyst, supervisor = service.user("analyst"), service.user("supervisor")
    assert claim(service, analyst) == item_id
    assert _status(service, key, "ext-1")["status"] == "in-review"
    decided = decide(service, analyst, item_id, "confirm", "indicators-present", f"call {PHONE} said fee")
    assert decided.status_code == 200, decided.text
    report_id = decided.json()["report_id"]
    assert decided.json()["state"] == "confirmed" and report_id.startswith("BZ-")

    status = _status(service, key, "ext-1")
    assert status["status"] == "confirmed" and status["outcome"] == "confirmed"
    assert status["decided_at"] and status["takedown_requested"] is False  # only a signed-off case's
    assert status["takedown_delivery"] is None
    assert "text" not in status

    assert service.client.get(f"/v1/items/{item_id}/report", headers=analyst).status_code == 403
    response = service.client.get(f"/v1/items/{item_id}/report", headers=supervisor)
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["report_id"] == report_id
    assert report["urls"] == ["https://ads.test/a/1"]
    assert (
        "[PHONE:" in report["evidence"]["redacted_text"] and "[EMAIL:" in report["evidence"]["redacted_text"]
    )
    assert {i["kind"] for i in report["identifiers"]} >= {"PHONE", "EMAIL"}
    first = report["indicators"][0]
    assert first["name_en"] and first["name_es"] and first["ilo_indicator"]
    prov = report["provenance"]
    assert prov["partner"] == "plataforma-demo" and prov["external_id"] == "ext-1"
    assert prov["channel"] == "score" and prov["source"] == "ads.test" and prov["model_version"]
    assert [d["decision"] for d in report["decisions"]] == ["confirm"]
    assert "[PHONE:" in report["decisions"][0]["note"]  # the note was redacted
    assert report["incident"]["summary"] and report["incident"]["category"]
    for leaked in (PHONE, "611 222 333", EMAIL):
        assert leaked not in response.text
    with service.state.sessions() as session:
        stored = session.scalar(select(Decision).where(Decision.item_id == item_id))
        assert stored.role == "analyst" and stored.uncertainty_sampled is False
        assert "611 222 333" not in stored.note
        assert session.scalar(select(CaseReport.item_id)) == item_id
        actions = [e.action for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]
        assert {"queue.claim", "item.decision", "report.view"} <= set(actions)
        for event in session.scalars(select(AuditEvent)):
            row = str(event.detail) + str(event.reason)
            assert not any(v in row for v in ("611 222 333", "611222333", EMAIL)), row
    again = decide(service, analyst, item_id, "dismiss", "other")
    assert again.status_code == 409 and "already decided" in again.json()["detail"]


def test_reason_codes_and_claims_are_checked(service):
    (only,) = queue_items(service, 1)
    analyst, other = service.user("analyst"), service.user("analyst")
    unclaimed = decide(service, analyst, only, "dismiss", "legitimate-offer")
    assert unclaimed.status_code == 409 and "claim" in unclaimed.json()["detail"]
    assert claim(service, analyst) == only
    assert decide(service, analyst, only, "dismiss", "indicators-present").status_code == 422
    assert decide(service, analyst, only, "approve", "other").status_code == 422
    assert decide(service, analyst, only, "dismiss", "other", lean="confirm").status_code == 422
    assert decide(service, other, only, "dismiss", "other").status_code == 409  # not the holder
    assert decide(service, analyst, 999999, "dismiss", "other").status_code == 404
    for decision, reasons in REASONS.items():
        assert reasons and "other" in reasons, decision
    done = decide(service, analyst, only, "dismiss", "legitimate-offer")
    assert done.status_code == 200 and done.json()["report_id"] is None
    assert item(service, only).state == "dismissed"
    assert (
        service.client.get(f"/v1/items/{only}/report", headers=service.user("supervisor")).status_code == 404
    )


def test_escalation_is_settled_by_another_supervisor(service):
    key = service.partner()
    ids = queue_items(service, 2, key=key, prefix="esc")
    analyst = service.user("analyst")
    sup_a, sup_b = service.user("supervisor"), service.user("supervisor")

    # an analyst escalates with a lean; analysts can neither list, claim nor settle escalations
    first = claim(service, analyst)
    escalated = decide(service, analyst, first, "escalate", "possible-minor", "edad dudosa", lean="confirm")
    assert escalated.status_code == 200 and escalated.json()["state"] == "escalated"
    assert item(service, first).claimed_by is None
    assert (
        service.client.post("/v1/queue/claim", headers=analyst, params={"state": "escalated"}).status_code
        == 403
    )
    assert decide(service, analyst, first, "confirm", "indicators-present").status_code == 403
    assert _status(service, key, "esc-0" if first == ids[0] else "esc-1")["status"] == "escalated"

    # a supervisor escalates the other item: another supervisor has to settle it
    second = claim(service, sup_a)
    assert second != first
    assert decide(service, sup_a, second, "escalate", "needs-second-opinion").status_code == 200
    listing = service.client.get("/v1/queue", headers=sup_a, params={"state": "escalated"}).json()
    assert {e["id"] for e in listing["items"]} == {first, second} and listing["counts"]["escalated"] == 2
    # sup_a may settle the analyst's escalation but never their own
    assert claim(service, sup_a, state="escalated") == first
    refused = decide(service, sup_a, second, "dismiss", "insufficient-evidence")
    assert refused.status_code == 403 and "other than" in refused.json()["detail"]
    assert decide(service, sup_a, first, "escalate", "other").status_code == 409
    assert decide(service, sup_a, first, "confirm", "indicators-present").status_code == 200
    assert claim(service, sup_a, state="escalated") is None  # only their own escalation is left

    assert claim(service, sup_b, state="escalated") == second
    settled = decide(service, sup_b, second, "dismiss", "insufficient-evidence", "no indicios")
    assert settled.status_code == 200 and settled.json()["state"] == "dismissed"

    view = service.client.get(f"/v1/queue/{first}", headers=sup_b).json()
    history = view["decisions"]
    assert [(d["decision"], d["role"], d["lean"]) for d in history] == [
        ("escalate", "analyst", "confirm"),
        ("confirm", "supervisor", None),
    ]
    assert history[0]["note"] == "edad dudosa" and history[0]["reason"] == "possible-minor"
    report = service.client.get(f"/v1/items/{first}/report", headers=sup_b).json()
    assert report["incident"]["possible_minor"] is True
    assert [d["decision"] for d in report["decisions"]] == ["escalate", "confirm"]
    with service.state.sessions() as session:
        states = dict(session.execute(select(Item.id, Item.state)).all())
    assert states == {first: "confirmed", second: "dismissed"}


def test_partners_see_only_their_own_items(service):
    mine, theirs = service.partner(), service.partner()
    queue_items(service, 1, key=mine, prefix="mine")
    assert _status(service, mine, "mine-0")["status"] == "queued"
    assert service.client.get("/v1/items/mine-0", headers=theirs).status_code == 404
    assert service.client.get("/v1/items/unknown", headers=mine).status_code == 404
    assert service.client.get("/v1/items/mine-0", headers=service.user("analyst")).status_code == 403
    assert service.client.get("/v1/items/mine-0").status_code == 401
