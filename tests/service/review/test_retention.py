"""Retention by the context's clock: originals and dismissed items expire, confirmed ones stay."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from service.db.models import Item, VaultEntry
from service.review import retention
from tests.factories import START, add_item, at


def test_purge_deletes_what_outlived_retention_at_the_contexts_time(ctx, session, people):
    days = ctx.settings.retention_days
    dismissed = add_item(session, people.partner, START, state="dismissed", decided_at=START)
    confirmed = add_item(session, people.partner, START, state="confirmed", decided_at=START)
    session.add(VaultEntry(item_id=confirmed.id, ciphertext=ctx.vault.seal([]), created_at=START))
    session.commit()
    kept, gone = confirmed.id, dismissed.id
    early = retention.purge(at(ctx, START + timedelta(days=days - 1)))
    assert (early["vault_entries"], early["dismissed_items"]) == (0, 0)
    late = retention.purge(at(ctx, START + timedelta(days=days)))
    assert (late["vault_entries"], late["dismissed_items"]) == (1, 1)
    session.expire_all()
    assert set(session.scalars(select(Item.id))) == {kept} != {gone}
