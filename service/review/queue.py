"""The review queue as analysts see it: filters, the priority order, one page of it, and the
supervisors' escalations with who escalated and why. The counts per state follow every filter but
the state itself (`Filters.narrowing`). Claiming is in `claims.py`, deciding in
`decisions.py`. Each row carries its risk band (`risk.py`), the word the page shows; the band is
for reading a row, the priority below is for ordering them.

Priority (the default order, for listing and for claiming) is, in this order:
0. child risk (`Item.child_risk`, from the flag policy): ads that target people under 18 first;
   then items a decisive indicator flagged (`Item.decisive`, "indicator:CODE" in `flag_reasons`);
   then items linked to a confirmed item (`Item.linked_confirmed`, set on confirm: `clusters.py`);
1. the calibrated score, rounded to 2 decimals — finer differences are noise for a person, and
   rounding lets the next keys decide between ads of practically equal risk;
2. the number of linked ads (other non-dismissed items sharing a pseudonym token or an LSH band,
   see `linking.py`): an ad that belongs to a network of ads is worth more of an analyst's time;
3. age, oldest first (fairness: nothing waits forever behind newer ads of equal rank), then id.

Ranking runs tier by tier (one tier = one child risk, decisive, linked-to-confirmed and rounded
score): linked ads are counted only for the items of the tiers a page or a claim needs, from the
context's cached link graph (`LinkGraphs.count`), because calibrated scores crowd at the top
(hundreds of items at 1.00) and a self-join of every item's bands per claim would dominate the cost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Text, cast, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from baliza.errors import Forbidden, Invalid
from models.indicators import load_taxonomy
from service.db.engine import reading
from service.db.models import Decision, Item, User
from service.review import linking, posting, risk
from service.review.context import ReviewContext
from service.review.vocabulary import OPEN_STATES, STATES, split_note, top_codes

SORTS = ("priority", "score", "age")
ORDERS = {
    "score": [Item.score.desc(), Item.created_at.asc(), Item.id.asc()],
    "age": [Item.created_at.asc(), Item.id.asc()],
}


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
            raise Invalid(f"state must be one of {', '.join(OPEN_STATES)}")
        if self.state == "escalated" and user.role != "supervisor":
            raise Forbidden("escalated items are for supervisors")
        if self.indicator is not None and self.indicator not in load_taxonomy():
            raise Invalid(f"indicator: unknown indicator code {self.indicator!r}")

    def where(self) -> list[ColumnElement[bool]]:
        return [Item.state == self.state, *self.narrowing()]

    def narrowing(self) -> list[ColumnElement[bool]]:
        """Every clause but the state's: the per-state counts follow these, so they describe what the
        analyst filtered for, not the whole database."""
        clauses: list[ColumnElement[bool]] = []
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


@dataclass(frozen=True)
class Counts:
    queued: int
    escalated: int
    confirmed: int
    dismissed: int
    in_review: int


@dataclass(frozen=True)
class Entry:
    """One line of the queue: no text (open the item to read it)."""

    id: int
    score: float
    indicators: list[str]
    flag_reasons: list[str]
    child_risk: bool
    decisive: bool  # a decisive indicator flagged it on its own (`risk.decisive_reasons`)
    risk_band: str  # high | medium | low (`risk.band`)
    linked_confirmed: bool
    lang: str | None
    source: str | None
    age_seconds: int  # from the posting time when known, else from arrival (`age_since` says which)
    age_since: str
    linked: int
    state: str
    claimed: bool
    claimed_by_me: bool
    escalated_by_me: bool


@dataclass(frozen=True)
class Page:
    items: list[Entry]
    total: int
    limit: int
    offset: int
    sort: str
    counts: Counts


def list_queue(
    session: Session, ctx: ReviewContext, user: User, filters: Filters, sort: str, limit: int, offset: int
) -> Page:
    """One page of the queue in the chosen order, the number matching, and counts per state.

    Only reads, so it takes no write lock (`reading`): analysts list the queue while writes go on.
    """
    filters.check(user)
    if sort not in SORTS:
        raise Invalid(f"sort must be one of {', '.join(SORTS)}")
    with reading(session):
        return _page(session, ctx, user, filters, sort, limit, offset)


def neighbours(
    session: Session, ctx: ReviewContext, user: User, filters: Filters, item_id: int
) -> tuple[int | None, int | None]:
    """The items before and after `item_id` in the filtered queue's priority order (None at the ends,
    and both None when the item is not in it)."""
    filters.check(user)
    with reading(session):
        return linking.priority_neighbours(session, ctx.links, filters.where(), item_id)


def _page(
    session: Session, ctx: ReviewContext, user: User, filters: Filters, sort: str, limit: int, offset: int
) -> Page:
    now = ctx.now()
    where = filters.where()
    if sort == "priority":
        ranked, total = linking.priority_page(session, ctx.links, where, limit, offset)
        ids = [item_id for item_id, _ in ranked]
    else:
        ids = list(
            session.scalars(select(Item.id).where(*where).order_by(*ORDERS[sort]).limit(limit).offset(offset))
        )
        total = session.scalar(select(func.count()).select_from(Item).where(*where)) or 0
    linked = ctx.links.count(session, ids)
    fetched = {
        row.id: row
        for row in session.execute(
            select(
                Item.id,
                Item.score,
                Item.indicators,
                Item.flag_reasons,
                Item.child_risk,
                Item.linked_confirmed,
                Item.lang,
                Item.source,
                Item.created_at,
                Item.posted_at,
                Item.state,
                Item.claimed_by,
                Item.escalated_by,
                Item.claim_live(now).label("held"),
            ).where(Item.id.in_(ids))
        )
    }
    items = [_entry(fetched[item_id], user, now, linked.get(item_id, 0)) for item_id in ids]
    return Page(items, int(total), limit, offset, sort, _counts(session, now, filters.narrowing()))


def _entry(row, user: User, now: datetime, linked: int) -> Entry:  # type: ignore[no-untyped-def]
    held = bool(row.held)
    age = posting.age(row.posted_at, row.created_at, now)
    codes, reasons = top_codes(row.indicators), list(row.flag_reasons or [])
    return Entry(
        id=row.id,
        score=row.score,
        indicators=codes,
        flag_reasons=reasons,
        child_risk=bool(row.child_risk),
        decisive=bool(risk.decisive_reasons(reasons)),
        risk_band=risk.band(child_risk=bool(row.child_risk), flag_reasons=reasons, codes=codes),
        linked_confirmed=bool(row.linked_confirmed),
        lang=row.lang,
        source=row.source,
        age_seconds=age.seconds,
        age_since=age.since,
        linked=linked,
        state=row.state,
        claimed=held,
        claimed_by_me=held and row.claimed_by == user.id,
        escalated_by_me=row.escalated_by == user.id,
    )


def _counts(session: Session, now: datetime, narrowing: list[ColumnElement[bool]]) -> Counts:
    per_state = dict(
        session.execute(select(Item.state, func.count()).where(*narrowing).group_by(Item.state)).all()
    )
    in_review = session.scalar(
        select(func.count())
        .select_from(Item)
        .where(*narrowing, Item.state.in_(OPEN_STATES), Item.claim_live(now))
    )
    return Counts(**{s: int(per_state.get(s, 0)) for s in STATES}, in_review=int(in_review or 0))


def sources(session: Session) -> list[str]:
    """The sources items came from, for the queue's filter."""
    return sorted({s for s in session.scalars(select(Item.source).distinct()) if s})


