"""Four-eyes unmasking: a supervisor requests with a reason, a second one approves, the requester reads.

The logic and its audit trail live in `service.review.unmask`; these routes only check roles and
shape JSON. The reveal answer is marked `no-store` so no proxy or browser cache keeps the values.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from service.api.deps import SessionDep, StateDep, SupervisorDep
from service.review import unmask

router = APIRouter(prefix="/v1", tags=["unmask"])


class UnmaskIn(BaseModel):
    reason: Annotated[str, Field(min_length=1, max_length=2000, description="Why the values are needed.")]


class DecisionIn(BaseModel):
    reason: Annotated[str | None, Field(max_length=2000)] = None


class UnmaskOut(BaseModel):
    id: int
    item_id: int
    status: str
    reason: str
    requester: str | None
    approver: str | None
    created_at: str
    decided_at: str | None


class Original(BaseModel):
    kind: str
    token: str
    value: str


class Revealed(BaseModel):
    id: int
    item_id: int
    status: str
    values: list[Original]


class UnmaskList(BaseModel):
    requests: list[UnmaskOut]


@router.post("/items/{item_id}/unmask", status_code=201, response_model=UnmaskOut)
def request_unmask(
    item_id: int, body: UnmaskIn, user: SupervisorDep, session: SessionDep, state: StateDep
) -> dict:
    """Ask to see an item's original values; a second supervisor must approve (four eyes)."""
    row = unmask.request(session, state, user, item_id, body.reason)
    return unmask.view(row, {user.id: user.name})


@router.post("/unmask/{request_id}/approve", response_model=UnmaskOut)
def approve(
    request_id: int, user: SupervisorDep, session: SessionDep, state: StateDep, body: DecisionIn | None = None
) -> dict:
    """Approve a pending request; the requester cannot approve their own (403)."""
    row = unmask.decide(session, state, user, request_id, True, body.reason if body else None)
    return unmask.listing_one(session, row)


@router.post("/unmask/{request_id}/reject", response_model=UnmaskOut)
def reject(
    request_id: int, user: SupervisorDep, session: SessionDep, state: StateDep, body: DecisionIn | None = None
) -> dict:
    """Reject a pending request (the requester rejecting their own withdraws it)."""
    row = unmask.decide(session, state, user, request_id, False, body.reason if body else None)
    return unmask.listing_one(session, row)


@router.get("/unmask/{request_id}", response_model=Revealed)
def reveal(
    request_id: int, user: SupervisorDep, session: SessionDep, state: StateDep, response: Response
) -> dict:
    """The original values: only for the requester, only after a second supervisor approved."""
    values = unmask.reveal(session, state, user, request_id)
    response.headers["Cache-Control"] = "no-store"
    row = unmask.listing_one(session, unmask.get(session, request_id))
    return {"id": row["id"], "item_id": row["item_id"], "status": row["status"], "values": values}


@router.get("/unmask", response_model=UnmaskList)
def list_requests(
    user: SupervisorDep,
    session: SessionDep,
    status: Annotated[Literal["pending", "approved", "rejected"] | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict:
    """Unmask requests, newest first (no values), e.g. `?status=pending` for those awaiting approval."""
    return {"requests": unmask.listing(session, status, limit)}
