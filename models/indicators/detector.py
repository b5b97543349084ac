"""Indicator detection on raw ad text: spans that point into the text exactly as the user wrote it.

Matching runs on the length-preserving normalised text, so its offsets are valid on the original.
The default registry is built once per process, on first use.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.indicators.registry import RecognizerRegistry

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


def detect(text: str) -> list[IndicatorSpan]:
    """All indicator spans in ``text``, sorted by (start, end, code), same-code overlaps merged."""
    if not text:
        return []
    return list(_detect_recent(text))


@functools.lru_cache(maxsize=4096)
def _detect_recent(text: str) -> tuple[IndicatorSpan, ...]:
    # Scoring asks twice per text (model features, then the explanation); spans are immutable.
    return tuple(_default_registry().analyze(text))


def indicator_codes(text: str) -> list[str]:
    """The distinct indicator codes found in ``text``, sorted."""
    return sorted({span.code for span in detect(text)})
