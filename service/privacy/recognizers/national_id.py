"""National identity numbers after the words ads and CVs put before them, in the es/en countries.

Cédulas (C.C., C.I., CIN), DNI/NIE/NIF, DUI, DPI/CUI, RUT/RUN, CUIL/CUIT, CURP, RFC, INE and its
"clave de elector", NSS, PPT/PEP permits, carnés; NIN, BVN, Ghana Card, KRA PIN, Huduma, Aadhaar,
PAN, voter ID, SSS, PhilHealth, UMID, TIN, PhilSys, SSN/ITIN, SIN, TFN, IRD, PPS, NI/NINO, NHS,
Jamaica's TRN, Singapore's NRIC/FIN, Malaysia's IC.
Acronyms that are also everyday words ("CI", "PAN" = bread, "SIN" = without, "NI" = nor, "ID") count
only in capitals; the rest in any case. The number itself is read by `id_value` however spaced.
Plain digit runs count only after a keyword, so prices, dates, years and postal codes stay.
"""

from __future__ import annotations

import re

from service.privacy.recognizers.id_value import KeywordIdRecognizer

_WORDS = (
    r"c[ée]dula(?:\s+de\s+(?:identidad(?:\s+y\s+electoral)?|ciudadan[ií]a|extranjer[ií]a))?|"
    r"carn[eé]t?(?:\s+de\s+(?:identidad|extranjer[ií]a))?|"
    r"documento(?:\s+(?:de\s+identidad|nacional\s+de\s+identidad|de\s+identificaci[oó]n))?|doc\.|"
    r"identificaci[oó]n|n[uú]mero\s+de\s+identidad|tarjeta\s+de\s+identidad|clave\s+de\s+elector|"
    r"(?:n[uú]mero\s+de\s+(?:la\s+)?)?seguridad\s+social|seguro\s+social|"
    r"permiso\s+(?:de\s+trabajo|de\s+residencia|por\s+protecci[oó]n\s+temporal)|"
    r"(?:national|identity|id|voter'?s?|resident)\s+(?:id|card|number)|national\s+id|"
    r"social\s+security(?:\s+number)?|national\s+insurance(?:\s+number)?|"
    r"ghana\s?card|philhealth|pag-?ibig|philsys|aadhaa?r|huduma(?:\s+namba)?|kra\s+pin|medicare|"
    r"d\.\s?n\.\s?i\.?|n\.\s?i\.\s?e\.?|r\.\s?u\.\s?t\.?|n\.\s?i\.\s?f\.?|c\.\s?u\.\s?r\.\s?p\.?|"
    r"dni|nie|nif|curp|rut|cuil|cuit|ssn|nss|dpi|dui|nuip|ppsn|itin|nino|umid|nira|rfc|nric|mykad"
)
_ACRONYMS = (
    r"C\.\s?[CIE]\.?|[Cc]\.\s?[Cc]\.|I\.\s?D\.?|Id|CC|CI|CIN|CE|CIP|CUI|RUN|RTN|INE|IFE|PPT|PEP|T\.\s?I\.|TI|ID|NIN|BVN|"
    r"EPIC|PAN|UAN|SIN|TIN|TFN|IRD|PPS|NI|NHS|NHIS|SSS|CRN|PSN|TRN|IC|FIN"
)


class NationalIdRecognizer(KeywordIdRecognizer):
    KEYWORD = re.compile(rf"(?<![\w.])(?:(?i:{_WORDS})|{_ACRONYMS})(?![\w])")
