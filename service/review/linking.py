"""Linked ads: other items that share a pseudonym token (same phone, e-mail, handle...) or an LSH band
(a near-duplicate candidate) with an item.

Two uses, with two costs:
- the queue's priority needs only *how many* items are linked, for many items at once, so
  `LinkGraphs.count()` counts on a link graph built from `item_pseudonyms` and `item_bands` (shared
  band = linked; the band scheme puts a pair with Jaccard 0.8 in a shared band 94% of the time, 0.5
  only 6%), cached by the app's container and extended as items arrive;
- an item's page needs *which* items and how similar they are, so `linked_items()` reads the
  candidates and estimates similarity from the MinHash signatures of their redacted texts, stored
  at intake (`items.minhash`: nothing else of the original text exists any more, and signing every
  linked ad on every view let many long linked ads make one page view seconds of CPU).

Dismissed items do not count as links: an analyst found them legitimate, and retention deletes them.

The queue's ranking helpers live here too (`tiers`, `rank_tier`, `priority_page`): priority is child
risk, a decisive indicator, a link to a confirmed item, the rounded score, then the linked count, then
age, and it is computed one tier at a time.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Numeric, and_, cast, func, literal_column, or_, select, union
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from models.minhash import from_bytes, signature, similarity
from service.db.models import Item, ItemBand, ItemPseudonym

MAX_LINKED = 50  # an item page lists at most this many linked items (the count stays exact)


Shape = tuple[int, int, int, int]  # items, highest item id, token rows, band rows


def _shape(session: Session) -> Shape:
    """The tables' shape in one statement, so one snapshot: PostgreSQL (read committed) gives each
    statement its own, and counts taken in three could mix states before and after another
    process's intake."""
    items, top, tokens, bands = session.execute(
        select(
            select(func.count()).select_from(Item).scalar_subquery(),
            select(func.coalesce(func.max(Item.id), 0)).scalar_subquery(),
            select(func.count()).select_from(ItemPseudonym).scalar_subquery(),
            select(func.count()).select_from(ItemBand).scalar_subquery(),
        )
    ).one()
    return int(items), int(top), int(tokens), int(bands)


def _only_new_items(session: Session, old: Shape, new: Shape) -> bool:
    """True when all that changed since `old` is items added above its highest id (the intake case)."""
    after = old[1]
    grown = session.execute(
        select(
            select(func.count()).select_from(Item).where(Item.id > after).scalar_subquery(),
            select(func.count())
            .select_from(ItemPseudonym)
            .where(ItemPseudonym.item_id > after)
            .scalar_subquery(),
            select(func.count()).select_from(ItemBand).where(ItemBand.item_id > after).scalar_subquery(),
        )
    ).one()
    return (old[0] + grown[0], old[2] + grown[1], old[3] + grown[2]) == (new[0], new[2], new[3])


def _pairs(session: Session, after: int) -> list[tuple[int, int]]:
    """Linked (item, other) pairs whose first item's id is above `after`."""
    p1, p2 = aliased(ItemPseudonym), aliased(ItemPseudonym)
    b1, b2 = aliased(ItemBand), aliased(ItemBand)
    by_token = (
        select(p1.item_id, p2.item_id)
        .join(p2, and_(p1.token == p2.token, p1.item_id != p2.item_id))
        .where(p1.item_id > after)
    )
    by_band = (
        select(b1.item_id, b2.item_id)
        .join(b2, and_(b1.band == b2.band, b1.item_id != b2.item_id))
        .where(b1.item_id > after)
    )
    return [(int(a), int(b)) for a, b in session.execute(union(by_token, by_band))]


class LinkGraphs:
    """The link graph of one database (item -> linked items, any state), kept between requests.

    Reused while the tables keep their shape (row counts and highest id); when only new items
    arrived, just their pairs are added, otherwise it is rebuilt. Items are only ever inserted whole
    or deleted whole, so the shape tells every change apart. One per app container (one database);
    one request at a time brings it up to date, and the others count on the last graph meanwhile.

    The shape is read from the database on every use, so the cache is right whichever process
    wrote: with several workers on one PostgreSQL, an intake in one is seen by the next count in
    every other (an insert raises the highest id, as PostgreSQL never reuses one; a delete lowers
    a count). The pairs are read after the shape, so a graph is never older than its key.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()  # held by the one request bringing the graph up to date
        self._cached: tuple[Shape, dict[int, set[int]]] | None = None

    def refresh(self, session: Session) -> None:
        """Bring the graph up to date now: intake calls this after queueing items, so the partner's
        request pays for their pairs rather than the next analyst's listing or claim."""
        self._current(session, wait=True)

    def _current(self, session: Session, wait: bool = False) -> dict[int, set[int]]:
        """The graph for the tables' shape now; while another request is bringing it up to date (a
        partner's hundreds of near-duplicate ads are hundreds of thousands of pairs, seconds of
        work), the graph as of a moment ago, unless there is none yet or `wait`. A graph is never
        changed once published — an update builds a new one — so a reader needs no lock."""
        shape = _shape(session)
        cached = self._cached
        if cached is not None and cached[0] == shape:
            return cached[1]
        if not self._lock.acquire(blocking=wait or cached is None):
            assert cached is not None
            return cached[1]
        try:
            return self._update(session, shape)
        finally:
            self._lock.release()

    def _update(self, session: Session, shape: Shape) -> dict[int, set[int]]:
        """Call with the lock held."""
        cached = self._cached
        if cached is not None and cached[0] == shape:
            return cached[1]
        if cached is not None and shape[1] > cached[0][1] and _only_new_items(session, cached[0], shape):
            graph, after = {item: set(linked) for item, linked in cached[1].items()}, cached[0][1]
        else:
            graph, after = {}, -1
        for a, b in _pairs(session, after):
            graph.setdefault(a, set()).add(b)
            graph.setdefault(b, set()).add(a)
        self._cached = (shape, graph)
        return graph

    def count(self, session: Session, item_ids: list[int]) -> dict[int, int]:
        """Per given item, the number of distinct other, non-dismissed items linked to it (missing = 0).

        Counting from the cached graph keeps a claim cheap even when hundreds of items share the top
        score (a full self-join of the band table costs ~0.2 s per 1,500 items on SQLite).
        """
        if not item_ids:
            return {}
        dismissed = set(session.scalars(select(Item.id).where(Item.state == "dismissed")))
        graph = self._current(session)
        return {i: len(graph[i] - dismissed) for i in item_ids if i in graph and graph[i] - dismissed}


