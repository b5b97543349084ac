"""Supervisors reading the audit log (`GET /v1/audit` and the audit page); reading it is recorded.

Rows hold actors, internal ids, scrubbed reasons and tokens, never personal values, so showing
them to supervisors discloses nothing the vault protects. Newest first; `before` pages back. The
chain itself is written and verified by `service/audit.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.db.models import AuditEvent, User
from service.review.context import ReviewContext
from service.review.vocabulary import actor


@dataclass(frozen=True)
class AuditFilters:
    """`action` is exact, or a prefix ending in "." (`unmask.`); `until` is exclusive; `before`
    keeps rows with a smaller id (paging). Times without a zone are read as UTC (the log's zone)."""

    action: str | None = None
    actor: str | None = None
    target: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    before: int | None = None

    def shown(self) -> dict[str, object]:
        """The filters that were set, as the `audit.view` row records them."""
        set_ = {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}
        return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in set_.items()}


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    action: str
    target: str | None
    reason: str | None
    detail: dict
    prev_hash: str
    hash: str


def aware(moment: datetime) -> datetime:
    """A naive time is read as UTC (the log's zone) rather than refused."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def rows(session: Session, filters: AuditFilters, limit: int) -> list[AuditRow]:
    """Audit rows, newest first, filtered."""
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    if filters.action:
        prefix = filters.action.endswith(".")
        query = query.where(
            AuditEvent.action.startswith(filters.action, autoescape=True)
            if prefix
            else AuditEvent.action == filters.action
        )
    if filters.actor:
        query = query.where(AuditEvent.actor == filters.actor)
    if filters.target:
        query = query.where(AuditEvent.target == filters.target)
    if filters.since:
        query = query.where(AuditEvent.at >= aware(filters.since))
    if filters.until:
        query = query.where(AuditEvent.at < aware(filters.until))
    if filters.before:
        query = query.where(AuditEvent.id < filters.before)
    return [
        AuditRow(r.id, r.at, r.actor, r.action, r.target, r.reason, r.detail or {}, r.prev_hash, r.hash)
        for r in session.scalars(query)
    ]


def read(
    session: Session,
    ctx: ReviewContext,
    user: User,
    filters: AuditFilters,
    limit: int,
    via: str | None = None,
) -> list[AuditRow]:
    """`rows()`, with the view itself audited (`audit.view`: the filters, the row count, `via`). Commits."""
    found = rows(session, filters, limit)
    detail: dict = {"filters": filters.shown(), "rows": len(found)} | ({"via": via} if via else {})
    ctx.auditor.record(session, actor(user), "audit.view", detail=detail)
    session.commit()
    return found


def actions(session: Session) -> list[str]:
    """The actions present in the log and their families (`unmask.`), for a filter's choices."""
    present = set(session.scalars(select(AuditEvent.action).distinct()))
    families = {a.split(".")[0] + "." for a in present if "." in a}
    return sorted(present | families)


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(AuditEvent)) or 0
