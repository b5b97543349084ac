"""Split an ad into the clauses indicators live in, with offsets into the original text.

Ads are lists more often than prose: lines, bullets, emoji bullets, "|" separators. A segment ends
at a line break, a sentence end (a full stop not inside a number such as "1.500"), "!", "?", ";",
a bullet or a pictograph used as a bullet. Over-long segments are cut again at commas, so a
sentence-level decision still points at a short piece of the reader's own words.
"""

from __future__ import annotations

import itertools
import re

#: Segment ends: line breaks, sentence ends, bullets, and pictographs (emoji) used as bullets.
_END = re.compile(r"\n|[!?;|\u2022\u25aa\u25cf\u2714\u2705\u27a1\u2b50\U0001F300-\U0001FAFF]+|\.(?!\d)")
_COMMA = re.compile(r",(?!\d)")
_EDGES = " \t\r\n-*·:,.\"'()[]«»“”‘’"
MAX_LEN = 220
MIN_LEN = 3


def segments(text: str) -> list[tuple[int, int]]:
    """(start, end) of each segment, trimmed of spaces and bullets; empty pieces dropped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for boundary in _END.finditer(text):
        _add(text, start, boundary.start(), spans)
        start = boundary.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    pieces = [(start, end)]
    if end - start > MAX_LEN:
        cuts = [m.start() for m in _COMMA.finditer(text, start, end)]
        bounds = [start, *cuts, end]
        pieces = [(a if i == 0 else a + 1, b) for i, (a, b) in enumerate(itertools.pairwise(bounds))]
    for a, b in pieces:
        while a < b and text[a] in _EDGES:
            a += 1
        while b > a and text[b - 1] in _EDGES:
            b -= 1
        if b - a >= MIN_LEN:
            spans.append((a, b))
