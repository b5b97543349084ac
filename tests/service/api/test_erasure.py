"""Erasure: a data subject's phone, e-mail or handle removes every item holding it, audited by token."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from baliza.errors import InputError
from service.db.models import AuditEvent, Decision, Item, ItemPseudonym, Receipt, UnmaskRequest, VaultEntry
from service.review.erasure import erase, tokens_of
from tests.factories import TEST_FILE, plant_flagged, read_jsonl

POSITIVE = next(r for r in read_jsonl(TEST_FILE) if r["label"] == 1)


def _count(session, model) -> int:  # type: ignore[no-untyped-def]
    return session.scalar(select(func.count()).select_from(model))


def test_erasing_a_phone_removes_every_item_holding_it(service):
    key = service.partner()
    planted = plant_flagged(service.client, key, 3)
    target = planted[0]
    # A second ad carries the same phone as a wa.me link: the normalised token links them.
    reuse = {"external_id": "reuse", "text": f"{POSITIVE['text']}\nwa.me/{target['e164'][1:]}"}
    assert service.client.post("/v1/score", json={"items": [reuse]}, headers=key).json()["items"][0][
        "flagged"
    ]
    supervisor = service.user("supervisor")
    phone_token = tokens_of(service.state, target["phone"])
    with service.state.sessions() as session:
        ids = dict(session.execute(select(Item.external_id, Item.id)).all())
        holding = set(
            session.scalars(select(ItemPseudonym.item_id).where(ItemPseudonym.token.in_(phone_token)))
        )
        session.add(
            Decision(item_id=ids[target["external_id"]], role="analyst", decision="escalate", reason="r")
        )
        session.commit()
    assert holding == {ids[target["external_id"]], ids["reuse"]}
    response = service.client.post(
        f"/v1/items/{ids[target['external_id']]}/unmask",
        json={"reason": "A reason long enough"},
        headers=supervisor,
    )
    assert response.status_code == 201

    with service.state.sessions() as session:
        before = {m: _count(session, m) for m in (Item, Receipt, VaultEntry, Decision, UnmaskRequest)}
        dry = erase(session, service.state, target["phone"], "test", dry_run=True)
        assert dry.items == len(holding) and _count(session, Item) == before[Item]
        done = erase(session, service.state, target["phone"], "test", reason="DSR-17")
    assert done.items == len(holding) and done.tokens[0].startswith("[PHONE:")
    with service.state.sessions() as session:
        left = set(session.scalars(select(Item.id)))
        assert not (left & holding) and len(left) == before[Item] - len(holding)
        assert _count(session, Receipt) == before[Receipt] - len(holding)
        assert _count(session, VaultEntry) == before[VaultEntry] - len(holding)
        assert _count(session, Decision) == 0 and _count(session, UnmaskRequest) == 0
        assert _count(session, ItemPseudonym.__table__) > 0
        audit = session.scalars(select(AuditEvent).where(AuditEvent.action == "erasure")).one()
    assert audit.detail == {"tokens": done.tokens, "items": len(holding)} and audit.reason == "DSR-17"
    assert target["e164"][1:] not in str(audit.detail) + str(audit.reason)


def test_erasing_by_email_and_handle_and_refusing_other_text(service):
    planted = plant_flagged(service.client, service.partner(), 2)
    with service.state.sessions() as session:
        done = erase(session, service.state, planted[1]["email"].upper(), "test")
        assert done.items == 1 and done.tokens[0].startswith("[EMAIL:")
        assert set(session.scalars(select(Item.external_id))) == {planted[0]["external_id"]}
        nobody = erase(session, service.state, "@nadie_aqui", "test")
        assert nobody.items == 0 and nobody.tokens[0].startswith("[HANDLE:")
        with pytest.raises(InputError, match="not a phone number, e-mail"):
            erase(session, service.state, "hola mundo", "test")
