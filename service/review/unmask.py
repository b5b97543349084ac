"""Unmasking under four eyes: one supervisor asks (with a written reason), another approves, and only
the one who asked then sees the original values — within a limited window, every time audited.

The steps are `request` → `approve` | `reject` → `reveal`. Audit rows carry the request and item
ids, the reason (scrubbed) and the tokens revealed, never the values. The values come from the
vault; once retention has expired an item's vault entry there is nothing left to reveal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from baliza.errors import Conflict, Forbidden, Invalid, NotFound
from service.db.models import Item, UnmaskRequest, User, VaultEntry
from service.review.context import ReviewContext
from service.review.vocabulary import actor

MIN_REASON = 10
REVEAL_WINDOW = timedelta(hours=24)
STATUSES = ("pending", "approved", "rejected")


@dataclass(frozen=True)
class UnmaskView:
    """A request as supervisors see it: who asked, why, where it stands (never any value)."""

    id: int
    item_id: int
    status: str
    reason: str
    requester: str | None
    approver: str | None
    created_at: str
    decided_at: str | None


@dataclass(frozen=True)
class Original:
    kind: str
    token: str
    value: str


@dataclass(frozen=True)
class Revealed:
    """The answer to the requester, once approved: the request and the original values."""

    request: UnmaskView
    values: list[Original]


def get(session: Session, request_id: int) -> UnmaskRequest:
    row = session.get(UnmaskRequest, request_id)
    if row is None:
        raise NotFound(f"no unmask request {request_id}")
    return row


def _has_originals(session: Session, item_id: int) -> bool:
    return session.scalar(select(VaultEntry.id).where(VaultEntry.item_id == item_id)) is not None


def request(session: Session, ctx: ReviewContext, user: User, item_id: int, reason: str) -> UnmaskView:
    """A pending request; refused when the reason is too short or nothing is left to unmask."""
    if len(reason.strip()) < MIN_REASON:
        raise Invalid(f"reason: write why the values are needed (at least {MIN_REASON} characters)")
    if session.get(Item, item_id) is None:
        raise NotFound(f"no item {item_id}")
    if not _has_originals(session, item_id):
        raise Conflict("this item keeps no original values (none were found, or retention expired them)")
    row = UnmaskRequest(
        item_id=item_id, requester_id=user.id, reason=ctx.scrub(reason.strip()), created_at=ctx.now()
    )
    session.add(row)
    session.flush()
    ctx.auditor.record(
        session,
        actor(user),
        "unmask.request",
        f"unmask:{row.id}",
        reason=row.reason,
        detail={"item": item_id},
    )
    session.commit()
    return view(row, {user.id: user.name})


def decide(
    session: Session,
    ctx: ReviewContext,
    user: User,
    request_id: int,
    approve: bool,
    reason: str | None = None,
) -> UnmaskView:
    """Approve (a supervisor other than the requester) or reject (any supervisor; the requester
    rejecting their own request withdraws it)."""
    row = get(session, request_id)
    if row.status != "pending":
        raise Conflict(f"unmask request {request_id} is {row.status} already")
    if approve and row.requester_id == user.id:
        raise Forbidden("four eyes: a second supervisor, not the requester, must approve")
    done = session.execute(  # conditional, so two supervisors deciding at once cannot both win
        update(UnmaskRequest)
        .where(UnmaskRequest.id == row.id, UnmaskRequest.status == "pending")
        .values(status="approved" if approve else "rejected", approver_id=user.id, approved_at=ctx.now())
        .execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:  # type: ignore[attr-defined]
        session.rollback()
        raise Conflict(f"unmask request {request_id} was decided meanwhile")
    session.refresh(row)
    ctx.auditor.record(
        session,
        actor(user),
        "unmask.approve" if approve else "unmask.reject",
        f"unmask:{row.id}",
        reason=reason,
        detail={"item": row.item_id, "requester": row.requester_id},
    )
    session.commit()
    return listing_one(session, row)


def revealable(row: UnmaskView, now: datetime) -> bool:
    """Whether an approved request's window to see the values is still open at `now`."""
    if row.status != "approved" or row.decided_at is None:
        return False
    return now - datetime.fromisoformat(row.decided_at) <= REVEAL_WINDOW


def reveal(session: Session, ctx: ReviewContext, user: User, request_id: int) -> Revealed:
    """The original values (kind, token, value): only to the requester, only after approval."""
    row = get(session, request_id)
    if row.requester_id != user.id:
        raise Forbidden("only the supervisor who requested this unmask can see the values")
    if row.status == "pending":
        raise Conflict("this unmask request awaits approval by a second supervisor")
    if row.status == "rejected":
        raise Conflict("this unmask request was rejected")
    assert row.approved_at is not None
    if ctx.now() - row.approved_at > REVEAL_WINDOW:
        raise NotFound("the approval has lapsed (24 hours); request the unmask again", expired=True)
    entry = session.scalar(select(VaultEntry).where(VaultEntry.item_id == row.item_id))
    if entry is None:
        raise NotFound("the original values of this item have expired (retention)", expired=True)
    values = [Original(v["kind"], v["token"], v["value"]) for v in ctx.vault.open(entry.ciphertext)]
    ctx.auditor.record(
        session,
        actor(user),
        "unmask.reveal",
        f"unmask:{row.id}",
        detail={"item": row.item_id, "tokens": [v.token for v in values]},
    )
    session.commit()
    return Revealed(listing_one(session, row), values)


def listing(session: Session, status: str | None, limit: int = 100) -> list[UnmaskView]:
    """Requests for supervisors to act on: who asked, why, where it stands (never any value)."""
    query = select(UnmaskRequest).order_by(UnmaskRequest.id.desc()).limit(limit)
    if status is not None:
        query = query.where(UnmaskRequest.status == status)
    rows = session.scalars(query).all()
    names = _names(session, {r.requester_id for r in rows} | {r.approver_id for r in rows})
    return [view(r, names) for r in rows]


def listing_one(session: Session, row: UnmaskRequest) -> UnmaskView:
    return view(row, _names(session, {row.requester_id, row.approver_id}))


def _names(session: Session, ids: set[int | None]) -> dict[int, str]:
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    return dict(session.execute(select(User.id, User.name).where(User.id.in_(wanted))).all())


def view(row: UnmaskRequest, names: dict[int, str] | None = None) -> UnmaskView:
    names = names or {}
    return UnmaskView(
        id=row.id,
        item_id=row.item_id,
        status=row.status,
        reason=row.reason,
        requester=names.get(row.requester_id) if row.requester_id else None,
        approver=names.get(row.approver_id) if row.approver_id else None,
        created_at=row.created_at.isoformat(),
        decided_at=row.approved_at.isoformat() if row.approved_at else None,
    )
