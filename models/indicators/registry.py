"""The set of recognizers, checked against the taxonomy so no code is silently missing or invented."""

from __future__ import annotations

import re
from collections.abc import Iterable

from models.indicators.normalise import normalise
from models.indicators.recognizers import ALL_RECOGNIZERS, PatternRecognizer
from models.indicators.recognizers._prefixes import PrefixTable, words
from models.indicators.recognizers.base import scan
from models.indicators.span import IndicatorSpan
from models.indicators.taxonomy import codes as taxonomy_codes


class RecognizerRegistry:
    """Run every recognizer on a text; exactly one recognizer per taxonomy code.

    The recognizers' dispatch tables are merged into one, so each word of a text is looked up once
    for all fifteen indicators (this is what keeps detect() well above 2,000 ads a second).
    """

    def __init__(self, recognizers: Iterable[type[PatternRecognizer]] = ALL_RECOGNIZERS) -> None:
        classes = tuple(recognizers)
        found = [cls.CODE for cls in classes]
        expected = taxonomy_codes()
        missing = sorted(set(expected) - set(found))
        unknown = sorted(set(found) - set(expected))
        duplicated = sorted({code for code in found if found.count(code) > 1})
        if missing or unknown or duplicated:
            raise ValueError(
                f"recognizers do not match the taxonomy: missing={missing} unknown={unknown} "
                f"duplicated={duplicated}"
            )
        order = {code: i for i, code in enumerate(expected)}
        self.recognizers: tuple[PatternRecognizer, ...] = tuple(
            cls() for cls in sorted(classes, key=lambda cls: order[cls.CODE])
        )
        table: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
        for i, recognizer in enumerate(self.recognizers):
            for prefix, regexes in recognizer.dispatch.items():
                table.setdefault(prefix, []).extend((i, regex) for regex in regexes)
        self._table = PrefixTable({prefix: tuple(pairs) for prefix, pairs in table.items()})
        self._by_code = {r.CODE: r for r in self.recognizers}

    def negated_segment(self, code: str, normalised: str, start: int, end: int) -> bool:
        """Whether the segment [start, end) of normalised text holds one of `code`'s negations."""
        return self._by_code[code].negation_within(normalised, start, end)

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes covered, in taxonomy order."""
        return tuple(r.CODE for r in self.recognizers)

    def analyze(self, text: str) -> list[IndicatorSpan]:
        """Spans of every indicator in the original ``text``, sorted, same-code overlaps merged."""
        if not text:
            return []
        normalised = normalise(text)
        found: list[list[tuple[int, int]]] = [[] for _ in self.recognizers]
        table = self._table
        for word in words(normalised):
            candidates = table[word.group()]
            if candidates:
                position = word.start()
                for i, regex in candidates:
                    match = regex.match(normalised, position)
                    if match is not None:
                        found[i].append(match.span())
        spans: list[IndicatorSpan] = []
        for recognizer, raw in zip(self.recognizers, found, strict=True):
            for regex in recognizer.unfiltered:
                raw.extend(match.span() for match in scan(regex, normalised))
            if raw:
                kept = _merge(recognizer.keep(normalised, raw))
                spans.extend(IndicatorSpan(recognizer.CODE, start, end) for start, end in kept)
        spans.sort(key=lambda span: (span.start, span.end, span.code))
        return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge sorted spans that overlap or touch."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
