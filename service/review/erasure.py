"""Erasure: a data subject's request to remove every item that holds their phone, e-mail or handle.

The value is never looked up in clear (nothing stores it in clear): it is run through the very
redactor the service runs at its door, which normalises it (E.164, lower-case, de-obfuscation) and
yields the same keyed token the ads carry. Every item holding one of those tokens is deleted; the
database cascades to its vault entry, pseudonyms, bands, decisions, unmask requests, case report
and receipt; the cases holding it lose its entries (`cases.forget`). The audit row names the
token(s) and the count, never the value. Like a purge, an erasure ends with a WAL checkpoint, so
the deleted originals leave the SQLite files too.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from baliza.errors import InputError
from service.db.models import Item, ItemPseudonym, Receipt
from service.privacy.redact import redact
from service.review import cases
from service.review.context import ReviewContext
from service.review.retention import checkpoint

ERASABLE = ("PHONE", "EMAIL", "HANDLE", "ID")


@dataclass(frozen=True)
class Erasure:
    tokens: list[str]
    items: int


def tokens_of(ctx: ReviewContext, value: str, region: str | None = None) -> list[str]:
    """The pseudonym tokens of a phone, e-mail, handle or ID number, as they appear in ads."""
    found = [p.token for p in redact(value.strip(), ctx.secret_key, region).pseudonyms if p.kind in ERASABLE]
    if not found:
        raise InputError("not a phone number, e-mail, handle or ID number: nothing to erase")
    return sorted(set(found))


def erase(
    session: Session,
    ctx: ReviewContext,
    value: str,
    actor: str,
    region: str | None = None,
    reason: str | None = None,
    dry_run: bool = False,
) -> Erasure:
    """Delete every item holding `value`; commits. `dry_run` only counts (and is not audited)."""
    tokens = tokens_of(ctx, value, region)
    ids = sorted(set(session.scalars(select(ItemPseudonym.item_id).where(ItemPseudonym.token.in_(tokens)))))
    if dry_run:
        return Erasure(tokens, len(ids))
    if ids:
        cases.forget(session, ids, tokens)  # a case keeps copies of its ads in its report
        # The FK cascades too; deleting receipts explicitly keeps that true on any backend.
        session.execute(delete(Receipt).where(Receipt.item_id.in_(ids)))
        session.execute(delete(Item).where(Item.id.in_(ids)).execution_options(synchronize_session=False))
    ctx.auditor.record(
        session, actor, "erasure", target=None, reason=reason, detail={"tokens": tokens, "items": len(ids)}
    )
    session.commit()
    checkpoint(ctx.engine)
    return Erasure(tokens, len(ids))
