"""Risk-indicator detection: Spanish and English rules that return indicator codes with spans.

Public API: :func:`detect`, :func:`indicator_codes`, :class:`IndicatorSpan`,
:func:`load_taxonomy`, :class:`Indicator`, ``CODES``, :func:`normalise`, :class:`RecognizerRegistry`.
"""

from __future__ import annotations

from models.indicators.detector import detect, detect_many, indicator_codes
from models.indicators.normalise import normalise
from models.indicators.registry import RecognizerRegistry
from models.indicators.span import IndicatorSpan
from models.indicators.taxonomy import Indicator, codes, load_taxonomy

__all__ = [
    "CODES",
    "Indicator",
    "IndicatorSpan",
    "RecognizerRegistry",
    "codes",
    "detect",
    "detect_many",
    "indicator_codes",
    "load_taxonomy",
    "normalise",
]


def __getattr__(name: str) -> tuple[str, ...]:
    # ``CODES`` is read from the taxonomy on first use, not at import.
    if name == "CODES":
        return codes()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
