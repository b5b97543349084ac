"""Phone numbers in the formats ads use: international, national, spaced, dotted, dashed, spelled out.

Two passes whose hits are merged: `phonenumbers.PhoneNumberMatcher` (leniency VALID) over the ad's
region and the regions in `REGIONS`, and our own candidate runs of digits and number words in Spanish
and English ("tres cero cero 123 4567"), which the matcher cannot read. Every hit is normalised to
E.164. A number without `+`/`00` is read in the regions the ad points to (`guess_regions`: `+CC`
numbers, then place names), then in `REGIONS` order; the first region where it is a valid number
wins — so an unhinted "300 123 4567" becomes +57… (Colombia first), a documented bias toward the
regions Baliza serves. A number written with `+`/`00` only has to be a possible number (fictional
and newly opened ranges stay redacted); a national one must be valid.

Numbers no numbering plan accepts ("+52 222 5550 1117" has a digit too many, "0998-555-0574" is an
invented range) are still phone numbers to any reader, so a run of 8-15 digits is also taken when it
is written like a phone: after a phone word ("Tel", "WhatsApp", "llamar al", "call"), or starting with
`+` or a trunk `0`. Such a number keeps its digits as its value (no E.164 to be had), so the same
malformed number still links ads through one token.

Precision guards: a run next to a currency sign or word ("$ 1.500.000", "1.200.000 pesos") is a
price, never a phone; dates ("2024-2025", "12.05.2025") are skipped, and `/` and `:` are not phone
separators, so "12/05/2024" and "9:00-18:00" never qualify; digits glued to a code ("REF-2024-001",
"#20250315") are references, as are digits after "ref", "order", "ID", "license number"…
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher, re_util

from service.privacy.recognizers.base import Context, Detection, Recognizer
from service.privacy.regions import REGIONS

# Matching across REGIONS uses more metadata patterns than `re`'s 512-entry cache holds, so without
# phonenumbers' own cache they are recompiled on every ad (about a tenth of redaction time).
re_util.enable_pattern_cache()

_WORDS = {
    "cero": "0", "zero": "0", "uno": "1", "una": "1", "one": "1", "dos": "2", "two": "2", "tres": "3",
    "three": "3", "cuatro": "4", "four": "4", "cinco": "5", "five": "5", "seis": "6", "six": "6",
    "siete": "7", "seven": "7", "ocho": "8", "eight": "8", "nueve": "9", "nine": "9",
}  # fmt: skip


# Mexico dropped the "1" after +52 for mobiles in 2019; ads still write "+52 1 33 1234 5678".
MEXICAN_MOBILE_1 = re.compile(r"^\+521(?=\d{10}$)")


class PhoneRecognizer(Recognizer):
    kind = "PHONE"
    WORD = r"(?:" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")"
    UNIT = rf"(?:\+?\(?\d+\)?|{WORD})"
    # A comma only separates spelled-out digits ("nueve ocho uno, dos tres cuatro"), never figures.
    SEPARATOR = rf"(?:[ \t.\-]{{1,3}}|(?<=[A-Za-z]),\s*(?={WORD}))"
    RUN = re.compile(rf"(?<![\w+]){UNIT}(?:{SEPARATOR}{UNIT})*(?!\w)", re.IGNORECASE)
    CURRENCY_BEFORE = re.compile(
        r"(?:[$€£₲]|\b(?:usd|us\$|eur|cop|mxn|ars|pyg|gs|clp|pen|precio|salario|sueldo|pago|price|salary)"
        r"\.?)\s*:?\s*$",
        re.IGNORECASE,
    )
    CURRENCY_AFTER = re.compile(
        r"^\s*(?:[$€£₲]|(?:pesos|euros?|d[oó]lares|dollars|usd|eur|cop|mxn|ars|gs|guaran[ií]es|soles|mil|"
        r"k|bs|al mes|mensuales|per month|a month)\b)",
        re.IGNORECASE,
    )
    MIN_DIGITS, MAX_DIGITS = 7, 15

    DATE = re.compile(
        r"(?:19|20)\d\d[\-.](?:\d{1,2}[\-.]\d{1,2}|(?:19|20)\d\d)|\d{1,2}[\-.]\d{1,2}[\-.](?:19|20)?\d\d$"
    )

    CODE_BEFORE = re.compile(r"(?:[A-Za-z0-9][\-_/]|[#_/])$")
    PHONE_CUE = re.compile(
        r"(?:\b(?:tel[eé]?f?o?n?o?|cel(?:ular)?|m[oó]vil|whats?app+|wsp|wa|call|phone|ph|text|sms|llam\w*|"
        r"escr[ií]b\w*|mensaje|contact\w*|informes|n[uú]mero|number|al)\b\.?)[\s:/.]*$",
        re.IGNORECASE,
    )
    REFERENCE_CUE = re.compile(
        r"\b(?:id|ref\w*|sku|c[oó]digo|code|order|pedido|product\w*|licen[cs]\w*|folio|serial|invoice|"
        r"factura)\b(?:\s+(?:number|n[uú]mero|no\.?|n[º°]))?(?:\s+(?:is|es))?[ \t]*[:#]?[ \t]*$",
        re.IGNORECASE,
    )
    LOOSE_MIN_DIGITS = 8

    def analyze(self, text: str, context: Context) -> list[Detection]:
        found: dict[tuple[int, int], Detection] = {}
        for detection in self._matcher_hits(text, context):
            found[(detection.start, detection.end)] = detection
        for detection in self._run_hits(text, context):
            if not any(s <= detection.start and detection.end <= e for s, e in found):
                found[(detection.start, detection.end)] = detection
        return [d for d in found.values() if not self._is_price_or_date(text, d.start, d.end)]

    def _matcher_hits(self, text: str, context: Context) -> list[Detection]:
        """The library's own matcher, region by region until one finds something."""
        for region in dict.fromkeys((*context.regions, *REGIONS)):
            hits = [
                Detection(self.kind, match.start, match.end, _e164(match.number))
                for match in PhoneNumberMatcher(text, region, leniency=Leniency.VALID)
                if "/" not in match.raw_string and ":" not in match.raw_string
            ]
            if hits:
                return hits
        return []

    def _run_hits(self, text: str, context: Context) -> list[Detection]:
        hits = []
        for match in self.RUN.finditer(text):
            start, end = match.span()
            raw = match.group(0)
            digits = "".join(
                _WORDS.get(token.lower(), token) for token in re.findall(rf"{self.WORD}|\d+", raw, re.I)
            )
            if not self.MIN_DIGITS <= len(digits) <= self.MAX_DIGITS:
                continue
            international = raw.lstrip("(").startswith("+") or digits.startswith("00")
            number = _parse(("+" + digits.removeprefix("00")) if international else digits, context)
            if number is not None:
                hits.append(Detection(self.kind, start, end, _e164(number)))
            elif self._written_like_a_phone(text, start, raw, digits):
                value = "+" + digits.removeprefix("00") if international else digits
                hits.append(Detection(self.kind, start, end, value))
        return hits

    def _written_like_a_phone(self, text: str, start: int, raw: str, digits: str) -> bool:
        before = text[max(0, start - 24) : start]
        if len(digits) < self.LOOSE_MIN_DIGITS or not re.match(r"[+(\d]", raw):
            return False
        prefixed = raw.lstrip("(").startswith(("+", "0")) and len(digits) >= 9
        return prefixed or bool(self.PHONE_CUE.search(before))

    def _is_price_or_date(self, text: str, start: int, end: int) -> bool:
        return (
            bool(self.CURRENCY_BEFORE.search(text[max(0, start - 12) : start]))
            or bool(self.CURRENCY_AFTER.match(text[end : end + 16]))
            or bool(self.DATE.match(text[start:end].strip()))
            or bool(self.CODE_BEFORE.search(text[max(0, start - 2) : start]))
            or bool(self.REFERENCE_CUE.search(text[max(0, start - 24) : start]))
        )


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


def parse_international(digits: str) -> str | None:
    """E.164 of a number written with its country code (wa.me links), or None if it is not possible."""
    number = _parse("+" + digits.lstrip("+"), Context())
    return _e164(number) if number is not None else None


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)
