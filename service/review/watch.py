"""A reviewer's watch-list of pseudonym tokens: new items holding a watched token are flagged to them.

An analyst who has seen one recruiter's phone (its token) wants to know when it turns up again,
without searching for it every morning. A watch is one person's (nobody else sees whom one
watches) and covers items that *arrive after* it began: what was already there when they started
watching, they could already find by searching. Starting and ending a watch is audited
(`watch.add`, `watch.remove`): following one person's contact details is itself an act to account for.

Tokens are taken in their exact form only (`[KIND:xxxxxxxxxxxx]`, CONTRACTS.md): a watch is never
set on a raw value, so the watch-list holds nothing the redactor would not already show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from baliza.errors import Invalid, NotFound
from models.provenance import PSEUDONYM
from service.db.engine import reading
from service.db.models import Item, ItemPseudonym, User, Watch
from service.review.context import ReviewContext
from service.review.vocabulary import actor

#: How many tokens one person may watch: a watch-list is for a few networks being followed, and
#: the queue page checks every row against it.
MAX_WATCHES = 100
#: The most flagged items a watch-list view returns (newest first).
MAX_HITS = 100


@dataclass(frozen=True)
class Watched:
    id: int
    token: str
    since: datetime
    new_items: int  # items holding the token that arrived after the watch began


@dataclass(frozen=True)
class Hit:
    """An item that arrived holding a token its viewer watches."""

    id: int
    token: str
    state: str
    score: float
    child_risk: bool
    source: str | None
    received_at: datetime


def checked_token(token: str) -> str:
    """The token itself, or `Invalid` when it is not one whole `[KIND:xxxxxxxxxxxx]`."""
    token = token.strip()
    if not PSEUDONYM.fullmatch(token):
        raise Invalid("token: give a pseudonym token as shown, e.g. [PHONE:0123456789ab]")
    return token


def _hits_query(user: User):  # type: ignore[no-untyped-def]
    """(item id, token, ...) of items holding a token the user watches, arrived after the watch."""
    return (
        select(Item.id, Watch.token, Item.state, Item.score, Item.child_risk, Item.source, Item.created_at)
        .join(ItemPseudonym, ItemPseudonym.item_id == Item.id)
        .join(Watch, and_(Watch.token == ItemPseudonym.token, Watch.user_id == user.id))
        .where(Item.created_at > Watch.created_at)
    )


def watches(session: Session, user: User) -> list[Watched]:
    """The user's watches, oldest first, each with the number of new items holding its token."""
    with reading(session):
        rows = session.scalars(select(Watch).where(Watch.user_id == user.id).order_by(Watch.id)).all()
        counts = dict(
            session.execute(
                select(Watch.id, func.count(func.distinct(Item.id)))
                .join(ItemPseudonym, ItemPseudonym.token == Watch.token)
                .join(Item, Item.id == ItemPseudonym.item_id)
                .where(Watch.user_id == user.id, Item.created_at > Watch.created_at)
                .group_by(Watch.id)
            ).all()
        )
    return [Watched(w.id, w.token, w.created_at, int(counts.get(w.id, 0))) for w in rows]


def hits(
    session: Session, user: User, limit: int = MAX_HITS, states: tuple[str, ...] | None = None
) -> list[Hit]:
    """Items that arrived holding a watched token, newest first (one line per item: its first
    token); only those in `states` when given (the queue page lists the open ones)."""
    query = _hits_query(user)
    if states is not None:
        query = query.where(Item.state.in_(states))
    with reading(session):
        rows = session.execute(query.order_by(Item.created_at.desc(), Item.id.desc(), Watch.token)).all()
    found: dict[int, Hit] = {}
    for item_id, token, state, score, child, source, at in rows:
        if item_id not in found:
            found[item_id] = Hit(item_id, token, state, score, bool(child), source, at)
        if len(found) >= limit:
            break
    return list(found.values())


def flagged(session: Session, user: User, item_ids: list[int]) -> dict[int, list[str]]:
    """Of these items, those the user's watch-list flags, with the watched tokens each holds."""
    if not item_ids:
        return {}
    with reading(session):
        rows = session.execute(_hits_query(user).where(Item.id.in_(item_ids)).order_by(Watch.token)).all()
    found: dict[int, list[str]] = {}
    for row in rows:
        found.setdefault(row.id, []).append(row.token)
    return found


def watch(session: Session, ctx: ReviewContext, user: User, token: str) -> Watched:
    """Start watching a token (watching it again changes nothing); audited as `watch.add`. Commits."""
    token = checked_token(token)
    existing = session.scalar(select(Watch).where(Watch.user_id == user.id, Watch.token == token))
    if existing is not None:
        session.commit()
        return next(w for w in watches(session, user) if w.id == existing.id)
    held = session.scalar(select(func.count()).select_from(Watch).where(Watch.user_id == user.id)) or 0
    if held >= MAX_WATCHES:
        raise Invalid(f"a watch-list holds at most {MAX_WATCHES} tokens; stop watching one first")
    row = Watch(user_id=user.id, token=token, created_at=ctx.now())
    session.add(row)
    try:
        session.flush()
    except IntegrityError:  # the same person's other tab started the same watch just now
        session.rollback()
        return watch(session, ctx, user, token)
    ctx.auditor.record(session, actor(user), "watch.add", f"watch:{row.id}", detail={"token": token})
    session.commit()
    return Watched(row.id, row.token, row.created_at, 0)


def unwatch(session: Session, ctx: ReviewContext, user: User, watch_id: int) -> None:
    """Stop one of one's own watches (another person's is `NotFound`); audited as `watch.remove`."""
    row = session.get(Watch, watch_id)
    if row is None or row.user_id != user.id:
        raise NotFound(f"no watch {watch_id} of yours")
    ctx.auditor.record(session, actor(user), "watch.remove", f"watch:{row.id}", detail={"token": row.token})
    session.delete(row)
    session.commit()
