"""`Scored`: what scoring answers for one ad.

Its `to_json` is the `baliza score` output line (CONTRACTS.md, "CLI output formats") and its
`to_api` an item of the `/v1/score` and `/v1/ingest` responses, whose `model_version` is given
once per response. `models.scoring.score_ads` makes them from `Ad` records.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Self

from models.ad import API_ID
from models.indicators.span import IndicatorSpan


@dataclass(frozen=True, kw_only=True)
class Scored:
    """The result for one ad: calibrated score, the flag policy's decision, indicator spans into
    the ad's text, its language (detected when the ad had none) and the model that scored it."""

    id: str | int
    score: float
    flagged: bool
    flag_reasons: tuple[str, ...]
    child_risk: bool
    indicators: tuple[IndicatorSpan, ...]
    lang: str
    model_version: str

    def to_json(self) -> dict[str, Any]:
        """The `baliza score` output line (CONTRACTS.md, "CLI output formats")."""
        return {
            "id": self.id,
            "score": self.score,
            "flagged": self.flagged,
            "flag_reasons": list(self.flag_reasons),
            "child_risk": self.child_risk,
            "indicators": [span.to_dict() for span in self.indicators],
            "lang": self.lang,
            "model_version": self.model_version,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Self:
        plain = ("id", "score", "flagged", "child_risk", "lang", "model_version")
        spans = tuple(IndicatorSpan(s["code"], s["start"], s["end"]) for s in data["indicators"])
        return cls(
            **{name: data[name] for name in plain}, flag_reasons=tuple(data["flag_reasons"]), indicators=spans
        )

    def to_api(self) -> dict[str, Any]:
        """An item of the `/v1/score` and `/v1/ingest` responses."""
        line = self.to_json()
        del line["id"], line["model_version"]
        return {API_ID: self.id, **line}
