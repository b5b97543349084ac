"""Base class of the indicator recognizers: one small class per code, regexes compiled once.

Patterns are written against :func:`models.indicators.normalise.normalise` output (lower case,
no accents). A recognizer may list ``NEGATIONS``: phrases that, when found in the same sentence
within ``NEGATION_WINDOW`` characters of a match, cancel it ("no fees", "not deducted"), because
legitimate ads often state precisely the safeguard whose absence the indicator is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import ClassVar

from models.indicators.recognizers._prefixes import PrefixTable, start_prefixes, words

#: Where a sentence (or an ad's bullet) ends; a full stop inside a number ("1.500") does not count.
_BOUNDARY = re.compile(r"[!?;\n|\u2022]|\.(?!\d)")

Dispatch = dict[str, tuple[re.Pattern[str], ...]]


def _join(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


class PatternRecognizer:
    """Find one indicator in normalised text with Spanish and English regexes."""

    CODE: ClassVar[str] = ""
    PATTERNS_ES: ClassVar[tuple[str, ...]] = ()
    PATTERNS_EN: ClassVar[tuple[str, ...]] = ()
    NEGATIONS: ClassVar[tuple[str, ...]] = ()
    NEGATION_WINDOW: ClassVar[int] = 30
    #: Whether a negation must sit in the match's own sentence (False: anywhere in the window).
    NEGATION_IN_SENTENCE: ClassVar[bool] = True

    #: First word (cut to K chars) -> patterns whose matches can start with it.
    dispatch: ClassVar[Dispatch] = {}
    #: Patterns whose first word could not be bounded: scanned over the whole text.
    unfiltered: ClassVar[tuple[re.Pattern[str], ...]] = ()
    _negation: ClassVar[re.Pattern[str] | None] = None
    _table: ClassVar[PrefixTable] = PrefixTable({})

    def __init_subclass__(cls, **kwargs: object) -> None:
        # Compile once per class, at import, so analyze() never compiles (and bad regexes fail early).
        super().__init_subclass__(**kwargs)
        table: dict[str, list[re.Pattern[str]]] = {}
        unfiltered = []
        for pattern in cls.PATTERNS_ES + cls.PATTERNS_EN:
            regex = re.compile(pattern)
            prefixes = start_prefixes(pattern)
            if prefixes is None:
                unfiltered.append(regex)
            for prefix in prefixes or ():
                table.setdefault(prefix, []).append(regex)
        cls.dispatch = {prefix: tuple(regexes) for prefix, regexes in table.items()}
        cls._table = PrefixTable(cls.dispatch)
        cls.unfiltered = tuple(unfiltered)
        cls._negation = _join(cls.NEGATIONS)

    def analyze(self, text: str) -> list[tuple[int, int]]:
        """Return sorted (start, end) spans of this indicator in ``text`` (already normalised).

        Each pattern is tried at every word it could start at, so a pattern matching inside
        another's match is still found. (The registry does the same for all recognizers at once.)
        """
        table = self._table
        spans = [
            match.span()
            for word in words(text)
            for regex in table[word.group()]
            if (match := regex.match(text, word.start())) is not None
        ]
        for regex in self.unfiltered:
            spans.extend(match.span() for match in scan(regex, text))
        return self.keep(text, spans)

    def keep(self, text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """The distinct non-empty, non-negated spans, sorted."""
        return sorted(span for span in set(spans) if span[1] > span[0] and not self.negated(text, *span))

    def negation_within(self, text: str, start: int, end: int) -> bool:
        """Whether a negation phrase lies inside [start, end) (a whole segment, for the sentence detector)."""
        return self._negation is not None and self._negation.search(text, start, end) is not None

    def negated(self, text: str, start: int, end: int) -> bool:
        """True when a negation phrase sits in the match's sentence, near enough to cancel it."""
        if self._negation is None:
            return False
        lo = max(0, start - self.NEGATION_WINDOW)
        hi = min(len(text), end + self.NEGATION_WINDOW)
        if not self.NEGATION_IN_SENTENCE:
            return self._negation.search(text, lo, hi) is not None
        for boundary in _BOUNDARY.finditer(text, lo, start):
            lo = boundary.end()
        after = _BOUNDARY.search(text, end, hi)
        if after is not None:
            hi = after.start()
        return self._negation.search(text, lo, hi) is not None


def scan(regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match, restarting one character after each match start (overlaps included)."""
    match = regex.search(text)
    while match is not None:
        yield match
        match = regex.search(text, match.start() + 1)
