"""Dates and times as the reader's language writes them (Babel), always in UTC and saying so.

The views hand over ISO strings (reports, decision histories, leases) or datetimes (clusters, audit
rows); a page shows them through the `when` filters, never by slicing a string. One time zone for
everyone — UTC, the zone of the audit log, of the lease and of the API — so two analysts in
different countries quote the same time for the same decision; it is named beside every time.
Hours are on the 24-hour clock in both languages (no "PM" to misread in a record).
A value that is not a date (a partner's free-text `posted_at`) is shown as it came.
"""

from __future__ import annotations

from datetime import UTC, datetime

from babel.dates import format_date, format_time, get_datetime_format
from jinja2 import Environment, pass_context
from jinja2.runtime import Context

ZONE = "UTC"
CLOCK = "HH:mm"
EXACT = "HH:mm:ss"


def moment(value: object) -> datetime | None:
    """The value as an aware UTC datetime (a naive one is UTC, as the database keeps it); else None."""
    if isinstance(value, datetime):
        when = value
    elif isinstance(value, str) and value:
        try:
            when = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    else:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def when(value: object, lang: str, with_time: bool = True, clock_format: str = CLOCK) -> str:
    """ "3 dic 2026, 21:06 UTC" / "Dec 3, 2026, 21:06 UTC"; without time, the date alone; "-" if empty."""
    at = moment(value)
    if at is None:
        return str(value) if value else "-"
    day = format_date(at, "medium", locale=lang)
    if not with_time or (isinstance(value, str) and len(value) == len("2026-12-03")):  # a date alone
        return day
    clock = format_time(at, clock_format, tzinfo=UTC, locale=lang)
    return get_datetime_format("medium", locale=lang).replace("{1}", day).replace("{0}", clock) + f" {ZONE}"


def clock(value: object, lang: str) -> str:
    """The time of day alone ("21:06"); the sentence around it names the zone."""
    at = moment(value)
    return format_time(at, CLOCK, tzinfo=UTC, locale=lang) if at else "-"


def install(env: Environment) -> None:
    """`|when` (date and time), `|when_exact` (with seconds, for the audit log), `|day` (date),
    `|clock` (time of day), in the page's language."""

    @pass_context
    def when_filter(context: Context, value: object) -> str:
        return when(value, context.get("lang", "en"))

    @pass_context
    def exact_filter(context: Context, value: object) -> str:
        return when(value, context.get("lang", "en"), clock_format=EXACT)

    @pass_context
    def day_filter(context: Context, value: object) -> str:
        return when(value, context.get("lang", "en"), with_time=False)

    @pass_context
    def clock_filter(context: Context, value: object) -> str:
        return clock(value, context.get("lang", "en"))

    env.filters.update(when=when_filter, when_exact=exact_filter, day=day_filter, clock=clock_filter)
