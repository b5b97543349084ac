"""Intake: score a partner's (or the crawler's) ads; queue the flagged ones, redacted; keep no other text.

Per item the caller gets score, flag and indicator spans into *its own* text. What is stored:
- every item: a receipt (keyed hash of the text and the result), so a retry is answered from it
  and a changed text under the same id is refused (409);
- flagged items only: the redacted text, indicator spans into it, pseudonym tokens and near-duplicate
  band keys (for linking), and the original values encrypted in the vault;
- per partner and day: counters of scored and flagged ads (data minimisation for the rest).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from baliza.errors import Conflict, Invalid
from models.ad import Ad
from models.indicators import detect
from models.linking import band_keys
from models.minhash import signature
from models.scored import Scored
from models.scoring import score_ads
from service.db.models import Item, ItemBand, ItemPseudonym, Partner, Receipt, ScoreCounter, VaultEntry
from service.privacy.redact import redact
from service.privacy.registry import analyze
from service.review.context import ReviewContext

#: What a partner is answered per item (and what its receipt keeps).
PUBLIC = ("score", "flagged", "flag_reasons", "child_risk", "indicators", "lang")


def text_hash(ctx: ReviewContext, text: str) -> str:
    return hmac.new(ctx.secret_key, b"receipt:" + text.encode(), hashlib.sha256).hexdigest()


def intake(session: Session, ctx: ReviewContext, partner: Partner, channel: str, items: list[Ad]) -> dict:
    """The response body of /v1/score and /v1/ingest; commits receipts, items and counters.

    An ad's `id` is the partner's `external_id` (the API maps it at its edge, `Ad.from_api`).
    """
    ids = [item.id for item in items]
    if len(set(ids)) != len(ids):
        raise Invalid("items: the same external_id appears twice in one request")
    stored = {
        r.external_id: r
        for r in session.scalars(
            select(Receipt).where(Receipt.partner_id == partner.id, Receipt.external_id.in_(ids))
        )
    }
    fresh: list[Ad] = []
    for item in items:
        receipt = stored.get(item.id)
        if receipt is None:
            fresh.append(item)
        elif not hmac.compare_digest(receipt.text_hash, text_hash(ctx, item.text)):
            raise Conflict(f"external_id {item.id!r} was sent before with a different text")
    model = ctx.model.get()
    scored = score_ads(model, fresh, batch_size=64)
    results = {r["external_id"]: r["result"] for r in (_receipt_view(x) for x in stored.values())}
    now = ctx.now()
    flagged_now = [(i, r) for i, r in zip(fresh, scored, strict=True) if r.flagged]
    queued = _queue(session, ctx, now, partner, channel, flagged_now)
    flagged = 0
    for item, result in zip(fresh, scored, strict=True):
        public = {k: v for k, v in result.to_api().items() if k in PUBLIC}
        item_row = queued.get(item.id)
        flagged += result.flagged
        session.add(
            Receipt(
                partner_id=partner.id,
                external_id=item.id,
                text_hash=text_hash(ctx, item.text),
                result={**public, "model_version": result.model_version},
                flagged=result.flagged,
                item_id=item_row.id if item_row else None,
                created_at=now,
            )
        )
        results[item.id] = {**public, "model_version": result.model_version}
    _count(session, partner, now.date().isoformat(), len(fresh), flagged)
    try:
        session.commit()
    except IntegrityError as exc:  # a concurrent request with the same external_id won the race
        session.rollback()
        raise Conflict("a concurrent request sent the same external_id; retry") from exc
    ctx.metrics.observe_intake(scored)
    return {
        "items": [{"external_id": i, **{k: results[i][k] for k in PUBLIC}} for i in ids],
        "model_version": model.version,
    }


def _receipt_view(receipt: Receipt) -> dict:
    # Receipts written before the flag policy carry no reasons: the model alone flagged then.
    result = dict(receipt.result)
    result.setdefault("flag_reasons", ["model"] if result.get("flagged") else [])
    result.setdefault("child_risk", False)
    return {"external_id": receipt.external_id, "result": result}


def _queue(
    session: Session,
    ctx: ReviewContext,
    now: datetime,
    partner: Partner,
    channel: str,
    flagged: list[tuple[Ad, Scored]],
) -> dict[str, Item]:
    """Queue the flagged items of one request, redacted; one flush for all their rows, not one each
    (a flush per item was a third of the service's overhead over the raw model)."""
    threshold = ctx.model.get().threshold
    prepared = []
    for item, result in flagged:
        red = redact(item.text, ctx.secret_key)
        ctx.metrics.observe_residual(red.residual)
        row = Item(
            partner_id=partner.id,
            external_id=item.id,
            channel=channel,
            source=item.source,
            url=_safe_url(item.url, ctx) if item.url else None,
            text=red.text,
            lang=result.lang,
            score=result.score,
            uncertainty=1.0 - min(1.0, abs(result.score - threshold) / max(threshold, 1 - threshold)),
            indicators=[span.to_dict() for span in detect(red.text)],
            flag_reasons=list(result.flag_reasons),
            child_risk=result.child_risk,
            model_version=result.model_version,
            posted_at=item.posted_at,
            duplicate_of=item.duplicate_of,
            created_at=now,
        )
        prepared.append((row, red))
    session.add_all([row for row, _ in prepared])
    session.flush()
    pseudonyms = [
        {"item_id": r.id, "kind": p.kind, "token": p.token} for r, red in prepared for p in red.pseudonyms
    ]
    bands = [{"item_id": r.id, "band": k} for r, red in prepared for k in set(band_keys(signature(red.text)))]
    # Plain executemany INSERTs: these rows are never read back in this request, and ORM objects
    # for the dozens of band keys per item cost more than the rest of the queueing.
    for table, rows in ((ItemPseudonym, pseudonyms), (ItemBand, bands)):
        if rows:
            session.execute(insert(table), rows)
    for row, red in prepared:
        if red.originals:
            sealed = ctx.vault.seal_originals(red.originals, [p.token for p in red.pseudonyms])
            session.add(VaultEntry(item_id=row.id, ciphertext=sealed))
    return {row.external_id: row for row, _ in prepared}


def _safe_url(url: str, ctx: ReviewContext) -> str:
    """The ad's own URL is evidence and stays, unless a phone, e-mail or ID hides in its path."""
    probe = re.sub(r"[/?&=#]+", " ", re.sub(r"^[a-z]+://", "", url, flags=re.I))
    if any(d.kind != "URL" for d in analyze(probe)):
        return redact(url, ctx.secret_key).text
    return url


def _count(session: Session, partner: Partner, day: str, scored: int, flagged: int) -> None:
    if not scored:
        return
    counter = session.scalar(
        select(ScoreCounter).where(ScoreCounter.partner_id == partner.id, ScoreCounter.day == day)
    )
    if counter is None:
        counter = ScoreCounter(partner_id=partner.id, day=day, scored=0, flagged=0)
        session.add(counter)
    counter.scored += scored
    counter.flagged += flagged
