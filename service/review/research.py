"""What the analysts' decisions say, for researchers: labels per indicator and language, how often
reviewers agree, and how many labels came from uncertainty sampling.

Aggregates only (no ad text). Labels come from `export` (confirmed 1, dismissed 0, unsettled
escalations left out), so these figures and the decisions export count the same items. Agreement
between reviewers is measured on settled items where at least two decisions cast a vote
(`export.vote`: confirm, dismiss, or an escalation's lean) — an escalation without a lean expresses
no view, so it can neither agree nor disagree; `export.disagreement` decides.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.db.models import Decision, Item
from service.review import export


@dataclass(frozen=True)
class Tally:
    key: str
    confirmed: int
    dismissed: int
    share: float | None  # confirmed among the decided


@dataclass(frozen=True)
class LabelStats:
    settled: int
    per_indicator: list[Tally]
    per_lang: list[Tally]


@dataclass(frozen=True)
class Agreement:
    multi: int  # settled items with two or more decisions
    voted: int  # of those, the ones with two or more votes
    agree: int
    share: float | None


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _tally(counts: dict[str, list[int]]) -> list[Tally]:
    """[confirmed, dismissed] per key → rows with the share confirmed, most decided first."""
    return [
        Tally(key, c, d, _share(c, c + d))
        for key, (c, d) in sorted(counts.items(), key=lambda kv: (-sum(kv[1]), kv[0]))
    ]


def label_stats(session: Session) -> LabelStats:
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
    return LabelStats(settled, _tally(per_indicator), _tally(per_lang))


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


def agreement_stats(session: Session) -> Agreement:
    """Items with two or more decisions, those with two or more votes, and the share that agree."""
    multi = voted = agree = 0
    for decisions in _decisions_by_item(session):
        if len(decisions) < 2:
            continue
        multi += 1
        if sum(export.vote(d) is not None for d in decisions) >= 2:
            voted += 1
            agree += not export.disagreement(decisions)
    return Agreement(multi, voted, agree, _share(agree, voted))


def uncertainty_count(session: Session) -> int:
    """Decisions recorded on a claim that was an uncertainty sample."""
    return session.scalar(select(func.count()).select_from(Decision).where(Decision.uncertainty_sampled)) or 0
