"""The researchers' page: what the analysts' decisions say, and the decisions export.

Statistics are aggregates only (no ad text on the page). Labels come from `service.review.export`
(confirmed 1, dismissed 0, unsettled escalations left out), so the page and the export count the
same items. Agreement between reviewers is measured on settled items where at least two decisions
cast a vote (`export.vote`: confirm, dismiss, or an escalation's lean) — an escalation without a lean
expresses no view, so it can neither agree nor disagree; `export.disagreement` decides.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from fastapi import APIRouter, Request
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from starlette.responses import Response, StreamingResponse

from models.indicators import load_taxonomy
from service.api.deps import ResearcherPageDep, SessionDep, StateDep
from service.db.models import Decision, Item
from service.review import export
from service.ui.render import render

router = APIRouter(include_in_schema=False)


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _tally(counts: dict[str, list[int]]) -> list[dict]:
    """[confirmed, dismissed] per key → rows with the share confirmed, most decided first."""
    return [
        {"key": key, "confirmed": c, "dismissed": d, "share": _share(c, c + d)}
        for key, (c, d) in sorted(counts.items(), key=lambda kv: (-sum(kv[1]), kv[0]))
    ]


def label_stats(session: Session) -> dict:
    """Confirmed vs dismissed per indicator and per language, over the export's rows."""
    per_indicator: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    settled = 0
    for row in export.rows(session):
        column = 0 if row["label"] == 1 else 1
        settled += 1
        per_lang[row["lang"] or "?"][column] += 1
        for code in row["indicators"]:
            per_indicator[code][column] += 1
    return {"settled": settled, "per_indicator": _tally(per_indicator), "per_lang": _tally(per_lang)}


def _decisions_by_item(session: Session) -> Iterator[list[Decision]]:
    """The decisions of each settled item, item by item (read in id order)."""
    query = (
        select(Decision)
        .join(Item, Item.id == Decision.item_id)
        .where(Item.state.in_(export.LABELS))
        .order_by(Decision.item_id, Decision.created_at, Decision.id)
    )
    current: list[Decision] = []
    for decision in session.scalars(query).yield_per(1000):
        if current and current[0].item_id != decision.item_id:
            yield current
            current = []
        current.append(decision)
    if current:
        yield current


def agreement_stats(session: Session) -> dict:
    """Items with two or more decisions, those with two or more votes, and the share that agree."""
    multi = voted = agree = 0
    for decisions in _decisions_by_item(session):
        if len(decisions) < 2:
            continue
        multi += 1
        if sum(export.vote(d) is not None for d in decisions) >= 2:
            voted += 1
            agree += not export.disagreement(decisions)
    return {"multi": multi, "voted": voted, "agree": agree, "share": _share(agree, voted)}


def uncertainty_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Decision).where(Decision.uncertainty_sampled)) or 0


@router.get("/research")
def research_page(request: Request, page: ResearcherPageDep, session: SessionDep) -> Response:
    return render(
        request,
        "research.html",
        user=page.user,
        session_token=page.token,
        labels=label_stats(session),
        agreement=agreement_stats(session),
        uncertainty=uncertainty_count(session),
        taxonomy=load_taxonomy(),
    )


@router.get("/research/export/decisions.jsonl")
def export_download(page: ResearcherPageDep, session: SessionDep, state: StateDep) -> Response:
    """The same JSONL as `GET /v1/export/decisions`, as a download; audited by `export_decisions`."""
    lines = export.export_decisions(session, state, f"user:{page.user.name}")
    return StreamingResponse(
        iter(lines),
        media_type="application/x-ndjson",
        headers={
            "Content-Disposition": 'attachment; filename="decisions.jsonl"',
            "Cache-Control": "no-store",
        },
    )
