"""The review queue: listing, claiming with a lease, releasing, and decisions.

Priority (the default order, for listing and for claiming) is, in this order:
0. child risk (`Item.child_risk`, from the flag policy): ads that target people under 18 first;
1. the calibrated score, rounded to 2 decimals — finer differences are noise for a person, and
   rounding lets the next keys decide between ads of practically equal risk;
2. the number of linked ads (other non-dismissed items sharing a pseudonym token or an LSH band,
   see `linking.py`): an ad that belongs to a network of ads is worth more of an analyst's time;
3. age, oldest first (fairness: nothing waits forever behind newer ads of equal rank), then id.

Claiming is race-free without holding locks across requests: read a few candidates in priority
order, then compare-and-set each (`UPDATE ... WHERE id = :id AND state = :s AND (claimed_by IS NULL
OR lease_until < now)`); a rowcount of 1 means this caller won it, 0 means someone else did, so try
the next. SQLite runs every transaction as `BEGIN IMMEDIATE` (see db/engine.py), PostgreSQL
re-checks the WHERE clause on the row a concurrent winner committed, so two analysts never get one
item. A lease is a time, not a job: an expired lease simply makes the item claimable again.

Ranking runs tier by tier (one tier = one rounded score): linked ads are counted only for the items
of the tiers a page or a claim needs, from a cached link graph (`linking.count_links`), because
calibrated scores crowd at the top (hundreds of items at 1.00) and a self-join of every item's
bands per claim would dominate the cost.

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
escalations are never sampled: that queue is small and must be worked in priority order.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from fastapi import HTTPException
from sqlalchemy import Text, cast, func, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from models.indicators import load_taxonomy
from service.api.state import AppState
from service.db.models import Decision, Item, User, utcnow
from service.review import linking, reports, webhooks

STATES = ("queued", "escalated", "confirmed", "dismissed")
OPEN_STATES = ("queued", "escalated")
SORTS = ("priority", "score", "age")
CANDIDATES = 16  # candidates read per claim round; losers of a race move on to the next one
MAX_ROUNDS = 50
#: The random source of uncertainty sampling; tests pass their own (seeded) one to `claim`.
SAMPLER = random.Random()


@dataclass(frozen=True)
class Filters:
    """Query filters shared by listing and claiming; `state` is `queued` or (supervisors) `escalated`."""

    state: str = "queued"
    lang: str | None = None
    indicator: str | None = None
    source: str | None = None
    min_score: float | None = None
    max_score: float | None = None

    def check(self, user: User) -> None:
        if self.state not in OPEN_STATES:
            raise HTTPException(422, f"state must be one of {', '.join(OPEN_STATES)}")
        if self.state == "escalated" and user.role != "supervisor":
            raise HTTPException(403, "escalated items are for supervisors")
        if self.indicator is not None and self.indicator not in load_taxonomy():
            raise HTTPException(422, f"indicator: unknown indicator code {self.indicator!r}")

    def where(self) -> list[ColumnElement[bool]]:
        clauses: list[ColumnElement[bool]] = [Item.state == self.state]
        if self.lang is not None:
            clauses.append(Item.lang == self.lang)
        if self.source is not None:
            clauses.append(Item.source == self.source)
        if self.min_score is not None:
            clauses.append(Item.score >= self.min_score)
        if self.max_score is not None:
            clauses.append(Item.score <= self.max_score)
        if self.indicator is not None:
            # Spans are JSON text on both backends; codes are upper-case identifiers checked against
            # the taxonomy above, so the quoted code cannot match a key ("code", "start", "end").
            clauses.append(cast(Item.indicators, Text).like(f'%"{self.indicator}"%'))
        return clauses


def claimable(now: datetime) -> ColumnElement[bool]:
    """Nobody holds the item, or the holder's lease has run out."""
    return or_(Item.claimed_by.is_(None), Item.lease_until.is_(None), Item.lease_until < now)


def live_claim(user: User, now: datetime) -> ColumnElement[bool]:
    return (Item.claimed_by == user.id) & (Item.lease_until > now)


