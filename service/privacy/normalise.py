"""The canonical view of an ad that every recognizer reads, with a map back to the original text.

Evasion lives in how characters are written, not in what they say: `5️⃣`, `５`, `𝟱`, `⑤` and `⁵` are
one digit to a reader, a zero-width space inside a number or a Cyrillic `а` inside a handle is
invisible, and `👉` or `▪️` between digit groups is just a separator. Recognizers match on the
folded text and map every span back through `View.span`, so exactly the original characters are
masked: the keycap's combining marks, the emoji between the groups, the zero-width joiners.

The fold is one character at a time and uses Unicode's own data rather than hand tables: the
general category (format characters and combining marks are dropped, symbols become separators),
digit values (any script's digits, circled, superscript, mathematical), NFKC compatibility
mappings (fullwidth `＠` and `．`, mathematical letters) and the Unicode confusables table for
Cyrillic and Greek letters that look Latin. Plain ASCII text, the common case, skips all of it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import cache

from service.privacy.reading import read_digits
from service.privacy.view import View, ViewBuilder

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Symbols and punctuation outside ASCII carry no letters or digits: as far as a recognizer is
# concerned they separate what is around them (emoji, arrows, stars, bullets, regional flags).
_SEPARATOR_CATEGORIES = frozenset({"So", "Sm", "Sk", "Po", "Ps", "Pe", "Pc", "Co", "Cn", "Cs", "Cc"})


def fold(text: str) -> View:
    """The folded view: look-alike digits and letters made ASCII, invisible characters dropped,
    symbol runs made one space (or one `.`/`-` where the symbol is a dot or a dash)."""
    if text.isascii():
        return View(text)
    builder = ViewBuilder()
    cursor = 0
    for match in _NON_ASCII.finditer(text):
        i = match.start()
        builder.copy(text, cursor, i)
        cursor = i + 1
        folded = fold_char(text[i])
        if folded is None:
            builder.absorb(i + 1)
        elif folded == " " and builder.last() in (" ", "\t"):
            builder.absorb(i + 1)  # "300 👉 555": the emoji joins the space before it
        else:
            builder.put(folded, i, i + 1)
    builder.copy(text, cursor, len(text))
    return builder.view()


@cache
def fold_char(char: str) -> str | None:
    """One non-ASCII character folded: its ASCII reading, " " for a separator, None to drop it."""
    category = unicodedata.category(char)
    if category in ("Cf", "Mn", "Me"):  # zero-width, joiners, variation selectors, keycap, accents
        return None
    if category == "Zs":
        return " "
    if category in ("Zl", "Zp"):
        return "\n"
    digit = unicodedata.digit(char, None)
    if digit is not None:
        return str(digit)
    if ord(char) < 0x100:  # Latin-1 letters and signs (ñ, é, °, º, ¿, €-less currency) stay
        return "." if char == "\u00b7" else char
    compatible = unicodedata.normalize("NFKC", char)
    if compatible != char and compatible.isascii():
        return compatible
    latin = latin_lookalike(char)
    if latin is not None:
        return latin
    name = unicodedata.name(char, "")
    if category == "Pd" or "MINUS" in name or "HYPHEN" in name:
        return "-"
    if category in ("Pi", "Pf"):
        return "'"
    if category in _SEPARATOR_CATEGORIES:
        return "." if (" DOT" in name or "BULLET" in name) else " "
    return char


def latin_lookalike(char: str) -> str | None:
    """The ASCII letter a Cyrillic or Greek letter is confusable with (Unicode confusables data)."""
    if not unicodedata.name(char, "").startswith(("CYRILLIC", "GREEK")):
        return None
    return _confusable_latin().get(char)


@cache
def _confusable_latin() -> dict[str, str]:
    """Cyrillic and Greek letters whose Unicode confusable is a single ASCII letter; loaded once,
    the first time such a letter is met."""
    from confusable_homoglyphs.confusables import confusables_data

    table: dict[str, str] = {}
    for char, glyphs in confusables_data.items():
        if len(char) != 1 or not unicodedata.name(char, "").startswith(("CYRILLIC", "GREEK")):
            continue
        for glyph in glyphs:
            if len(glyph["c"]) == 1 and glyph["c"].isascii() and glyph["c"].isalpha():
                table[char] = glyph["c"]
                break
    return table


class Canonical:
    """One ad and its two canonical views, built once and shared by every recognizer.

    `folded` is the Unicode fold; `digits` reads it further as a reader reads a phone number:
    spelled-out digits become digits, and O/o, l/I standing for 0/1 among digits become digits.
    Spans from either view map back to `text` through the view's `span`.
    """

    def __init__(self, text: str, folded: View | None = None, digits: View | None = None) -> None:
        self.text = text
        self.folded = folded if folded is not None else fold(text)
        self._digits = digits

    @property
    def digits(self) -> View:
        if self._digits is None:
            self._digits = self.folded.then(read_digits(self.folded.text))
        return self._digits

    def without(self, spans: list[tuple[int, int]]) -> Canonical:
        """This ad with the original `spans` blanked in every view (NUL characters, which join
        nothing): what is left to read once they are redacted, at the same offsets."""
        if not spans:
            return self
        return Canonical(
            _blank(View(self.text), spans).text, _blank(self.folded, spans), _blank(self.digits, spans)
        )


def _blank(view: View, spans: list[tuple[int, int]]) -> View:
    chars = list(view.text)
    for start, end in spans:
        if view.starts is None:
            first, last = start, end
        else:
            first, last = bisect_left(view.starts, start), bisect_left(view.starts, end)
        chars[first:last] = "\x00" * (last - first)
    return View("".join(chars), view.starts, view.ends)
