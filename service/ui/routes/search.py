"""The search page (tokens and words of the redacted text) and the watch-list forms.

The page renders the domain's `Results` and `Watched` views (`service/review/search.py`,
`watch.py`), the same the JSON API returns; a refused query is shown as a message on the page.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from baliza.errors import Invalid
from models.indicators import load_taxonomy
from service.edge import PathId, SessionDep, StateDep
from service.review import search as searching
from service.review import watch as watching
from service.ui.deps import CsrfDep, ReviewPageDep
from service.ui.errors import REFUSALS, back_to, message
from service.ui.render import render

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 20
#: The page's own words for a refused query (the domain's sentences are English only).
QUERY_REFUSED = {Invalid: "search.error.query"}


@router.get("/search")
def search_page(request: Request, page: ReviewPageDep, session: SessionDep, state: StateDep) -> Response:
    q = request.query_params.get("q", "").strip()
    try:
        offset = max(0, int(request.query_params.get("offset", "0")))
    except ValueError:
        offset = 0
    results, error = None, None
    if q:
        try:
            results = searching.search(session, state, page.user, q, limit=PAGE_SIZE, offset=offset)
        except REFUSALS as exc:
            error = message(exc, QUERY_REFUSED)
    watched = watching.watches(session, page.user)
    return render(
        request,
        "search.html",
        user=page.user,
        session_token=page.token,
        q=q,
        results=results,
        error=error or request.query_params.get("message"),
        watched=watched,
        watched_tokens={w.token for w in watched},
        taxonomy=load_taxonomy(),
    )


def _to_search(q: str, key: str) -> Response:
    """Back to the search page (303), showing the query searched before and a message."""
    return RedirectResponse(f"/search?{urlencode({'q': q, 'message': key})}", status_code=303)


@router.post("/watches", dependencies=[CsrfDep])
def watch(
    page: ReviewPageDep,
    session: SessionDep,
    state: StateDep,
    token: Annotated[str, Form(max_length=40)],
    q: Annotated[str, Form(max_length=searching.MAX_QUERY)] = "",
) -> Response:
    try:
        watching.watch(session, state, page.user, token)
    except REFUSALS as exc:
        return _to_search(q, message(exc, {Invalid: "watch.error.token"}))
    return _to_search(q, "watch.added")


@router.post("/watches/{watch_id}/delete", dependencies=[CsrfDep])
def unwatch(watch_id: PathId, page: ReviewPageDep, session: SessionDep, state: StateDep) -> Response:
    try:
        watching.unwatch(session, state, page.user, watch_id)
    except REFUSALS as exc:
        return back_to("/search", message(exc))
    return back_to("/search", "watch.removed")
