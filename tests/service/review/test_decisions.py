"""Decisions on the domain alone: the claim they need, the reason codes, and escalations settled by a
supervisor other than the one who escalated."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from baliza.errors import Conflict, Forbidden, Invalid, NotFound
from service.db.models import CaseReport, Decision, Item
from service.review import claims, decisions, queue
from service.review.vocabulary import split_note
from tests.factories import START, add_item


@pytest.fixture
def claimed(ctx, session, people) -> Item:
    """One queued item, claimed by the analyst ana."""
    item = add_item(session, people.partner, START)
    claims.claim(session, ctx, people.ana, queue.Filters())
    return item


def test_a_decision_needs_the_callers_live_claim(ctx, clock, session, people, claimed):
    with pytest.raises(Conflict, match="do not hold a claim"):
        decisions.decide(session, ctx, people.bea, claimed.id, "dismiss", "legitimate-offer", "")
    clock.advance(minutes=ctx.settings.lease_minutes + 1)
    with pytest.raises(Conflict, match="expired"):
        decisions.decide(session, ctx, people.ana, claimed.id, "dismiss", "legitimate-offer", "")
    assert session.scalars(select(Decision)).all() == []


def test_reason_codes_and_leans_are_checked_before_anything_changes(ctx, session, people, claimed):
    for decision, reason, lean in (
        ("approve", "other", None),
        ("dismiss", "indicators-present", None),
        ("confirm", "indicators-present", "dismiss"),
        ("escalate", "needs-second-opinion", "maybe"),
    ):
        with pytest.raises(Invalid):
            decisions.decide(session, ctx, people.ana, claimed.id, decision, reason, "", lean)
    with pytest.raises(NotFound, match="no item 4242"):
        decisions.decide(session, ctx, people.ana, 4242, "dismiss", "other", "")
    assert session.get(Item, claimed.id).claim_live(ctx.now())


def test_confirming_settles_the_item_once_and_builds_its_report(ctx, session, people, claimed):
    done = decisions.decide(session, ctx, people.ana, claimed.id, "confirm", "indicators-present", "")
    assert (done.id, done.state) == (claimed.id, "confirmed") and done.report_id.startswith("BZ-20300107-")
    item = session.get(Item, claimed.id)
    assert item.decided_at == START and item.claimed_by is None
    assert session.scalar(select(CaseReport.body)).get("report_id") == done.report_id
    with pytest.raises(Conflict, match="already decided"):
        decisions.decide(session, ctx, people.ana, claimed.id, "dismiss", "other", "")


def test_an_escalation_is_settled_by_another_supervisor(ctx, session, people, claimed):
    decisions.decide(session, ctx, people.ana, claimed.id, "escalate", "possible-minor", "unsure", "confirm")
    assert claims.claim(session, ctx, people.sam, queue.Filters(state="escalated")).id == claimed.id
    with pytest.raises(Forbidden, match="settled by a supervisor"):
        decisions.decide(session, ctx, people.bea, claimed.id, "dismiss", "other", "")
    with pytest.raises(Conflict, match="escalated already"):
        decisions.decide(session, ctx, people.sam, claimed.id, "escalate", "other", "")
    done = decisions.decide(session, ctx, people.sam, claimed.id, "dismiss", "legitimate-offer", "")
    assert done.state == "dismissed"
    votes = [(d.decision, d.role) for d in session.scalars(select(Decision).order_by(Decision.id))]
    assert votes == [("escalate", "analyst"), ("dismiss", "supervisor")]


def test_the_supervisor_who_escalated_cannot_settle_it(ctx, session, people):
    item = add_item(session, people.partner, START)
    claims.claim(session, ctx, people.sam, queue.Filters())
    decisions.decide(session, ctx, people.sam, item.id, "escalate", "needs-second-opinion", "")
    assert claims.claim(session, ctx, people.sam, queue.Filters(state="escalated")) is None  # never their own
    with pytest.raises(Forbidden, match="other than the one who escalated"):
        decisions.decide(session, ctx, people.sam, item.id, "confirm", "indicators-present", "")
    assert claims.claim(session, ctx, people.sol, queue.Filters(state="escalated")).id == item.id
    assert decisions.decide(session, ctx, people.sol, item.id, "confirm", "other", "").state == "confirmed"


def test_an_escalation_keeps_its_lean_and_its_note_is_scrubbed(ctx, session, people, claimed):
    note = "ver +34 612 345 678, parece reclutamiento"
    decisions.decide(session, ctx, people.ana, claimed.id, "escalate", "other", note, "dismiss")
    stored = session.scalar(select(Decision.note))
    lean, written = split_note("escalate", stored)
    assert lean == "dismiss" and "612" not in written and "[PHONE:" in written
    [entry] = queue.escalations(session, ctx, people.sam)
    assert (entry.entry.id, entry.escalation.by, entry.escalation.lean) == (claimed.id, "ana", "dismiss")
    assert (entry.escalation.reason, entry.escalation.at) == ("other", START)
