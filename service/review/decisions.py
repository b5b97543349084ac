"""Deciding a claimed item: confirm, dismiss, or escalate to a supervisor.

Queued items: confirm, dismiss or escalate. Escalated items: only a supervisor other than the
escalating person settles them (confirm or dismiss), after claiming them with `state=escalated`.
The state change is a compare-and-set on the caller's live claim, so an item is decided once.
Confirming stores the item's report (what was known at decision time, in the same transaction) but
sends nothing: one analyst's confirm is not enough to go to law enforcement or to a partner. The
case report and the takedown notice come from a case a supervisor builds of confirmed items and a
second supervisor signs off (`service.review.cases`, four eyes); the item's report is what a case
report carries for that ad.
Confirming also marks the open items linked to the confirmed one (`clusters.mark_linked`), which
the queue then serves first. Deciding a cluster or a selection of it in one action is `bulk.py`:
one call of `decide` per item.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import update
from sqlalchemy.orm import Session

from baliza.errors import Conflict, Forbidden, Invalid
from service.db.models import Decision, Item, User
from service.review import clusters, reports
from service.review.claims import require_claim
from service.review.context import ReviewContext
from service.review.items import get_item
from service.review.vocabulary import LEANS, OPEN_STATES, OUTCOME, REASONS, actor, stored_note


@dataclass(frozen=True)
class Decided:
    id: int
    state: str
    report_id: str | None


def check_decision(decision: str, reason: str, lean: str | None) -> None:
    if decision not in REASONS:
        raise Invalid(f"decision must be one of {', '.join(REASONS)}")
    if reason not in REASONS[decision]:
        raise Invalid(f"reason for {decision} must be one of {', '.join(REASONS[decision])}")
    if lean is not None and (decision != "escalate" or lean not in LEANS):
        raise Invalid("lean is confirm or dismiss, and only with escalate")


def _check_settler(item: Item, user: User, decision: str) -> None:
    """Who may decide an item in its present state (the claim is checked after)."""
    if item.state not in OPEN_STATES:
        raise Conflict(f"item {item.id} was already decided ({item.state})")
    if item.state != "escalated":
        return
    if user.role != "supervisor":
        raise Forbidden("an escalated item is settled by a supervisor")
    if item.escalated_by == user.id:
        raise Forbidden("an escalation is settled by a supervisor other than the one who escalated it")
    if decision == "escalate":
        raise Conflict(f"item {item.id} is escalated already; confirm or dismiss it")


def decide(
    session: Session,
    ctx: ReviewContext,
    user: User,
    item_id: int,
    decision: str,
    reason: str,
    note: str,
    lean: str | None = None,
    via: str | None = None,
) -> Decided:
    """Record a decision by the claim holder; the answer names the item's report (confirm only).

    Notes pass through the redactor. Commits; audited as `item.decision` (with `via`, e.g.
    `cluster:12`, when the decision was one of a bulk action, and the items a confirm `marked`).
    """
    check_decision(decision, reason, lean)
    now = ctx.now()
    item = get_item(session, item_id)
    before = item.state
    _check_settler(item, user, decision)
    require_claim(item, user, now)
    values: dict = {"state": OUTCOME[decision], "claimed_by": None, "lease_until": None}
    if decision == "escalate":
        values["escalated_by"] = user.id
    else:
        values["decided_at"] = now
    done = session.execute(
        update(Item)
        .where(Item.id == item.id, Item.state == before, Item.held_by(user.id, now))
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:  # type: ignore[attr-defined]
        session.rollback()
        raise Conflict(f"item {item_id} changed meanwhile; reload it")
    session.refresh(item)
    session.add(
        Decision(
            item_id=item.id,
            user_id=user.id,
            role=user.role,
            decision=decision,
            reason=reason,
            note=stored_note(decision, ctx.scrub(note), lean),
            uncertainty_sampled=item.uncertainty_sampled,  # the mark of the claim just used
            created_at=now,
        )
    )
    session.flush()
    report_id = None
    marked: list[int] = []
    if decision == "confirm":
        report_id = reports.build(session, item, now).body["report_id"]
        marked = clusters.mark_linked(session, item.id)
    extra = ({"via": via} if via else {}) | ({"marked": marked} if marked else {})
    ctx.auditor.record(
        session,
        actor(user),
        "item.decision",
        f"item:{item.id}",
        reason=reason,
        detail={
            "decision": decision,
            "from": before,
            "to": item.state,
            "lean": lean,
            "report": report_id,
            **extra,
        },
    )
    session.commit()
    return Decided(item.id, item.state, report_id)
