"""Cases on the domain alone, on SQLite and PostgreSQL: built from confirmed items only, their report
and takedown signed off by a second supervisor (never the drafter), moving only forward, sent only
after sign-off; a takedown's notices go out when it is sent and acknowledge it once all are delivered.
A single analyst's confirm sends nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from baliza.errors import Conflict, Forbidden, Invalid, NotFound
from service.db.engine import make_engine
from service.db.migrate import upgrade
from service.db.models import AuditEvent, CaseDocument, Item, ItemPseudonym, Partner, WebhookDelivery
from service.review import accounts, cases, claims, decisions, erasure, queue, webhooks
from service.review.context import ReviewContext
from tests.factories import START, add_item, memory_engine, review_context
from tests.service.api.helpers import new_database, postgres_admin

FEE = {"code": "RECRUITMENT_FEE", "start": 0, "end": 5}
PASSPORT = {"code": "DOCUMENT_RETENTION", "start": 6, "end": 12}
ERASED_PHONE = "+34 612 345 678"


@pytest.fixture(params=["sqlite", "postgresql"])
def ctx(request: pytest.FixtureRequest, clock, tmp_path: Path) -> Iterator[ReviewContext]:
    """The review context on an in-memory SQLite database, or on a fresh migrated PostgreSQL one."""
    if request.param == "sqlite":
        engine = memory_engine()
        yield review_context(engine, clock, tmp_path, webhook_allow_private=True)
        engine.dispose()
        return
    admin = postgres_admin("the PostgreSQL half of the case tests")
    with new_database(admin, "baliza_cases") as (_, url):
        engine = make_engine(url)
        upgrade(engine)
        yield review_context(engine, clock, tmp_path, webhook_allow_private=True)
        engine.dispose()


def confirm_queued(session, ctx, analyst, items: list[Item]) -> None:  # type: ignore[no-untyped-def]
    """Claim and confirm the queued items as a person would (so their reports name the reviewer)."""
    for _ in items:
        claimed = claims.claim(session, ctx, analyst, queue.Filters())
        decisions.decide(session, ctx, analyst, claimed.id, "confirm", "indicators-present", "")
    assert {session.get(Item, i.id).state for i in items} == {"confirmed"}


def hooked_partner(session, ctx) -> Partner:  # type: ignore[no-untyped-def]
    """A partner with a webhook and its secret, as an admin makes one."""
    accounts.create_key(session, ctx, "hooked", "test", webhook="http://127.0.0.1:9/hook")
    return session.scalar(select(Partner).where(Partner.name == "hooked"))


@pytest.fixture
def three(ctx, clock, session, people) -> list[Item]:
    """Three confirmed ads sharing a phone token; the second carries a posting date before the others."""
    made = [
        add_item(session, people.partner, START, source="a.test", indicators=[FEE]),
        add_item(
            session,
            people.partner,
            START + timedelta(hours=1),
            source="b.test",
            indicators=[FEE, PASSPORT],
            posted_at="2030-01-01T08:00:00+00:00",
            child_risk=True,
        ),
        add_item(session, people.partner, START + timedelta(hours=2), source="a.test", indicators=[]),
    ]
    for item in made:
        session.add(ItemPseudonym(item_id=item.id, kind="PHONE", token="[PHONE:aaaaaaaaaaaa]"))
    session.add(ItemPseudonym(item_id=made[0].id, kind="EMAIL", token="[EMAIL:bbbbbbbbbbbb]"))
    session.commit()
    confirm_queued(session, ctx, people.ana, made)
    clock.advance(hours=1)
    return made


def test_a_case_gathers_timeline_indicators_and_tokens_of_its_items(ctx, session, people, three):
    made = cases.create(session, ctx, people.sam, [i.id for i in three], "Red de Murcia", "seen twice")
    assert made.item_ids == [i.id for i in three] and made.created_by == "sam"
    assert [e["item_id"] for e in made.timeline] == [three[1].id, three[0].id, three[2].id]
    assert [e["date_is"] for e in made.timeline] == ["posted", "received", "received"]
    assert made.timeline[0]["at"].startswith("2030-01-01T08:00")
    assert {i["code"] for i in made.indicators} == {"RECRUITMENT_FEE", "DOCUMENT_RETENTION"}
    by_code = {i["code"]: i["items"] for i in made.indicators}
    assert by_code == {"RECRUITMENT_FEE": [three[0].id, three[1].id], "DOCUMENT_RETENTION": [three[1].id]}
    assert made.identifiers[0] == {"kind": "PHONE", "token": "[PHONE:aaaaaaaaaaaa]", "items": made.item_ids}
    assert made.incident["sources"] == ["a.test", "b.test"] and made.incident["child_risk"] is True
    assert [(d.kind, d.state, d.drafted_by) for d in made.documents] == [
        ("report", "draft", "sam"),
        ("takedown", "draft", "sam"),
    ]
    body = cases.report_body(session, ctx, people.sol, made.id)
    assert body["report_id"] == made.report_id and body["four_eyes"]["state"] == "draft"
    assert "3 online job advertisements from a.test, b.test" in body["incident"]["summary"]
    assert "3 anuncios de empleo en línea de a.test, b.test" in body["incident"]["summaries"]["es"]
    reviewers = {d["reviewer"] for item in body["items"] for d in item["decisions"]}
    assert reviewers == {"ana"}  # user names, not user:N
    actions = session.scalars(select(AuditEvent.action).where(AuditEvent.target == f"case:{made.id}")).all()
    assert actions == ["case.create", "case.report.view"]
    assert [c.id for c in cases.listing(session)] == [made.id]


def test_only_supervisors_build_cases_and_only_of_confirmed_items(ctx, session, people, three):
    queued = add_item(session, people.partner, START)
    session.commit()
    with pytest.raises(Forbidden):
        cases.create(session, ctx, people.ana, [three[0].id], "t")
    with pytest.raises(Invalid, match=f"not confirmed: {queued.id}"):
        cases.create(session, ctx, people.sam, [three[0].id, queued.id], "t")
    with pytest.raises(NotFound, match="no item 4242"):
        cases.create(session, ctx, people.sam, [4242], "t")
    with pytest.raises(Invalid, match="title"):
        cases.create(session, ctx, people.sam, [three[0].id], "  ")
    with pytest.raises(Invalid, match="at least one"):
        cases.create(session, ctx, people.sam, [], "t")
    assert cases.listing(session) == []


def test_the_drafter_cannot_sign_off_their_own_draft(ctx, session, people, three):
    made = cases.create(session, ctx, people.sam, [i.id for i in three], "t")
    for kind in cases.DOCUMENTS:
        with pytest.raises(Forbidden, match="other than the one who drafted"):
            cases.sign_off(session, ctx, people.sam, made.id, kind)
    with pytest.raises(Forbidden):
        cases.sign_off(session, ctx, people.ana, made.id, "report")  # an analyst is no second pair of eyes
    signed = cases.sign_off(session, ctx, people.sol, made.id, "report")
    assert (signed.state, signed.signed_off_by, signed.drafted_by) == ("signed_off", "sol", "sam")


def test_documents_move_only_forward_and_are_sent_only_after_sign_off(ctx, clock, session, people, three):
    made = cases.create(session, ctx, people.sam, [i.id for i in three], "t")
    with pytest.raises(Conflict, match="is draft; it cannot become sent"):
        cases.send(session, ctx, people.sam, made.id, "report")
    with pytest.raises(Conflict, match="is draft; it cannot become acknowledged"):
        cases.acknowledge(session, ctx, people.sam, made.id, "report")
    cases.sign_off(session, ctx, people.sol, made.id, "report")
    with pytest.raises(Conflict, match="is signed_off; it cannot become signed_off"):
        cases.sign_off(session, ctx, people.sol, made.id, "report")
    clock.advance(minutes=5)
    sent = cases.send(session, ctx, people.sam, made.id, "report", "UCRIF Murcia")
    assert (sent.state, sent.sent_by, sent.note) == ("sent", "sam", "UCRIF Murcia")
    done = cases.acknowledge(session, ctx, people.sol, made.id, "report", "ref 2030/77")
    assert done.state == "acknowledged" and done.acknowledged_at
    for step in (cases.sign_off, cases.send, cases.acknowledge):
        with pytest.raises(Conflict, match="is acknowledged"):
            step(session, ctx, people.sol, made.id, "report")
    with pytest.raises(Invalid):
        cases.sign_off(session, ctx, people.sol, made.id, "memo")
    with pytest.raises(NotFound):
        cases.sign_off(session, ctx, people.sol, 999, "report")
    steps = session.scalars(
        select(AuditEvent.action).where(AuditEvent.target == f"case:{made.id}").order_by(AuditEvent.id)
    ).all()
    assert steps == ["case.create", "case.signoff", "case.send", "case.acknowledge"]


def test_a_single_confirm_sends_nothing(ctx, session, people):
    hooked = hooked_partner(session, ctx)
    item = add_item(session, hooked, START)
    session.commit()
    confirm_queued(session, ctx, people.ana, [item])
    assert session.scalars(select(WebhookDelivery)).all() == []


def test_a_sent_takedown_notifies_partners_and_is_acknowledged_when_all_are_delivered(
    ctx, clock, session, people, three
):
    hooked = hooked_partner(session, ctx)
    theirs = [add_item(session, hooked, START + timedelta(minutes=m)) for m in (1, 2)]
    session.commit()
    for item in theirs:
        confirm_queued(session, ctx, people.ana, [item])
    made = cases.create(session, ctx, people.sam, [three[0].id, *[i.id for i in theirs]], "t")
    with pytest.raises(Conflict, match="is draft"):
        cases.send(session, ctx, people.sol, made.id, "takedown")
    assert session.scalars(select(WebhookDelivery)).all() == []
    cases.sign_off(session, ctx, people.sol, made.id, "takedown")
    sent = cases.send(session, ctx, people.sam, made.id, "takedown")
    assert sent.state == "sent" and [d.item_id for d in sent.deliveries] == [i.id for i in theirs]
    assert {d.status for d in sent.deliveries} == {"pending"}  # the acme ad's partner has no webhook

    answers = iter([500, 200, 200])
    with httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(next(answers)))) as client:
        assert webhooks.deliver_due(ctx, client=client) == 2  # one 500, one 200
        shown = cases.view(session, ctx, people.sam, made.id)
        assert shown.documents[1].state == "sent"
        clock.advance(seconds=webhooks.backoff(1).total_seconds())
        assert webhooks.deliver_due(ctx, client=client) == 1
    session.expire_all()
    takedown = cases.view(session, ctx, people.sam, made.id).documents[1]
    assert takedown.state == "acknowledged" and takedown.acknowledged_at
    assert sorted(len(d.attempts) for d in takedown.deliveries) == [1, 2]
    assert [a.status_code for d in takedown.deliveries for a in d.attempts if a.status_code == 500] == [500]
    with pytest.raises(Invalid, match="not by hand"):
        cases.acknowledge(session, ctx, people.sol, made.id, "takedown")


def test_a_takedown_no_partner_can_receive_is_refused(ctx, session, people, three):
    made = cases.create(session, ctx, people.sam, [i.id for i in three], "t")
    cases.sign_off(session, ctx, people.sol, made.id, "takedown")
    with pytest.raises(Conflict, match="no partner"):
        cases.send(session, ctx, people.sam, made.id, "takedown")
    doc = session.scalar(select(CaseDocument).where(CaseDocument.kind == "takedown"))
    assert doc.state == "signed_off"


def test_an_erased_ad_leaves_the_cases_that_held_it(ctx, session, people, three):
    (token,) = erasure.tokens_of(ctx, ERASED_PHONE)
    session.add(ItemPseudonym(item_id=three[1].id, kind="PHONE", token=token))
    session.commit()
    made = cases.create(session, ctx, people.sam, [i.id for i in three], "t")
    first, erased, last = (i.id for i in three)
    assert token in json.dumps(cases.report_body(session, ctx, people.sol, made.id))
    assert erasure.erase(session, ctx, ERASED_PHONE, "test").items == 1
    session.expire_all()
    body = cases.report_body(session, ctx, people.sol, made.id)
    kept = [first, last]
    assert [i["item_id"] for i in body["items"]] == kept and {e["item_id"] for e in body["timeline"]} == set(
        kept
    )
    assert token not in json.dumps(body) and f'"item_id": {erased}' not in json.dumps(body)
    assert {i["code"]: i["items"] for i in body["indicators"]} == {"RECRUITMENT_FEE": [first]}
    takedown = session.scalar(select(CaseDocument).where(CaseDocument.kind == "takedown"))
    assert [n["item_id"] for n in takedown.body["notices"]] == kept
    assert cases.view(session, ctx, people.sol, made.id).item_ids == kept
