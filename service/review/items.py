"""One item as a reviewer reads it: redacted text, indicator spans into it, score and why it was
flagged, protective wording found in it, pseudonym tokens with the other items holding each, linked
ads, and its decisions.

Both doors render the same `ItemDetail` (the API as JSON, the item page as HTML), and reading it is
audited as `item.view` in both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from baliza.errors import NotFound
from models.indicators.protective import find_protective
from service.db.engine import reading
from service.db.models import Item, Partner, User
from service.review import linking, posting, reports, risk
from service.review.context import ReviewContext
from service.review.linking import Link, SharedToken
from service.review.vocabulary import REASONS, actor, top_codes


@dataclass(frozen=True)
class ItemDetail:
    id: int
    state: str
    text: str
    indicators: list[dict]
    indicator_codes: list[str]
    score: float
    flag_reasons: list[str]
    child_risk: bool
    linked_confirmed: bool
    model_version: str
    lang: str | None
    source: str | None
    url: str | None
    channel: str
    partner: str | None
    external_id: str
    posted_at: str | None
    location: str | None
    received_at: str
    age_seconds: int  # from the posting time when known, else from arrival (`age_since` says which)
    age_since: str
    claimed: bool
    claimed_by_me: bool
    lease_until: str | None
    escalated_by_me: bool
    pseudonyms: list[SharedToken]
    linked: list[Link]
    decisions: list[dict]
    reasons: dict[str, tuple[str, ...]]
    risk_band: str = "low"  # high | medium | low (`risk.band`)
    decisive: bool = False  # a decisive indicator flagged it on its own
    # What drove the score: each indicator found, its severity and contribution, heaviest first.
    weighed: list[risk.Weighed] = field(default_factory=list)
    # Protective wording found in the redacted text ({type, start, end}): found when the item is
    # read (rules only, milliseconds), so an ad stored before the finder existed shows it too.
    protective: list[dict] = field(default_factory=list)


def get_item(session: Session, item_id: int) -> Item:
    item = session.get(Item, item_id)
    if item is None:
        raise NotFound(f"no item {item_id}")
    return item


def detail(session: Session, ctx: ReviewContext, user: User, item: Item) -> ItemDetail:
    now = ctx.now()
    tokens = linking.tokens_with_sharers(session, item)
    held = item.claim_live(now)
    age = posting.age(item.posted_at, item.created_at, now)
    partner = session.get(Partner, item.partner_id)
    codes, reasons = top_codes(item.indicators), list(item.flag_reasons or [])
    return ItemDetail(
        id=item.id,
        state=item.state,
        text=item.text,
        indicators=item.indicators,
        indicator_codes=codes,
        score=item.score,
        flag_reasons=reasons,
        child_risk=bool(item.child_risk),
        linked_confirmed=bool(item.linked_confirmed),
        model_version=item.model_version,
        lang=item.lang,
        source=item.source,
        url=item.url,
        channel=item.channel,
        partner=partner.name if partner else None,
        external_id=item.external_id,
        posted_at=item.posted_at,
        location=item.location,
        received_at=item.created_at.isoformat(),
        age_seconds=age.seconds,
        age_since=age.since,
        claimed=held,
        claimed_by_me=held and item.claimed_by == user.id,
        lease_until=item.lease_until.isoformat() if held and item.lease_until else None,
        escalated_by_me=item.escalated_by == user.id,
        pseudonyms=tokens,
        linked=linking.linked_items(session, item, tokens),
        decisions=reports.decision_history(session, item, with_names=True),
        reasons=REASONS,
        risk_band=risk.band(child_risk=bool(item.child_risk), flag_reasons=reasons, codes=codes),
        decisive=bool(risk.decisive_reasons(reasons)),
        weighed=risk.weighed(codes, item.contributions),
        protective=[span.to_dict() for span in find_protective(item.text)],
    )


def open_item(
    session: Session, ctx: ReviewContext, user: User, item_id: int, via: str | None = None
) -> ItemDetail:
    """The item's detail; audited as `item.view` (`via` names the page that showed it). Commits.

    The detail is gathered in a read (`reading`: no write lock while the linked ads are collected,
    which takes long for an ad linked to many); only the audit row is then written, in a short
    transaction of its own, before the detail is returned.
    """
    with reading(session):
        view = detail(session, ctx, user, get_item(session, item_id))
    shown = {"state": view.state} | ({"via": via} if via else {})
    ctx.auditor.record(session, actor(user), "item.view", f"item:{view.id}", detail=shown)
    session.commit()
    return view


def texts(session: Session, item_ids: list[int]) -> dict[int, str]:
    """The redacted texts of some items, e.g. near-duplicates to show side by side."""
    if not item_ids:
        return {}
    return dict(session.execute(select(Item.id, Item.text).where(Item.id.in_(item_ids))).all())
