"""Receipts: what a partner was answered for one of its ads, found again by (partner, external_id).

A receipt makes scoring idempotent: the same id with the same text is answered from it, the same id
with another text is refused (409). Neither is kept in clear. The text is a keyed hash; so is the
id, since partners name their ads as they like and an id can be a phone number or an e-mail
address. Whoever looks a receipt up — intake on a retry, a partner asking `GET /v1/items/{id}` —
names the id, so its keyed hash is all a lookup needs.

Receipts written before ids were hashed hold the id in clear, and `find` matches them as well
(their owners keep their answers); unflagged ones leave with retention like any other.
"""

from __future__ import annotations

import hashlib
import hmac

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from service.db.models import Receipt
from service.review.context import ReviewContext


def text_hash(ctx: ReviewContext, text: str) -> str:
    return _keyed(ctx, b"receipt:", text)


def id_key(ctx: ReviewContext, external_id: str) -> str:
    """What `Receipt.external_id` holds for a partner's id."""
    return _keyed(ctx, b"external-id:", external_id)


def _keyed(ctx: ReviewContext, purpose: bytes, value: str) -> str:
    return hmac.new(ctx.secret_key, purpose + value.encode(), hashlib.sha256).hexdigest()


def same_text(ctx: ReviewContext, receipt: Receipt, text: str) -> bool:
    return hmac.compare_digest(receipt.text_hash, text_hash(ctx, text))


def find(session: Session, ctx: ReviewContext, partner_id: int, ids: list[str]) -> dict[str, Receipt]:
    """The partner's receipts for `ids`, by external id (ids without one are left out)."""
    if not ids:
        return {}
    by_key = {id_key(ctx, i): i for i in ids}
    rows = session.scalars(
        select(Receipt).where(
            Receipt.partner_id == partner_id,
            or_(Receipt.external_id.in_(list(by_key)), Receipt.external_id.in_(ids)),
        )
    )
    return {by_key.get(r.external_id, r.external_id): r for r in rows}


def answer(receipt: Receipt) -> dict:
    """The stored answer, with the fields receipts written before the flag policy lack: the model
    alone flagged then."""
    result = dict(receipt.result)
    result.setdefault("flag_reasons", ["model"] if result.get("flagged") else [])
    result.setdefault("child_risk", False)
    return result