ORDERS = {
    "score": [Item.score.desc(), Item.created_at.asc(), Item.id.asc()],
    "age": [Item.created_at.asc(), Item.id.asc()],
}


def top_codes(spans: list[dict]) -> list[str]:
    """Distinct indicator codes, strongest first: severity, v1 weight, occurrences, then code."""
    taxonomy = load_taxonomy()
    counts: dict[str, int] = {}
    for span in spans or []:
        counts[span["code"]] = counts.get(span["code"], 0) + 1
    weight = {
        code: (taxonomy[code].points, taxonomy[code].weight) if code in taxonomy else (0, 0)
        for code in counts
    }
    return sorted(counts, key=lambda c: (-weight[c][0], -weight[c][1], -counts[c], c))


def list_queue(session: Session, user: User, filters: Filters, sort: str, limit: int, offset: int) -> dict:
    """One page of the queue in the chosen order, the number matching, and counts per state."""
    filters.check(user)
    if sort not in SORTS:
        raise HTTPException(422, f"sort must be one of {', '.join(SORTS)}")
    now = utcnow()
    where = filters.where()
    if sort == "priority":
        ranked, total = linking.priority_page(session, where, limit, offset)
        ids = [item_id for item_id, _ in ranked]
    else:
        ids = list(
            session.scalars(select(Item.id).where(*where).order_by(*ORDERS[sort]).limit(limit).offset(offset))
        )
        total = session.scalar(select(func.count()).select_from(Item).where(*where)) or 0
    linked = linking.count_links(session, ids)
    fetched = {
        row.id: row
        for row in session.execute(
            select(
                Item.id,
                Item.score,
                Item.indicators,
                Item.flag_reasons,
                Item.child_risk,
                Item.lang,
                Item.source,
                Item.created_at,
                Item.state,
                Item.claimed_by,
                Item.lease_until,
                Item.escalated_by,
            ).where(Item.id.in_(ids))
        )
    }
    rows = [fetched[item_id] for item_id in ids]
    per_state = dict(session.execute(select(Item.state, func.count()).group_by(Item.state)).all())
    in_review = session.scalar(
        select(func.count()).select_from(Item).where(Item.state.in_(OPEN_STATES), ~claimable(now))
    )
    items = []
    for row in rows:
        held = row.claimed_by is not None and row.lease_until is not None and row.lease_until > now
        items.append(
            {
                "id": row.id,
                "score": row.score,
                "indicators": top_codes(row.indicators),
                "flag_reasons": list(row.flag_reasons or []),
                "child_risk": bool(row.child_risk),
                "lang": row.lang,
                "source": row.source,
                "age_seconds": int((now - row.created_at).total_seconds()),
                "linked": linked.get(row.id, 0),
                "state": row.state,
                "claimed": held,
                "claimed_by_me": held and row.claimed_by == user.id,
                "escalated_by_me": row.escalated_by == user.id,
            }
        )
    return {
        "items": items,
        "total": int(total),
        "limit": limit,
        "offset": offset,
        "sort": sort,
        "counts": {**{s: int(per_state.get(s, 0)) for s in STATES}, "in_review": int(in_review or 0)},
    }


def _lock_user(session: Session, user: User) -> None:
    """Serialise one person's claims (PostgreSQL row lock; SQLite is serialised by BEGIN IMMEDIATE)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(User.id).where(User.id == user.id).with_for_update())


def held_item(session: Session, user: User, now: datetime) -> Item | None:
    return session.scalar(
        select(Item)
        .where(Item.state.in_(OPEN_STATES), live_claim(user, now))
        .order_by(Item.lease_until.desc())
        .limit(1)
    )


def sample_by_uncertainty(share: float, filters: Filters, rng: random.Random) -> bool:
    """Whether this new claim takes the most uncertain item: queued items only, with p = `share`.

    `random() < share` is never true for share 0 and always true for share 1.
    """
    return filters.state == "queued" and share > 0 and rng.random() < share


def _priority_candidates(session: Session, eligible: list[ColumnElement[bool]]) -> list[int]:
    top = linking.tiers(session, eligible)[:1]
    if not top:
        return []
    return [item_id for item_id, _ in linking.rank_tier(session, eligible, top[0][0])[:CANDIDATES]]


def _uncertain_candidates(session: Session, eligible: list[ColumnElement[bool]]) -> list[int]:
    """Most uncertain first; ties oldest first, like the priority order's last keys."""
    order = [Item.uncertainty.desc(), Item.created_at.asc(), Item.id.asc()]
    return list(session.scalars(select(Item.id).where(*eligible).order_by(*order).limit(CANDIDATES)))


