"""Posting times: ISO 8601 in, one stored form, a future time clamped to the arrival, and the age
counted from the posting when it is known."""

from __future__ import annotations

from datetime import timedelta

import pytest

from service.review import posting
from tests.factories import START


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("2026-10-03", "2026-10-03"),
        (" 20261003 ", "2026-10-03"),
        ("2026-10-03T09:30:00+02:00", "2026-10-03T07:30:00+00:00"),
        ("2026-10-03T09:30", "2026-10-03T09:30:00+00:00"),  # no offset: UTC
        ("2026-10-03T09:30:15.250Z", "2026-10-03T09:30:15+00:00"),
    ],
)
def test_iso_dates_and_times_are_stored_in_one_form(sent, stored):
    assert posting.canonical(sent) == stored


@pytest.mark.parametrize("sent", ["hace 3 días", "03/10/2026", "2026-13-01", "2026-10-03T25:00", ""])
def test_anything_else_is_refused_with_a_message(sent):
    with pytest.raises(ValueError, match="posted_at must be an ISO 8601 date"):
        posting.canonical(sent)


def test_a_posting_time_after_the_arrival_is_clamped_to_it_beyond_a_days_skew():
    tomorrow = (START + timedelta(hours=20)).isoformat()
    assert posting.stored(tomorrow, START) == posting.canonical(tomorrow)  # within the skew: kept
    assert posting.stored("2030-03-01T10:00:00Z", START) == START.isoformat(timespec="seconds")
    assert posting.stored("2031-01-01", START) == START.date().isoformat()  # a date stays a date
    assert posting.stored("2029-12-24", START) == "2029-12-24"
    assert posting.stored(None, START) is None


def test_the_age_counts_from_the_posting_when_known_else_from_the_arrival():
    received, now = START, START + timedelta(hours=5)
    assert posting.age("2030-01-01", received, now) == posting.Age(6 * 86400 + 14 * 3600, posting.POSTED)
    assert posting.age(None, received, now) == posting.Age(5 * 3600, posting.RECEIVED)
    assert posting.age("last week", received, now) == posting.Age(5 * 3600, posting.RECEIVED)  # legacy text
    assert posting.age("2030-01-08", received, now).seconds == 0  # never negative
