"""Per-item actions: release a claim, decide, read a case report, and partners' status of their ads.

Path order matters: the partner route takes any external id (`{external_id:path}`, ids may hold
slashes), so it is declared last and the item routes match integer ids only.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field
from sqlalchemy import select

from service.api.deps import AnalystDep, PartnerDep, SessionDep, StateDep, SupervisorDep
from service.db.models import CaseReport, Receipt, WebhookDelivery, utcnow
from service.review import queue

router = APIRouter(prefix="/v1", tags=["items"])


class DecisionIn(BaseModel):
    decision: Literal["confirm", "dismiss", "escalate"]
    reason: Annotated[str, Field(min_length=1, max_length=60, description="a reason code of the decision")]
    note: Annotated[str, Field(max_length=2000)] = ""
    lean: Literal["confirm", "dismiss"] | None = Field(
        None, description="with escalate only: which way the escalating analyst leans"
    )


class Decided(BaseModel):
    id: int
    state: str
    report_id: str | None


class Released(BaseModel):
    id: int
    state: str


class Status(BaseModel):
    external_id: str
    status: str
    outcome: str | None
    decided_at: str | None
    takedown_requested: bool
    takedown_delivery: str | None
    score: float | None
    flagged: bool


@router.get("/items/{item_id:int}/report")
def report(item_id: int, user: SupervisorDep, session: SessionDep, app: StateDep) -> dict:
    """The case report of a confirmed item (supervisors). Audited as `report.view`."""
    row = session.scalar(select(CaseReport).where(CaseReport.item_id == item_id))
    if row is None:
        raise HTTPException(404, f"no case report for item {item_id} (only confirmed items have one)")
    app.auditor.record(
        session,
        f"user:{user.name}",
        "report.view",
        f"item:{item_id}",
        detail={"report": row.body["report_id"]},
    )
    session.commit()
    return row.body


@router.post("/items/{item_id:int}/release", response_model=Released)
def release(item_id: int, user: AnalystDep, session: SessionDep, app: StateDep) -> dict:
    """Give a claimed item back to the queue (claim holder only; 409 otherwise)."""
    item = queue.release(session, app, user, item_id)
    return {"id": item.id, "state": item.state}


REASON_CODES = "; ".join(f"{k}: {', '.join(v)}" for k, v in queue.REASONS.items())


@router.post(
    "/items/{item_id:int}/decision",
    response_model=Decided,
    description=f"Decide a claimed item. Reason codes — {REASON_CODES} (422 otherwise). Needs a live "
    "claim (409). Escalated items are settled by a supervisor other than the escalating person (403). "
    "Confirming produces the case report and, if the partner has a webhook, a takedown notice. Notes "
    "are redacted before they are stored.",
)
def decide(item_id: int, body: DecisionIn, user: AnalystDep, session: SessionDep, app: StateDep) -> dict:
    """Decide a claimed item; the route description lists the rules and reason codes."""
    item, report_id = queue.decide(
        session, app, user, item_id, body.decision, body.reason, body.note, body.lean
    )
    return {"id": item.id, "state": item.state, "report_id": report_id}


@router.get("/items/{external_id:path}", response_model=Status)
def status(external_id: str, partner: PartnerDep, session: SessionDep) -> dict:
    """Status of one of your own ads: `not-flagged`, `queued`, `in-review`, `escalated`, `confirmed`
    or `dismissed`, the outcome once decided, and whether a takedown was requested. No text."""
    receipt = session.scalar(
        select(Receipt).where(Receipt.partner_id == partner.partner.id, Receipt.external_id == external_id)  # type: ignore[union-attr]
    )
    if receipt is None:
        raise HTTPException(404, f"no item with external_id {external_id!r} from this partner")
    score = receipt.result.get("score")
    if receipt.item_id is None:
        return _status(external_id, "not-flagged", None, None, False, None, score, receipt.flagged)
    item = queue.get_item(session, receipt.item_id)
    now = utcnow()
    live = item.claimed_by is not None and item.lease_until is not None and item.lease_until > now
    state = "in-review" if item.state == "queued" and live else item.state
    outcome = item.state if item.state in ("confirmed", "dismissed") else None
    delivery = session.scalar(
        select(WebhookDelivery.status)
        .where(WebhookDelivery.item_id == item.id, WebhookDelivery.event == "takedown")
        .order_by(WebhookDelivery.id.desc())
        .limit(1)
    )
    decided = item.decided_at.isoformat() if outcome and item.decided_at else None
    return _status(external_id, state, outcome, decided, item.state == "confirmed", delivery, score, True)


def _status(
    external_id: str,
    state: str,
    outcome: str | None,
    decided_at: str | None,
    takedown: bool,
    delivery: str | None,
    score: float | None,
    flagged: bool,
) -> dict:
    return {
        "external_id": external_id,
        "status": state,
        "outcome": outcome,
        "decided_at": decided_at,
        "takedown_requested": takedown,
        "takedown_delivery": delivery,
        "score": score,
        "flagged": flagged,
    }
