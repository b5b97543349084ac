"""The decisions export: redacted, labelled JSONL for retraining, one row per settled item.

A row is a dataset record (`id`, `text`, `label`, `lang`, `source`, `indicators` as codes) plus
what a researcher needs to judge the label: the model's `score` and `model_version`, who decided
(`decided_by`: user, role, decision, reason, time — no notes, which are free text), whether the
reviewers disagreed, whether the item was shown because the model was unsure
(`uncertainty_sampled`), and `provenance` "analyst-decision".

Labels: a confirmed item is 1, a dismissed one 0; items still queued or escalated are left out.

Disagreement rule: each decision row counts as a vote — confirm = 1, dismiss = 0, and an escalation
counts as its lean when its note starts with `lean:confirm` or `lean:dismiss` — the queue writes
it as the prefix `[lean:confirm]` (service.review.vocabulary.stored_note), and both spellings count;
`[lean:none]` or no prefix casts no vote. An item has `disagreement: true` when its votes are not
all the same, e.g. an analyst escalated leaning to confirm and the supervisor dismissed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.db.models import Decision, Item, Partner, User
from service.review.context import ReviewContext

LABELS = {"confirmed": 1, "dismissed": 0}
VOTES = {"confirm": 1, "dismiss": 0}
PROVENANCE = "analyst-decision"
BATCH = 500


def vote(decision: Decision) -> int | None:
    """1, 0 or None (an escalation without a lean)."""
    if decision.decision in VOTES:
        return VOTES[decision.decision]
    note = (decision.note or "").strip().lower().removeprefix("[")
    for word, value in VOTES.items():
        if note.startswith(f"lean:{word}"):
            return value
    return None


def disagreement(decisions: list[Decision]) -> bool:
    votes = {v for v in map(vote, decisions) if v is not None}
    return len(votes) > 1


def rows(session: Session) -> Iterator[dict]:
    """Export rows, by item id, read in batches so a large export does not load everything at once."""
    partners = dict(session.execute(select(Partner.id, Partner.name)).all())
    users = dict(session.execute(select(User.id, User.name)).all())
    last = 0
    while True:
        items = session.scalars(
            select(Item).where(Item.state.in_(LABELS), Item.id > last).order_by(Item.id).limit(BATCH)
        ).all()
        if not items:
            return
        decisions: dict[int, list[Decision]] = {}
        ids = [i.id for i in items]
        for d in session.scalars(
            select(Decision).where(Decision.item_id.in_(ids)).order_by(Decision.created_at, Decision.id)
        ):
            decisions.setdefault(d.item_id, []).append(d)
        for item in items:
            yield _row(item, decisions.get(item.id, []), partners, users)
        last = items[-1].id


def _row(item: Item, decisions: list[Decision], partners: dict[int, str], users: dict[int, str]) -> dict:
    return {
        "id": f"item-{item.id}",
        "text": item.text,
        "label": LABELS[item.state],
        "lang": item.lang,
        "source": item.source or f"partner:{partners.get(item.partner_id, item.partner_id)}",
        "indicators": sorted({span["code"] for span in item.indicators or []}),
        "score": item.score,
        "model_version": item.model_version,
        "decided_by": [
            {
                "user": users.get(d.user_id) if d.user_id is not None else None,
                "role": d.role,
                "decision": d.decision,
                "reason": d.reason,
                "at": d.created_at.isoformat(),
            }
            for d in decisions
        ],
        "disagreement": disagreement(decisions),
        "provenance": PROVENANCE,
        "uncertainty_sampled": any(d.uncertainty_sampled for d in decisions),
    }


def export_decisions(session: Session, ctx: ReviewContext, actor: str) -> list[str]:
    """The JSONL lines (each ending in a newline); the export is audited with its row count."""
    lines = [json.dumps(row, ensure_ascii=False) + "\n" for row in rows(session)]
    ctx.auditor.record(session, actor, "export.decisions", detail={"rows": len(lines)})
    session.commit()
    return lines
