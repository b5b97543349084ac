"""Analysts' search (by pseudonym token and by words of the redacted text) and their watch-lists.

The rules — what is searched, what a query may hold, what is audited, which items a watch flags —
are in `service/review/search.py` and `watch.py`; reviewers (analysts, supervisors) only.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from service.api.deps import AnalystDep
from service.api.openapi import AUTHENTICATED, errors
from service.edge import MAX_ID, PathId, SessionDep, StateDep
from service.review import search as searching
from service.review import watch as watching

router = APIRouter(prefix="/v1", tags=["search"], responses=AUTHENTICATED)


@router.get("/search", response_model=searching.Results)
def search(
    user: AnalystDep,
    session: SessionDep,
    state: StateDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=searching.MAX_QUERY,
            description="Pseudonym tokens (`[PHONE:0123456789ab]`, exact) and words of the redacted "
            "text; an item matches when it holds every token and contains every word. Contact values "
            "typed in clear are left out of the search (`dropped` counts them): search their token.",
        ),
    ],
    item_state: Annotated[
        str | None, Query(alias="state", description="queued, escalated, confirmed or dismissed")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=searching.MAX_LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
) -> searching.Results:
    """Items matching the query, newest first, with the number matching. No ad text (open an item
    to read it). Every search is audited as `search`, with the query as searched."""
    return searching.search(session, state, user, q, state=item_state, limit=limit, offset=offset)


class WatchIn(BaseModel):
    token: Annotated[
        str, Field(max_length=40, description="A pseudonym token, exact.", examples=["[PHONE:0123456789ab]"])
    ]


@router.get("/watches", response_model=list[watching.Watched])
def watches(user: AnalystDep, session: SessionDep) -> list[watching.Watched]:
    """Your watched tokens, each with the number of items holding it that arrived after you began."""
    return watching.watches(session, user)


@router.post("/watches", response_model=watching.Watched, status_code=201)
def watch(body: WatchIn, user: AnalystDep, session: SessionDep, state: StateDep) -> watching.Watched:
    """Watch a token: items holding it that arrive from now on are flagged to you (`/v1/watches/hits`,
    and a marker in your queue). Watching a token again changes nothing. Audited as `watch.add`."""
    return watching.watch(session, state, user, body.token)


@router.delete("/watches/{watch_id}", status_code=204, responses=errors(404))
def unwatch(watch_id: PathId, user: AnalystDep, session: SessionDep, state: StateDep) -> Response:
    """Stop watching (your own watches only; 404 otherwise). Audited as `watch.remove`."""
    watching.unwatch(session, state, user, watch_id)
    return Response(status_code=204)


@router.get("/watches/hits", response_model=list[watching.Hit])
def hits(
    user: AnalystDep,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=watching.MAX_HITS)] = 50,
) -> list[watching.Hit]:
    """Items that arrived holding a token you watch, newest first, each with the watched token."""
    return watching.hits(session, user, limit)
