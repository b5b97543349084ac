"""Indicator detection on raw ad text: spans that point into the text exactly as the user wrote it.

Two detectors combine: the rules (`RecognizerRegistry`, precise on the phrasings they know; matching
runs on the length-preserving normalised text, so offsets are valid on the original) and the
sentence-level detector (`sentence_model`, learned from hand-written span-labelled ads, which reads
the paraphrases no rule foresaw). A segment the sentence detector assigns a code adds a span for
that code unless a rule span of the same code already overlaps it (the rule's span is tighter) or
the segment holds one of the code's negations ("we never keep your passport"). Both are built once
per process, on first use.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.indicators.registry import RecognizerRegistry
    from models.indicators.sentence_model import SentenceDetector

__all__ = ["IndicatorSpan", "detect", "indicator_codes"]


@dataclass(frozen=True, slots=True)
class IndicatorSpan:
    """One indicator found in a text: ``text[start:end]`` is the evidence."""

    code: str
    start: int
    end: int

    def to_dict(self) -> dict[str, int | str]:
        """The JSON shape of the CLI and API contract."""
        return {"code": self.code, "start": self.start, "end": self.end}


@functools.cache
def _default_registry() -> RecognizerRegistry:
    # Imported here: registry.py imports IndicatorSpan from this module.
    from models.indicators.registry import RecognizerRegistry

    return RecognizerRegistry()


@functools.cache
def _default_sentences() -> SentenceDetector | None:
    from models.indicators.sentence_model import load

    return load()


def detect(text: str) -> list[IndicatorSpan]:
    """All indicator spans in ``text``, sorted by (start, end, code), same-code overlaps merged."""
    if not text:
        return []
    return list(_detect_recent(text))


@functools.lru_cache(maxsize=4096)
def _detect_recent(text: str) -> tuple[IndicatorSpan, ...]:
    # Scoring asks twice per text (model features, then the explanation); spans are immutable.
    return tuple(combine(text, _default_registry(), _default_sentences()))


def combine(
    text: str, registry: RecognizerRegistry, sentences: SentenceDetector | None
) -> list[IndicatorSpan]:
    """Rule spans plus the sentence detector's segments that no rule span of their code covers."""
    spans = registry.analyze(text)
    if sentences is None:
        return spans
    from models.indicators.normalise import normalise

    normalised = normalise(text)
    extra = []
    for code, start, end in sentences.spans(text):
        if any(s.code == code and s.start < end and start < s.end for s in spans):
            continue
        if registry.negated_segment(code, normalised, start, end):
            continue
        extra.append(IndicatorSpan(code, start, end))
    merged = spans + extra
    merged.sort(key=lambda span: (span.start, span.end, span.code))
    return merged


def indicator_codes(text: str) -> list[str]:
    """The distinct indicator codes found in ``text``, sorted."""
    return sorted({span.code for span in detect(text)})
