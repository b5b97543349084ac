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


class PatternSet:
    """Run several recognizers over a normalised text in one pass.

    The recognizers' dispatch tables are merged into one, so each word of a text is looked up once
    for all of them (this is what keeps detect() well above 2,000 ads a second). The indicator
    registry and the protective-wording finder (`models/indicators/protective/`) both run on it.
    """

    def __init__(self, recognizers: Iterable[PatternRecognizer]) -> None:
        self.recognizers: tuple[PatternRecognizer, ...] = tuple(recognizers)
        table: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
        for i, recognizer in enumerate(self.recognizers):
            for prefix, regexes in recognizer.dispatch.items():
                table.setdefault(prefix, []).extend((i, regex) for regex in regexes)
        self._table = PrefixTable({prefix: tuple(pairs) for prefix, pairs in table.items()})

    def spans(self, normalised: str) -> list[list[tuple[int, int]]]:
        """Per recognizer (in order), its non-negated spans in ``normalised``, sorted, overlaps merged."""
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
        for recognizer, raw in zip(self.recognizers, found, strict=True):
            for regex in recognizer.unfiltered:
                raw.extend(match.span() for match in scan(regex, normalised))
        return [
            merge_spans(recognizer.keep(normalised, raw)) if raw else []
            for recognizer, raw in zip(self.recognizers, found, strict=True)
        ]


class RecognizerRegistry(PatternSet):
    """Run every recognizer on a text; exactly one recognizer per taxonomy code."""

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
        super().__init__(cls() for cls in sorted(classes, key=lambda cls: order[cls.CODE]))
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
        spans = [
            IndicatorSpan(recognizer.CODE, start, end)
            for recognizer, kept in zip(self.recognizers, self.spans(normalise(text)), strict=True)
            for start, end in kept
        ]
        spans.sort(key=lambda span: (span.start, span.end, span.code))
        return spans


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge sorted spans that overlap or touch."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
