"""The flag policy on top of the model: what puts an ad in front of an analyst, and why.

`flagged` = the calibrated score is at or above the model's threshold, **or** a decisive indicator
(taxonomy severity `decisive`: a job for a child, a passport kept, a travel debt repaid from wages)
is present in an ad that offers work, travel or lodging. The model is good at combinations of weak
signs and at style; a decisive sign must not wait for the model to agree, because a triage tool that
lets "chicas desde 15 años" through on a low score fails the people it exists for.

`flag_reasons` says which of the two fired ("model", "indicator:CODE" per decisive code, in taxonomy
order), so an analyst can always see why an item is in the queue. `child_risk` is true when the ad
targets people under 18 (a child-targeting code was found), whether or not it is flagged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from models.indicators.taxonomy import CHILD_CODES, codes, decisive_codes

MODEL_REASON = "model"


@dataclass(frozen=True, slots=True)
class FlagDecision:
    flagged: bool
    flag_reasons: tuple[str, ...]
    child_risk: bool

    def to_dict(self) -> dict[str, object]:
        return {
            "flagged": self.flagged,
            "flag_reasons": list(self.flag_reasons),
            "child_risk": self.child_risk,
        }


def decide(score: float, threshold: float, found: Iterable[str], offers: bool) -> FlagDecision:
    """Apply the policy to one ad: its calibrated score, the model's threshold, the indicator codes
    found in it and whether it offers work, travel or lodging (`OfferContext`)."""
    present = set(found)
    reasons: list[str] = [MODEL_REASON] if score >= threshold else []
    if offers:
        decisive = decisive_codes()
        reasons += [f"indicator:{code}" for code in codes() if code in present and code in decisive]
    return FlagDecision(bool(reasons), tuple(reasons), bool(present & CHILD_CODES))
