"""Phone numbers however an ad writes them, read on the digit view of the text.

The digit view has already turned keycaps, fullwidth and circled digits, spelled-out digits and
O/l written for 0/1 into digits, and emoji or stars between groups into spaces; what is left here is
a run of digit groups joined by the separators people use (spaces, dots, dashes, underscores,
slashes, ticks, one line break, a comma between spelled-out digits).

A run of 7-15 digits is a phone number when the numbering plan accepts it: written with `+`/`00`
it only has to be a *possible* number; a national one must be *valid* in a region the ad points to
(`guess_regions`), or else in `REGIONS` order — so an unhinted "300 123 4567" becomes +57…, a
documented bias toward the regions Baliza serves. Every such hit is normalised to E.164.

People dial numbers no plan accepts (reserved and fictional ranges, a digit too many), so a run of
8-15 digits is also a phone when it is *written like one*: after a phone word ("Tel", "WhatsApp",
"llamar al", "call", "text"…) or a telephone emoji with no other number in between (then 7 digits
will do), before "(solo whatsapp)", right after another number and "o"/"or", with a `+` or trunk
`0`, or disguised (the original characters differ from the digit view — a reader was meant to read
digits there — or the digits are spaced out one by one, or joined by `_`, `*`, `|`…). Such a number
keeps its digits as its value — or its E.164 form when a region the ad points to finds it possible —
so one number links ads through one token. A run too long for one number is split into the numbers
it holds, longest first; real dates inside a run cut it.

Precision guards: a run next to a currency sign or word ("$ 1.500.000", "1.200.000 pesos") is a
price; dates ("2024-2025", "12 / 05 / 2024"), time ranges, year-codes ("2026/114", "3556-2023"),
amounts ("1.500.000", "3,50,000", "8 500 000") and decimals are never *loose* phones, and a plan
accepting one written with slashes or spaced thousands is not enough either; digits glued to a code
("REF-2024-001", "#20250315") or after "ref", "order", "ID", "registro nº", "license number"… are
references unless disguised. `:` is never a separator, so times never qualify.
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers
from phonenumbers import PhoneNumberFormat, re_util

from service.privacy.normalise import Canonical
from service.privacy.recognizers.base import Context, Detection, Recognizer
from service.privacy.regions import REGIONS

# Parsing across REGIONS uses more metadata patterns than `re`'s 512-entry cache holds, so without
# phonenumbers' own cache they are recompiled on every ad.
re_util.enable_pattern_cache()

# Mexico dropped the "1" after +52 for mobiles in 2019; ads still write "+52 1 33 1234 5678".
MEXICAN_MOBILE_1 = re.compile(r"^\+521(?=\d{10}$)")
DIGIT = re.compile(r"\d")


class PhoneRecognizer(Recognizer):
    kind = "PHONE"
    GROUP = re.compile(r"\(?(?:\+[ \t]?)?\(?\d+\)?")
    # A comma only separates single digits ("tres, cero" read as "3, 0"), never figures ("1,500"); a
    # full stop and a space end a sentence ("USD 180. 555 789 0123"), unless spaced like the digits.
    SEPARATOR = (
        r"(?:(?![.][ \t])[ \t.\-_/\\|*~'+()]{1,3}|[ \t]*\r?\n[ \t]*|(?<=(?<!\d)\d),[ \t]?(?=\d(?!\d)))"
    )
    RUN = re.compile(rf"(?<![\w+]){GROUP.pattern}(?:{SEPARATOR}{GROUP.pattern})*(?!\w)")
    MIN_DIGITS, MAX_DIGITS, LOOSE_MIN_DIGITS = 7, 15, 8

    CURRENCY_BEFORE = re.compile(
        r"(?:[$€£₲₡₦₱₹¥]|\b(?:usd|us\$|eur|cop|mxn|ars|pyg|gs|clp|pen|bs|ksh|kes|ghs|ngn|php|inr|rd\$|s/)\.?"
        r"|\b(?:precio|salario|sueldo|pago|price|salary|pay|fee|costo?|cuota|tarifa))\s*:?\s*$",
        re.IGNORECASE,
    )
    CURRENCY_AFTER = re.compile(
        r"\s*(?:[$€£₲₡₦₱₹¥]|(?:pesos|euros?|d[oó]lares|dollars|usd|eur|cop|mxn|ars|gs|guaran[ií]es|soles|"
        r"lempiras|quetzales|colones|bolivianos|naira|cedis|rupees|mil|k|bs|al mes|mensuales|per month|"
        r"a month)\b)",
        re.IGNORECASE,
    )
    # Dates ("2024-2025", "12 / 05 / 2024"), time ranges ("9.00-18.00"), US ZIP+4 ("NY 10001-1234").
    DATE = re.compile(
        r"(?:19|20)\d\d\s?[\-./]\s?(?:\d{1,2}\s?[\-./]\s?\d{1,2}|(?:19|20)\d\d)"
        r"|\d{1,2}\s?[\-./]\s?\d{1,2}\s?[\-./]\s?(?:19|20)?\d\d"
        r"|\d{1,2}[.:]\d\d\s?-\s?\d{1,2}[.:]\d\d"
    )
    # Inside a run only real dates cut it: a four-digit year, a real day and month, one separator.
    DATE_INSIDE = re.compile(
        r"(?<![\d+])(?:(?:19|20)\d\d\s?([\-./])\s?(?:0?[1-9]|1[0-2])\s?\1\s?(?:0?[1-9]|[12]\d|3[01])"
        r"|(?:0?[1-9]|[12]\d|3[01])\s?([\-./])\s?(?:0?[1-9]|1[0-2])\s?\2\s?(?:19|20)\d\d)(?!\d)"
    )
    TRIM = " \t\r\n.-_/\\|*~',"  # a piece keeps an opening "(" or "+" and a closing ")"
    ZIP_PLUS_4 = re.compile(r"\b[A-Z]{2}[ \t]+$")
    # Shapes that are figures, not disguised phones: "1.500.000", "3,50,000", "2025-0319", "367/2024".
    AMOUNT = re.compile(r"\d{1,3}(?:[.,]\d{2,3})+")
    SPACED_AMOUNT = re.compile(r"\d{1,2}(?: \d{3}){2,}")  # "8 500 000" people (a plan may accept it)
    DECIMAL = re.compile(r"-?\d{1,3}\.\d{4,8}")  # "-34.603722": a coordinate, a measure
    YEAR_CODE = re.compile(r"(?:19|20)\d\d[\-/.]\d{2,6}|\d{1,6}[\-/](?:19|20)\d\d")
    CODE_BEFORE = re.compile(r"(?:[A-Za-z0-9][\-_/]|[#_/])$")
    PHONE_WORD = (
        r"tel[eé]?f?o?n?o?|tlf|tlfno|tfno|telf|fono|phone|ph|mobile|mob|cell|cel(?:ular)?|m[oó]vil|"
        r"whats?app+|whats|"
        r"wasap|wsp|wpp|wa|zap|viber|signal|telegram|zalo|imo|line|call|calls|text|sms|message|msg|ring|"
        r"dial|hotline|llam\w*|escr[ií]b\w*|mensaje|marca\w*|contact\w*|comun[ií]ca\w*|informes|info|"
        r"consultas|n[uú]mero|number|num|l[ií]nea|reach|book"
    )
    # "ref", "order", "ID", "license number", "registro nº" and up to two other words ("Ref. vacante
    # 2025-0319"), but not across a full stop or a phone word ("Con factura. Tel 0972 …" is a phone).
    REFERENCE_CUE = re.compile(
        r"\b(?:(?:ref|exp|cod|res|no|n)\.|n[º°]|id|ref\w*|sku|c[oó]digo|code|order|orden|pedido|product\w*|"
        r"licen[cs]\w*|folio|serial|serie|invoice|factura|ticket|tracking|gu[ií]a|vuelo|flight|lote|batch|"
        r"modelo?|expediente|caso|case|isbn|imei|ean|upc|gtin|registro|registration|resoluci[oó]n|autorizad[ao]|"
        r"permiso)"
        rf"(?:[ \t]+(?!(?:{PHONE_WORD})\b)[a-záéíóúñ]{{2,12}}){{0,2}}?"
        r"(?:\s+(?:number|n[uú]mero|no\.?|n\.?[º°]))?(?:\s+(?:is|es))?[ \t]*[:#]?[ \t]*$",
        re.IGNORECASE,
    )
    # "Cel. No. 300…", "phone no.": a number sign right after a phone word is still a phone.
    NUMBER_SIGN = re.compile(
        rf"\b(?:{PHONE_WORD})\b\.?\s*(?:no|n)\.?\s*[º°]?[ \t]*[:#]?[ \t]*$", re.IGNORECASE
    )
    # A phone word anywhere in the 40 characters before, with no other digit in between…
    WIDE_CUE = re.compile(rf"\b(?:{PHONE_WORD})\b[^\d]{{0,40}}$", re.IGNORECASE)
    # …or right after ("311 555 22 33 (solo whatsapp)").
    AFTER_CUE = re.compile(rf"[ \t]*[(\[-]?[ \t]*(?:solo|only|just)?[ \t]*(?:{PHONE_WORD})\b", re.IGNORECASE)
    # Right before the number: "al", "on", "at", or another number and "o"/"or" (a second phone).
    NEAR_CUE = re.compile(
        r"(?:\b(?:al|on|at)|\d[\s)]*(?:\b(?:o|or|ó|y|and)\b|/))\s*[:\-]?\s*$", re.IGNORECASE
    )
    SPACED = re.compile(r"(?<!\d)\d(?!\d)")
    UNUSUAL_SEPARATOR = re.compile(r"[/_\\|*~',\n]|\d\+")
    ODD_SEPARATOR = re.compile(r"[_\\|*~']|\d[ \t]{2,}\d|/.*/|\d\+")

    def analyze(self, ad: Canonical, context: Context) -> list[Detection]:
        text = ad.digits.text
        found: list[Detection] = []
        for run in self.RUN.finditer(text):
            if len(DIGIT.findall(run.group(0))) < self.MIN_DIGITS:
                continue
            for start, end in self.between_dates(text, run.start(), run.end()):
                found.extend(self._numbers_in(ad, start, end, context))
        return found

    def between_dates(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """The run cut at the dates inside it ("15 / 03 / 2025 ⏰ 10" leaves "10"), each piece
        trimmed of separators and long enough to hold a phone."""
        pieces, cursor = [], start
        for date in self.DATE_INSIDE.finditer(text, start, end):
            pieces.append((cursor, date.start()))
            cursor = date.end()
        pieces.append((cursor, end))
        trimmed = []
        for a, b in pieces:
            piece = text[a:b]
            left = len(piece) - len(piece.lstrip(self.TRIM))
            right = len(piece.rstrip(self.TRIM + "(+"))
            if right - left > 0 and len(DIGIT.findall(piece)) >= self.MIN_DIGITS:
                trimmed.append((a + left, a + right))
        return trimmed

    def _numbers_in(self, ad: Canonical, start: int, end: int, context: Context) -> list[Detection]:
        """The run as one number, or else split into the numbers it holds (longest first)."""
        view = ad.digits
        if self.is_not_a_phone(ad, start, end):
            return []  # a price, date or reference is not split into phones either
        value = self._accept(ad, start, end, context, strict=True, loose=True)
        if value is not None:
            return [self.found(view, start, end, value)]
        groups = [m.span() for m in self.GROUP.finditer(view.text, start, end)]
        found: list[Detection] = []
        i = 0
        while i < len(groups):
            hit = self._longest_from(ad, groups, i, context)
            if hit is None:
                i += 1
                continue
            j, value = hit
            found.append(self.found(view, groups[i][0], groups[j][1], value))
            i = j + 1
        return found

    def _longest_from(
        self, ad: Canonical, groups: list[tuple[int, int]], i: int, context: Context
    ) -> tuple[int, str] | None:
        for strict in (True, False):
            for j in range(len(groups) - 1, i - 1, -1):
                if (i, j) == (0, len(groups) - 1):
                    continue  # the whole run was tried already
                value = self._accept(ad, groups[i][0], groups[j][1], context, strict=strict, loose=not strict)
                if value is not None:
                    return j, value
        return None

    def _accept(
        self, ad: Canonical, start: int, end: int, context: Context, *, strict: bool, loose: bool
    ) -> str | None:
        """The number's value if `text[start:end]` is a phone number, else None."""
        text = ad.digits.text
        raw = text[start:end]
        digits = "".join(DIGIT.findall(raw))
        if not self.MIN_DIGITS <= len(digits) <= self.MAX_DIGITS or self.is_not_a_phone(ad, start, end):
            return None
        international = raw.lstrip("(").startswith("+") or digits.startswith("00")
        candidate = "+" + digits.removeprefix("00") if international else digits
        if strict:
            number = _parse(candidate, context)
            # Slashes, underscores, line breaks… are read as separators only for numbers that are
            # written like phones: a plan accepting "2026/114" does not make a case number a phone,
            # nor "8 500 000" a population, nor "34.603722" a coordinate.
            plain = not (
                self.UNUSUAL_SEPARATOR.search(raw)
                or self.SPACED_AMOUNT.fullmatch(raw)
                or self.DECIMAL.fullmatch(raw)
            )
            if number is not None and (
                plain or self._written_like_a_phone(ad, start, end, digits, international)
            ):
                return _e164(number)
        if loose and self._written_like_a_phone(ad, start, end, digits, international):
            return _loose_value(candidate, context)
        return None

    def _changed(self, ad: Canonical, start: int, end: int, *, words: bool = True) -> bool:
        """The original characters differ from the digit view where it matters: a digit that was
        a keycap, a look-alike, an O, had zero-width marks around it or (if `words`) was spelled
        out, or symbols between the groups more than once ("300 👉 555 👉 0199"; one emoji between
        a date and a time is just layout). A reader, not a filter, was meant to see the digits."""
        view = ad.digits
        if view.starts is None or view.ends is None:
            return False
        separators = 0
        for i in range(start, end):
            char = view.text[i]
            source = ad.text[view.starts[i] : view.ends[i]]
            if source == char:
                continue
            if char.isdigit():
                if words or not (len(source) > 1 and source.isalpha()):
                    return True
            else:
                separators += 1
        return separators >= 2

    def _odd_spelling(self, raw: str) -> bool:
        """Single spaced digits or separators nobody puts in a price or a code ("310_555_…")."""
        return len(self.SPACED.findall(raw)) >= 4 or bool(self.ODD_SEPARATOR.search(raw))

    def _written_like_a_phone(
        self, ad: Canonical, start: int, end: int, digits: str, international: bool
    ) -> bool:
        text = ad.digits.text
        raw = text[start:end]
        disguised = self._changed(ad, start, end) or self._odd_spelling(raw)
        if any(p.fullmatch(raw) for p in (self.AMOUNT, self.SPACED_AMOUNT, self.YEAR_CODE, self.DECIMAL)):
            return False
        cued = (
            bool(self.NEAR_CUE.search(text, max(0, start - 12), start))
            or bool(self.WIDE_CUE.search(text, max(0, start - 56), start))
            or bool(self.AFTER_CUE.match(text, end, end + 24))
            or self._phone_emoji_before(ad, start)
        )
        if len(digits) < (self.MIN_DIGITS if disguised or cued else self.LOOSE_MIN_DIGITS):
            return False
        prefixed = international or (raw.lstrip("(").startswith("0") and len(digits) >= 9)
        return disguised or prefixed or cued

    def _phone_emoji_before(self, ad: Canonical, start: int) -> bool:
        """ "📞 …", "☎️: …", "📲…": a telephone symbol (by its Unicode name) just before the number."""
        original = ad.digits.span(start, start + 1)[0]
        before = ad.text[max(0, original - 6) : original]
        return any("PHONE" in unicodedata.name(char, "") for char in before if not char.isascii())

    def is_not_a_phone(self, ad: Canonical, start: int, end: int) -> bool:
        """A price, a date, or a reference number (a disguised run is never a reference: nobody
        writes an order number with O for 0 or emoji between its digits)."""
        text = ad.digits.text
        raw = text[start:end]
        if (
            self.CURRENCY_BEFORE.search(text[max(0, start - 12) : start])
            or self.CURRENCY_AFTER.match(text, end, end + 16)
            or self.DATE.fullmatch(raw.strip())
            or (re.fullmatch(r"\d{5}-\d{4}", raw) and self.ZIP_PLUS_4.search(text[max(0, start - 8) : start]))
        ):
            return True
        before = text[max(0, start - 40) : start]
        reference = self.CODE_BEFORE.search(text[max(0, start - 2) : start]) or (
            self.REFERENCE_CUE.search(before) and not self.NUMBER_SIGN.search(before)
        )
        # Spelled-out digits do not count here: "licence 367/2024. Two days…" is still a reference.
        return bool(reference) and not self._changed(ad, start, end, words=False)


