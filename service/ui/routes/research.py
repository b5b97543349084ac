"""The researchers' page: what the analysts' decisions say, and the decisions export.

The figures are `service.review.research` (aggregates only, no ad text), counted over the same
items as the export, which the download serves as the JSON API does.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response, StreamingResponse

from models.indicators import load_taxonomy
from service.edge import SessionDep, StateDep
from service.review import export, research
from service.review.vocabulary import actor
from service.ui.deps import ResearcherPageDep
from service.ui.render import render

router = APIRouter(include_in_schema=False)


@router.get("/research")
def research_page(request: Request, page: ResearcherPageDep, session: SessionDep) -> Response:
    return render(
        request,
        "research.html",
        user=page.user,
        session_token=page.token,
        labels=research.label_stats(session),
        agreement=research.agreement_stats(session),
        uncertainty=research.uncertainty_count(session),
        taxonomy=load_taxonomy(),
    )


@router.get("/research/export/decisions.jsonl")
def export_download(page: ResearcherPageDep, session: SessionDep, state: StateDep) -> Response:
    """The same JSONL as `GET /v1/export/decisions`, as a download; audited by `export_decisions`."""
    lines = export.export_decisions(session, state, actor(page.user))
    return StreamingResponse(
        iter(lines),
        media_type="application/x-ndjson",
        headers={
            "Content-Disposition": 'attachment; filename="decisions.jsonl"',
            "Cache-Control": "no-store",
        },
    )
