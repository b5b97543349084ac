"""Claims and leases, on the domain alone: who gets which item, for how long, and what a lease's end
means. The clock only moves when a test moves it."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from baliza.errors import Conflict, Forbidden, Invalid
from service.db.models import AuditEvent, Item
from service.review import claims, queue
from tests.factories import START, add_item


def test_the_claim_rule_is_the_same_in_python_and_in_sql(session, people):
    lease_end = START + timedelta(minutes=15)
    held = add_item(session, people.partner, START, claimed_by=people.ana.id, lease_until=lease_end)
    free = add_item(session, people.partner, START)
    for moment, live in ((START, True), (lease_end, False), (lease_end + timedelta(seconds=1), False)):
        assert held.claim_live(moment) is live and free.claim_live(moment) is False
        in_sql = set(session.scalars(select(Item.id).where(Item.claim_live(moment))))
        assert in_sql == ({held.id} if live else set())
        by_ana = set(session.scalars(select(Item.id).where(Item.held_by(people.ana.id, moment))))
        assert by_ana == in_sql and held.held_by(people.ana.id, moment) is live
        assert not held.held_by(people.bea.id, moment)


def test_a_claim_takes_the_first_item_in_priority_and_leases_it(ctx, session, people):
    low = add_item(session, people.partner, START, score=0.61)
    high = add_item(session, people.partner, START + timedelta(minutes=1), score=0.97)
    got = claims.claim(session, ctx, people.ana, queue.Filters())
    assert got is not None and got.id == high.id != low.id
    assert got.lease_until == START + timedelta(minutes=ctx.settings.lease_minutes)
    [audit] = session.scalars(select(AuditEvent).where(AuditEvent.action == "queue.claim"))
    assert audit.actor == "user:ana" and audit.detail["renewed"] is False


def test_a_child_risk_item_comes_before_higher_scores(ctx, session, people):
    add_item(session, people.partner, START, score=0.99)
    child = add_item(session, people.partner, START, score=0.35, child_risk=True)
    assert claims.claim(session, ctx, people.ana, queue.Filters()).id == child.id


def test_two_analysts_never_hold_one_item_and_an_empty_queue_gives_none(ctx, session, people):
    first, second = (add_item(session, people.partner, START) for _ in range(2))
    got = {claims.claim(session, ctx, people.ana, queue.Filters()).id}
    got.add(claims.claim(session, ctx, people.bea, queue.Filters()).id)
    assert got == {first.id, second.id}
    assert claims.claim(session, ctx, people.sam, queue.Filters()) is None


def test_holding_a_live_claim_gets_the_same_item_back_with_a_new_lease(ctx, clock, session, people):
    add_item(session, people.partner, START, score=0.9)
    add_item(session, people.partner, START, score=0.8)
    first = claims.claim(session, ctx, people.ana, queue.Filters())
    clock.advance(minutes=10)
    again = claims.claim(session, ctx, people.ana, queue.Filters())
    assert again.id == first.id and again.lease_until == clock() + timedelta(minutes=15)


def test_an_expired_lease_frees_the_item_for_someone_else(ctx, clock, session, people):
    only = add_item(session, people.partner, START)
    claims.claim(session, ctx, people.ana, queue.Filters())
    assert claims.claim(session, ctx, people.bea, queue.Filters()) is None
    clock.advance(minutes=ctx.settings.lease_minutes)  # the lease ends now: no claim any more
    assert claims.claim(session, ctx, people.bea, queue.Filters()).id == only.id


def test_release_is_for_the_claim_holder_with_a_live_lease(ctx, clock, session, people):
    item = add_item(session, people.partner, START)
    claims.claim(session, ctx, people.ana, queue.Filters())
    with pytest.raises(Conflict, match="do not hold a claim"):
        claims.release(session, ctx, people.bea, item.id)
    released = claims.release(session, ctx, people.ana, item.id)
    assert (released.id, released.state) == (item.id, "queued")
    assert claims.claim(session, ctx, people.bea, queue.Filters()).id == item.id
    clock.advance(minutes=16)
    with pytest.raises(Conflict, match="expired"):
        claims.release(session, ctx, people.bea, item.id)


def test_filters_refuse_bad_words_and_escalations_for_analysts(ctx, session, people):
    with pytest.raises(Forbidden, match="supervisors"):
        claims.claim(session, ctx, people.ana, queue.Filters(state="escalated"))
    with pytest.raises(Invalid, match="state"):
        queue.list_queue(session, ctx, people.sam, queue.Filters(state="confirmed"), "priority", 10, 0)
    with pytest.raises(Invalid, match="unknown indicator"):
        queue.list_queue(session, ctx, people.ana, queue.Filters(indicator="NOPE"), "priority", 10, 0)
    with pytest.raises(Invalid, match="sort"):
        queue.list_queue(session, ctx, people.ana, queue.Filters(), "random", 10, 0)


class _Always(random.Random):
    def random(self) -> float:
        return 0.0


def test_an_uncertainty_sample_takes_the_least_certain_item_and_marks_the_claim(ctx, session, people):
    add_item(session, people.partner, START, score=0.99, uncertainty=0.02)
    unsure = add_item(session, people.partner, START, score=0.55, uncertainty=0.97)
    share = ctx.settings.model_copy(update={"uncertainty_share": 0.5})
    sampling = replace(ctx, sampler=_Always(), settings=share)
    got = claims.claim(session, sampling, people.ana, queue.Filters())
    assert (got.id, got.uncertainty_sampled) == (unsure.id, True)
    assert claims.claim(session, ctx, people.bea, queue.Filters()).uncertainty_sampled is False