def _parse(candidate: str, context: Context) -> phonenumbers.PhoneNumber | None:
    international = candidate.startswith("+")
    candidate = MEXICAN_MOBILE_1.sub("+52", candidate)
    regions = [None] if international else list(dict.fromkeys((*context.regions, *REGIONS)))
    for region in regions:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number) or (
            international and phonenumbers.is_possible_number(number)
        ):
            return number
    return None


def _loose_value(candidate: str, context: Context) -> str:
    """A number no plan accepts: E.164 where a region the ad points to finds it possible, else as written."""
    if candidate.startswith("+"):
        return candidate
    for region in context.regions:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number):
            return _e164(number)
    return candidate


def phone_value(raw: str, context: Context) -> str:
    """The value a run of digits gets as a phone: E.164 where a plan accepts it, else as written."""
    digits = "".join(DIGIT.findall(raw))
    international = raw.lstrip("(").startswith("+") or digits.startswith("00")
    candidate = "+" + digits.removeprefix("00") if international else digits
    number = _parse(candidate, context)
    return _e164(number) if number is not None else _loose_value(candidate, context)


def parse_international(digits: str) -> str | None:
    """E.164 of a number written with its country code (wa.me links), or None if it is not possible."""
    number = _parse("+" + digits.lstrip("+"), Context())
    return _e164(number) if number is not None else None


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)
