"""`GET /v1/audit`: supervisors read the audit log; reading it is itself recorded.

Rows hold actors, internal ids, scrubbed reasons and tokens, never personal values, so showing
them to supervisors discloses nothing the vault protects. Newest first; `before` pages back.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel
from sqlalchemy import select

from service.api.deps import SessionDep, StateDep, SupervisorDep
from service.db.models import AuditEvent

router = APIRouter(prefix="/v1", tags=["audit"])


class AuditRow(BaseModel):
    id: int
    at: datetime
    actor: str
    action: str
    target: str | None
    reason: str | None
    detail: dict[str, Any]
    prev_hash: str
    hash: str


class AuditPage(BaseModel):
    events: list[AuditRow]


@router.get("/audit", response_model=AuditPage)
def audit_log(
    user: SupervisorDep,
    session: SessionDep,
    state: StateDep,
    action: Annotated[
        str | None, Query(max_length=40, description="Exact action, or a prefix ending in '.'")
    ] = None,
    actor: Annotated[str | None, Query(max_length=120)] = None,
    target: Annotated[str | None, Query(max_length=120)] = None,
    since: Annotated[datetime | None, Query(description="ISO 8601 with a time zone")] = None,
    until: Annotated[datetime | None, Query(description="ISO 8601 with a time zone")] = None,
    before: Annotated[int | None, Query(ge=1, description="Only rows with a smaller id (paging)")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict:
    """Audit rows, newest first, filtered; the view is audited (`audit.view`) with its filters."""
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    if action:
        prefix = action.endswith(".")
        query = query.where(
            AuditEvent.action.startswith(action, autoescape=True) if prefix else AuditEvent.action == action
        )
    if actor:
        query = query.where(AuditEvent.actor == actor)
    if target:
        query = query.where(AuditEvent.target == target)
    if since:
        query = query.where(AuditEvent.at >= _aware(since))
    if until:
        query = query.where(AuditEvent.at < _aware(until))
    if before:
        query = query.where(AuditEvent.id < before)
    rows = [AuditRow.model_validate(row, from_attributes=True) for row in session.scalars(query)]
    filters = {
        "action": action,
        "actor": actor,
        "target": target,
        "since": since,
        "until": until,
        "before": before,
    }
    shown = {
        k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in filters.items() if v is not None
    }
    state.auditor.record(
        session, f"user:{user.name}", "audit.view", detail={"filters": shown, "rows": len(rows)}
    )
    session.commit()
    return {"events": rows}


def _aware(moment: datetime) -> datetime:
    """A naive time is read as UTC (the log's zone) rather than refused."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
