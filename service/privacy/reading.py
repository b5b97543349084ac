"""Reads folded text the way a person reads a phone number out loud, for the digit recognizers.

"tres cero cinco", "nine oh nine", "fivefivefive", "zero8zero2", "veintiocho", "twenty-eight" and
"double five" are digits; so are O/o and l/I written for 0 and 1 inside a group of digits
("3O5-555-O1l9", "O77OO"), and standing alone between digits ("555 O I 4 4"), and an S between two
digits ("5S5"). A lone O, I or l needs digits on both sides (so "call 555 0199 I am" keeps its "I"),
and "oh" one digit beside it; the Spanish "o" ("or") is never a digit. Everything else is left as
it is, so the reading keeps the folded text's words, separators and lengths wherever it can.
"""

from __future__ import annotations

import re

from service.privacy.view import View, ViewBuilder

UNITS = {
    "cero": 0, "zero": 0, "uno": 1, "one": 1, "dos": 2, "two": 2, "tres": 3, "three": 3, "cuatro": 4,
    "four": 4, "cinco": 5, "five": 5, "seis": 6, "six": 6, "siete": 7, "seven": 7, "ocho": 8, "eight": 8,
    "nueve": 9, "nine": 9,
}  # fmt: skip
NUMBERS = {
    "diez": 10, "ten": 10, "once": 11, "eleven": 11, "doce": 12, "twelve": 12, "trece": 13, "thirteen": 13,
    "catorce": 14, "fourteen": 14, "quince": 15, "fifteen": 15, "dieciseis": 16, "dieciséis": 16,
    "sixteen": 16, "diecisiete": 17, "seventeen": 17, "dieciocho": 18, "eighteen": 18, "diecinueve": 19,
    "nineteen": 19, "veintiuno": 21, "veintiún": 21, "veintidos": 22, "veintidós": 22, "veintitres": 23,
    "veintitrés": 23, "veinticuatro": 24, "veinticinco": 25, "veintiseis": 26, "veintiséis": 26,
    "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
}  # fmt: skip
TENS = {
    "veinte": 2, "twenty": 2, "treinta": 3, "thirty": 3, "cuarenta": 4, "forty": 4, "fourty": 4,
    "cincuenta": 5, "fifty": 5, "sesenta": 6, "sixty": 6, "setenta": 7, "seventy": 7, "ochenta": 8,
    "eighty": 8, "noventa": 9, "ninety": 9,
}  # fmt: skip
HUNDREDS = {
    "cien": 1, "ciento": 1, "doscientos": 2, "doscientas": 2, "trescientos": 3, "trescientas": 3,
    "cuatrocientos": 4, "quinientos": 5, "quinientas": 5, "seiscientos": 6, "setecientos": 7,
    "ochocientos": 8, "novecientos": 9,
}  # fmt: skip
REPEAT = {"double": 2, "doble": 2, "triple": 3}


