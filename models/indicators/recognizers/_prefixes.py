"""Which words can a pattern's match start with? A prefilter that keeps detect() fast.

Running ~170 regexes over every ad costs a regex attempt at every word of every ad. Instead, each
pattern's possible first characters (up to ``K`` word characters, e.g. "pas" for "pasajes?") are
derived once from the parsed regex, and the pattern is only tried where a word of the ad starts
with one of them. Anything the walker does not understand yields ``None``: the pattern is then
simply run over the whole text, so the prefilter can only save time, never lose a match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

try:  # CPython's own regex parser; private, hence the defensive fallback below.
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - other interpreters: no prefilter, same results
    _c = _p = None

#: Prefix lengths tried, longest first: "trabaj" is keyed "traba", "gan\\w*" only "gan".
K_LONG, K_SHORT = 5, 3
_MAX = 600
#: The key of every word that starts with a digit.
NUMBER = "#"
DIGITS = "0123456789"
#: Currency signs start amounts ("$500"): they are keys of their own, like a one-letter word.
SYMBOLS = "$€£₹₱₦"
_WORD_START = re.compile(rf"\b\w{{1,{K_LONG}}}|[{SYMBOLS}]")


class _Unknown(Exception):
    pass


def _chars(items: list) -> list[str]:
    """Expand a small character class; raise _Unknown for categories other than digits, negation..."""
    out: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            out.append(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < 40:
            out.extend(chr(i) for i in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            out.extend("0123456789")
        else:
            raise _Unknown
    return out


#: Marks a prefix after which the word may go on ("open"); a word ended by a space or \b is not.
OPEN = "*"


def _walk(seq: list, prefix: str, k: int, depth: int = 0) -> set[str]:
    if len(prefix) >= k:
        return {prefix}
    if not seq or depth > 60:
        return {prefix + OPEN}
    op, av = seq[0]
    rest = seq[1:]
    if op is _c.AT and av is _c.AT_BOUNDARY and prefix:
        return {prefix}  # the word ends here
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _walk(rest, prefix, k, depth + 1)
    if op is _c.LITERAL or op is _c.IN:
        try:
            chars = [chr(av)] if op is _c.LITERAL else _chars(av)
        except _Unknown:
            return {prefix + OPEN}
        out: set[str] = set()
        for ch in chars:
            if not prefix and ch in DIGITS:
                out.add(NUMBER)  # every number shares one key: ages, hours and amounts vary too much
            elif ch.isalnum() or ch == "_":
                out |= _walk(rest, prefix + ch, k, depth + 1)
            else:
                out.add(prefix or (ch if ch in SYMBOLS else OPEN))
        return out
    if op is _c.BRANCH:
        return set().union(*(_walk(list(alt) + rest, prefix, k, depth + 1) for alt in av[1]))
    if op is _c.SUBPATTERN:
        return _walk(list(av[-1]) + rest, prefix, k, depth + 1)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        lo, hi, sub = av
        out = _walk(rest, prefix, k, depth + 1) if lo == 0 else set()
        if hi != 0:
            again = (op, (max(lo - 1, 0), hi if hi is _c.MAXREPEAT else hi - 1, sub))
            out |= _walk([*sub, again, *rest], prefix, k, depth + 1)
        return out
    return {prefix + OPEN}


def start_prefixes(pattern: str) -> frozenset[str] | None:
    """The possible first words of a match, cut to K_LONG (else K_SHORT) characters; None if unbounded.

    A returned prefix shorter than its K is a whole word ("no", "de"), so matching is by equality
    with the first K_LONG or K_SHORT characters of each word of the text (see :func:`word_starts`).
    """
    if _p is None:
        return None
    try:
        parsed = list(_p.parse(pattern))
    except re.error:
        return None
    for k in (K_LONG, K_SHORT):
        try:
            found = _walk(parsed, "", k)
        except (_Unknown, RecursionError):
            return None
        if len(found) <= _MAX and not any(p.endswith(OPEN) or not p for p in found):
            return frozenset(found)
    return None


class PrefixTable(dict):
    """Dispatch on a word's first K_LONG characters, filled lazily from the exact prefix table.

    ``exact`` maps each pattern prefix (K_LONG or K_SHORT characters, a whole short word, NUMBER
    or a currency sign) to its candidates; a text word's entry joins the candidates of its
    K_LONG and K_SHORT prefixes once, so detection costs one dict lookup per word.
    """

    _LIMIT = 200_000  # distinct word prefixes remembered before starting afresh

    def __init__(self, exact: dict[str, tuple]) -> None:
        super().__init__()
        self.exact = exact

    def __missing__(self, word: str) -> tuple:
        if len(self) > self._LIMIT:
            self.clear()
        if word[0] in DIGITS:
            found = self.exact.get(NUMBER, ())
        else:
            found = self.exact.get(word, ())
            if len(word) > K_SHORT:
                found += self.exact.get(word[:K_SHORT], ())
        self[word] = found
        return found


def words(text: str) -> Iterator[re.Match[str]]:
    """Every word start of ``text`` (its first K_LONG characters) and every currency sign."""
    return _WORD_START.finditer(text)
