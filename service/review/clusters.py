"""Clusters: items joined, directly or through others, by the links the service already keeps — a
shared pseudonym token (`item_pseudonyms`: same phone, e-mail, handle) or a shared LSH band
(`item_bands`: near-duplicate text). A network posts the same offer many times under a few phones;
analysts review it as one unit (the approach of TrafficVis and InfoShield), so the queue can list
clusters, a cluster page lays its ads side by side, and one action decides many (`bulk.py`).

Cost: components are computed per *group* — one token or one band and the items holding it — with
union-find (`models/unionfind.py`), joining every member to the group's first: a group of n items
is n - 1 unions, never the n(n - 1)/2 pairs of the link graph, so 300 copies of one ad are 299
unions per band. The token and band rows are read on each use (no cache: a listing of the demo's
250 items reads a few thousand rows; a cache like `LinkGraphs` would be the next step at scale).

A cluster is named by its lowest item id: stable while that item stays in it. Any member's id finds
its cluster. Dismissed items link nothing (an analyst found them legitimate, retention deletes
them), as in `linking.py`; a dismissed item belongs to no cluster, and a cluster whose lowest item
is dismissed is then named by the next lowest. Confirmed items do link: they are what makes the
rest of a cluster urgent.

Linked to a confirmed item: confirming an item marks the open items *directly* linked to it (a
shared token or band, not the whole transitive cluster, which may reach far through common
words) with `Item.linked_confirmed` (`mark_linked`, called by `decisions.decide` in the confirm's
transaction); an ad that *arrives* sharing a token or band with a confirmed item is marked at
intake (`mark_arrivals`). The queue serves marked items right after child-risk and
decisive-indicator items, before the score tiers (`linking.tiers`), and every page shows the
mark. It is a stored flag rather than derived per listing because the queue groups every matching
item by it; it is never cleared (a confirmed decision is final).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Row, select, union, update
from sqlalchemy.orm import Session, aliased

from baliza.errors import NotFound
from models.unionfind import UnionFind
from service.db.engine import reading
from service.db.models import Item, ItemBand, ItemPseudonym, User
from service.review import risk
from service.review.context import ReviewContext
from service.review.linking import SharedToken
from service.review.queue import Filters
from service.review.vocabulary import OPEN_STATES, STATES, actor, top_codes

MAX_MEMBERS = 50  # a cluster page lays out at most this many ads (the summary still counts all)
TOP_INDICATORS = 5


@dataclass(frozen=True)
class ClusterSummary:
    """One line of the clusters view: what a cluster holds, without any text."""

    id: int  # the lowest member id
    size: int
    item_ids: list[int]
    open: int  # members still queued or escalated
    states: dict[str, int]
    sources: list[str]
    first_seen: datetime
    last_seen: datetime
    indicators: list[str]  # strongest first, over all members
    score: float  # the highest member score
    child_risk: bool  # any member
    linked_confirmed: bool  # any member confirmed, or marked as linked to a confirmed item
    decisive: bool = False  # any member flagged by a decisive indicator
    risk_band: str = "low"  # the highest member's band (`risk.band`)


@dataclass(frozen=True)
class ClusterPage:
    clusters: list[ClusterSummary]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True)
class ClusterMember:
    id: int
    state: str
    score: float
    child_risk: bool
    linked_confirmed: bool
    lang: str | None
    source: str | None
    url: str | None
    posted_at: str | None
    received_at: datetime
    indicators: list[dict]
    indicator_codes: list[str]
    text: str
    claimed: bool
    claimed_by_me: bool
    escalated_by_me: bool


@dataclass(frozen=True)
class ClusterDetail:
    cluster: ClusterSummary
    members: list[ClusterMember]  # highest risk first, at most MAX_MEMBERS
    shared_tokens: list[SharedToken]  # tokens held by two or more members, with those members


def components(ids: Sequence[int], groups: Iterable[Sequence[int]]) -> list[list[int]]:
    """Connected components of `ids` (increasing) where each group's members belong together;
    members not in `ids` are ignored. Each component lists its ids in increasing order."""
    index = {item_id: i for i, item_id in enumerate(ids)}
    found = UnionFind(len(ids))
    for group in groups:
        members = [index[m] for m in group if m in index]
        for member in members[1:]:
            found.union(member, members[0])
    return [[ids[i] for i in group] for group in found.groups().values()]


def _groups(session: Session) -> Iterator[list[int]]:
    """Per token and per band, the non-dismissed items holding it (only groups of two or more)."""
    for key, holder in ((ItemPseudonym.token, ItemPseudonym.item_id), (ItemBand.band, ItemBand.item_id)):
        rows = session.execute(
            select(key, holder)
            .join(Item, Item.id == holder)
            .where(Item.state != "dismissed")
            .order_by(key, holder)
        )
        for _, held in itertools.groupby(rows, key=lambda row: row[0]):
            members = sorted({int(row[1]) for row in held})
            if len(members) > 1:
                yield members


_SUMMARY_COLUMNS = (
    Item.id,
    Item.state,
    Item.score,
    Item.child_risk,
    Item.linked_confirmed,
    Item.source,
    Item.created_at,
    Item.indicators,
    Item.flag_reasons,
)


def _all_components(session: Session) -> tuple[list[list[int]], dict[int, Row]]:
    rows = {
        row.id: row for row in session.execute(select(*_SUMMARY_COLUMNS).where(Item.state != "dismissed"))
    }
    return components(sorted(rows), _groups(session)), rows


def _summary(members: list[int], rows: dict[int, Row]) -> ClusterSummary:
    got = [rows[m] for m in members]
    states = {s: n for s in STATES if (n := sum(1 for r in got if r.state == s))}
    seen = [r.created_at for r in got]
    return ClusterSummary(
        id=members[0],
        size=len(members),
        item_ids=members,
        open=sum(states.get(s, 0) for s in OPEN_STATES),
        states=states,
        sources=sorted({r.source for r in got if r.source}),
        first_seen=min(seen),
        last_seen=max(seen),
        indicators=top_codes([span for r in got for span in r.indicators or []])[:TOP_INDICATORS],
        score=max(r.score for r in got),
        child_risk=any(r.child_risk for r in got),
        linked_confirmed=any(r.linked_confirmed or r.state == "confirmed" for r in got),
        decisive=any(risk.decisive_reasons(r.flag_reasons) for r in got),
        risk_band=risk.highest(
            risk.band(
                child_risk=bool(r.child_risk), flag_reasons=r.flag_reasons, codes=top_codes(r.indicators)
            )
            for r in got
        ),
    )


def _priority(cluster: ClusterSummary) -> tuple:
    """The queue's order for clusters: child risk, a decisive indicator, linked to a confirmed item,
    the highest score (rounded like the item queue), then the bigger network, then the one waiting
    longest."""
    return (
        not cluster.child_risk,
        not cluster.decisive,
        not cluster.linked_confirmed,
        -round(cluster.score, 2),
        -cluster.size,
        cluster.first_seen,
        cluster.id,
    )


def list_clusters(
    session: Session, ctx: ReviewContext, user: User, filters: Filters, limit: int, offset: int
) -> ClusterPage:
    """The clusters holding at least one item that matches `filters` (same rules as the item queue:
    `escalated` is for supervisors), in priority order; sizes and states count every member."""
    filters.check(user)
    with reading(session):
        found, rows = _all_components(session)
        matching = set(session.scalars(select(Item.id).where(*filters.where())))
        listed = sorted(
            (_summary(members, rows) for members in found if matching.intersection(members)), key=_priority
        )
    return ClusterPage(listed[offset : offset + limit], len(listed), limit, offset)


def members_of(session: Session, item_id: int) -> ClusterSummary:
    """The cluster holding the item (any member's id names it)."""
    item = session.get(Item, item_id)
    if item is None:
        raise NotFound(f"no item {item_id}")
    if item.state == "dismissed":
        raise NotFound(f"item {item_id} is dismissed; dismissed items belong to no cluster")
    found, rows = _all_components(session)
    return _summary(next(members for members in found if item_id in members), rows)


def open_cluster(
    session: Session, ctx: ReviewContext, user: User, item_id: int, via: str | None = None
) -> ClusterDetail:
    """A cluster with its ads' redacted texts. Reading a text is audited as for one item: an
    `item.view` row per ad shown (detail `via`: `cluster:<id>` and the page). Commits."""
    now = ctx.now()
    with reading(session):
        cluster = members_of(session, item_id)
        rows = session.scalars(select(Item).where(Item.id.in_(cluster.item_ids))).all()
        ranked = sorted(
            rows, key=lambda r: (not r.child_risk, not r.decisive, not r.linked_confirmed, -r.score, r.id)
        )
        members = [_member(row, user, now) for row in ranked[:MAX_MEMBERS]]
        tokens = _shared_tokens(session, cluster.item_ids)
    where = f"cluster:{cluster.id}" + (f" {via}" if via else "")
    for member in members:
        shown = {"state": member.state, "via": where}
        ctx.auditor.record(session, actor(user), "item.view", f"item:{member.id}", detail=shown)
    session.commit()
    return ClusterDetail(cluster, members, tokens)


def _member(item: Item, user: User, now: datetime) -> ClusterMember:
    held = item.claim_live(now)
    return ClusterMember(
        id=item.id,
        state=item.state,
        score=item.score,
        child_risk=bool(item.child_risk),
        linked_confirmed=bool(item.linked_confirmed),
        lang=item.lang,
        source=item.source,
        url=item.url,
        posted_at=item.posted_at,
        received_at=item.created_at,
        indicators=list(item.indicators or []),
        indicator_codes=top_codes(item.indicators),
        text=item.text,
        claimed=held,
        claimed_by_me=held and item.claimed_by == user.id,
        escalated_by_me=item.escalated_by == user.id,
    )


def _shared_tokens(session: Session, item_ids: list[int]) -> list[SharedToken]:
    holders: dict[tuple[str, str], set[int]] = {}
    for kind, token, holder in session.execute(
        select(ItemPseudonym.kind, ItemPseudonym.token, ItemPseudonym.item_id).where(
            ItemPseudonym.item_id.in_(item_ids)
        )
    ):
        holders.setdefault((kind, token), set()).add(holder)
    return [
        SharedToken(kind, token, sorted(held))
        for (kind, token), held in sorted(holders.items())
        if len(held) > 1
    ]


def mark_linked(session: Session, item_id: int) -> list[int]:
    """Mark the open items sharing a token or a band with `item_id` as linked to a confirmed item;
    the ids newly marked. Part of the caller's transaction (the confirm's), no commit."""
    tokens = select(ItemPseudonym.token).where(ItemPseudonym.item_id == item_id)
    bands = select(ItemBand.band).where(ItemBand.item_id == item_id)
    linked = union(
        select(ItemPseudonym.item_id).where(ItemPseudonym.token.in_(tokens)),
        select(ItemBand.item_id).where(ItemBand.band.in_(bands)),
    )
    marked = sorted(
        session.scalars(
            select(Item.id).where(
                Item.id.in_(linked), Item.id != item_id, Item.state.in_(OPEN_STATES), ~Item.linked_confirmed
            )
        )
    )
    if marked:
        session.execute(
            update(Item)
            .where(Item.id.in_(marked))
            .values(linked_confirmed=True)
            .execution_options(synchronize_session=False)
        )
    return marked


def mark_arrivals(session: Session, item_ids: Sequence[int]) -> None:
    """Mark the new items sharing a token or a band with a confirmed item. Part of intake's write
    transaction: the joins start from the new items' own rows (indexed by token and band)."""
    if not item_ids:
        return
    confirmed = select(Item.id).where(Item.state == "confirmed")
    theirs_p, theirs_b = aliased(ItemPseudonym), aliased(ItemBand)
    linked = union(
        select(ItemPseudonym.item_id)
        .join(theirs_p, theirs_p.token == ItemPseudonym.token)
        .where(ItemPseudonym.item_id.in_(item_ids), theirs_p.item_id.in_(confirmed)),
        select(ItemBand.item_id)
        .join(theirs_b, theirs_b.band == ItemBand.band)
        .where(ItemBand.item_id.in_(item_ids), theirs_b.item_id.in_(confirmed)),
    )
    session.execute(
        update(Item)
        .where(Item.id.in_(linked))
        .values(linked_confirmed=True)
        .execution_options(synchronize_session=False)
    )
