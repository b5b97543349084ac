"""When an ad says it was posted: what intake accepts, the form it is stored in, and how old an item is.

A partner or the crawler may send `posted_at`, an ISO 8601 date (`2026-10-03`) or date and time
(`2026-10-03T09:30:00+02:00`; without an offset it is read as UTC). Anything else is refused (the
API answers 422). It is stored as text in one form: a date as `YYYY-MM-DD` (a site that gives only a
day says nothing of the hour), a date and time in UTC to the second.

A posting time later than the moment the ad reached us (plus `SKEW`, for sites in time zones ahead
of ours and clocks that drift) is **clamped** to that moment rather than refused: the ad cannot have
been posted after we received it, so the arrival is the honest upper bound, and a refusal would
send back the whole batch — for the crawler, a batch that then stays in its spool for good — over
one site's wrong clock.

An item's age counts from its posting time when one is known, else from its arrival; `Age.since`
says which, because "posted 40 days ago" and "received 40 days ago" ask different things of an
analyst.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

SKEW = timedelta(days=1)
#: What `Age.since` says: the age counts from the posting time, or from the arrival.
POSTED, RECEIVED = "posted", "received"


def canonical(value: str) -> str:
    """The stored form of an ISO 8601 date or date-time; `ValueError` (with a message) otherwise."""
    text = value.strip()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"posted_at must be an ISO 8601 date (2026-10-03) or date and time "
            f"(2026-10-03T09:30:00+02:00), not {value!r}"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def moment(stored: str | None) -> datetime | None:
    """The instant a stored posting time stands for (a date: its midnight, UTC); None when unknown
    or not readable (items queued before intake checked the field kept whatever was sent)."""
    if not stored:
        return None
    try:
        parsed = datetime.fromisoformat(stored)
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def stored(value: str | None, received: datetime) -> str | None:
    """What intake stores for a sent `posted_at`: its canonical form, clamped to `received`."""
    if value is None:
        return None
    form = canonical(value)
    at = moment(form)
    if at is None or at <= received + SKEW:
        return form
    is_date = "T" not in form
    return received.date().isoformat() if is_date else received.astimezone(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Age:
    seconds: int
    since: str  # POSTED or RECEIVED


def age(posted_at: str | None, received: datetime, now: datetime) -> Age:
    """How long ago the ad was posted, or (posting time unknown) how long it has been with us."""
    posted = moment(posted_at)
    if posted is None:
        return Age(max(0, int((now - received).total_seconds())), RECEIVED)
    return Age(max(0, int((now - posted).total_seconds())), POSTED)
