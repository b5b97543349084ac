"""The clusters view of the queue and the cluster page: a network's ads side by side, decided in
one action.

Both render what `service.review.clusters` returns and decide through `service.review.bulk`, the
same functions as the JSON API (`/v1/clusters`), so the rules hold identically. The page shows the
first ad (highest risk) with its indicator spans and every other ad's words that differ from it;
pseudonym tokens two or more ads share are outlined. Texts are blurred unless the person chose
otherwise (their wellbeing preference, `service/ui/wellbeing.py`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import Response

from models.indicators import load_taxonomy
from service.edge import PathId, RowId, SessionDep, StateDep
from service.review import bulk, clusters, queue
from service.review.clusters import ClusterMember
from service.review.vocabulary import OPEN_STATES, REASONS
from service.ui.deps import CsrfDep, ReviewPageDep
from service.ui.errors import REFUSALS, back_to, message
from service.ui.highlight import Segment, segments, word_diff
from service.ui.i18n import SENTENCE_MARK
from service.ui.render import render
from service.ui.routes.review import PAGE_SIZE, PageFiltersDep

router = APIRouter(include_in_schema=False)


@router.get("/queue/clusters")
def clusters_page(
    request: Request, page: ReviewPageDep, session: SessionDep, state: StateDep, chosen: PageFiltersDep
) -> Response:
    try:
        listing, error = clusters.list_clusters(session, state, page.user, chosen, PAGE_SIZE, 0), None
    except REFUSALS as exc:
        listing, error = None, message(exc)
    return render(
        request,
        "clusters.html",
        user=page.user,
        session_token=page.token,
        listing=listing,
        error=error or request.query_params.get("message"),
        filters=chosen,
        taxonomy=load_taxonomy(),
        sources=queue.sources(session),
        query=str(request.url.query),
    )


def _pieces(anchor: ClusterMember, member: ClusterMember) -> list[tuple[Segment, str]]:
    """The member's text as (segment, op) pieces: the anchor with its indicator spans, every other
    ad as its word differences from the anchor (`insert` = not in the anchor); tokens are kept
    whole in both so the template can outline the shared ones."""
    if member.id == anchor.id:
        return [(piece, "equal") for piece in segments(member.text, member.indicators)]
    _, theirs = word_diff(anchor.text, member.text)
    return [(piece, part.op) for part in theirs for piece in segments(part.text, [])]


@router.get("/clusters/{item_id}")
def cluster_page(
    request: Request, item_id: PathId, page: ReviewPageDep, session: SessionDep, state: StateDep
) -> Response:
    detail = clusters.open_cluster(session, state, page.user, item_id, via="ui")
    anchor = detail.members[0]
    now = state.now()
    return render(
        request,
        "cluster.html",
        user=page.user,
        session_token=page.token,
        detail=detail,
        anchor=anchor,
        ads=[{"member": m, "pieces": _pieces(anchor, m)} for m in detail.members],
        shared={entry.token for entry in detail.shared_tokens},
        selectable={
            m.id for m in detail.members if m.state in OPEN_STATES and (m.claimed_by_me or not m.claimed)
        },
        taxonomy=load_taxonomy(),
        reasons=REASONS,
        message=request.query_params.get("message"),
        now=now,
    )


@router.post("/clusters/{item_id}/decision", dependencies=[CsrfDep])
def decide_cluster(
    item_id: PathId,
    page: ReviewPageDep,
    session: SessionDep,
    state: StateDep,
    decision: Annotated[str, Form()],
    reason: Annotated[str, Form()],
    note: Annotated[str, Form(max_length=4000)] = "",
    lean: Annotated[str, Form()] = "",
    items: Annotated[list[RowId] | None, Form(max_length=bulk.MAX_SELECTION)] = None,
) -> Response:
    """Decide the ticked ads; refusals come back on the cluster page, one line per ad."""
    if not items:
        return back_to(f"/clusters/{item_id}", "cluster.none_selected")
    try:
        done = bulk.decide_cluster(
            session, state, page.user, item_id, decision, reason, note, lean or None, items
        )
    except REFUSALS as exc:
        return back_to(f"/clusters/{item_id}", message(exc))
    if not done.refused:
        return back_to("/queue/clusters", "cluster.decided")
    still = next((r.id for r in done.refused if r.kind != "not-found"), None)
    lines = "; ".join(f"#{r.id}: {r.detail}" for r in done.refused)  # the domain's words, in English
    return back_to(
        f"/clusters/{still}" if still else "/queue/clusters", f"refusal.cluster{SENTENCE_MARK}{lines}"
    )
