"""Four eyes on the domain alone: a reason, a second supervisor, values to the requester only, and an
approval that lapses after 24 hours of the context's clock."""

from __future__ import annotations

import pytest

from baliza.errors import Conflict, Forbidden, Invalid, NotFound
from service.db.models import VaultEntry
from service.review import unmask
from tests.factories import START, add_item

REASON = "Police request 2030/7: identify the recruiter's contact"
ORIGINAL = {"kind": "PHONE", "token": "[PHONE:0123456789ab]", "value": "+34612345678", "raw": "612 345 678"}


@pytest.fixture
def item(ctx, session, people):  # type: ignore[no-untyped-def]
    """An item whose original phone number is in the vault."""
    row = add_item(session, people.partner, START, text="Llama al [PHONE:0123456789ab]")
    session.add(VaultEntry(item_id=row.id, ciphertext=ctx.vault.seal([ORIGINAL])))
    session.commit()
    return row


def test_a_request_needs_a_reason_an_item_and_values_to_unmask(ctx, session, people, item):
    with pytest.raises(Invalid, match="at least 10 characters"):
        unmask.request(session, ctx, people.sam, item.id, "because")
    with pytest.raises(NotFound, match="no item 4242"):
        unmask.request(session, ctx, people.sam, 4242, REASON)
    bare = add_item(session, people.partner, START)
    with pytest.raises(Conflict, match="no original values"):
        unmask.request(session, ctx, people.sam, bare.id, REASON)
    made = unmask.request(session, ctx, people.sam, item.id, REASON)
    assert (made.status, made.requester, made.approver, made.created_at) == (
        "pending",
        "sam",
        None,
        START.isoformat(),
    )


def test_the_requester_cannot_approve_and_a_request_is_decided_once(ctx, session, people, item):
    made = unmask.request(session, ctx, people.sam, item.id, REASON)
    with pytest.raises(Forbidden, match="four eyes"):
        unmask.decide(session, ctx, people.sam, made.id, approve=True)
    approved = unmask.decide(session, ctx, people.sol, made.id, approve=True)
    assert (approved.status, approved.approver) == ("approved", "sol")
    with pytest.raises(Conflict, match="approved already"):
        unmask.decide(session, ctx, people.sol, made.id, approve=False)
    with pytest.raises(NotFound, match="no unmask request 4242"):
        unmask.decide(session, ctx, people.sol, 4242, approve=True)


def test_values_go_to_the_requester_only_and_only_after_approval(ctx, session, people, item):
    made = unmask.request(session, ctx, people.sam, item.id, REASON)
    with pytest.raises(Conflict, match="awaits approval"):
        unmask.reveal(session, ctx, people.sam, made.id)
    unmask.decide(session, ctx, people.sol, made.id, approve=True)
    with pytest.raises(Forbidden, match="only the supervisor who requested"):
        unmask.reveal(session, ctx, people.sol, made.id)
    shown = unmask.reveal(session, ctx, people.sam, made.id)
    assert [(v.kind, v.token, v.value) for v in shown.values] == [
        ("PHONE", ORIGINAL["token"], ORIGINAL["value"])
    ]
    assert shown.request.id == made.id and shown.request.status == "approved"


def test_an_approval_lapses_after_its_window_and_a_rejection_never_opens(ctx, clock, session, people, item):
    made = unmask.request(session, ctx, people.sam, item.id, REASON)
    unmask.decide(session, ctx, people.sol, made.id, approve=True)
    [approved] = unmask.listing(session, "approved")
    clock.advance(hours=24)
    assert unmask.revealable(approved, clock()) and unmask.reveal(session, ctx, people.sam, made.id).values
    clock.advance(seconds=1)
    assert not unmask.revealable(approved, clock())
    with pytest.raises(NotFound, match="lapsed") as lapsed:
        unmask.reveal(session, ctx, people.sam, made.id)
    assert lapsed.value.expired is True
    other = unmask.request(session, ctx, people.sam, item.id, REASON)
    unmask.decide(session, ctx, people.sam, other.id, approve=False)  # the requester withdraws it
    with pytest.raises(Conflict, match="rejected"):
        unmask.reveal(session, ctx, people.sam, other.id)
