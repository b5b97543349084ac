"""The analysts' queue: list it, claim the next item, read one redacted item with its linked ads.

Only analysts and supervisors reach these routes (partners, researchers and admins get 403);
escalated items are listed and claimed by supervisors only. Order and claim rules are in
`service/review/queue.py`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel

from service.api.deps import AnalystDep, SessionDep, StateDep
from service.db.models import Item, Partner, User, utcnow
from service.review import linking, queue, reports

router = APIRouter(prefix="/v1", tags=["queue"])


class Counts(BaseModel):
    queued: int
    escalated: int
    confirmed: int
    dismissed: int
    in_review: int


class Entry(BaseModel):
    id: int
    score: float
    indicators: list[str]
    flag_reasons: list[str]
    child_risk: bool
    lang: str | None
    source: str | None
    age_seconds: int
    linked: int
    state: str
    claimed: bool
    claimed_by_me: bool
    escalated_by_me: bool


class Page(BaseModel):
    items: list[Entry]
    total: int
    limit: int
    offset: int
    sort: str
    counts: Counts


class Claimed(BaseModel):
    id: int
    state: str
    lease_until: datetime


def filters(
    state: Annotated[str, Query(description="`queued`, or `escalated` (supervisors)")] = "queued",
    lang: Annotated[str | None, Query(max_length=8)] = None,
    indicator: Annotated[str | None, Query(max_length=60, description="an indicator code")] = None,
    source: Annotated[str | None, Query(max_length=100)] = None,
    min_score: Annotated[float | None, Query(ge=0, le=1)] = None,
    max_score: Annotated[float | None, Query(ge=0, le=1)] = None,
) -> queue.Filters:
    return queue.Filters(state, lang, indicator, source, min_score, max_score)


FiltersDep = Annotated[queue.Filters, Depends(filters)]


@router.get("/queue", response_model=Page)
def list_queue(
    user: AnalystDep,
    session: SessionDep,
    chosen: FiltersDep,
    sort: Annotated[str, Query(description="priority (default), score or age")] = "priority",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict:
    """The queue in priority order (child-risk items first, then score rounded to 2 decimals, then
    linked ads, then age), with
    the number matching the filters and counts per state. Items carry no text; open one to read it."""
    return queue.list_queue(session, user, chosen, sort, limit, offset)


@router.post("/queue/claim", response_model=Claimed, responses={204: {"description": "nothing to claim"}})
def claim(user: AnalystDep, session: SessionDep, app: StateDep, chosen: FiltersDep) -> dict | Response:
    """Claim the next item (same filters as the listing) with a lease of
    `BALIZA_LEASE_MINUTES`; 204 when nothing is claimable. The next item is the first in priority
    order, except for a share of claims (`BALIZA_UNCERTAINTY_SHARE`) that take the item the model is
    least sure of, so analysts' decisions also improve the model. Someone holding a live claim gets that
    item back with a renewed lease. Supervisors claim escalations with `state=escalated` (never
    their own)."""
    item = queue.claim(session, app, user, chosen)
    if item is None:
        return Response(status_code=204)
    return {"id": item.id, "state": item.state, "lease_until": item.lease_until}


@router.get("/queue/{item_id}")
def read_item(item_id: int, user: AnalystDep, session: SessionDep, app: StateDep) -> dict:
    """One item, redacted: text, indicator spans into it, score, pseudonym tokens with the other
    items holding each, linked ads (shared tokens or near-duplicate text, with estimated
    similarity) and its decisions. Audited as `item.view`."""
    item = queue.get_item(session, item_id)
    body = detail(session, user, item)
    app.auditor.record(
        session, f"user:{user.name}", "item.view", f"item:{item.id}", detail={"state": item.state}
    )
    session.commit()
    return body


def detail(session: SessionDep, user: User, item: Item) -> dict:
    now = utcnow()
    tokens = linking.tokens_with_sharers(session, item)
    links = linking.linked_items(session, item, tokens)
    held = item.claimed_by is not None and item.lease_until is not None and item.lease_until > now
    partner = session.get(Partner, item.partner_id)
    return {
        "id": item.id,
        "state": item.state,
        "text": item.text,
        "indicators": item.indicators,
        "indicator_codes": queue.top_codes(item.indicators),
        "score": item.score,
        "flag_reasons": list(item.flag_reasons or []),
        "child_risk": bool(item.child_risk),
        "model_version": item.model_version,
        "lang": item.lang,
        "source": item.source,
        "url": item.url,
        "channel": item.channel,
        "partner": partner.name if partner else None,
        "external_id": item.external_id,
        "posted_at": item.posted_at,
        "received_at": item.created_at.isoformat(),
        "age_seconds": int((now - item.created_at).total_seconds()),
        "claimed": held,
        "claimed_by_me": held and item.claimed_by == user.id,
        "lease_until": item.lease_until.isoformat() if held and item.lease_until else None,
        "escalated_by_me": item.escalated_by == user.id,
        "pseudonyms": tokens,
        "linked": [link.to_dict() for link in links],
        "decisions": reports.decision_history(session, item, with_names=True),
        "reasons": queue.REASONS,
    }
