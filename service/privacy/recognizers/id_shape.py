"""Identity numbers whose shape alone gives them away, with no keyword before them.

Mexican CURP (with a real birth date), "clave de elector" and RFC; US SSN (AAA-GG-SSSS, never
000/666/9xx) and ITIN (9xx-7x-xxxx); UK National Insurance numbers (two letters, six digits, A-D)
and driving licences (surname, birth date, initials); India's PAN; Ghana Card (GHA-…); Kenya's KRA
PIN; the Philippines' dashed SSS, PhilHealth and UMID numbers; Venezuelan cédulas with their V-/E-
prefix. Shapes that collide with phone numbers (a dashed 3-3-3 TIN, spaced 4-4-4 Aadhaar) need their
keyword (`NationalIdRecognizer`). Read on the folded view; the value is the number without
separators, upper-cased.
"""

from __future__ import annotations

import re

from service.privacy.normalise import Canonical
from service.privacy.recognizers.base import Context, Detection, Recognizer

_DATE = r"\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"


class ShapeIdRecognizer(Recognizer):
    kind = "ID"
    PATTERNS = tuple(
        re.compile(rf"(?<![\w\-]){shape}(?![\w\-])")
        for shape in (
            rf"[A-Z][AEIOUX][A-Z]{{2}}{_DATE}[HM][A-Z]{{5}}[A-Z0-9]\d",  # CURP
            r"[A-Z]{6}\d{8}[HM]\d{3}",  # clave de elector (INE)
            rf"[A-ZÑ&]{{4}}{_DATE}[A-Z0-9]{{3}}",  # RFC, persona física
            r"(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}",  # SSN
            r"9\d{2}-(?:5[0-9]|6[0-5]|7\d|8[0-8]|9[0-2]|9[4-9])-\d{4}",  # ITIN
            # NINO: two letters (some pairs never issued), three pairs of digits, A-D.
            r"(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z](?: ?\d\d){3} ?[A-D]",
            r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]",  # PAN
            r"GHA-?\d{9}-?\d",  # Ghana Card
            r"[AP]\d{9}[A-Z]",  # KRA PIN
            r"\d{2}-\d{7}-\d|\d{2}-\d{9}-\d|\d{4}-\d{7}-\d",  # SSS, PhilHealth, UMID CRN
            r"[VE]-\d{1,2}\.?\d{3}\.?\d{3}",  # Venezuelan cédula
            # UK driving licence: surname, decade, month (+5 for women), day, year, initials.
            r"[A-Z9]{5}\d(?:[05]\d|[16][0-2])(?:0[1-9]|[12]\d|3[01])\d[A-Z9]{2}\d[A-Z]{2}",
        )
    )

    def analyze(self, ad: Canonical, context: Context) -> list[Detection]:
        view = ad.folded
        found = []
        for pattern in self.PATTERNS:
            for match in pattern.finditer(view.text):
                value = re.sub(r"[^0-9A-ZÑ&]", "", match.group(0))
                found.append(self.found(view, match.start(), match.end(), value))
        return found