def _alternation(words: object) -> str:
    return "|".join(sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


_UNIT = _alternation(UNITS)
_UNIT_NONZERO = _alternation(w for w, v in UNITS.items() if v)
_LETTER = "A-Za-z0-9À-ÿ"
_TENS = _alternation(TENS)
_AND = r"(?:\s+(?i:y|and)\s+|-|\s+)"
# "quinientos cincuenta y cinco", "five hundred fifty-five", "ciento cinco": a group read as 3 digits.
_HUNDRED = (
    rf"(?P<hundreds>(?i:{_alternation(HUNDREDS)})|(?P<times>(?i:{_UNIT_NONZERO}))\s+(?i:hundred))"
    rf"(?:(?:\s+(?i:and))?\s+(?:(?P<rtens>(?i:{_TENS}))(?:{_AND}(?P<runit>(?i:{_UNIT_NONZERO})))?"
    rf"|(?P<rnumber>(?i:{_alternation(NUMBERS)}))|(?P<rone>(?i:{_UNIT_NONZERO}))))?"
)
# One alternative per kind of token, tried in this order at each position; whole tokens only.
TOKEN = re.compile(
    rf"(?<![{_LETTER}])(?:"
    rf"(?P<hundred>{_HUNDRED})(?![{_LETTER}])"
    rf"|(?P<repeat>(?i:{_alternation(REPEAT)})\s+(?:(?i:{_UNIT})|\d)(?![{_LETTER}]))"
    rf"|(?P<tens>(?i:{_TENS}))(?:{_AND}(?P<unit>(?i:{_UNIT_NONZERO})))?"
    rf"|(?P<number>(?i:{_alternation(NUMBERS)}))"
    rf"|(?P<spelled>(?:\d|(?i:{_UNIT}))+)"
    rf"|(?P<mixed>[0-9OoIlS]*\d[0-9OoIlS]*)"
    rf"|(?P<lone>[OIl]{{1,3}}|(?i:oh))"
    rf")(?![{_LETTER}])"
)
# What may stand between two digit tokens that belong together: short runs of separators.
JOIN = re.compile(r"[ \t.\-_/\\|*'~,()]{1,3}")
_LOOKALIKE = str.maketrans("OoIl", "0011")
_SANDWICHED_S = re.compile(r"(?<=\d)S(?=\d)")


def read_digits(text: str) -> View:
    """The digit reading of folded `text`, as a view over it (identity when nothing is read)."""
    tokens: list[tuple[int, int, str | None]] = []  # (start, end, digits or None for a lone letter)
    for match in TOKEN.finditer(text):
        tokens.append((match.start(), match.end(), _reading(match)))
    readings: dict[int, str] = {}
    for i, (start, end, reading) in enumerate(tokens):
        if reading is None:
            reading = _lone(text, tokens, i)
        if reading is not None and reading != text[start:end]:
            readings[i] = reading
    if not readings:
        return View(text)
    builder = ViewBuilder()
    cursor = 0
    for i, (start, end, _) in enumerate(tokens):
        gap = text[cursor:start]
        pause = i and "," in gap and JOIN.fullmatch(gap) and _spoken(text, tokens, readings, i - 1, i)
        if i not in readings and not pause:
            continue
        if pause:  # "tres uno cero, cinco…": a comma between spoken digits is a pause, not a list
            builder.put(" ", cursor, start)
        else:
            builder.copy(text, cursor, start)
        builder.put(readings.get(i, text[start:end]), start, end)
        cursor = end
    builder.copy(text, cursor, len(text))
    return builder.view()


def _spoken(
    text: str, tokens: list[tuple[int, int, str | None]], readings: dict[int, str], left: int, right: int
) -> bool:
    """Two digit tokens, at least one spelled out in words ("three, 0199", "tres, cero")."""
    digits = [readings.get(i, tokens[i][2]) for i in (left, right)]
    if not all(d and d.isdigit() for d in digits):
        return False
    return any(any(c.isalpha() for c in text[tokens[i][0] : tokens[i][1]]) for i in (left, right))


def _reading(match: re.Match[str]) -> str | None:
    """The digits a token stands for; None for a lone O/I/l/"oh", decided by its neighbours."""
    kind = match.lastgroup
    token = match.group(0)
    if match.group("hundred") is not None:
        return _hundred(match)
    if kind == "repeat":
        word, unit = token.split()
        digit = unit if unit.isdigit() else str(UNITS[unit.lower()])
        return digit * REPEAT[word.lower()]
    if kind in ("tens", "unit"):
        tens = TENS[match.group("tens").lower()]
        unit = match.group("unit")
        return f"{tens}{UNITS[unit.lower()] if unit else 0}"
    if kind == "number":
        return str(NUMBERS[token.lower()])
    if kind == "spelled":
        return re.sub(_UNIT, lambda m: str(UNITS[m.group(0).lower()]), token, flags=re.IGNORECASE)
    if kind == "mixed":
        return _SANDWICHED_S.sub("5", token.translate(_LOOKALIKE))
    return None


def _hundred(match: re.Match[str]) -> str:
    times = match.group("times")
    hundreds = UNITS[times.lower()] if times else HUNDREDS[match.group("hundreds").lower()]
    rest = 0
    if match.group("rtens"):
        runit = match.group("runit")
        rest = TENS[match.group("rtens").lower()] * 10 + (UNITS[runit.lower()] if runit else 0)
    elif match.group("rnumber"):
        rest = NUMBERS[match.group("rnumber").lower()]
    elif match.group("rone"):
        rest = UNITS[match.group("rone").lower()]
    return f"{hundreds}{rest:02d}"


def _lone(text: str, tokens: list[tuple[int, int, str | None]], i: int) -> str | None:
    """A lone O, I, l with digits on both sides, or at the edge of single spaced digits
    ("O-2-4-5-5-5…"); "oh" with digits on one side. Else None: it is a word."""
    start, end, _ = tokens[i]
    word = text[start:end]
    before = _neighbour(text, tokens, i, -1)
    after = _neighbour(text, tokens, i, +1)
    if word.lower() == "oh":
        return "0" if before or after else None
    if (before and after) or (before or after) == "spaced":
        return word.translate(_LOOKALIKE)
    return None


def _neighbour(text: str, tokens: list[tuple[int, int, str | None]], i: int, step: int) -> str | None:
    """What the chain of lone letters around token i reaches on side `step`: "digits", "spaced"
    (single digits, one after another), or None."""
    j = i
    while 0 <= j + step < len(tokens):
        if not _joined(text, tokens, j, j + step):
            return None
        j += step
        reading = tokens[j][2]
        if reading is None:
            continue
        if not reading.isdigit():
            return None
        k = j + step
        spaced = len(reading) == 1 and 0 <= k < len(tokens) and _joined(text, tokens, j, k)
        return "spaced" if spaced and tokens[k][1] - tokens[k][0] == 1 else "digits"
    return None


def _joined(text: str, tokens: list[tuple[int, int, str | None]], a: int, b: int) -> bool:
    first, second = sorted((a, b))
    return bool(JOIN.fullmatch(text, tokens[first][1], tokens[second][0]))