@dataclass(frozen=True)
class SharedToken:
    """One of an item's pseudonym tokens, with the other (non-dismissed) items holding it."""

    kind: str
    token: str
    items: list[int]


@dataclass(frozen=True)
class Link:
    id: int
    state: str
    shared_tokens: list[str]
    near_duplicate: bool
    similarity: float


def tokens_with_sharers(session: Session, item: Item) -> list[SharedToken]:
    """The item's pseudonym tokens, each with the ids of the other (non-dismissed) items holding it."""
    own = session.execute(
        select(ItemPseudonym.kind, ItemPseudonym.token)
        .where(ItemPseudonym.item_id == item.id)
        .distinct()
        .order_by(ItemPseudonym.kind, ItemPseudonym.token)
    ).all()
    if not own:
        return []
    sharers: dict[str, set[int]] = {}
    rows = session.execute(
        select(ItemPseudonym.token, ItemPseudonym.item_id)
        .join(Item, Item.id == ItemPseudonym.item_id)
        .where(
            ItemPseudonym.token.in_([t for _, t in own]),
            ItemPseudonym.item_id != item.id,
            Item.state != "dismissed",
        )
    )
    for tok, other in rows:
        sharers.setdefault(tok, set()).add(other)
    return [SharedToken(kind, tok, sorted(sharers.get(tok, ()))) for kind, tok in own]


def linked_items(session: Session, item: Item, tokens: list[SharedToken] | None = None) -> list[Link]:
    """Items sharing a token or a band with `item`, most similar first (at most MAX_LINKED).

    `similarity` is the MinHash estimate of the Jaccard similarity of the two redacted texts;
    `near_duplicate` is true when the pair shares an LSH band.
    """
    tokens = tokens if tokens is not None else tokens_with_sharers(session, item)
    shared: dict[int, list[str]] = {}
    for entry in tokens:
        for other in entry.items:
            shared.setdefault(other, []).append(entry.token)
    own_bands = select(ItemBand.band).where(ItemBand.item_id == item.id)
    banded = set(
        session.scalars(
            select(ItemBand.item_id)
            .join(Item, Item.id == ItemBand.item_id)
            .where(ItemBand.band.in_(own_bands), ItemBand.item_id != item.id, Item.state != "dismissed")
            .distinct()
        )
    )
    ids = set(shared) | banded
    if not ids:
        return []
    mine = _signature(session, item.id, item.minhash)
    links = [
        Link(
            id=other,
            state=state,
            shared_tokens=sorted(shared.get(other, [])),
            near_duplicate=other in banded,
            similarity=round(similarity(mine, _signature(session, other, stored)), 3),
        )
        for other, state, stored in session.execute(
            select(Item.id, Item.state, Item.minhash).where(Item.id.in_(ids))
        )
    ]
    links.sort(key=lambda link: (-link.similarity, -len(link.shared_tokens), link.id))
    return links[:MAX_LINKED]


def _signature(session: Session, item_id: int, stored: bytes | None) -> np.ndarray:
    """The item's stored signature; an item queued before signatures were stored is signed from its
    text (read only then: the texts of many long linked ads were most of a page view's cost)."""
    if stored is not None:
        return from_bytes(stored)
    return signature(session.scalar(select(Item.text).where(Item.id == item_id)) or "")


# --- ranking: priority is (child risk, decisive indicator, linked to a confirmed item, rounded score,
# linked ads, age);
# see queue.py and clusters.py -------------------------------------------------------------------


def rounded_score() -> ColumnElement:
    # PostgreSQL has round(numeric, int) only; SQLite accepts the cast and rounds alike.
    return func.round(cast(Item.score, Numeric(12, 6)), literal_column("2"))  # same SQL in GROUP BY


