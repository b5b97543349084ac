"""Risk bands: high / medium / low, the word the queue shows instead of a saturated probability.

The calibrated score crowds at 1.00 (Platt scaling of a confident head: 255 of 439 flagged ads of
a v2 test sample show 1.00), so as a number it orders nothing and tells an analyst nothing. A band
says which *kinds* of evidence agree, from what the service already knows of every item: the flag
policy's `child_risk` and `flag_reasons`, the score against the model's threshold, and the
severities (taxonomy) of the indicators found. "Score against the threshold" is read from the
"model" flag reason (score >= the threshold *of the model that scored the item*), so the band needs
no model at read time and a later model with another threshold does not silently re-band old items.

The rule, first match wins:
- **high** — the ad targets people under 18 (`child_risk`), or a decisive indicator flagged it on
  its own (`flag_reasons` has "indicator:CODE"): the policy's "enough by itself" evidence. These
  are exactly the items the queue serves first (`queue.py`), so band and order agree at the top.
- **medium** — the model flags it (score >= threshold) *and* the indicators found would make the
  ad a positive under the project's labelling rule on their own (severity points >=
  `POSITIVE_POINTS`: a strong indicator plus any other, three weak ones, or a decisive one outside
  an offer): two independent signals, the wording as a whole and named red flags, agree.
- **low** — everything else: the model's score with fewer named indicators than that rule needs
  (a strong one alone, one or two weak ones, or none: little concrete for an analyst to check,
  and exactly the case a saturated 1.00 hides), or, rarely, an item without the "model" reason
  and no decisive one (the policy queues none today; the rule is total so any item gets a band).

Why these cut points: each is a rule the project already stands behind, so no new number is
introduced and a band can be explained in one sentence — the flag policy (`models/policy.py`),
the model's own threshold (chosen for its target precision, `models.threshold`), and the taxonomy's
severities and points (`models/indicators/taxonomy.yaml`, `label_v2`). A margin above the threshold
is not used: the calibrated score saturates, so it would split nothing. On that v2 sample
(synthetic test plus hand-written ads, shipped model) the flagged ads fall 318 high, 109 medium,
12 low. Below the top, the queue's *order* is not the band (score tiers, `queue.py`): the band is
for reading a row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from models.indicators import load_taxonomy
from models.indicators.taxonomy import POSITIVE_POINTS
from models.policy import MODEL_REASON

BANDS = ("high", "medium", "low")
DECISIVE_PREFIX = "indicator:"


def decisive_reasons(flag_reasons: Iterable[str] | None) -> list[str]:
    """The decisive indicator codes among an item's flag reasons ("indicator:CODE")."""
    return [r[len(DECISIVE_PREFIX) :] for r in flag_reasons or [] if r.startswith(DECISIVE_PREFIX)]


def band(*, child_risk: bool, flag_reasons: Iterable[str] | None, codes: Iterable[str]) -> str:
    """The item's risk band (one of `BANDS`), by the rule in the module docstring."""
    reasons = list(flag_reasons or [])
    if child_risk or decisive_reasons(reasons):
        return "high"
    taxonomy = load_taxonomy()
    points = sum(taxonomy[c].points for c in set(codes) if c in taxonomy)
    if MODEL_REASON in reasons and points >= POSITIVE_POINTS:
        return "medium"
    return "low"


def highest(bands: Iterable[str]) -> str:
    """The highest of some bands ("low" for none): a cluster is as urgent as its riskiest ad."""
    return min(bands, key=BANDS.index, default="low")


@dataclass(frozen=True)
class Weighed:
    """One indicator found in an item: its taxonomy severity and, when the model that scored the item
    can say, its contribution to the score in log-odds (`models.explain`; None otherwise)."""

    code: str
    severity: str
    contribution: float | None


def weighed(codes: Iterable[str], contributions: dict[str, float] | None) -> list[Weighed]:
    """The item's indicators, what weighed most first: by contribution when the model said (codes it
    has no figure for after those), else by severity (the order `codes` comes in, `top_codes`)."""
    taxonomy = load_taxonomy()
    known = contributions or {}
    found = [
        Weighed(c, taxonomy[c].severity if c in taxonomy else "weak", known.get(c))
        for c in dict.fromkeys(codes)
    ]
    # A stable sort: among codes without a figure, the given (severity-first) order stays.
    return sorted(found, key=lambda w: (w.contribution is None, -(w.contribution or 0.0)))
