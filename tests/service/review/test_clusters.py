"""Clusters on the domain alone, on SQLite and PostgreSQL: components over shared tokens and bands,
the clusters view, a cluster decided in one action (per-item rules, claims and audit rows), and a
confirm that marks and promotes the items linked to it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from baliza.errors import NotFound
from models.unionfind import UnionFind
from service.db.engine import make_engine
from service.db.models import AuditEvent, Decision, Item, ItemBand, ItemPseudonym
from service.review import bulk, claims, clusters, decisions, queue
from service.review.context import ReviewContext
from tests.factories import START, Clock, add_item, memory_engine, review_context
from tests.service.api import conftest as api
from tests.service.review.conftest import People

# The API tests' fixtures: a fresh, migrated PostgreSQL database per test.
postgres_template, postgres_url = api.postgres_template, api.postgres_url

PHONE, OTHER_PHONE = "[PHONE:0123456789ab]", "[PHONE:ba9876543210]"


@pytest.fixture(params=["sqlite", "postgresql"])
def ctx(request: pytest.FixtureRequest, clock: Clock, tmp_path: Path) -> Iterator[ReviewContext]:
    """The review context on an in-memory SQLite database, or on a migrated PostgreSQL one (the
    conftest's `session` and `people` take this one)."""
    engine = (
        memory_engine() if request.param == "sqlite" else make_engine(request.getfixturevalue("postgres_url"))
    )
    yield review_context(engine, clock, tmp_path)
    engine.dispose()


def token(session: Session, item: Item, value: str = PHONE) -> None:
    session.add(ItemPseudonym(item_id=item.id, kind="PHONE", token=value))


def band(session: Session, item: Item, value: str) -> None:
    session.add(ItemBand(item_id=item.id, band=value))


@pytest.fixture
def network(session: Session, people: People) -> list[Item]:
    """a-b share a phone, b-c a band (near-duplicate text), d stands alone, e (dismissed) shares
    d's other phone: clusters {a, b, c} and {d}; e belongs to none."""
    a = add_item(session, people.partner, START, score=0.7, source="board-1")
    b = add_item(session, people.partner, START.replace(hour=10), score=0.95, source="board-2")
    c = add_item(session, people.partner, START.replace(hour=11), score=0.5, source="board-2")
    d = add_item(session, people.partner, START, score=0.99, source="board-1")
    e = add_item(session, people.partner, START, state="dismissed")
    token(session, a), token(session, b), band(session, b, "0:feed"), band(session, c, "0:feed")
    token(session, d, OTHER_PHONE), token(session, e, OTHER_PHONE)
    session.commit()
    return [a, b, c, d, e]


def test_components_join_each_group_to_its_first_member_not_every_pair():
    assert clusters.components([1, 2, 3, 4, 5], [[1, 2], [2, 3], [9, 4]]) == [[1, 2, 3], [4], [5]]


def test_the_clusters_view_lists_components_of_shared_tokens_and_bands(ctx, session, people, network):
    a, b, c, d, e = network
    page = clusters.list_clusters(session, ctx, people.ana, queue.Filters(), 50, 0)
    assert [(x.id, x.item_ids) for x in page.clusters] == [(d.id, [d.id]), (a.id, [a.id, b.id, c.id])]
    big = page.clusters[1]
    assert (big.size, big.open, big.states, big.sources) == (3, 3, {"queued": 3}, ["board-1", "board-2"])
    assert (big.score, big.first_seen, big.last_seen) == (0.95, START, START.replace(hour=11))
    assert page.total == 2
    only = clusters.list_clusters(session, ctx, people.ana, queue.Filters(source="board-2"), 50, 0)
    assert [x.id for x in only.clusters] == [a.id]  # a cluster is listed when any member matches
    assert clusters.members_of(session, c.id).id == a.id  # any member's id finds its cluster
    with pytest.raises(NotFound, match="dismissed"):
        clusters.members_of(session, e.id)


def test_a_cluster_page_shows_its_ads_and_shared_tokens_and_audits_each_view(ctx, session, people, network):
    a, b, c, _, _ = network
    detail = clusters.open_cluster(session, ctx, people.ana, b.id, via="ui")
    assert [m.id for m in detail.members] == [b.id, a.id, c.id]  # highest score first
    assert [(t.token, t.items) for t in detail.shared_tokens] == [(PHONE, [a.id, b.id])]
    views = session.scalars(select(AuditEvent).where(AuditEvent.action == "item.view")).all()
    assert sorted(v.target for v in views) == sorted(f"item:{i.id}" for i in (a, b, c))
    assert {v.detail["via"] for v in views} == {f"cluster:{a.id} ui"}


def test_a_cluster_is_decided_in_one_action_item_by_item(ctx, session, people, network):
    a, b, c, d, _ = network
    claims.claim(session, ctx, people.bea, queue.Filters(source="board-2"))  # bea holds b
    held = claims.claim(session, ctx, people.ana, queue.Filters(source="board-1"))  # ana holds d
    assert (session.get(Item, b.id).claimed_by, held.id) == (people.bea.id, d.id)
    done = bulk.decide_cluster(session, ctx, people.ana, c.id, "dismiss", "duplicate", "same ad")
    assert (done.cluster, [x.id for x in done.decided]) == (a.id, [a.id, c.id])
    assert [(r.id, r.kind) for r in done.refused] == [(b.id, "conflict")]
    rows = session.scalars(select(Decision).order_by(Decision.item_id)).all()
    assert [(r.item_id, r.user_id, r.decision, r.uncertainty_sampled) for r in rows] == [
        (a.id, people.ana.id, "dismiss", False),
        (c.id, people.ana.id, "dismiss", False),
    ]
    audited = session.scalars(select(AuditEvent).where(AuditEvent.action == "item.decision")).all()
    assert sorted((e.target, e.detail["via"]) for e in audited) == [
        (f"item:{a.id}", f"cluster:{a.id}"),
        (f"item:{c.id}", f"cluster:{a.id}"),
    ]
    summary = session.scalar(select(AuditEvent).where(AuditEvent.action == "cluster.decision"))
    assert summary.detail["decided"] == [a.id, c.id] and summary.detail["refused"] == {str(b.id): "conflict"}
    session.expire_all()
    assert session.get(Item, b.id).state == "queued" and session.get(Item, b.id).claimed_by == people.bea.id
    assert session.get(Item, d.id).held_by(people.ana.id, ctx.now())  # her own claim elsewhere stays


def test_a_refused_item_in_a_bulk_action_leaves_nothing_written(ctx, session, people, network):
    a, b, c, d, _ = network
    claims.claim(session, ctx, people.sam, queue.Filters())
    decisions.decide(session, ctx, people.sam, d.id, "escalate", "needs-second-opinion", "")
    claims.claim(session, ctx, people.ana, queue.Filters(source="board-2"))
    decisions.decide(session, ctx, people.ana, b.id, "escalate", "possible-minor", "")
    done = bulk.decide_cluster(
        session, ctx, people.ana, a.id, "confirm", "indicators-present", "", item_ids=[a.id, b.id, d.id]
    )
    assert [x.id for x in done.decided] == [a.id]
    assert [(r.id, r.kind) for r in done.refused] == [(b.id, "forbidden"), (d.id, "not-found")]
    session.expire_all()
    kept = session.get(Item, b.id)
    assert (kept.state, kept.claimed_by, kept.lease_until) == ("escalated", None, None)
    assert session.scalars(select(Decision.decision).where(Decision.item_id == b.id)).all() == ["escalate"]
    # A supervisor other than the escalating analyst settles it in bulk, as in the single flow;
    # by default a bulk action takes the cluster's open members (a is confirmed already).
    settled = bulk.decide_cluster(session, ctx, people.sol, a.id, "confirm", "linked-to-confirmed", "")
    assert [x.id for x in settled.decided] == [b.id, c.id] and settled.refused == []


def test_confirming_marks_and_promotes_the_directly_linked_items(ctx, session, people, network):
    a, b, c, d, _ = network
    filler = add_item(session, people.partner, START, score=1.0)  # outranks b on score alone
    session.commit()
    bulk.decide_cluster(session, ctx, people.ana, a.id, "confirm", "indicators-present", "", item_ids=[a.id])
    session.expire_all()
    assert session.get(Item, b.id).linked_confirmed  # shares a's phone
    assert not session.get(Item, c.id).linked_confirmed  # linked to b only, not to a
    event = session.scalar(
        select(AuditEvent).where(AuditEvent.target == f"item:{a.id}", AuditEvent.action == "item.decision")
    )
    assert event.detail["marked"] == [b.id]
    page = queue.list_queue(session, ctx, people.ana, queue.Filters(), "priority", 50, 0)
    assert [e.id for e in page.items] == [b.id, filler.id, d.id, c.id]
    assert [e.linked_confirmed for e in page.items] == [True, False, False, False]
    assert claims.claim(session, ctx, people.bea, queue.Filters()).id == b.id
    late, unlinked = (add_item(session, people.partner, START) for _ in range(2))
    token(session, late)
    clusters.mark_arrivals(session, [late.id, unlinked.id])  # as intake does for new items
    session.commit()
    session.expire_all()
    assert session.get(Item, late.id).linked_confirmed and not session.get(Item, unlinked.id).linked_confirmed


def test_300_near_duplicates_cost_one_union_per_member_and_band(ctx, session, people, monkeypatch):
    """Union-find over groups: 300 copies sharing 16 bands are 16 x 299 unions, where the pairs
    would be 16 x 44,850; counted, not timed."""
    unions: list[int] = []

    class Counting(UnionFind):
        def union(self, a: int, b: int) -> None:
            unions.append(1)
            super().union(a, b)

    monkeypatch.setattr(clusters, "UnionFind", Counting)
    copies = [add_item(session, people.partner, START) for _ in range(300)]
    session.add_all(ItemBand(item_id=item.id, band=f"{n}:same") for item in copies for n in range(16))
    session.commit()
    page = clusters.list_clusters(session, ctx, people.ana, queue.Filters(), 50, 0)
    assert [x.size for x in page.clusters] == [300]
    assert len(unions) == 16 * 299
