"""How much a reviewer has been exposed to today: ads opened, decisions made, decisions since a break.

The header of every page shows the first two, so a person sees their day's load without counting,
and the third drives the break reminder (`break_due`). "Today" is the UTC day, the zone every page
states its times in. An ad opened is an item the reviewer was shown (an `item.view` audit row: the
item page, a cluster's side-by-side ads), counted once however often it was reloaded. Decisions
since the last break start again at `take_break` and at the start of each day (a night is a break).

All three counts are one statement of index scans (`ix_audit_log_viewer`, `ix_decisions_user_created`),
run on every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.db.engine import reading
from service.db.models import AuditEvent, Decision, User
from service.review.context import ReviewContext
from service.review.prefs import Prefs
from service.review.vocabulary import actor

VIEW_ACTION = "item.view"


@dataclass(frozen=True)
class Exposure:
    opened: int  # distinct items shown to the reviewer today
    decided: int  # decisions they made today
    since_break: int  # decisions since their last break (or since the day began)


def day_start(moment: datetime) -> datetime:
    """Midnight UTC of the day `moment` falls in."""
    return moment.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def today(session: Session, ctx: ReviewContext, user: User, prefs: Prefs) -> Exposure:
    """The reviewer's counts for the current UTC day (`prefs` says when they last took a break)."""
    start = day_start(ctx.now())
    opened = (
        select(func.count(func.distinct(AuditEvent.target)))
        .where(AuditEvent.actor == actor(user), AuditEvent.action == VIEW_ACTION, AuditEvent.at >= start)
        .scalar_subquery()
    )
    mine = select(func.count()).select_from(Decision).where(Decision.user_id == user.id)
    decided = mine.where(Decision.created_at >= start).scalar_subquery()
    after_break = mine.where(Decision.created_at >= start)
    if prefs.break_taken_at is not None and prefs.break_taken_at >= start:
        after_break = after_break.where(Decision.created_at > prefs.break_taken_at)
    with reading(session):
        row = session.execute(select(opened, decided, after_break.scalar_subquery())).one()
    return Exposure(int(row[0] or 0), int(row[1] or 0), int(row[2] or 0))


def break_due(prefs: Prefs, seen: Exposure) -> bool:
    """Whether to remind the reviewer to pause: they chose reminders and reached their interval."""
    return prefs.break_every > 0 and seen.since_break >= prefs.break_every
