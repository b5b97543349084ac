"""Per-item actions: release a claim, decide, read a case report, and partners' status of their ads.

Path order matters: the partner route takes any external id (`{external_id:path}`, ids may hold
slashes), so it is declared last and the item routes match integer ids only.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field

from service.api.deps import AnalystDep, PartnerDep, SupervisorDep
from service.edge import SessionDep, StateDep
from service.review import claims, decisions, reports
from service.review.status import ItemStatus, partner_status
from service.review.vocabulary import REASONS

router = APIRouter(prefix="/v1", tags=["items"])


class DecisionIn(BaseModel):
    decision: Literal["confirm", "dismiss", "escalate"]
    reason: Annotated[str, Field(min_length=1, max_length=60, description="a reason code of the decision")]
    note: Annotated[str, Field(max_length=2000)] = ""
    lean: Literal["confirm", "dismiss"] | None = Field(
        None, description="with escalate only: which way the escalating analyst leans"
    )


@router.get("/items/{item_id:int}/report")
def report(item_id: int, user: SupervisorDep, session: SessionDep, state: StateDep) -> dict:
    """The case report of a confirmed item (supervisors). Audited as `report.view`."""
    return reports.read(session, state, user, item_id)


@router.post("/items/{item_id:int}/release", response_model=claims.Released)
def release(item_id: int, user: AnalystDep, session: SessionDep, state: StateDep) -> claims.Released:
    """Give a claimed item back to the queue (claim holder only; 409 otherwise)."""
    return claims.release(session, state, user, item_id)


REASON_CODES = "; ".join(f"{k}: {', '.join(v)}" for k, v in REASONS.items())


@router.post(
    "/items/{item_id:int}/decision",
    response_model=decisions.Decided,
    description=f"Decide a claimed item. Reason codes — {REASON_CODES} (422 otherwise). Needs a live "
    "claim (409). Escalated items are settled by a supervisor other than the escalating person (403). "
    "Confirming produces the case report and, if the partner has a webhook, a takedown notice. Notes "
    "are redacted before they are stored.",
)
def decide(
    item_id: int, body: DecisionIn, user: AnalystDep, session: SessionDep, state: StateDep
) -> decisions.Decided:
    """Decide a claimed item; the route description lists the rules and reason codes."""
    return decisions.decide(session, state, user, item_id, body.decision, body.reason, body.note, body.lean)


@router.get("/items/{external_id:path}", response_model=ItemStatus)
def status(external_id: str, partner: PartnerDep, session: SessionDep, state: StateDep) -> ItemStatus:
    """Status of one of your own ads: `not-flagged`, `queued`, `in-review`, `escalated`, `confirmed`
    or `dismissed`, the outcome once decided, and whether a takedown was requested. No text."""
    return partner_status(session, state, partner.partner, external_id)  # type: ignore[arg-type]
