"""National ID and passport numbers — only where a format or a keyword says so.

Self-checking formats stand alone: Spanish DNI/NIE (letter checksum), Chilean RUT (mod-11 check
digit), Mexican CURP (fixed shape), US SSN (AAA-GG-SSSS). Plain digit runs count only right after a
keyword (cédula, C.C., C.I., DNI, documento, pasaporte/passport …), so prices, dates, years and
postal codes are left alone. The value is the ID with separators removed, upper-cased.
"""

from __future__ import annotations

import re

from service.privacy.recognizers.base import Context, Detection, Recognizer

_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


class IdRecognizer(Recognizer):
    kind = "ID"
    DNI = re.compile(r"(?<![\w.])(\d{8})[\s\-]?([A-Za-z])(?!\w)")
    NIE = re.compile(r"(?<![\w.])([XYZxyz])[\s\-]?(\d{7})[\s\-]?([A-Za-z])(?!\w)")
    RUT = re.compile(r"(?<![\w.])(\d{1,2}\.?\d{3}\.?\d{3})-([\dkK])(?!\w)")
    CURP = re.compile(r"(?<!\w)[A-Z][AEIOUX][A-Z]{2}\d{6}[HM][A-Z]{5}[A-Z0-9]\d(?!\w)")
    SSN = re.compile(r"(?<![\w\-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w\-])")
    KEYWORD = re.compile(
        r"(?:\b(?:c[ée]dula(?:\s+de\s+(?:identidad|ciudadan[ií]a))?|c\.\s?c\.?|cc|c\.\s?i\.?|ci|dni|nie|"
        r"documento(?:\s+de\s+identidad)?|doc\.?|identificaci[oó]n|rut|curp|pasaporte|passport|"
        r"reisepass|ausweis|personalausweis|id\s+(?:card|number|no\.?))(?!\w))"
        r"(?:\s*(?:n[uú]mero|number|nro\.?|num\.?|nr\.?|no\.?|n[°º]\.?|#)(?!\w))?\s*[:#.]?\s*",
        re.IGNORECASE,
    )
    KEYED_VALUE = re.compile(r"(?:[VEve]-?)?(?:\d{1,3}(?:[.,\s]\d{3}){1,3}|\d{5,12})(?:-[\dkK])?(?!\w)")
    PASSPORT_VALUE = re.compile(r"[A-Z]{1,3}\d{5,9}(?!\w)|[A-Z0-9]{6,9}(?!\w)")

    def analyze(self, text: str, context: Context) -> list[Detection]:
        found: list[Detection] = []
        for match in self.DNI.finditer(text):
            if _DNI_LETTERS[int(match.group(1)) % 23] == match.group(2).upper():
                found.append(self._hit(match.start(), match.end(), match.group(0)))
        for match in self.NIE.finditer(text):
            number = "XYZ".index(match.group(1).upper()) * 10**7 + int(match.group(2))
            if _DNI_LETTERS[number % 23] == match.group(3).upper():
                found.append(self._hit(match.start(), match.end(), match.group(0)))
        for match in self.RUT.finditer(text):
            if _rut_check(match.group(1).replace(".", "")) == match.group(2).upper():
                found.append(self._hit(match.start(), match.end(), match.group(0)))
        for pattern in (self.CURP, self.SSN):
            found.extend(self._hit(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text))
        for keyword in self.KEYWORD.finditer(text):
            rest = text[keyword.end() :]
            passport = keyword.group(0).lower().startswith(("pasaporte", "passport", "reisepass"))
            value = (self.PASSPORT_VALUE if passport else self.KEYED_VALUE).match(rest)
            if value and re.search(r"\d", value.group(0)):
                start = keyword.end() + value.start()
                found.append(self._hit(start, start + len(value.group(0)), value.group(0)))
        return found

    def _hit(self, start: int, end: int, raw: str) -> Detection:
        return Detection(self.kind, start, end, re.sub(r"[\s.,\-]", "", raw).upper())


def _rut_check(body: str) -> str:
    total, factor = 0, 2
    for digit in reversed(body):
        total += int(digit) * factor
        factor = 2 if factor == 7 else factor + 1
    remainder = 11 - total % 11
    return {11: "0", 10: "K"}.get(remainder, str(remainder))
