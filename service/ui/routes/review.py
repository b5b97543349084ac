"""The queue page and the item page: where analysts spend their day.

They call the same functions as the JSON API (`service.review.queue`), so rules — claims, leases,
who may settle an escalation — hold identically; HTTP errors from those functions are shown as a
message on the page instead of JSON.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from starlette.responses import RedirectResponse, Response

from models.indicators import load_taxonomy
from service.api.deps import CsrfDep, ReviewPageDep, SessionDep, StateDep
from service.api.routes.queue import detail
from service.db.models import Item
from service.review import queue
from service.ui.highlight import segments, word_diff
from service.ui.render import render

router = APIRouter(include_in_schema=False)
REVEAL_COOKIE = "baliza_reveal"


def _query(request: Request) -> str:
    return str(request.url.query)


def page_filters(request: Request) -> queue.Filters:
    """Queue filters from a submitted form, where an untouched field arrives as an empty string."""
    values = {k: v.strip() for k, v in request.query_params.items() if v.strip()}

    def score(name: str) -> float | None:
        try:
            return min(1.0, max(0.0, float(values[name]))) if name in values else None
        except ValueError:
            return None

    return queue.Filters(
        values.get("state", "queued"),
        values.get("lang"),
        values.get("indicator"),
        values.get("source"),
        score("min_score"),
        score("max_score"),
    )


PageFiltersDep = Annotated[queue.Filters, Depends(page_filters)]


@router.get("/queue")
def queue_page(
    request: Request, page: ReviewPageDep, session: SessionDep, chosen: PageFiltersDep
) -> Response:
    sort = request.query_params.get("sort") or "priority"
    try:
        listing = queue.list_queue(session, page.user, chosen, sort, 200, 0)
    except HTTPException as exc:
        listing, error = None, exc.detail
    else:
        error = None
    sources = sorted({s for (s,) in session.query(Item.source).distinct() if s})
    return render(
        request,
        "queue.html",
        user=page.user,
        session_token=page.token,
        listing=listing,
        error=error or request.query_params.get("message"),
        filters=chosen,
        sort=sort,
        taxonomy=load_taxonomy(),
        sources=sources,
        query=_query(request),
    )


@router.post("/queue/claim", dependencies=[CsrfDep])
def claim_next(page: ReviewPageDep, session: SessionDep, state: StateDep, chosen: PageFiltersDep) -> Response:
    item = queue.claim(session, state, page.user, chosen)
    if item is None:
        return RedirectResponse("/queue?message=queue.empty", status_code=303)
    return RedirectResponse(f"/items/{item.id}", status_code=303)


def _neighbours(session: SessionDep, page: ReviewPageDep, item: Item) -> tuple[int | None, int | None]:
    state = item.state if item.state in queue.OPEN_STATES else "queued"
    if state == "escalated" and page.user.role != "supervisor":
        state = "queued"
    ids = [
        e["id"]
        for e in queue.list_queue(session, page.user, queue.Filters(state), "priority", 200, 0)["items"]
    ]
    if item.id not in ids:
        return None, (ids[0] if ids else None)
    at = ids.index(item.id)
    return (ids[at - 1] if at > 0 else None), (ids[at + 1] if at + 1 < len(ids) else None)


@router.get("/items/{item_id}")
def item_page(
    request: Request, item_id: int, page: ReviewPageDep, session: SessionDep, state: StateDep
) -> Response:
    item = queue.get_item(session, item_id)
    body = detail(session, page.user, item)
    near = []
    for link in body["linked"]:
        if link.get("near_duplicate"):
            other = session.get(Item, link["id"])
            if other is not None:
                left, right = word_diff(item.text, other.text)
                near.append({"link": link, "left": left, "right": right})
    prev_id, next_id = _neighbours(session, page, item)
    state.auditor.record(
        session, f"user:{page.user.name}", "item.view", f"item:{item.id}", detail={"via": "ui"}
    )
    session.commit()
    taxonomy = load_taxonomy()
    return render(
        request,
        "item.html",
        user=page.user,
        session_token=page.token,
        item=body,
        segments=segments(item.text, item.indicators),
        legend=[taxonomy[c] for c in body["indicator_codes"] if c in taxonomy],
        threshold=state.model.get().threshold,
        near=near,
        prev_id=prev_id,
        next_id=next_id,
        blurred=request.cookies.get(REVEAL_COOKIE) != "1",
        message=request.query_params.get("message"),
    )


@router.post("/items/{item_id}/decision", dependencies=[CsrfDep])
def decide(
    item_id: int,
    page: ReviewPageDep,
    session: SessionDep,
    state: StateDep,
    decision: Annotated[str, Form()],
    reason: Annotated[str, Form()],
    note: Annotated[str, Form(max_length=4000)] = "",
    lean: Annotated[str, Form()] = "",
) -> Response:
    try:
        queue.decide(session, state, page.user, item_id, decision, reason, note, lean or None)
    except HTTPException as exc:
        return RedirectResponse(f"/items/{item_id}?message={exc.detail}", status_code=303)
    return RedirectResponse("/queue?message=item.decided", status_code=303)


@router.post("/items/{item_id}/release", dependencies=[CsrfDep])
def release(item_id: int, page: ReviewPageDep, session: SessionDep, state: StateDep) -> Response:
    try:
        queue.release(session, state, page.user, item_id)
    except HTTPException as exc:
        return RedirectResponse(f"/items/{item_id}?message={exc.detail}", status_code=303)
    return RedirectResponse("/queue", status_code=303)


@router.post("/prefs/reveal", dependencies=[CsrfDep])
def reveal_preference(
    page: ReviewPageDep, always: Annotated[str, Form()] = "", next: Annotated[str, Form()] = "/queue"
) -> Response:
    """The wellbeing preference: blur ad text until revealed (default), or always show it."""
    target = next if next.startswith("/") and not next.startswith("//") else "/queue"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        REVEAL_COOKIE, "1" if always else "0", max_age=365 * 24 * 3600, samesite="strict", httponly=True
    )
    return response
