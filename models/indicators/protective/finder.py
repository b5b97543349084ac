"""Find protective wording in an ad: spans that point into the text exactly as the user wrote it.

Matching runs on :func:`~models.indicators.normalise.normalise` output, which keeps every
character's position, so a span found there is valid on the original text as it is — the same
contract the indicator rules rely on (`models/indicators/detector.py`); there is no offset mapping
to get wrong. The eight recognizers run in one pass of the indicator rules' own
:class:`~models.indicators.registry.PatternSet` (one dictionary look-up per word for all of them;
negations applied, same-type overlaps merged). Two spans of one type joined only by a conjunction or
a comma ("jornada de 40 horas con dos días libres", "Max 40 hrs/wk, wknds off") then become one,
because a reader sees one list of protections there.

Pure Python regexes: nothing heavy is imported, so the web process can call it on the redacted text
at render time.
"""

from __future__ import annotations

import functools
import re

from models.indicators.normalise import normalise
from models.indicators.protective.registry import ALL_PROTECTIVE
from models.indicators.protective.span import ProtectiveSpan
from models.indicators.registry import PatternSet

#: What may stand between two spans of one type that read as one protection.
_LINK = re.compile(r"(?:[,;]| -)? ?(?:(?:y|e|ni|con|and|with|plus|&|\+) )?")


@functools.cache
def _patterns() -> PatternSet:
    """Built on first use; a memo of a pure function (its word table only ever caches look-ups)."""
    return PatternSet(cls() for cls in ALL_PROTECTIVE)


def find_protective(text: str) -> list[ProtectiveSpan]:
    """Protective spans in ``text``, sorted by (start, end, type); spans of one type never overlap."""
    if not text:
        return []
    normalised = normalise(text)
    patterns = _patterns()
    found = [
        ProtectiveSpan(recognizer.CODE, start, end)
        for recognizer, spans in zip(patterns.recognizers, patterns.spans(normalised), strict=True)
        for start, end in _join_linked(normalised, spans)
    ]
    found.sort(key=lambda span: (span.start, span.end, span.type))
    return found


def _join_linked(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join consecutive sorted, disjoint spans whose gap is only a conjunction or a comma."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and _LINK.fullmatch(text, joined[-1][1], start):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined
