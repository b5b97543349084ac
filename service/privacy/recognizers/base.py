"""What every recognizer returns and the little interface they share (Presidio's shape, no Presidio).

A detection carries both the raw text and the normalised value: the raw span is what gets removed,
the normalised value is what gets pseudonymised, so one phone written two ways yields one token.
Recognizers read the canonical views of `Canonical` (folded, digit reading) and report spans in
the original text, mapped back through the view they matched on.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.privacy.normalise import Canonical
from service.privacy.view import View


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

    def analyze(self, ad: Canonical, context: Context) -> list[Detection]:
        raise NotImplementedError

    def found(self, view: View, start: int, end: int, value: str, kind: str | None = None) -> Detection:
        """A detection of `view.text[start:end]`, spanning the original characters behind it."""
        original_start, original_end = view.span(start, end)
        return Detection(kind or self.kind, original_start, original_end, value)
