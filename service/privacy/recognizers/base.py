"""What every recognizer returns and the little interface they share (Presidio's shape, no Presidio).

A detection carries both the raw text and the normalised value: the raw span is what gets removed,
the normalised value is what gets pseudonymised, so one phone written two ways yields one token.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Detection:
    kind: str
    start: int
    end: int
    value: str

    def raw(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class Context:
    """What a recognizer may know beyond the text: the regions the ad points to, likeliest first."""

    regions: tuple[str, ...] = ()


class Recognizer:
    """One kind of personal data; subclasses hold their patterns as class-level constants."""

    kind: str = ""

    def analyze(self, text: str, context: Context) -> list[Detection]:
        raise NotImplementedError
