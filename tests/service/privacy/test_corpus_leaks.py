"""After redaction, no phone-like run of digits is left in the synthetic test ads.

The generator writes phones the way ads do, including numbers no numbering plan accepts; a reader
would still dial them, so redaction must take them too. What may remain: prices and distances in
thousands groups ("1.700.000", "120.000 km"), years, agency licence and reference numbers.
"""

from __future__ import annotations

import re

from service.privacy.redact import redact
from tests.factories import TEST_FILE, read_jsonl

TOKEN = re.compile(r"\[[A-Z]+:[0-9a-f]{12}\]")
DIGIT_RUN = re.compile(r"\+?\(?\d[\d \t().-]{6,}\d")
AMOUNT = re.compile(r"\d{1,3}(?:\.\d{3})+")
# Agency licences and registrations ("licence 9900…", "Res. 9900…", "autorizada nº 3556-2023").
REFERENCE = re.compile(r"(?:licen[cs]e|ref\w*|c[oó]digo|no\.|n\.?\s?[º°]|res\.|registro)\W*$", re.IGNORECASE)


def phone_like_runs(text: str) -> list[str]:
    flat = TOKEN.sub("[T]", text)
    runs = []
    for match in DIGIT_RUN.finditer(flat):
        raw = match.group().strip()
        if len(re.sub(r"\D", "", raw)) < 8 or AMOUNT.fullmatch(raw):
            continue
        if REFERENCE.search(flat[max(0, match.start() - 20) : match.start()]):
            continue
        runs.append(raw)
    return runs


def test_no_phone_like_digits_survive_redaction():
    key = b"corpus-leak-test-key"
    leaks = {
        row["id"]: runs
        for row in read_jsonl(TEST_FILE)
        if (runs := phone_like_runs(redact(row["text"], key).text))
    }
    assert leaks == {}


def test_the_scan_itself_sees_phones():
    assert phone_like_runs("Tel +52 222 5550 1117 o 0998-555-0574") == ["+52 222 5550 1117", "0998-555-0574"]
    assert phone_like_runs("Sueldo 1.700.000 pesos, licence 9900068094") == []
