"""One indicator found in a text: the code and where its evidence is.

Its own module because both the rules (`registry`) and the detector that combines them with the
sentence model build spans; neither should import the other for it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class IndicatorSpan:
    """``text[start:end]`` is the evidence for ``code``."""

    code: str
    start: int
    end: int

    def to_dict(self) -> dict[str, int | str]:
        """The JSON shape of the CLI and API contract."""
        return {"code": self.code, "start": self.start, "end": self.end}
