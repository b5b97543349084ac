"""The queue page and the item page: where analysts spend their day.

They call the same `service.review` functions as the JSON API and render the same views
(`Page`, `ItemDetail`), so rules — claims, leases, who may settle an escalation — hold
identically; a refusal is shown as a message on the page (`service/ui/errors.py`) instead of JSON.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from sqlalchemy.orm import Session
from starlette.responses import RedirectResponse, Response

from models.indicators import load_taxonomy
from service.edge import PathId, SessionDep, StateDep
from service.review import claims, decisions, items, queue, watch
from service.review.context import ReviewContext
from service.review.items import ItemDetail
from service.review.vocabulary import OPEN_STATES
from service.ui.deps import CsrfDep, PageUser, ReviewPageDep
from service.ui.errors import REFUSALS, back_to, message
from service.ui.highlight import segments, word_diff
from service.ui.render import render

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50  # rows per queue page; the pager reaches every matching item


def page_number(request: Request) -> int:
    """The 1-based queue page asked for; anything unreadable is the first page."""
    raw = request.query_params.get("page", "")
    return max(1, int(raw)) if raw.isdigit() else 1


def last_page(total: int) -> int:
    return max(1, -(-total // PAGE_SIZE))


def pager(page: int, total: int, query: str) -> dict[str, object]:
    """What the queue's pager shows: the rows on this page, of how many, and links keeping the filters."""
    pages = last_page(total)
    kept = "&".join(p for p in query.split("&") if p and not p.startswith("page="))

    def link(number: int) -> str:
        return "/queue?" + "&".join(p for p in (kept, f"page={number}") if p)

    return {
        "page": page,
        "pages": pages,
        "first": min(total, (page - 1) * PAGE_SIZE + 1),
        "last": min(total, page * PAGE_SIZE),
        "total": total,
        "prev": link(page - 1) if page > 1 else None,
        "next": link(page + 1) if page < pages else None,
    }


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
    request: Request, page: ReviewPageDep, session: SessionDep, state: StateDep, chosen: PageFiltersDep
) -> Response:
    sort = request.query_params.get("sort") or "priority"
    number = page_number(request)

    def listed(number: int) -> queue.Page:
        return queue.list_queue(session, state, page.user, chosen, sort, PAGE_SIZE, (number - 1) * PAGE_SIZE)

    try:
        listing, error = listed(number), None
    except REFUSALS as exc:
        listing, error = None, message(exc)
    if listing is not None and number > last_page(listing.total):  # a page past the end shows the last
        number = last_page(listing.total)
        listing = listed(number)
    shown = [entry.id for entry in listing.items] if listing else []
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
        sources=queue.sources(session),
        query=str(request.url.query),
        pages=pager(number, listing.total, str(request.url.query)) if listing else None,
        watched=watch.flagged(session, page.user, shown),
        watch_hits=watch.hits(session, page.user, 10, OPEN_STATES),
    )


@router.post("/queue/claim", dependencies=[CsrfDep])
def claim_next(page: ReviewPageDep, session: SessionDep, state: StateDep, chosen: PageFiltersDep) -> Response:
    got = claims.claim(session, state, page.user, chosen)
    if got is None:
        return back_to("/queue", "queue.empty")
    return RedirectResponse(f"/items/{got.id}", status_code=303)


def _neighbours(
    session: Session, ctx: ReviewContext, page: PageUser, item: ItemDetail
) -> tuple[int | None, int | None]:
    """The items before and after this one in its queue's priority order; an item out of the queue
    (decided) offers the queue's first item as its next."""
    kind = item.state if item.state in OPEN_STATES else "queued"
    if kind == "escalated" and page.user.role != "supervisor":
        kind = "queued"
    chosen = queue.Filters(kind)
    before, after = queue.neighbours(session, ctx, page.user, chosen, item.id)
    if before is None and after is None:
        first = queue.list_queue(session, ctx, page.user, chosen, "priority", 1, 0).items
        after = next((e.id for e in first if e.id != item.id), None)
    return before, after


@router.get("/items/{item_id}")
def item_page(
    request: Request, item_id: PathId, page: ReviewPageDep, session: SessionDep, state: StateDep
) -> Response:
    item = items.open_item(session, state, page.user, item_id, via="ui")
    texts = items.texts(session, [link.id for link in item.linked if link.near_duplicate])
    near = []
    for link in item.linked:
        if link.id in texts:
            left, right = word_diff(item.text, texts[link.id])
            near.append({"link": link, "left": left, "right": right})
    prev_id, next_id = _neighbours(session, state, page, item)
    taxonomy = load_taxonomy()
    return render(
        request,
        "item.html",
        user=page.user,
        session_token=page.token,
        item=item,
        segments=segments(item.text, item.indicators, item.protective),
        legend=[taxonomy[w.code] for w in item.weighed if w.code in taxonomy],  # heaviest first
        weights={w.code: w for w in item.weighed},
        threshold=state.model.get().threshold,
        near=near,
        prev_id=prev_id,
        next_id=next_id,
        holder=claims.holder(session, items.get_item(session, item_id), state.now()),
        message=request.query_params.get("message"),
    )


@router.post("/items/{item_id}/decision", dependencies=[CsrfDep])
def decide(
    item_id: PathId,
    page: ReviewPageDep,
    session: SessionDep,
    state: StateDep,
    decision: Annotated[str, Form()],
    reason: Annotated[str, Form()],
    note: Annotated[str, Form(max_length=4000)] = "",
    lean: Annotated[str, Form()] = "",
) -> Response:
    try:
        decisions.decide(session, state, page.user, item_id, decision, reason, note, lean or None)
    except REFUSALS as exc:
        return back_to(f"/items/{item_id}", message(exc))
    return back_to("/queue", "item.decided")


@router.post("/items/{item_id}/claim", dependencies=[CsrfDep])
def claim_this(item_id: PathId, page: ReviewPageDep, session: SessionDep, state: StateDep) -> Response:
    """Claim exactly this item (the item page's "Claim this item"), by the rules of claim-next."""
    try:
        claims.claim_item(session, state, page.user, item_id)
    except REFUSALS as exc:
        return back_to(f"/items/{item_id}", message(exc))
    return RedirectResponse(f"/items/{item_id}", status_code=303)


@router.post("/items/{item_id}/release", dependencies=[CsrfDep])
def release(item_id: PathId, page: ReviewPageDep, session: SessionDep, state: StateDep) -> Response:
    try:
        claims.release(session, state, page.user, item_id)
    except REFUSALS as exc:
        return back_to(f"/items/{item_id}", message(exc))
    return RedirectResponse("/queue", status_code=303)
