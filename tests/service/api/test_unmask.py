"""Four-eyes unmasking: a reason, a second supervisor's approval, values only to the requester."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from baliza.errors import NotFound
from service.api.errors import status_of
from service.db.models import AuditEvent, Item, User, VaultEntry
from service.review import unmask
from tests.factories import at, plant_flagged

REASON = "Police request 2026/114: identify the recruiter's contact"


def _item_id(service, external_id: str) -> int:
    with service.state.sessions() as session:
        return session.scalar(select(Item.id).where(Item.external_id == external_id))


@pytest.fixture
def planted(service):
    ad = plant_flagged(service.client, service.partner(), 1)[0]
    return {**ad, "item_id": _item_id(service, ad["external_id"])}


def test_unmask_needs_a_second_supervisor_and_reveals_only_to_the_requester(service, planted):
    alice, bob, carol = service.user("supervisor"), service.user("supervisor"), service.user("supervisor")
    created = service.client.post(
        f"/v1/items/{planted['item_id']}/unmask", json={"reason": REASON}, headers=alice
    )
    assert created.status_code == 201, created.text
    request_id = created.json()["id"]
    assert created.json()["status"] == "pending"

    pending = service.client.get(f"/v1/unmask/{request_id}", headers=alice)
    assert pending.status_code == 409 and "second supervisor" in pending.json()["detail"]
    listed = service.client.get("/v1/unmask", params={"status": "pending"}, headers=bob).json()["requests"]
    assert [r["id"] for r in listed] == [request_id]
    assert planted["email"] not in str(listed) and planted["e164"] not in str(listed)

    own = service.client.post(f"/v1/unmask/{request_id}/approve", headers=alice)
    assert own.status_code == 403 and "four eyes" in own.json()["detail"]
    approved = service.client.post(f"/v1/unmask/{request_id}/approve", headers=bob)
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    assert service.client.post(f"/v1/unmask/{request_id}/approve", headers=carol).status_code == 409

    assert service.client.get(f"/v1/unmask/{request_id}", headers=bob).status_code == 403
    assert service.client.get(f"/v1/unmask/{request_id}", headers=carol).status_code == 403
    revealed = service.client.get(f"/v1/unmask/{request_id}", headers=alice)
    assert revealed.status_code == 200, revealed.text
    assert revealed.headers["cache-control"] == "no-store"
    values = {v["kind"]: v for v in revealed.json()["values"]}
    assert values["PHONE"]["value"] == planted["e164"] and values["EMAIL"]["value"] == planted["email"]
    assert values["PHONE"]["token"].startswith("[PHONE:")
    assert service.client.get("/v1/unmask", params={"status": "pending"}, headers=bob).json() == {
        "requests": []
    }

    with service.state.sessions() as session:
        rows = session.scalars(select(AuditEvent).where(AuditEvent.action.startswith("unmask."))).all()
    assert [r.action for r in rows] == ["unmask.request", "unmask.approve", "unmask.reveal"]
    assert rows[0].actor.startswith("user:supervisor") and rows[0].reason == REASON
    assert values["PHONE"]["token"] in rows[2].detail["tokens"]
    for row in rows:
        dump = f"{row.reason} {row.detail} {row.target}"
        assert planted["email"] not in dump and planted["e164"][1:] not in dump


def test_rejected_and_refused_requests(service, planted):
    alice, bob = service.user("supervisor"), service.user("supervisor")
    url = f"/v1/items/{planted['item_id']}/unmask"
    short = service.client.post(url, json={"reason": "because"}, headers=alice)
    assert short.status_code == 422 and "reason" in short.json()["detail"]
    assert service.client.post(url, json={}, headers=alice).status_code == 422
    assert (
        service.client.post("/v1/items/999999/unmask", json={"reason": REASON}, headers=alice).status_code
        == 404
    )
    for role in ("analyst", "researcher", "admin"):
        assert (
            service.client.post(url, json={"reason": REASON}, headers=service.user(role)).status_code == 403
        )
    assert service.client.post(url, json={"reason": REASON}, headers=service.partner()).status_code == 403
    assert service.client.post(url, json={"reason": REASON}).status_code == 401

    request_id = service.client.post(url, json={"reason": REASON}, headers=alice).json()["id"]
    rejected = service.client.post(
        f"/v1/unmask/{request_id}/reject", json={"reason": "not proportionate"}, headers=bob
    )
    assert rejected.status_code == 200 and rejected.json()["status"] == "rejected"
    assert service.client.post(f"/v1/unmask/{request_id}/approve", headers=bob).status_code == 409
    refused = service.client.get(f"/v1/unmask/{request_id}", headers=alice)
    assert refused.status_code == 409 and "rejected" in refused.json()["detail"]
    assert service.client.get("/v1/unmask/424242", headers=alice).status_code == 404
    assert service.client.get("/v1/unmask", params={"status": "nonsense"}, headers=alice).status_code == 422


def test_personal_data_in_the_reason_is_scrubbed(service, planted):
    alice = service.user("supervisor")
    reason = f"Caller at {planted['phone']} says this ad is theirs"
    created = service.client.post(
        f"/v1/items/{planted['item_id']}/unmask", json={"reason": reason}, headers=alice
    )
    assert created.status_code == 201
    assert "612" not in created.json()["reason"] and "[PHONE:" in created.json()["reason"]
    with service.state.sessions() as session:
        audit = session.scalars(select(AuditEvent).where(AuditEvent.action == "unmask.request")).one()
    assert "612" not in audit.reason


def test_approval_lapses_and_expired_values_are_gone(service, planted):
    alice, bob = service.user("supervisor"), service.user("supervisor")
    url = f"/v1/items/{planted['item_id']}/unmask"
    request_id = service.client.post(url, json={"reason": REASON}, headers=alice).json()["id"]
    service.client.post(f"/v1/unmask/{request_id}/approve", headers=bob)
    with service.state.sessions() as session:
        requester = session.scalar(select(User).where(User.name == "supervisor1"))
        row = unmask.get(session, request_id)
        late = row.approved_at + unmask.REVEAL_WINDOW + timedelta(minutes=1)
        with pytest.raises(NotFound) as lapsed:
            unmask.reveal(session, at(service.state, late), requester, request_id)
        assert status_of(lapsed.value) == 410
        session.query(VaultEntry).delete()
        session.commit()
    gone = service.client.get(f"/v1/unmask/{request_id}", headers=alice)
    assert gone.status_code == 410 and "expired" in gone.json()["detail"]
    again = service.client.post(url, json={"reason": REASON}, headers=alice)
    assert again.status_code == 409 and "no original values" in again.json()["detail"]
