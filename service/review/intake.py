"""Intake: score a partner's (or the crawler's) ads; queue the flagged ones, redacted; keep no other text.

Per item the caller gets score, flag and indicator spans into *its own* text. What is stored:
- every item: a receipt (`receipts.py`: keyed hashes of the id and the text, and the result), so a
  retry is answered from it and a changed text under the same id is refused (409);
- flagged items only: the redacted text, indicator spans into it, pseudonym tokens and near-duplicate
  band keys (for linking), the original values encrypted in the vault, and the ad's `external_id`,
  `source`, `url` and `location` as the redactor leaves them (an id or a source can be an e-mail
  address), and its posting time (`posting.py`: ISO 8601, clamped to its arrival);
- per partner and day: counters of scored and flagged ads (data minimisation for the rest).

Nothing a partner sends may hold the database, and a maximal request is minutes of model time on
two cores. So the receipts are read in a short read of their own, the model scores and the
redactor redacts with no transaction open, and everything is then written in one short
transaction — which reads the receipts again, because a concurrent request may have sent the same
id meanwhile (same text: its stored result; another text: 409).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from baliza.errors import Conflict, Invalid
from models.ad import Ad
from models.scored import Scored
from service.db.engine import reading, retrying
from service.db.models import Item, ItemBand, ItemPseudonym, Partner, Receipt, ScoreCounter, VaultEntry
from service.privacy.redact import redact
from service.privacy.registry import analyze
from service.review import clusters, posting, receipts
from service.review.analysis import Analysed
from service.review.context import ReviewContext
from service.review.risk import decisive_reasons

#: What a partner is answered per item (and what its receipt keeps).
PUBLIC = ("score", "flagged", "flag_reasons", "child_risk", "indicators", "lang")
#: Scoring calls a partner waits for; called with the characters about to be scored, it may refuse
#: (the API's per-partner text budget raises a 429).
Admit = Callable[[int], None]


def _unlimited(_chars: int) -> None:
    pass


@dataclass(frozen=True, kw_only=True)
class PostedAd(Ad):
    """An ad as a partner posts it: the record, and the place the ad says it is for (the crawler's
    `location`; short free text, stored as the redactor leaves it, like `source`)."""

    location: str | None = None


@dataclass(frozen=True)
class _Queued:
    """What a flagged ad adds to the queue, computed before any transaction opens."""

    values: dict  # the Item's columns
    pseudonyms: list[tuple[str, str]]  # (kind, token)
    bands: list[str]
    sealed: bytes | None  # the vault's ciphertext of the originals


@dataclass(frozen=True)
class _Scored:
    ad: Ad
    text_hash: str
    answer: dict  # PUBLIC and model_version
    queued: _Queued | None


def intake(
    session: Session,
    ctx: ReviewContext,
    partner: Partner,
    channel: str,
    items: list[Ad],
    *,
    admit: Admit = _unlimited,
) -> dict:
    """The response body of /v1/score and /v1/ingest; commits receipts, items and counters.

    An ad's `id` is the partner's `external_id` (the API maps it at its edge, `Ad.from_api`).
    `admit` sees the characters of the texts no receipt answers, before any scoring. A transaction
    the caller left open (its authentication's reads) is committed first: none may stay open while
    the model runs.
    """
    ids = [item.id for item in items]
    if len(set(ids)) != len(ids):
        raise Invalid("items: the same external_id appears twice in one request")
    session.commit()
    with reading(session):
        stored = receipts.find(session, ctx, partner.id, ids)
    fresh = [item for item in items if not _answered(ctx, stored, item)]
    admit(sum(len(item.text) for item in fresh))
    model = ctx.model.get()
    analysis = ctx.analyser.analyse(model, fresh, ctx.secret_key) if fresh else []
    results = [result for result, _ in analysis]
    scored = [_prepare(ctx, ad, *found, model.threshold) for ad, found in zip(fresh, analysis, strict=True)]
    answers = {external_id: receipts.answer(r) for external_id, r in stored.items()}
    if scored:
        try:
            answers |= retrying(
                session, lambda: _write(session, ctx, partner, channel, scored), also=(IntegrityError,)
            )
        except IntegrityError as exc:  # concurrent requests with the same external_id kept colliding
            raise Conflict("a concurrent request sent the same external_id; retry") from exc
        if any(s.queued is not None for s in scored):
            with reading(session):
                ctx.links.refresh(session)  # the partner's request pays for the new items' links
    ctx.metrics.observe_intake(results)
    return {
        "items": [{"external_id": i, **{k: answers[i][k] for k in PUBLIC}} for i in ids],
        "model_version": model.version,
    }


def _answered(ctx: ReviewContext, stored: dict[str, Receipt], item: Ad) -> bool:
    """Whether a receipt answers `item`; a `Conflict` if it holds another text under the same id."""
    receipt = stored.get(item.id)
    if receipt is None:
        return False
    if not receipts.same_text(ctx, receipt, item.text):
        raise Conflict(f"external_id {item.id!r} was sent before with a different text")
    return True


def _prepare(ctx: ReviewContext, ad: Ad, result: Scored, found: Analysed | None, threshold: float) -> _Scored:
    """The receipt's answer and, for a flagged ad, its queue rows with the originals sealed.

    A `posted_at` that is not ISO 8601 is `Invalid` (the API checks it at its door already)."""
    public = {k: v for k, v in result.to_api().items() if k in PUBLIC}
    answer = {**public, "model_version": result.model_version}
    text_hash = receipts.text_hash(ctx, ad.text)
    if found is None:
        return _Scored(ad, text_hash, answer, None)
    red = found.redaction
    ctx.metrics.observe_residual(red.residual)
    values = {
        "external_id": _metadata(ctx, str(ad.id), "external_id"),
        "source": _metadata(ctx, ad.source, "source"),
        "url": _metadata(ctx, ad.url or None, "url"),
        "text": red.text,
        "minhash": found.minhash,
        "lang": result.lang,
        "score": result.score,
        "uncertainty": 1.0 - min(1.0, abs(result.score - threshold) / max(threshold, 1 - threshold)),
        "indicators": found.indicators,
        "flag_reasons": list(result.flag_reasons),
        "child_risk": result.child_risk,
        "decisive": bool(decisive_reasons(result.flag_reasons)),
        "contributions": found.contributions,
        "model_version": result.model_version,
        "posted_at": _posted_at(ad, ctx.now()),
        "location": _metadata(ctx, ad.location if isinstance(ad, PostedAd) else None, "location"),
        "duplicate_of": ad.duplicate_of,
    }
    tokens = [p.token for p in red.pseudonyms]
    sealed = ctx.vault.seal_originals(red.originals, tokens) if red.originals else None
    queued = _Queued(values, [(p.kind, p.token) for p in red.pseudonyms], found.bands, sealed)
    return _Scored(ad, text_hash, answer, queued)


def _posted_at(ad: Ad, received: datetime) -> str | None:
    try:
        return posting.stored(ad.posted_at, received)
    except ValueError as exc:
        raise Invalid(f"external_id {ad.id!r}: {exc}") from exc


def _metadata(ctx: ReviewContext, value: str | None, column: str) -> str | None:
    """An ad's id, source, URL or place as it may be stored and shown. A URL or a site's name stays (the
    ad's own address is evidence, a domain is nobody's personal data) unless a phone, e-mail, handle
    or ID hides in it; then the value is redacted. Cut to the column's length, since a pseudonym
    token can be longer than the value it replaces."""
    if value is None:
        return None
    probe = re.sub(r"[/?&=#]+", " ", re.sub(r"^[a-z]+://", "", value, flags=re.I))
    if any(d.kind != "URL" for d in analyze(probe)):
        value = redact(value, ctx.secret_key).text
    return value[: Item.__table__.c[column].type.length]


def _write(
    session: Session, ctx: ReviewContext, partner: Partner, channel: str, scored: list[_Scored]
) -> dict[str, dict]:
    """One short write transaction for what the model scored; the answers by external id.

    The receipts are read again first: an id a concurrent request stored meanwhile is answered from
    its receipt (or refused, if its text differs) and written no second time. Every other row goes
    in by plain executemany INSERTs of the tables: none is read back in this request, and ORM
    objects for a maximal request's thousands of pseudonym and band rows took longer than the rest
    of the transaction (which holds SQLite's write lock).
    """
    now = ctx.now()
    again = receipts.find(session, ctx, partner.id, [s.ad.id for s in scored])
    answers = {s.ad.id: receipts.answer(again[s.ad.id]) for s in scored if _answered(ctx, again, s.ad)}
    new = [s for s in scored if s.ad.id not in answers]
    items = _queue(session, partner, channel, now, [(s.ad, s.queued) for s in new if s.queued is not None])
    _insert(
        session,
        Receipt,
        [
            {
                "partner_id": partner.id,
                "external_id": receipts.id_key(ctx, s.ad.id),
                "text_hash": s.text_hash,
                "result": s.answer,
                "flagged": s.answer["flagged"],
                "item_id": items.get(s.ad.id),
                "created_at": now,
            }
            for s in new
        ],
    )
    _count(session, partner, now.date().isoformat(), len(new), sum(s.answer["flagged"] for s in new))
    session.commit()
    return answers | {s.ad.id: s.answer for s in new}


def _queue(
    session: Session, partner: Partner, channel: str, now: datetime, flagged: list[tuple[Ad, _Queued]]
) -> dict[str, int]:
    """Queue the flagged items of one request, all in one statement per table (a flush per item was
    a third of the service's overhead over the raw model). Item ids by external id."""
    if not flagged:
        return {}
    rows = [{"partner_id": partner.id, "channel": channel, "created_at": now, **q.values} for _, q in flagged]
    ids = session.scalars(insert(Item.__table__).returning(Item.id, sort_by_parameter_order=True), rows).all()
    placed = list(zip(ids, (q for _, q in flagged), strict=True))
    _insert(
        session,
        ItemPseudonym,
        [{"item_id": i, "kind": k, "token": t} for i, q in placed for k, t in q.pseudonyms],
    )
    _insert(session, ItemBand, [{"item_id": i, "band": band} for i, q in placed for band in q.bands])
    clusters.mark_arrivals(session, ids)  # an ad arriving linked to a confirmed one is marked too
    _insert(
        session,
        VaultEntry,
        [{"item_id": i, "ciphertext": q.sealed} for i, q in placed if q.sealed],
    )
    return {ad.id: i for (ad, _), i in zip(flagged, ids, strict=True)}


def _insert(session: Session, model: type, rows: list[dict]) -> None:
    if rows:
        session.execute(insert(model.__table__), rows)  # type: ignore[attr-defined]


def _count(session: Session, partner: Partner, day: str, scored: int, flagged: int) -> None:
    """Add to the day's counters in the database itself: two requests writing at once on PostgreSQL
    would otherwise both add to the value they read, and one addition would be lost."""
    if not scored:
        return
    added = session.execute(
        update(ScoreCounter)
        .where(ScoreCounter.partner_id == partner.id, ScoreCounter.day == day)
        .values(scored=ScoreCounter.scored + scored, flagged=ScoreCounter.flagged + flagged)
        .execution_options(synchronize_session=False)
    )
    if added.rowcount == 0:  # type: ignore[attr-defined]
        session.add(ScoreCounter(partner_id=partner.id, day=day, scored=scored, flagged=flagged))
