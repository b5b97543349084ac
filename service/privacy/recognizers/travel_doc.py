"""Passports, driving licences and permits after any of the words people put before them.

"pasaporte", "passport (no.)", "PP", "travel document", "documento de viaje"; "driver's licence",
"DL#", "CDL", "licencia de conducir", "brevete", "permiso de conducir"; "visa no.", "work permit",
"BRP", "green card". The number is read by `id_value` (letters and digits, however spaced). A bare
"licence no." is an agency's or a business's far more often than a person's ("Agency licence
RE-12323", "Licence No. 0219-2025"), so it is not a keyword; a UK driving licence number is known
by its shape alone (`ShapeIdRecognizer`).
"""

from __future__ import annotations

import re

from service.privacy.recognizers.id_value import KeywordIdRecognizer

_WORDS = (
    r"pasaporte|passport|reisepass|pass\.?\s*(?:no|nr|number|#)|travel\s+doc(?:ument)?|documento\s+de\s+viaje|"
    r"(?:driver'?s?|driving)\s+licen[cs]e|licencia\s+de\s+(?:conducir|conducci[oó]n|manejo)|"
    r"brevete|permiso\s+de\s+conducir|carn[eé]t?\s+de\s+conducir|visa\s+(?:no|number|#)|"
    r"(?:work|residence)\s+permit|green\s+card"
)
_ACRONYMS = r"PP|DL|CDL|BRP"


class TravelDocumentRecognizer(KeywordIdRecognizer):
    KEYWORD = re.compile(rf"(?<![\w.])(?:(?i:{_WORDS})|{_ACRONYMS})(?![\w])")
