"""Reads the document number that follows a keyword ("DNI", "passport no.", "Ghana card"), on the
digit view, however it is spaced: `1.023.874.562`, `14.382.907 - 5`, `S T 4 8 2 7 1 9 D`,
`SAIB 980726 MCHLBR 04`, `4827 – 1936 – 0584`, `6845123 LP`, `X-4827193-L`, `seven 2 one 4 8 six…`.

A number is a chain of digit runs and capital-letter runs joined by at most a space, a dot, a dash
or a slash (with a space either side). Capitals before the first digit may total six letters (a
prefix: `GHA`, `WILLI`, `T N X`); after it, a letter run glued to digits or followed by more
digits may have six, while a loose trailing one has at most two (`LP`, `- T`), so the capitalised
words of an all-caps ad are not swallowed. At least five digits, and never a year-code
(`2023-0456`, `039/2025`: permits, case files) — those are references, not identity numbers.
"""

from __future__ import annotations

import re

from service.privacy.normalise import Canonical
from service.privacy.recognizers.base import Context, Detection, Recognizer

_CHUNK = re.compile(r"\d+|[A-Z]+(?![A-Za-zà-ÿ])")
_JOIN = re.compile(r"[ \t]?[.\-/][ \t]?|[ \t]{1,2}|")
_YEAR_CODE = re.compile(r"(?:19|20)\d\d[\-/.]\d{1,6}|\d{1,6}[\-/.](?:19|20)\d\d")
# What may stand between a keyword and its number: "no.", "N°", "#", ":", "is", "(PhilSys)", and up
# to two other short lower-case words ("NI no. if needed …").
_QUALIFIER = re.compile(
    r"[ \t]*(?:[:#=.\-]|\([A-Za-z]{2,12}\)|(?:n[uú]mero|number|nro|num|nr|no|n[°º]|card|tarjeta|pin|is|es|"
    r"de|del|mi|my|vigente|valid)\.?(?![A-Za-z]))",
    re.IGNORECASE,
)
_WORD = re.compile(r"[ \t]*[a-záéíóúñ]{2,8}(?![A-Za-z])")
MIN_DIGITS, MAX_DIGITS, PREFIX_LETTERS, INNER_LETTERS, SUFFIX_LETTERS = 5, 20, 6, 6, 2


def value_after(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the document number starting after `text[pos:]`'s qualifiers, or None."""
    pos = _skip_qualifiers(text, pos)
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return read_number(text, pos)


def _skip_qualifiers(text: str, pos: int) -> int:
    words = 0
    for _ in range(5):
        match = _QUALIFIER.match(text, pos)
        if match is None and words < 2:
            match = _WORD.match(text, pos)
            words += match is not None
        if match is None:
            break
        pos = match.end()
    return pos


def read_number(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the number that starts exactly at `pos`, or None."""
    chunks: list[tuple[int, int, bool]] = []  # (start, end, joined to the previous chunk by a separator)
    cursor, separated = pos, False
    while len(chunks) < 24:
        chunk = _CHUNK.match(text, cursor)
        if chunk is None:
            break
        chunks.append((chunk.start(), chunk.end(), separated))
        join = _JOIN.match(text, chunk.end())
        separated = join.end() > chunk.end()
        cursor = join.end()
    end = _last_kept(text, chunks)
    if end is None:
        return None
    start, stop = pos, chunks[end][1]
    digits = sum(c.isdigit() for c in text[start:stop])
    if not MIN_DIGITS <= digits <= MAX_DIGITS or _YEAR_CODE.fullmatch(text, start, stop):
        return None
    return start, stop


def _last_kept(text: str, chunks: list[tuple[int, int, bool]]) -> int | None:
    """Index of the last chunk that belongs to the number, by the letter rules above."""
    last = None
    prefix = 0
    seen_digit = False
    for k, (start, end, separated) in enumerate(chunks):
        if text[start].isdigit():
            seen_digit, last = True, k
            continue
        letters = end - start
        if not seen_digit:
            prefix += letters
            if prefix > PREFIX_LETTERS:
                return None
            continue
        followed_by_digits = k + 1 < len(chunks) and text[chunks[k + 1][0]].isdigit()
        if letters <= INNER_LETTERS and (not separated or followed_by_digits):
            last = k
        elif letters <= SUFFIX_LETTERS:
            return k
        else:
            break
    return last if seen_digit else None


class KeywordIdRecognizer(Recognizer):
    """A document number right after one of the subclass's `KEYWORD`s, read on the digit view."""

    kind = "ID"
    KEYWORD: re.Pattern[str] = re.compile(r"(?!)")
    # "Product ID 0012…", "order ID": the number identifies a thing, not a person.
    NOT_A_PERSON = re.compile(
        r"\b(?:product\w*|order|item|job|ad|listing|transaction|tracking|reference|ref|customer|session|"
        r"invoice|vacancy|post|game|app|producto|pedido|anuncio|vacante)\s*$",
        re.IGNORECASE,
    )

    def analyze(self, ad: Canonical, context: Context) -> list[Detection]:
        view = ad.digits
        text = view.text
        found = []
        for keyword in self.KEYWORD.finditer(text):
            if self.NOT_A_PERSON.search(text, max(0, keyword.start() - 24), keyword.start()):
                continue
            span = value_after(text, keyword.end())
            if span is not None:
                value = re.sub(r"[^0-9A-Z]", "", text[span[0] : span[1]])
                found.append(self.found(view, span[0], span[1], value))
        return found