def claim(
    session: Session,
    state: AppState,
    user: User,
    filters: Filters,
    now: datetime | None = None,
    rng: random.Random | None = None,
) -> Item | None:
    """The caller's next item with a fresh lease, or None when nothing matching is claimable.

    A new claim of a queued item is an uncertainty sample with probability
    `settings.uncertainty_share` (drawn from `rng`, default the module's `SAMPLER`); a renewed claim
    keeps the mark it had. Commits. Audited as `queue.claim` (detail says whether a held claim was
    renewed and whether the claim was an uncertainty sample).
    """
    filters.check(user)
    now = now or utcnow()
    lease = now + timedelta(minutes=state.settings.lease_minutes)
    _lock_user(session, user)
    held = held_item(session, user, now)
    if held is not None:
        renewed = session.execute(
            update(Item)
            .where(Item.id == held.id, live_claim(user, now))
            .values(lease_until=lease)
            .execution_options(synchronize_session=False)
        )
        if renewed.rowcount == 1:  # type: ignore[attr-defined]
            session.refresh(held)
            return _claimed(session, state, user, held, renewed=True)
    eligible = [*filters.where(), claimable(now)]
    if filters.state == "escalated":
        eligible.append(or_(Item.escalated_by.is_(None), Item.escalated_by != user.id))
    sampled = sample_by_uncertainty(state.settings.uncertainty_share, filters, rng or SAMPLER)
    candidates_of = _uncertain_candidates if sampled else _priority_candidates
    for _ in range(MAX_ROUNDS):
        candidates = candidates_of(session, eligible)
        if not candidates:
            break
        for item_id in candidates:
            won = session.execute(
                update(Item)
                .where(Item.id == item_id, Item.state == filters.state, claimable(now))
                .values(claimed_by=user.id, lease_until=lease, uncertainty_sampled=sampled)
                .execution_options(synchronize_session=False)
            )
            if won.rowcount == 1:  # type: ignore[attr-defined]
                item = session.get(Item, item_id)
                assert item is not None
                session.refresh(item)
                return _claimed(session, state, user, item, renewed=False)
    session.commit()  # nothing claimed; end the (write) transaction promptly
    return None


def _claimed(session: Session, state: AppState, user: User, item: Item, renewed: bool) -> Item:
    state.auditor.record(
        session,
        f"user:{user.name}",
        "queue.claim",
        f"item:{item.id}",
        detail={
            "state": item.state,
            "renewed": renewed,
            "lease_until": item.lease_until.isoformat(),
            "uncertainty_sampled": item.uncertainty_sampled,
        },
    )
    session.commit()
    return item


def get_item(session: Session, item_id: int) -> Item:
    item = session.get(Item, item_id)
    if item is None:
        raise HTTPException(404, f"no item {item_id}")
    return item


def require_claim(item: Item, user: User, now: datetime) -> None:
    """409 with the reason when the caller does not hold a live claim on the item."""
    if item.claimed_by == user.id and item.lease_until is not None and item.lease_until > now:
        return
    if item.claimed_by == user.id:
        raise HTTPException(409, f"your claim on item {item.id} expired; claim it again")
    raise HTTPException(
        409, f"you do not hold a claim on item {item.id}; claim it first (POST /v1/queue/claim)"
    )