def tiers(session: Session, where: list[ColumnElement[bool]]) -> list[tuple[object, int]]:
    """((child risk, decisive indicator, linked to a confirmed item, rounded score), how many items)
    of the matching items, highest first.

    Child-risk items form the first tiers whatever their score: the policy flags a job offered to a
    child on the indicator alone, often with a low model score, and it must not wait behind
    hundreds of 1.00s. Items a decisive indicator flagged (`Item.decisive`: a kept passport, a
    travel debt repaid from wages) come next, for the same reason: the policy's strongest evidence
    should not wait behind the model's saturated scores. Items linked to a confirmed item
    (`Item.linked_confirmed`) follow: an ad sharing a phone with a confirmed one is a lead, whatever
    the model made of its wording.
    """
    score = rounded_score()
    child, decisive, marked = Item.child_risk, Item.decisive, Item.linked_confirmed
    return [
        ((bool(risk), bool(strong), bool(linked), value), int(n))
        for risk, strong, linked, value, n in session.execute(
            select(child, decisive, marked, score, func.count())
            .where(*where)
            .group_by(child, decisive, marked, score)
            .order_by(child.desc(), decisive.desc(), marked.desc(), score.desc())
        )
    ]


def rank_tier(
    session: Session, links: LinkGraphs, where: list[ColumnElement[bool]], tier: object
) -> list[tuple[int, int]]:
    """(id, linked) of the matching items of one tier, in priority order."""
    return rank_tiers(session, links, where, [tier])[0]


def rank_tiers(
    session: Session, links: LinkGraphs, where: list[ColumnElement[bool]], wanted: list[object]
) -> list[list[tuple[int, int]]]:
    """Per tier of `wanted`, (id, linked) of its matching items in priority order.

    Ranking works tier by tier so linked ads are counted only for the items that compete on them
    (the linked count and age only break ties within a tier), never for the whole table; the tiers
    one page needs are read in one statement, so a page spanning many small tiers costs no more
    round trips than one spanning a single big tier.
    """
    if not wanted:
        return []
    score = rounded_score()
    keys = [tuple(t) for t in wanted]  # type: ignore[call-overload]
    rows = session.execute(
        select(Item.id, Item.created_at, Item.child_risk, Item.decisive, Item.linked_confirmed, score).where(
            *where,
            or_(
                *(
                    and_(
                        Item.child_risk == risk,
                        Item.decisive == decisive,
                        Item.linked_confirmed == marked,
                        score == value,
                    )
                    for risk, decisive, marked, value in keys
                )
            ),
        )
    ).all()
    linked = links.count(session, [r.id for r in rows])
    by_tier: dict[tuple, list] = {key: [] for key in keys}
    for r in rows:
        by_tier[(bool(r[2]), bool(r[3]), bool(r[4]), r[5])].append(r)
    ranked = []
    for key in keys:
        members = sorted(by_tier[key], key=lambda r: (-linked.get(r.id, 0), r.created_at, r.id))
        ranked.append([(r.id, linked.get(r.id, 0)) for r in members])
    return ranked


def priority_neighbours(
    session: Session, links: LinkGraphs, where: list[ColumnElement[bool]], item_id: int
) -> tuple[int | None, int | None]:
    """The matching items just before and after `item_id` in priority order, wherever it ranks.

    Read from the item's own tier, and from the tier beside it when it sits at an edge, so the item
    page's previous/next work on the last page of a 10,000-item queue as on the first (they used to
    look through the first 200 only). An item that does not match (decided, or filtered out) has no
    neighbours."""
    score = rounded_score()
    row = session.execute(
        select(Item.child_risk, Item.decisive, Item.linked_confirmed, score).where(*where, Item.id == item_id)
    ).first()
    if row is None:
        return None, None
    key = (bool(row[0]), bool(row[1]), bool(row[2]), row[3])
    order = [tier for tier, _ in tiers(session, where)]
    at = order.index(key)
    ids = [i for i, _ in rank_tier(session, links, where, key)]
    pos = ids.index(item_id)
    before = ids[pos - 1] if pos > 0 else None
    if before is None and at > 0:
        before = rank_tier(session, links, where, order[at - 1])[-1][0]
    after = ids[pos + 1] if pos + 1 < len(ids) else None
    if after is None and at + 1 < len(order):
        after = rank_tier(session, links, where, order[at + 1])[0][0]
    return before, after


def priority_page(
    session: Session, links: LinkGraphs, where: list[ColumnElement[bool]], limit: int, offset: int
) -> tuple[list[tuple[int, int]], int]:
    """(id, linked) of one page in priority order, and the number of matching items."""
    needed: list[tuple[object, int]] = []  # (tier, where the page starts in it)
    seen = 0
    for tier, size in tiers(session, where):
        if seen + size > offset and seen < offset + limit:
            needed.append((tier, max(0, offset - seen)))
        seen += size
    page: list[tuple[int, int]] = []
    for (_, skip), ranked in zip(
        needed, rank_tiers(session, links, where, [t for t, _ in needed]), strict=True
    ):
        page += ranked[skip:][: limit - len(page)]
    return page, seen
