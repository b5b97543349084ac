"""`GET /v1/export/decisions`: researchers take the analysts' decisions as redacted labelled JSONL.

Researchers only (analysts, supervisors and admins get 403: separation of duties); every export
is audited with its row count. The rows are described in `service.review.export`.
"""

from __future__ import annotations

from fastapi import APIRouter, Response

from service.api.deps import ResearcherDep
from service.api.openapi import AUTHENTICATED
from service.edge import SessionDep, StateDep
from service.review.export import export_decisions
from service.review.vocabulary import actor

router = APIRouter(prefix="/v1", tags=["export"], responses=AUTHENTICATED)
NDJSON = "application/x-ndjson"


@router.get(
    "/export/decisions",
    response_class=Response,
    responses={200: {"content": {NDJSON: {}}, "description": "One JSON object per settled item."}},
)
def decisions(user: ResearcherDep, session: SessionDep, state: StateDep) -> Response:
    """Settled items (label 1 confirmed, 0 dismissed), redacted, with who decided and disagreement."""
    lines = export_decisions(session, state, actor(user))
    return Response(
        "".join(lines),
        media_type=NDJSON,
        headers={
            "Content-Disposition": 'attachment; filename="decisions.jsonl"',
            "Cache-Control": "no-store",
        },
    )