def release(session: Session, state: AppState, user: User, item_id: int) -> Item:
    """Give the item back to the queue (claim holder only). Commits; audited as `queue.release`."""
    now = utcnow()
    item = get_item(session, item_id)
    require_claim(item, user, now)
    done = session.execute(
        update(Item)
        .where(Item.id == item.id, live_claim(user, now))
        .values(claimed_by=None, lease_until=None)
        .execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:  # type: ignore[attr-defined]
        session.rollback()
        raise HTTPException(409, f"item {item_id} changed meanwhile; reload it")
    session.refresh(item)
    state.auditor.record(session, f"user:{user.name}", "queue.release", f"item:{item.id}")
    session.commit()
    return item


# --- decisions -------------------------------------------------------------------------------------

#: The reason codes a decision accepts (a fixed list, so decisions can be counted and exported).
REASONS: dict[str, tuple[str, ...]] = {
    "confirm": ("indicators-present", "linked-to-confirmed", "other"),
    "dismiss": ("legitimate-offer", "insufficient-evidence", "duplicate", "other"),
    "escalate": ("needs-second-opinion", "possible-minor", "imminent-risk", "other"),
}
OUTCOME = {"confirm": "confirmed", "dismiss": "dismissed", "escalate": "escalated"}


def check_decision(decision: str, reason: str, lean: str | None) -> None:
    if decision not in REASONS:
        raise HTTPException(422, f"decision must be one of {', '.join(REASONS)}")
    if reason not in REASONS[decision]:
        raise HTTPException(422, f"reason for {decision} must be one of {', '.join(REASONS[decision])}")
    if lean is not None and (decision != "escalate" or lean not in reports.LEANS):
        raise HTTPException(422, "lean is confirm or dismiss, and only with escalate")


def decide(
    session: Session,
    state: AppState,
    user: User,
    item_id: int,
    decision: str,
    reason: str,
    note: str,
    lean: str | None = None,
) -> tuple[Item, int | None]:
    """Record a decision by the claim holder; returns the item and the case report id (confirm only).

    Queued items: confirm, dismiss or escalate. Escalated items: only a supervisor other than the
    escalating person settles them (confirm or dismiss), after claiming them with `state=escalated`.
    The state change is a compare-and-set on the caller's live claim, so an item is decided once.
    Confirming builds the case report and enqueues the partner's takedown notice in the same
    transaction. Notes pass through the redactor. Commits; audited as `item.decision`.
    """
    check_decision(decision, reason, lean)
    now = utcnow()
    item = get_item(session, item_id)
    before = item.state
    if before not in OPEN_STATES:
        raise HTTPException(409, f"item {item_id} was already decided ({before})")
    if before == "escalated":
        if user.role != "supervisor":
            raise HTTPException(403, "an escalated item is settled by a supervisor")
        if item.escalated_by == user.id:
            raise HTTPException(
                403, "an escalation is settled by a supervisor other than the one who escalated it"
            )
        if decision == "escalate":
            raise HTTPException(409, f"item {item_id} is escalated already; confirm or dismiss it")
    require_claim(item, user, now)
    values: dict = {"state": OUTCOME[decision], "claimed_by": None, "lease_until": None}
    if decision == "escalate":
        values["escalated_by"] = user.id
    else:
        values["decided_at"] = now
    done = session.execute(
        update(Item)
        .where(Item.id == item.id, Item.state == before, live_claim(user, now))
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:  # type: ignore[attr-defined]
        session.rollback()
        raise HTTPException(409, f"item {item_id} changed meanwhile; reload it")
    session.refresh(item)
    session.add(
        Decision(
            item_id=item.id,
            user_id=user.id,
            role=user.role,
            decision=decision,
            reason=reason,
            note=reports.stored_note(decision, state.scrub(note), lean),
            uncertainty_sampled=item.uncertainty_sampled,  # the mark of the claim just used
            created_at=now,
        )
    )
    session.flush()
    report_id = None
    if decision == "confirm":
        report = reports.build(session, item, now)
        report_id = report.body["report_id"]
        webhooks.enqueue_takedown(session, item, report_id, now)
    state.auditor.record(
        session,
        f"user:{user.name}",
        "item.decision",
        f"item:{item.id}",
        reason=reason,
        detail={"decision": decision, "from": before, "to": item.state, "lean": lean, "report": report_id},
    )
    session.commit()
    return item, report_id
