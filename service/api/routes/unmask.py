"""Four-eyes unmasking: a supervisor requests with a reason, a second one approves, the requester reads.

The logic and its audit trail live in `service.review.unmask`; these routes only check roles and
shape JSON. The reveal answer is marked `no-store` so no proxy or browser cache keeps the values.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from service.api.deps import SupervisorDep
from service.api.openapi import AUTHENTICATED, errors
from service.edge import PathId, SessionDep, StateDep
from service.review import unmask
from service.review.unmask import Original, UnmaskView

router = APIRouter(prefix="/v1", tags=["unmask"], responses=AUTHENTICATED)


class UnmaskIn(BaseModel):
    reason: Annotated[str, Field(min_length=1, max_length=2000, description="Why the values are needed.")]


class DecisionIn(BaseModel):
    reason: Annotated[str | None, Field(max_length=2000)] = None


class Revealed(BaseModel):
    id: int
    item_id: int
    status: str
    values: list[Original]


class UnmaskList(BaseModel):
    requests: list[UnmaskView]


@router.post(
    "/items/{item_id}/unmask", status_code=201, response_model=UnmaskView, responses=errors(404, 409)
)
def request_unmask(
    item_id: PathId, body: UnmaskIn, user: SupervisorDep, session: SessionDep, state: StateDep
) -> UnmaskView:
    """Ask to see an item's original values; a second supervisor must approve (four eyes)."""
    return unmask.request(session, state, user, item_id, body.reason)


@router.post("/unmask/{request_id}/approve", response_model=UnmaskView, responses=errors(404, 409))
def approve(
    request_id: PathId,
    user: SupervisorDep,
    session: SessionDep,
    state: StateDep,
    body: DecisionIn | None = None,
) -> UnmaskView:
    """Approve a pending request; the requester cannot approve their own (403)."""
    return unmask.decide(session, state, user, request_id, True, body.reason if body else None)


@router.post("/unmask/{request_id}/reject", response_model=UnmaskView, responses=errors(404, 409))
def reject(
    request_id: PathId,
    user: SupervisorDep,
    session: SessionDep,
    state: StateDep,
    body: DecisionIn | None = None,
) -> UnmaskView:
    """Reject a pending request (the requester rejecting their own withdraws it)."""
    return unmask.decide(session, state, user, request_id, False, body.reason if body else None)


@router.get("/unmask/{request_id}", response_model=Revealed, responses=errors(404, 409, 410))
def reveal(
    request_id: PathId, user: SupervisorDep, session: SessionDep, state: StateDep, response: Response
) -> Revealed:
    """The original values: only for the requester, only after a second supervisor approved."""
    shown = unmask.reveal(session, state, user, request_id)
    response.headers["Cache-Control"] = "no-store"
    row = shown.request
    return Revealed(id=row.id, item_id=row.item_id, status=row.status, values=shown.values)


@router.get("/unmask", response_model=UnmaskList)
def list_requests(
    user: SupervisorDep,
    session: SessionDep,
    status: Annotated[Literal["pending", "approved", "rejected"] | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> UnmaskList:
    """Unmask requests, newest first (no values), e.g. `?status=pending` for those awaiting approval."""
    return UnmaskList(requests=unmask.listing(session, status, limit))
