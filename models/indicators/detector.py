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
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from models.indicators.normalise import normalise
from models.indicators.registry import RecognizerRegistry
from models.indicators.span import IndicatorSpan

if TYPE_CHECKING:
    from models.indicators.sentence_model import SentenceDetector

__all__ = ["detect", "detect_many", "indicator_codes"]


@functools.cache
def _default() -> _Detector:
    """The shipped rules and sentence model, built on first use: immutable once built, and a
    memo of a pure function (same text, same spans) in any process."""
    # Imported here for speed, not to break a circle: the sentence model needs scikit-learn, and
    # commands that only read the taxonomy through this package (account commands) should not
    # pay for importing it.
    from models.indicators.sentence_model import load

    return _Detector(RecognizerRegistry(), load())


def detect(text: str) -> list[IndicatorSpan]:
    """All indicator spans in ``text``, sorted by (start, end, code)."""
    if not text:
        return []
    return detect_many([text])[0]


def detect_many(texts: list[str]) -> list[list[IndicatorSpan]]:
    """`detect` for a batch: the sentence detector reads all segments of the batch in one pass."""
    return _default().many(texts)


class _Detector:
    """Rules plus sentence detector, with a bounded cache of recent results: scoring asks twice per
    text (model features, then the explanation) and spans are immutable."""

    SIZE = 4096

    def __init__(self, registry: RecognizerRegistry, sentences: SentenceDetector | None) -> None:
        self.registry = registry
        self.sentences = sentences
        self._recent: OrderedDict[str, tuple[IndicatorSpan, ...]] = OrderedDict()
        self._lock = threading.Lock()

    def many(self, texts: list[str]) -> list[list[IndicatorSpan]]:
        with self._lock:
            known = {t: self._recent[t] for t in texts if t in self._recent}
        missing = [t for t in dict.fromkeys(texts) if t and t not in known]
        if missing:
            learned = (
                self.sentences.spans_many(missing) if self.sentences is not None else [[] for _ in missing]
            )
            fresh = {
                t: tuple(combine(t, self.registry, extra)) for t, extra in zip(missing, learned, strict=True)
            }
            known.update(fresh)
            with self._lock:
                self._recent.update(fresh)
                while len(self._recent) > self.SIZE:
                    self._recent.popitem(last=False)
        return [list(known.get(t, ())) for t in texts]


def combine(
    text: str, registry: RecognizerRegistry, learned: list[tuple[str, int, int]]
) -> list[IndicatorSpan]:
    """Rule spans plus the sentence detector's segments (`learned`) that no rule span of their code
    covers and that hold none of the code's negations."""
    spans = registry.analyze(text)
    if not learned:
        return spans
    normalised = normalise(text)
    extra = [
        IndicatorSpan(code, start, end)
        for code, start, end in learned
        if not any(s.code == code and s.start < end and start < s.end for s in spans)
        and not registry.negated_segment(code, normalised, start, end)
    ]
    merged = spans + extra
    merged.sort(key=lambda span: (span.start, span.end, span.code))
    return merged


def indicator_codes(text: str) -> list[str]:
    """The distinct indicator codes found in ``text``, sorted."""
    return sorted({span.code for span in detect(text)})
