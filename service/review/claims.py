"""Claiming the next item with a lease, and giving it back.

Claiming is race-free without holding locks across requests: read a few candidates in priority
order, then compare-and-set each (`UPDATE ... WHERE id = :id AND state = :s AND NOT claim_live`);
a rowcount of 1 means this caller won it, 0 means someone else did, so try the next. SQLite runs
every transaction as `BEGIN IMMEDIATE` (see db/engine.py), PostgreSQL re-checks the WHERE clause on
the row a concurrent winner committed, so two analysts never get one item. A lease is a time, not a
job: an expired lease simply makes the item claimable again (`Item.claim_live`).

Claiming a chosen item (`claim_item`, the item page's "Claim this item") follows the same rules with
the candidate list cut to that one item: open state, escalations for supervisors other than the one
who escalated, one claim per person, the same compare-and-set; it is never an uncertainty sample
(the analyst chose it, not the sampler).

One claim per analyst: an analyst who still holds a live claim gets that same item back (its lease
renewed) instead of a second one, whatever the filters — one open item per person keeps the queue
honest and makes a lost browser tab harmless. On PostgreSQL the caller's user row is locked first
so two parallel claims by one person cannot both take a new item.

Active learning (uncertainty sampling): with probability `BALIZA_UNCERTAINTY_SHARE` a new claim of
a queued item takes the *most uncertain* claimable item (highest `Item.uncertainty`, i.e. the score
nearest the model's threshold) instead of the priority order. Why: analysts' time then also
improves the model — a label on an ad the model cannot call teaches it more than one more label on
an ad it already scores 0.99 — while most claims still serve the riskiest ads first. The claim
marks the item (`Item.uncertainty_sampled`, rewritten on every new claim), and the decision its
holder records copies the mark, so the decisions export and the researcher page can tell sampled
labels (chosen for the model's benefit, not by risk) from the rest. Supervisors settling
escalations are never sampled: that queue is small and must be worked in priority order. The
random draw comes from the context's `sampler`, so a test can fix it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from baliza.errors import Conflict, Forbidden
from service.db.models import Item, User
from service.review import linking
from service.review.context import ReviewContext
from service.review.items import get_item
from service.review.queue import Filters
from service.review.vocabulary import OPEN_STATES, actor

CANDIDATES = 16  # candidates read per claim round; losers of a race move on to the next one
MAX_ROUNDS = 50


@dataclass(frozen=True)
class Claim:
    id: int
    state: str
    lease_until: datetime
    uncertainty_sampled: bool


@dataclass(frozen=True)
class Released:
    id: int
    state: str


def _lock_user(session: Session, user: User) -> None:
    """Serialise one person's claims (PostgreSQL row lock; SQLite is serialised by BEGIN IMMEDIATE)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(User.id).where(User.id == user.id).with_for_update())


def held_item(session: Session, user: User, now: datetime) -> Item | None:
    return session.scalar(
        select(Item)
        .where(Item.state.in_(OPEN_STATES), Item.held_by(user.id, now))
        .order_by(Item.lease_until.desc())
        .limit(1)
    )


def sample_by_uncertainty(share: float, filters: Filters, rng: random.Random) -> bool:
    """Whether this new claim takes the most uncertain item: queued items only, with p = `share`.

    `random() < share` is never true for share 0 and always true for share 1.
    """
    return filters.state == "queued" and share > 0 and rng.random() < share


def _priority_candidates(
    session: Session, links: linking.LinkGraphs, eligible: list[ColumnElement[bool]]
) -> list[int]:
    top = linking.tiers(session, eligible)[:1]
    if not top:
        return []
    return [item_id for item_id, _ in linking.rank_tier(session, links, eligible, top[0][0])[:CANDIDATES]]


def _uncertain_candidates(
    session: Session, _links: linking.LinkGraphs, eligible: list[ColumnElement[bool]]
) -> list[int]:
    """Most uncertain first; ties oldest first, like the priority order's last keys."""
    order = [Item.uncertainty.desc(), Item.created_at.asc(), Item.id.asc()]
    return list(session.scalars(select(Item.id).where(*eligible).order_by(*order).limit(CANDIDATES)))


