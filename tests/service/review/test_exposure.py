"""Today's exposure on the domain alone: distinct ads opened (`item.view` rows), decisions made, and
decisions since the last break, each for the UTC day of the context's clock and one person only."""

from __future__ import annotations

from datetime import datetime, timedelta

from service.db.models import Item, User
from service.review import claims, decisions, exposure, prefs
from service.review.context import ReviewContext
from service.review.vocabulary import actor
from tests.factories import START, add_item


def viewed(session, ctx: ReviewContext, user: User, item: Item, at: datetime) -> None:  # type: ignore[no-untyped-def]
    """An `item.view` row at `at` (the auditor stamps rows with the wall clock, the tests' is 2030)."""
    row = ctx.auditor.record(session, actor(user), "item.view", f"item:{item.id}")
    row.at = at
    session.commit()


def dismissed(session, ctx: ReviewContext, user: User, item: Item) -> None:  # type: ignore[no-untyped-def]
    claims.claim_item(session, ctx, user, item.id)
    decisions.decide(session, ctx, user, item.id, "dismiss", "legitimate-offer", "")


def seen(session, ctx, user: User) -> exposure.Exposure:  # type: ignore[no-untyped-def]
    return exposure.today(session, ctx, user, prefs.get(session, user))


def test_a_new_day_starts_at_zero(ctx, session, people):
    assert seen(session, ctx, people.ana) == exposure.Exposure(opened=0, decided=0, since_break=0)


def test_ads_opened_today_count_once_each_and_only_the_viewers(ctx, session, people):
    first, second = add_item(session, people.partner, START), add_item(session, people.partner, START)
    viewed(session, ctx, people.ana, first, START - timedelta(hours=9, minutes=1))  # yesterday, 23:59 UTC
    viewed(session, ctx, people.ana, first, START)
    viewed(session, ctx, people.ana, first, START + timedelta(minutes=5))  # reloaded: still one ad
    viewed(session, ctx, people.ana, second, START)
    viewed(session, ctx, people.bea, second, START)
    assert seen(session, ctx, people.ana).opened == 2
    assert seen(session, ctx, people.bea).opened == 1


def test_decisions_count_today_and_since_the_last_break(ctx, clock, session, people):
    items = [add_item(session, people.partner, START) for _ in range(5)]
    for item in items[:3]:
        dismissed(session, ctx, people.ana, item)
    dismissed(session, ctx, people.bea, items[3])
    assert seen(session, ctx, people.ana) == exposure.Exposure(opened=0, decided=3, since_break=3)
    clock.advance(minutes=10)
    prefs.take_break(session, ctx, people.ana)
    assert seen(session, ctx, people.ana).since_break == 0
    clock.advance(minutes=10)
    dismissed(session, ctx, people.ana, items[4])
    assert seen(session, ctx, people.ana) == exposure.Exposure(opened=0, decided=4, since_break=1)
    clock.advance(days=1)  # a new UTC day: nothing decided yet, whatever the last break
    assert seen(session, ctx, people.ana) == exposure.Exposure(opened=0, decided=0, since_break=0)


def test_the_reminder_is_due_at_the_chosen_interval_and_never_at_0():
    five = exposure.Exposure(opened=9, decided=5, since_break=5)
    assert exposure.break_due(prefs.Prefs(break_every=5), five)
    assert not exposure.break_due(prefs.Prefs(break_every=6), five)
    assert not exposure.break_due(prefs.Prefs(break_every=0), five)
