"""The link-graph cache the context holds: counts of linked ads, kept fresh as items arrive or leave."""

from __future__ import annotations

from service.db.engine import make_engine, session_factory
from service.db.models import ItemPseudonym
from service.review.linking import LinkGraphs
from tests.factories import START, add_item, add_partner
from tests.service.api import conftest as api

# The API tests' fixtures: a fresh, migrated PostgreSQL database per test.
postgres_template, postgres_url = api.postgres_template, api.postgres_url

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


def test_two_processes_on_one_postgresql_each_see_the_links_the_other_wrote(postgres_url):
    """Two workers of `baliza serve --workers 2` hold a cache each; neither may miss the other's intake."""
    engines = [make_engine(postgres_url) for _ in range(2)]
    try:
        writer, reader = (session_factory(engine)() for engine in engines)
        mine, theirs = LinkGraphs(), LinkGraphs()
        partner = add_partner(writer)
        first = add_item(writer, partner, START)
        writer.add(ItemPseudonym(item_id=first.id, kind="PHONE", token=TOKEN))
        writer.commit()
        assert mine.count(writer, [first.id]) == {} and theirs.count(reader, [first.id]) == {}  # both cached
        reader.commit()
        second = add_item(writer, partner, START)
        writer.add(ItemPseudonym(item_id=second.id, kind="PHONE", token=TOKEN))
        writer.commit()
        assert theirs.count(reader, [first.id, second.id]) == {first.id: 1, second.id: 1}
        reader.commit()
        writer.delete(second)
        writer.commit()
        assert theirs.count(reader, [first.id]) == {}
        writer.close()
        reader.close()
    finally:
        for engine in engines:
            engine.dispose()


def test_while_one_request_updates_the_graph_the_others_count_on_the_last_one(ctx, session, people):
    first, second = (add_item(session, people.partner, START) for _ in range(2))
    session.add_all([ItemPseudonym(item_id=i.id, kind="PHONE", token=TOKEN) for i in (first, second)])
    session.commit()
    assert ctx.links.count(session, [first.id]) == {first.id: 1}
    third = add_item(session, people.partner, START)
    session.add(ItemPseudonym(item_id=third.id, kind="PHONE", token=TOKEN))
    session.commit()
    ctx.links._lock.acquire()  # another request is updating the graph (the partner's, after its write)
    try:
        assert ctx.links.count(session, [first.id, third.id]) == {first.id: 1}  # at once, a moment old
    finally:
        ctx.links._lock.release()
    assert ctx.links.count(session, [first.id, third.id]) == {first.id: 2, third.id: 2}
