"""The item page's previous/next follow the whole queue's priority order, wherever an item ranks:
every item's neighbours are the ones beside it in the full listing, across tiers (child risk,
decisive, linked, score) and within a tier (ties broken by age)."""

from __future__ import annotations

from datetime import timedelta

from service.review import queue
from tests.factories import START, add_decisive_item, add_item


def test_every_items_neighbours_are_those_beside_it_in_the_full_order(ctx, session, people):
    p = people.partner
    for i in range(230):  # more than any page, and more than the 200 the page used to look through
        add_item(session, p, START + timedelta(minutes=i), score=[0.99, 0.7, 0.99, 0.5][i % 4])
    add_item(session, p, START, score=0.2, child_risk=True)
    add_decisive_item(session, p, START + timedelta(hours=1))
    add_item(session, p, START, score=0.95, state="dismissed")
    session.commit()
    everyone = queue.Filters("queued")
    listing = queue.list_queue(session, ctx, people.ana, everyone, "priority", 200, 0).items
    listing += queue.list_queue(session, ctx, people.ana, everyone, "priority", 200, 200).items
    order = [entry.id for entry in listing]
    assert len(order) == 232
    for at, item_id in enumerate(order):
        expected = (order[at - 1] if at else None, order[at + 1] if at + 1 < len(order) else None)
        assert queue.neighbours(session, ctx, people.ana, everyone, item_id) == expected, at


def test_an_item_out_of_the_queue_has_no_neighbours(ctx, session, people):
    gone = add_item(session, people.partner, START, state="dismissed")
    add_item(session, people.partner, START)
    session.commit()
    assert queue.neighbours(session, ctx, people.ana, queue.Filters("queued"), gone.id) == (None, None)
