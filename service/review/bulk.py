"""Deciding a cluster, or a selection of its items, in one action.

Each item is decided by `decisions.decide`, so every rule of a single decision holds per item
(escalated items are settled by a supervisor other than the escalating one, a decided item is not
decided again, confirms build their case report and takedown) and each item gets its own
`item.decision` audit row (detail `via: cluster:<id>`), plus one `cluster.decision` row naming what
was decided and what was refused.

Claims: a decision needs the decider's live claim. In a bulk action the decider claims each item
for that one decision: an item the caller already holds is decided under that claim; an item nobody
holds is claimed (compare-and-set, as `claims.claim` does) and decided *in the same transaction*,
so the claim is never seen by anyone and a refusal rolls it back with everything else; an item
someone else holds is refused (their claim is respected, as in the single flow). The caller's own
claim on an item outside the selection is left alone. Such a claim is never an uncertainty sample
(the person chose the items), so the decision's `uncertainty_sampled` is false.

One transaction per item: an item is decided whole or not at all, and one refusal does not undo the
others; the answer lists each refusal with its reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from baliza.errors import Conflict, Forbidden, Invalid, NotFound
from service.db.models import Item, User
from service.review import clusters, decisions
from service.review.context import ReviewContext
from service.review.decisions import Decided
from service.review.items import get_item
from service.review.vocabulary import OPEN_STATES, actor

REFUSED = (NotFound, Conflict, Forbidden, Invalid)
MAX_SELECTION = 500


@dataclass(frozen=True)
class Refusal:
    id: int
    kind: str  # not-found | conflict | forbidden | invalid
    detail: str


@dataclass(frozen=True)
class BulkDecided:
    cluster: int
    decision: str
    decided: list[Decided] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)


_KINDS = {NotFound: "not-found", Conflict: "conflict", Forbidden: "forbidden", Invalid: "invalid"}


def decide_cluster(
    session: Session,
    ctx: ReviewContext,
    user: User,
    cluster_id: int,
    decision: str,
    reason: str,
    note: str,
    lean: str | None = None,
    item_ids: list[int] | None = None,
) -> BulkDecided:
    """Decide the cluster holding `cluster_id` (any member's id): the given members, or by default
    every open member. Ids outside the cluster are refused (`not-found`). Commits per item."""
    decisions.check_decision(decision, reason, lean)
    cluster = clusters.members_of(session, cluster_id)
    session.rollback()  # end the read before the per-item write transactions
    chosen = sorted(set(item_ids)) if item_ids is not None else None
    if chosen is not None and not 0 < len(chosen) <= MAX_SELECTION:
        raise Invalid(f"select between 1 and {MAX_SELECTION} items")
    if chosen is None:
        chosen = _open_members(session, cluster.item_ids)
        session.rollback()
    done: list[Decided] = []
    refused: list[Refusal] = []
    for item_id in chosen:
        if item_id not in cluster.item_ids:
            refused.append(Refusal(item_id, "not-found", f"item {item_id} is not in cluster {cluster.id}"))
            continue
        try:
            done.append(_decide_one(session, ctx, user, cluster.id, item_id, decision, reason, note, lean))
        except REFUSED as exc:
            session.rollback()
            refused.append(Refusal(item_id, _KINDS[type(exc)], str(exc)))
    ctx.auditor.record(
        session,
        actor(user),
        "cluster.decision",
        f"cluster:{cluster.id}",
        reason=reason,
        detail={
            "decision": decision,
            "decided": [d.id for d in done],
            "refused": {str(r.id): r.kind for r in refused},
        },
    )
    session.commit()
    return BulkDecided(cluster.id, decision, done, refused)


def _open_members(session: Session, item_ids: list[int]) -> list[int]:
    return sorted(session.scalars(select(Item.id).where(Item.id.in_(item_ids), Item.state.in_(OPEN_STATES))))


def _decide_one(
    session: Session,
    ctx: ReviewContext,
    user: User,
    cluster_id: int,
    item_id: int,
    decision: str,
    reason: str,
    note: str,
    lean: str | None,
) -> Decided:
    """Claim the item for this decision unless the caller holds it, then decide it (one transaction)."""
    now = ctx.now()
    item = get_item(session, item_id)
    if not item.held_by(user.id, now):
        if item.claim_live(now):
            raise Conflict(f"item {item_id} is claimed by another reviewer")
        taken = session.execute(
            update(Item)
            .where(Item.id == item_id, Item.state == item.state, ~Item.claim_live(now))
            .values(
                claimed_by=user.id,
                lease_until=now + timedelta(minutes=ctx.settings.lease_minutes),
                uncertainty_sampled=False,
            )
            .execution_options(synchronize_session=False)
        )
        if taken.rowcount != 1:  # type: ignore[attr-defined]
            raise Conflict(f"item {item_id} changed meanwhile; reload it")
        session.refresh(item)
    return decisions.decide(
        session, ctx, user, item_id, decision, reason, note, lean, via=f"cluster:{cluster_id}"
    )
