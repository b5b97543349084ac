"""The link-graph cache the context holds: counts of linked ads, kept fresh as items arrive or leave."""

from __future__ import annotations

from service.db.models import ItemPseudonym
from service.review.linking import LinkGraphs
from tests.factories import START, add_item

TOKEN = "[PHONE:0123456789ab]"


def test_linked_ads_are_counted_from_a_graph_that_follows_the_tables(ctx, session, people):
    first, second = (add_item(session, people.partner, START) for _ in range(2))
    session.add_all([ItemPseudonym(item_id=i.id, kind="PHONE", token=TOKEN) for i in (first, second)])
    session.commit()
    assert ctx.links.count(session, [first.id, second.id]) == {first.id: 1, second.id: 1}
    third = add_item(session, people.partner, START)
    session.add(ItemPseudonym(item_id=third.id, kind="PHONE", token=TOKEN))
    session.commit()
    assert ctx.links.count(session, [first.id, third.id]) == {first.id: 2, third.id: 2}  # extended
    second.state = "dismissed"
    session.commit()
    assert ctx.links.count(session, [first.id]) == {first.id: 1}  # a dismissed item is no link
    session.delete(third)
    session.commit()
    assert ctx.links.count(session, [first.id]) == {}  # rebuilt after a deletion
    assert LinkGraphs().count(session, [first.id]) == {}  # another container, its own cache
