"""Search by pseudonym token and by words of the redacted text, audited with the query as searched;
and the watch-list: items holding a watched token that arrive later are flagged to the watcher only."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from baliza.errors import Invalid, NotFound
from service.db.models import AuditEvent, ItemPseudonym
from service.privacy.redact import redact
from service.review import search, watch
from tests.factories import START, add_item

PHONE = "+34 612 345 678"


def _ad(session, ctx, people, text: str, at=START, **fields):  # type: ignore[no-untyped-def]
    """An item as intake stores it: the redacted text and its pseudonym rows."""
    red = redact(text, ctx.secret_key)
    item = add_item(session, people.partner, at, text=red.text, **fields)
    session.add_all(ItemPseudonym(item_id=item.id, kind=p.kind, token=p.token) for p in red.pseudonyms)
    session.commit()
    return item, [p.token for p in red.pseudonyms]


def _audited(session, action: str) -> list[AuditEvent]:  # type: ignore[no-untyped-def]
    return list(
        session.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id))
    )


def test_a_token_finds_the_items_holding_it_and_words_narrow_them(ctx, session, people):
    first, (phone,) = _ad(session, ctx, people, f"Camareras en Madrid, alojamiento. Llamar {PHONE}")
    second, _ = _ad(
        session, ctx, people, f"Recolectores de fresa, viaje pagado. {PHONE}", START + timedelta(hours=1)
    )
    _ad(session, ctx, people, "Camareras en Sevilla, sin experiencia.")
    found = search.search(session, ctx, people.ana, phone)
    assert [f.id for f in found.items] == [second.id, first.id] and found.total == 2  # newest first
    assert [f.id for f in search.search(session, ctx, people.ana, f"{phone} CAMARERAS,").items] == [first.id]
    assert search.search(session, ctx, people.ana, "camareras").total == 2
    assert search.search(session, ctx, people.ana, "camareras", state="dismissed").total == 0
    assert search.search(session, ctx, people.ana, "100%").total == 0  # LIKE wildcards are literal


def test_a_contact_value_typed_in_clear_is_never_searched_nor_logged(ctx, session, people):
    _ad(session, ctx, people, f"Camareras en Madrid. Llamar {PHONE}")
    found = search.search(session, ctx, people.ana, f"madrid {PHONE}")
    assert found.dropped == 1 and found.tokens == [] and found.query == "madrid" and found.total == 1
    with pytest.raises(Invalid, match="pseudonym token or a word"):
        search.search(session, ctx, people.ana, PHONE)  # nothing left to search
    (row,) = _audited(session, "search")  # the refused search searched nothing, and is not a row
    assert row.actor == "user:ana" and row.detail["query"] == "madrid" and row.detail["dropped"] == 1
    assert "612" not in str(row.detail) and "345" not in str(row.detail)


def test_every_search_is_audited_with_its_tokens_and_pages_are_bounded(ctx, session, people):
    tokens = [
        _ad(session, ctx, people, f"Oferta {i}. {PHONE}", START + timedelta(minutes=i))[1][0]
        for i in range(5)
    ]
    page = search.search(session, ctx, people.sam, tokens[0], limit=2, offset=2)
    assert (page.total, len(page.items), page.offset) == (5, 2, 2)
    assert _audited(session, "search")[-1].detail == {
        "query": tokens[0],
        "state": None,
        "total": 5,
        "offset": 2,
        "dropped": 0,
    }
    for bad in ({"limit": 51}, {"limit": 0}, {"offset": -1}, {"state": "lost"}):
        with pytest.raises(Invalid):
            search.search(session, ctx, people.ana, tokens[0], **bad)
    with pytest.raises(Invalid, match="at most 200"):
        search.search(session, ctx, people.ana, "x" * 201)
    with pytest.raises(Invalid, match="at most 8 words"):
        search.search(session, ctx, people.ana, " ".join(f"w{i}" for i in range(9)))


def test_a_watch_flags_items_arriving_later_with_the_token_to_the_watcher_only(ctx, session, people, clock):
    before, (phone,) = _ad(session, ctx, people, f"Camareras. {PHONE}")
    clock.advance(hours=1)
    watched = watch.watch(session, ctx, people.ana, phone)
    assert watch.watch(session, ctx, people.ana, f" {phone} ").id == watched.id  # again: the same watch
    later, _ = _ad(session, ctx, people, f"Fresas, viaje pagado. {PHONE}", clock() + timedelta(minutes=5))
    other, _ = _ad(session, ctx, people, "Fresas, sin teléfono.", clock() + timedelta(minutes=6))
    assert [h.id for h in watch.hits(session, people.ana)] == [later.id]  # not what was there before
    assert watch.flagged(session, people.ana, [before.id, later.id, other.id]) == {later.id: [phone]}
    assert watch.hits(session, people.bea) == [] and watch.flagged(session, people.bea, [later.id]) == {}
    assert [(w.token, w.new_items) for w in watch.watches(session, people.ana)] == [(phone, 1)]
    with pytest.raises(NotFound):
        watch.unwatch(session, ctx, people.bea, watched.id)  # not hers
    watch.unwatch(session, ctx, people.ana, watched.id)
    assert watch.watches(session, people.ana) == [] and watch.hits(session, people.ana) == []
    added, removed = _audited(session, "watch.add"), _audited(session, "watch.remove")
    assert [(r.actor, r.detail) for r in added + removed] == [("user:ana", {"token": phone})] * 2


def test_only_a_whole_token_can_be_watched_and_the_list_is_bounded(ctx, session, people, monkeypatch):
    for bad in (PHONE, "[PHONE:0123]", "x [PHONE:0123456789ab]", "[phone:0123456789ab]"):
        with pytest.raises(Invalid, match="pseudonym token"):
            watch.watch(session, ctx, people.ana, bad)
    monkeypatch.setattr(watch, "MAX_WATCHES", 2)
    watch.watch(session, ctx, people.ana, "[PHONE:0123456789ab]")
    watch.watch(session, ctx, people.ana, "[EMAIL:0123456789ab]")
    with pytest.raises(Invalid, match="at most 2"):
        watch.watch(session, ctx, people.ana, "[HANDLE:0123456789ab]")


def test_the_queue_lists_only_open_items_among_the_watched_ones(ctx, session, people, clock):
    _, (phone,) = _ad(session, ctx, people, f"Camareras. {PHONE}")
    watch.watch(session, ctx, people.ana, phone)
    decided, _ = _ad(
        session, ctx, people, f"Fresas. {PHONE}", clock() + timedelta(minutes=1), state="dismissed"
    )
    waiting, _ = _ad(session, ctx, people, f"Olivas. {PHONE}", clock() + timedelta(minutes=2))
    assert [h.id for h in watch.hits(session, people.ana)] == [waiting.id, decided.id]
    assert [h.id for h in watch.hits(session, people.ana, states=("queued", "escalated"))] == [waiting.id]
