"""Length-preserving text normalisation for the indicator rules.

Rules are written once against lower-case, accent-free text ("pasaje", "anos", "senoritas"), so
"PASAJE", "Pasajé" and "pasaje" all match. Every character maps to exactly one character, which
keeps a span found on the normalised text valid on the original: the UI highlights the reader's
own words, never a rewritten copy.
"""

from __future__ import annotations

import unicodedata

#: Typographic punctuation folded to its ASCII twin, so rules need only one spelling.
_PUNCT = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u00b4": "'", "\u0060": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\uff04": "$", "\u00ba": "o", "\u00aa": "a",
}  # fmt: skip


def fold_char(ch: str) -> str:
    """Fold one character to one character: strip accents, lower-case, ASCII punctuation.

    Falls back to the accent-stripped (or original) character whenever lower-casing would change
    the length, e.g. for 'İ', whose lower-case form is two code points.
    """
    if ch in _PUNCT:
        return _PUNCT[ch]
    parts = unicodedata.normalize("NFD", ch)
    # Only drop combining marks (accents); Hangul syllables etc. decompose into letters: keep them.
    base = parts[0] if all(unicodedata.combining(c) for c in parts[1:]) else ch
    lower = base.lower()
    if len(lower) == 1:
        return lower
    return base if len(base) == 1 else ch


class _FoldTable(dict):
    """A ``str.translate`` table that fills itself on first sight of a character (C-speed after)."""

    def __missing__(self, codepoint: int) -> str:
        folded = fold_char(chr(codepoint))
        self[codepoint] = folded
        return folded


_TABLE = _FoldTable()


def normalise(text: str) -> str:
    """Return ``text`` lower-cased and accent-free, with exactly the same length."""
    if text.isascii():
        return text.lower().translate(_TABLE) if "`" in text else text.lower()
    return text.translate(_TABLE)
