"""What the supervisor pages read: escalations with who escalated and why, the audit log with filters,
and the case reports.

Read-only queries over `service.db.models`; every rule that changes something (claiming, settling,
unmasking) stays in `service.review`, so the pages cannot drift from the JSON API. The audit query
mirrors `GET /v1/audit` (exact action or a prefix ending in "."), which keeps its query inside the
route, so it is written again here rather than factored out of a module this part does not own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.db.models import AuditEvent, CaseReport, Decision, Item, User
from service.review import reports

AUDIT_LIMIT = 200


def escalation_details(session: Session, item_ids: list[int]) -> dict[int, dict]:
    """Per item: the latest escalation — who escalated, their lean, reason code and note."""
    if not item_ids:
        return {}
    rows = session.execute(
        select(Decision, User.name)
        .outerjoin(User, User.id == Decision.user_id)
        .where(Decision.item_id.in_(item_ids), Decision.decision == "escalate")
        .order_by(Decision.created_at, Decision.id)
    ).all()
    found: dict[int, dict] = {}
    for decision, name in rows:  # oldest first, so the latest escalation wins
        lean, note = reports.split_note(decision.decision, decision.note)
        found[decision.item_id] = {
            "by": name,
            "lean": lean,
            "reason": decision.reason,
            "note": note,
            "at": decision.created_at,
        }
    return found


@dataclass(frozen=True)
class AuditFilters:
    """The page's filters; `actor` without a colon means a person (`user:<name>`)."""

    action: str | None = None
    actor: str | None = None
    target: str | None = None
    since: datetime | None = None

    @property
    def actor_id(self) -> str | None:
        if not self.actor:
            return None
        return self.actor if ":" in self.actor else f"user:{self.actor}"

    def shown(self) -> dict[str, str]:
        values = {"action": self.action, "actor": self.actor_id, "target": self.target, "since": self.since}
        return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in values.items() if v}


def parse_since(text: str) -> datetime | None:
    """A date or date-time from the form; a time without a zone is read as UTC (the log's zone).

    Raises ValueError for anything else, which the page shows as a message.
    """
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def audit_rows(session: Session, filters: AuditFilters, limit: int = AUDIT_LIMIT) -> list[AuditEvent]:
    """Audit rows, newest first, as `GET /v1/audit` filters them."""
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    if filters.action:
        prefix = filters.action.endswith(".")
        query = query.where(
            AuditEvent.action.startswith(filters.action, autoescape=True)
            if prefix
            else AuditEvent.action == filters.action
        )
    if filters.actor_id:
        query = query.where(AuditEvent.actor == filters.actor_id)
    if filters.target:
        query = query.where(AuditEvent.target == filters.target)
    if filters.since:
        query = query.where(AuditEvent.at >= filters.since)
    return list(session.scalars(query))


def audit_actions(session: Session) -> list[str]:
    """The actions present in the log and their families (`unmask.`), for the filter's choices."""
    actions = set(session.scalars(select(AuditEvent.action).distinct()))
    families = {a.split(".")[0] + "." for a in actions if "." in a}
    return sorted(actions | families)


def report_listing(session: Session, limit: int = 200) -> list[dict]:
    """Confirmed items with their case report, newest first (what is ready to send)."""
    rows = session.execute(
        select(CaseReport, Item.lang, Item.source, Item.score)
        .join(Item, Item.id == CaseReport.item_id)
        .where(Item.state == "confirmed")
        .order_by(CaseReport.created_at.desc(), CaseReport.id.desc())
        .limit(limit)
    ).all()
    return [
        {
            "item_id": report.item_id,
            "report_id": report.body.get("report_id"),
            "created_at": report.created_at,
            "lang": lang,
            "source": source,
            "score": score,
            "indicators": [i["code"] for i in report.body.get("indicators", [])],
            "linked": len(report.body.get("linked_ads", [])),
        }
        for report, lang, source, score in rows
    ]


def case_report(session: Session, item_id: int) -> CaseReport | None:
    return session.scalar(select(CaseReport).where(CaseReport.item_id == item_id))


def audit_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(AuditEvent)) or 0