# --- escalations: what a supervisor needs to settle one ------------------------------------------


@dataclass(frozen=True)
class Escalation:
    """The latest escalation of an item: who escalated, their lean, reason code and note."""

    by: str | None = None
    lean: str | None = None
    reason: str | None = None
    note: str = ""
    at: datetime | None = None


@dataclass(frozen=True)
class EscalatedEntry:
    entry: Entry
    escalation: Escalation = field(default_factory=Escalation)


def escalations(session: Session, ctx: ReviewContext, user: User, limit: int = 200) -> list[EscalatedEntry]:
    """Escalated items in priority order, each with its latest escalation (supervisors only)."""
    page = list_queue(session, ctx, user, Filters("escalated"), "priority", limit, 0)
    found = _latest_escalations(session, [e.id for e in page.items])
    return [EscalatedEntry(e, found.get(e.id, Escalation())) for e in page.items]


def _latest_escalations(session: Session, item_ids: list[int]) -> dict[int, Escalation]:
    if not item_ids:
        return {}
    rows = session.execute(
        select(Decision, User.name)
        .outerjoin(User, User.id == Decision.user_id)
        .where(Decision.item_id.in_(item_ids), Decision.decision == "escalate")
        .order_by(Decision.created_at, Decision.id)
    ).all()
    found: dict[int, Escalation] = {}
    for decision, name in rows:  # oldest first, so the latest escalation wins
        lean, note = split_note(decision.decision, decision.note)
        found[decision.item_id] = Escalation(name, lean, decision.reason, note, decision.created_at)
    return found
