"""The analysts' queue: list it, claim the next item, read one redacted item with its linked ads.

Only analysts and supervisors reach these routes (partners, researchers and admins get 403);
escalated items are listed and claimed by supervisors only. Order and claim rules are in
`service/review/queue.py` and `claims.py`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel

from service.api.deps import AnalystDep
from service.api.openapi import AUTHENTICATED, errors
from service.edge import MAX_ID, PathId, SessionDep, StateDep
from service.review import claims, items, queue

router = APIRouter(prefix="/v1", tags=["queue"], responses=AUTHENTICATED)


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


@router.get("/queue", response_model=queue.Page)
def list_queue(
    user: AnalystDep,
    session: SessionDep,
    state: StateDep,
    chosen: FiltersDep,
    sort: Annotated[str, Query(description="priority (default), score or age")] = "priority",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
) -> queue.Page:
    """The queue in priority order (child-risk items first, then items a decisive indicator flagged,
    then items linked to a confirmed item, then score rounded to 2 decimals, then linked ads, then
    age), with the number matching the filters and counts per state. Each item carries its
    `risk_band` (`high`, `medium` or `low`: see `service/review/risk.py`), which reads better than the
    calibrated score, crowded near 1.00. Items carry no text; open one to read it."""
    return queue.list_queue(session, state, user, chosen, sort, limit, offset)


@router.post("/queue/claim", response_model=Claimed, responses={204: {"description": "nothing to claim"}})
def claim(
    user: AnalystDep, session: SessionDep, state: StateDep, chosen: FiltersDep
) -> claims.Claim | Response:
    """Claim the next item (same filters as the listing) with a lease of
    `BALIZA_LEASE_MINUTES`; 204 when nothing is claimable. The next item is the first in priority
    order, except for a share of claims (`BALIZA_UNCERTAINTY_SHARE`) that take the item the model is
    least sure of, so analysts' decisions also improve the model. Someone holding a live claim gets that
    item back with a renewed lease. Supervisors claim escalations with `state=escalated` (never
    their own)."""
    got = claims.claim(session, state, user, chosen)
    return Response(status_code=204) if got is None else got


@router.get("/queue/{item_id}", response_model=items.ItemDetail, responses=errors(404))
def read_item(item_id: PathId, user: AnalystDep, session: SessionDep, state: StateDep) -> items.ItemDetail:
    """One item, redacted: text, indicator spans into it, score, pseudonym tokens with the other
    items holding each, linked ads (shared tokens or near-duplicate text, with estimated
    similarity) and its decisions. Audited as `item.view`."""
    return items.open_item(session, state, user, item_id)
