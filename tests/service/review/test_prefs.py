"""Wellbeing preferences on the domain alone: the defaults with no row, changes kept per person, the
reminder interval's bounds, and a break's time."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from baliza.errors import Invalid
from service.db.models import UserPrefs
from service.review import prefs
from tests.factories import START


def test_no_row_means_blurred_in_colour_with_a_reminder_every_25(session, people):
    assert prefs.get(session, people.ana) == prefs.Prefs(
        blur_text=True, greyscale=False, break_every=25, break_taken_at=None
    )
    assert session.scalar(select(func.count()).select_from(UserPrefs)) == 0


def test_an_update_changes_only_what_it_names_and_only_for_that_person(session, people):
    prefs.update(session, people.ana, greyscale=True, break_every=40)
    prefs.update(session, people.ana, blur_text=False)
    assert prefs.get(session, people.ana) == prefs.Prefs(blur_text=False, greyscale=True, break_every=40)
    assert prefs.get(session, people.bea) == prefs.Prefs()
    prefs.update(session, people.ana, break_every=0)  # 0: never remind
    assert prefs.get(session, people.ana).break_every == 0


@pytest.mark.parametrize("bad", [-1, 501, 10_000])
def test_an_interval_outside_0_to_500_is_refused_and_nothing_changes(session, people, bad):
    prefs.update(session, people.ana, break_every=30)
    with pytest.raises(Invalid, match=r"from 0 .* to 500"):
        prefs.update(session, people.ana, greyscale=True, break_every=bad)
    assert prefs.get(session, people.ana) == prefs.Prefs(break_every=30)


def test_a_break_is_stamped_with_the_contexts_clock_and_keeps_the_other_choices(ctx, clock, session, people):
    prefs.update(session, people.sam, greyscale=True)
    clock.advance(hours=2)
    taken = prefs.take_break(session, ctx, people.sam)
    assert taken.break_taken_at == START.replace(hour=11) and taken.greyscale
    assert prefs.get(session, people.sam) == taken
    fresh = prefs.take_break(session, ctx, people.bea)  # a first break makes the row with the defaults
    assert fresh == prefs.Prefs(break_taken_at=ctx.now())
