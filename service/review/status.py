"""What a partner may know of one of its own ads: where it stands in review and whether a takedown
was requested — never any text, redacted or not (the partner has the ad already)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from baliza.errors import NotFound
from service.db.engine import reading
from service.db.models import CaseDocument, CaseItem, Partner, WebhookDelivery
from service.review import receipts
from service.review.context import ReviewContext
from service.review.items import get_item

SETTLED = ("confirmed", "dismissed")


@dataclass(frozen=True)
class ItemStatus:
    external_id: str
    status: str
    outcome: str | None
    decided_at: str | None
    takedown_requested: bool
    takedown_delivery: str | None
    score: float | None
    flagged: bool


def partner_status(session: Session, ctx: ReviewContext, partner: Partner, external_id: str) -> ItemStatus:
    """`not-flagged`, `queued`, `in-review`, `escalated`, `confirmed` or `dismissed`, the outcome
    once decided, and the latest takedown delivery's status. Only reads (no write lock)."""
    with reading(session):
        receipt = receipts.find(session, ctx, partner.id, [external_id]).get(external_id)
        if receipt is None:
            raise NotFound(f"no item with external_id {external_id!r} from this partner")
        score = receipt.result.get("score")
        if receipt.item_id is None:
            return ItemStatus(external_id, "not-flagged", None, None, False, None, score, receipt.flagged)
        item = get_item(session, receipt.item_id)
        state = "in-review" if item.state == "queued" and item.claim_live(ctx.now()) else item.state
        outcome = item.state if item.state in SETTLED else None
        delivery = session.scalar(
            select(WebhookDelivery.status)
            .where(WebhookDelivery.item_id == item.id, WebhookDelivery.event == "takedown")
            .order_by(WebhookDelivery.id.desc())
            .limit(1)
        )
        requested = takedown_sent(session, item.id)
    decided = item.decided_at.isoformat() if outcome and item.decided_at else None
    return ItemStatus(external_id, state, outcome, decided, requested, delivery, score, True)


def takedown_sent(session: Session, item_id: int) -> bool:
    """Whether a case holding the item had its signed-off takedown sent (a confirm alone is not one)."""
    return (
        session.scalar(
            select(CaseDocument.id)
            .join(CaseItem, CaseItem.case_id == CaseDocument.case_id)
            .where(
                CaseItem.item_id == item_id,
                CaseDocument.kind == "takedown",
                CaseDocument.state.in_(("sent", "acknowledged")),
            )
            .limit(1)
        )
        is not None
    )