def claim(session: Session, ctx: ReviewContext, user: User, filters: Filters) -> Claim | None:
    """The caller's next item with a fresh lease, or None when nothing matching is claimable.

    A new claim of a queued item is an uncertainty sample with probability
    `settings.uncertainty_share` (drawn from `ctx.sampler`); a renewed claim keeps the mark it had.
    Commits. Audited as `queue.claim` (detail says whether a held claim was renewed and whether the
    claim was an uncertainty sample).
    """
    filters.check(user)
    now = ctx.now()
    lease = now + timedelta(minutes=ctx.settings.lease_minutes)
    _lock_user(session, user)
    held = held_item(session, user, now)
    if held is not None:
        renewed = session.execute(
            update(Item)
            .where(Item.id == held.id, Item.held_by(user.id, now))
            .values(lease_until=lease)
            .execution_options(synchronize_session=False)
        )
        if renewed.rowcount == 1:  # type: ignore[attr-defined]
            session.refresh(held)
            return _claimed(session, ctx, user, held, renewed=True)
    eligible = [*filters.where(), ~Item.claim_live(now)]
    if filters.state == "escalated":
        eligible.append(or_(Item.escalated_by.is_(None), Item.escalated_by != user.id))
    sampled = sample_by_uncertainty(ctx.settings.uncertainty_share, filters, ctx.sampler)
    candidates_of = _uncertain_candidates if sampled else _priority_candidates
    for _ in range(MAX_ROUNDS):
        candidates = candidates_of(session, ctx.links, eligible)
        if not candidates:
            break
        for item_id in candidates:
            won = session.execute(
                update(Item)
                .where(Item.id == item_id, Item.state == filters.state, ~Item.claim_live(now))
                .values(claimed_by=user.id, lease_until=lease, uncertainty_sampled=sampled)
                .execution_options(synchronize_session=False)
            )
            if won.rowcount == 1:  # type: ignore[attr-defined]
                item = get_item(session, item_id)
                session.refresh(item)
                return _claimed(session, ctx, user, item, renewed=False)
    session.commit()  # nothing claimed; end the (write) transaction promptly
    return None


def claim_item(session: Session, ctx: ReviewContext, user: User, item_id: int) -> Claim:
    """A fresh lease on this item for the caller, under the rules of `claim` (see the module docstring).

    Holding this item renews its lease; holding another one is a `Conflict` naming it (one open item
    per person), as is an item someone else holds or that is decided. Commits; audited as
    `queue.claim` with `"chosen": true` in the detail.
    """
    item = get_item(session, item_id)
    if item.state not in OPEN_STATES:
        raise Conflict(f"item {item_id} is already {item.state}")
    Filters(item.state).check(user)
    if item.state == "escalated" and item.escalated_by == user.id:
        raise Forbidden("an escalation is settled by a supervisor other than the one who escalated it")
    now = ctx.now()
    _lock_user(session, user)
    held = held_item(session, user, now)
    if held is not None and held.id != item_id:
        raise Conflict(f"you hold item {held.id}; decide or release it first")
    values: dict[str, object] = {"lease_until": now + timedelta(minutes=ctx.settings.lease_minutes)}
    if held is None:  # a renewed claim keeps its sampling mark, as in `claim`
        values.update(claimed_by=user.id, uncertainty_sampled=False)
    won = session.execute(
        update(Item)
        .where(
            Item.id == item_id,
            Item.state == item.state,
            or_(~Item.claim_live(now), Item.held_by(user.id, now)),
        )
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if won.rowcount != 1:  # type: ignore[attr-defined]
        session.rollback()
        raise Conflict(f"item {item_id} is claimed by someone else")
    session.refresh(item)
    return _claimed(session, ctx, user, item, renewed=held is not None, chosen=True)


def holder(session: Session, item: Item, now: datetime) -> str | None:
    """The name of the person holding a live claim on the item, or None when nobody does."""
    if not item.claim_live(now):
        return None
    return session.scalar(select(User.name).where(User.id == item.claimed_by))


def _claimed(
    session: Session, ctx: ReviewContext, user: User, item: Item, renewed: bool, chosen: bool = False
) -> Claim:
    assert item.lease_until is not None
    detail = {
        "state": item.state,
        "renewed": renewed,
        "lease_until": item.lease_until.isoformat(),
        "uncertainty_sampled": item.uncertainty_sampled,
    }
    if chosen:
        detail["chosen"] = True
    ctx.auditor.record(session, actor(user), "queue.claim", f"item:{item.id}", detail=detail)
    session.commit()
    return Claim(item.id, item.state, item.lease_until, item.uncertainty_sampled)


def require_claim(item: Item, user: User, now: datetime) -> None:
    """A `Conflict` naming the reason when the caller does not hold a live claim on the item."""
    if item.held_by(user.id, now):
        return
    if item.claimed_by == user.id:
        raise Conflict(f"your claim on item {item.id} expired; claim it again")
    raise Conflict(f"you do not hold a claim on item {item.id}; claim it first (POST /v1/queue/claim)")


def release(session: Session, ctx: ReviewContext, user: User, item_id: int) -> Released:
    """Give the item back to the queue (claim holder only). Commits; audited as `queue.release`."""
    now = ctx.now()
    item = get_item(session, item_id)
    require_claim(item, user, now)
    done = session.execute(
        update(Item)
        .where(Item.id == item.id, Item.held_by(user.id, now))
        .values(claimed_by=None, lease_until=None)
        .execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:  # type: ignore[attr-defined]
        session.rollback()
        raise Conflict(f"item {item_id} changed meanwhile; reload it")
    session.refresh(item)
    ctx.auditor.record(session, actor(user), "queue.release", f"item:{item.id}")
    session.commit()
    return Released(item.id, item.state)
