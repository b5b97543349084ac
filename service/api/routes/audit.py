"""`GET /v1/audit`: supervisors read the audit log; reading it is itself recorded.

The query and what a view records are `service.review.auditlog`; the workspace's audit page
reads the same rows.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from service.api.deps import SupervisorDep
from service.api.openapi import AUTHENTICATED
from service.edge import MAX_ID, SessionDep, StateDep
from service.review import auditlog
from service.review.auditlog import AuditFilters, AuditRow

router = APIRouter(prefix="/v1", tags=["audit"], responses=AUTHENTICATED)


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
    before: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only rows with a smaller id (paging)")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> AuditPage:
    """Audit rows, newest first, filtered; the view is audited (`audit.view`) with its filters."""
    filters = AuditFilters(action, actor, target, since, until, before)
    return AuditPage(events=auditlog.read(session, state, user, filters, limit))
