"""What a partner learns of its own ad, and what the queue page counts, on the domain alone."""

from __future__ import annotations

import pytest

from baliza.errors import NotFound
from service.db.models import Receipt
from service.review import claims, queue, receipts
from service.review.status import partner_status
from tests.factories import START, add_item, add_partner


def test_a_partner_sees_in_review_only_while_a_claim_is_live(ctx, clock, session, people):
    item = add_item(session, people.partner, START, external_id="mine-1")
    session.add(
        Receipt(
            partner_id=people.partner.id,
            external_id=receipts.id_key(ctx, "mine-1"),
            text_hash="h",
            result={"score": 0.9},
            flagged=True,
            item_id=item.id,
        )
    )
    session.commit()
    assert partner_status(session, ctx, people.partner, "mine-1").status == "queued"
    claims.claim(session, ctx, people.ana, queue.Filters())
    assert partner_status(session, ctx, people.partner, "mine-1").status == "in-review"
    clock.advance(minutes=ctx.settings.lease_minutes)
    shown = partner_status(session, ctx, people.partner, "mine-1")
    assert (shown.status, shown.outcome, shown.takedown_requested) == ("queued", None, False)
    other = add_partner(session, "other")
    with pytest.raises(NotFound, match="from this partner"):
        partner_status(session, ctx, other, "mine-1")


def test_the_queue_page_counts_what_is_in_review_and_who_holds_it(ctx, session, people):
    first, _second = (add_item(session, people.partner, START) for _ in range(2))
    claims.claim(session, ctx, people.ana, queue.Filters())
    page = queue.list_queue(session, ctx, people.bea, queue.Filters(), "age", 10, 0)
    assert (page.total, page.counts.queued, page.counts.in_review) == (2, 2, 1)
    held = next(e for e in page.items if e.id == first.id)
    assert held.claimed and not held.claimed_by_me
    mine = queue.list_queue(session, ctx, people.ana, queue.Filters(), "age", 10, 0)
    assert next(e for e in mine.items if e.id == first.id).claimed_by_me
