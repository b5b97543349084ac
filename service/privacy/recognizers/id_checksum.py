"""Identity numbers that carry their own check, so they count with no keyword before them.

Spanish DNI/NIE (control letter), Chilean RUT/RUN (mod-11 digit, `K` for ten), Argentine CUIL/CUIT
(mod 11), Uruguayan cédula (weighted mod 10), Dominican cédula (Luhn) and bank accounts as IBAN
(mod 97), each in the punctuation they are written with. A wrong check digit means a code or a
typo, and is left alone. Read on the folded view (the letters matter); the value is the number
without separators, upper-cased.
"""

from __future__ import annotations

import re

from service.privacy.normalise import Canonical
from service.privacy.recognizers.base import Context, Detection, Recognizer

_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
_DASH = r"[ \t]?-[ \t]?"


class ChecksumIdRecognizer(Recognizer):
    kind = "ID"
    DNI = re.compile(r"(?<![\w.])(\d{2}\.?\d{3}\.?\d{3})[\s\-]?([A-Za-z])(?!\w)")
    NIE = re.compile(r"(?<![\w.])([XYZxyz])[\s\-]?(\d{7})[\s\-]?([A-Za-z])(?!\w)")
    RUT = re.compile(rf"(?<![\w.])(\d{{1,2}}\.?\d{{3}}\.?\d{{3}}){_DASH}([\dkK])(?!\w)")
    CUIT = re.compile(r"(?<![\w.\-])((?:20|23|24|27|30|33|34)-\d{8})-(\d)(?![\w\-])")
    URUGUAY = re.compile(r"(?<![\w.])(\d\.\d{3}\.\d{3})-(\d)(?![\w\-])")
    DOMINICAN = re.compile(r"(?<![\w.\-])(\d{3}-\d{7})-(\d)(?![\w\-])")
    IBAN = re.compile(r"(?<![\w\-])([A-Z]{2}\d{2})((?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)(?![\w\-])")

    def analyze(self, ad: Canonical, context: Context) -> list[Detection]:
        view = ad.folded
        text = view.text
        found = []
        checks = (
            (self.DNI, _dni_ok),
            (self.NIE, _nie_ok),
            (self.RUT, _rut_ok),
            (self.CUIT, _cuit_ok),
            (self.URUGUAY, _uruguay_ok),
            (self.DOMINICAN, _luhn_ok),
            (self.IBAN, _iban_ok),
        )
        for pattern, check in checks:
            for match in pattern.finditer(text):
                if check(*match.groups()):
                    value = re.sub(r"[^0-9A-Z]", "", match.group(0).upper())
                    found.append(self.found(view, match.start(), match.end(), value))
        return found


def _digits(body: str) -> str:
    return re.sub(r"\D", "", body)


def _dni_ok(body: str, letter: str) -> bool:
    return _DNI_LETTERS[int(_digits(body)) % 23] == letter.upper()


def _nie_ok(prefix: str, body: str, letter: str) -> bool:
    return _DNI_LETTERS[("XYZ".index(prefix.upper()) * 10**7 + int(body)) % 23] == letter.upper()


def _rut_ok(body: str, check: str) -> bool:
    total, factor = 0, 2
    for digit in reversed(_digits(body)):
        total += int(digit) * factor
        factor = 2 if factor == 7 else factor + 1
    remainder = 11 - total % 11
    return {11: "0", 10: "K"}.get(remainder, str(remainder)) == check.upper()


def _cuit_ok(body: str, check: str) -> bool:
    total = sum(int(d) * w for d, w in zip(_digits(body), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2), strict=True))
    expected = {11: 0, 10: 9}.get(11 - total % 11, 11 - total % 11)
    return expected == int(check)


def _uruguay_ok(body: str, check: str) -> bool:
    total = sum(int(d) * w for d, w in zip(_digits(body), (2, 9, 8, 7, 6, 3, 4), strict=True))
    return (10 - total % 10) % 10 == int(check)


def _iban_ok(head: str, body: str) -> bool:
    rearranged = re.sub(r"\s", "", body) + head
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def _luhn_ok(body: str, check: str) -> bool:
    total = 0
    for i, digit in enumerate(reversed(_digits(body) + check)):
        value = int(digit) * (2 if i % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0
