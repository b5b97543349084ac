"""E-mail addresses, plain and obfuscated the ways ads hide them from filters.

`nombre (arroba) dominio . com`, `name [at] mail [dot] com`, `name at mail dot com`,
`nombre@dominio punto com`. A bare "at"/"dot" only counts when the tail ends in a known TLD, so
"meet at the office" never matches. The value is de-obfuscated and lower-cased.
"""

from __future__ import annotations

import re

from service.privacy.recognizers.base import Context, Detection, Recognizer
from service.privacy.tlds import TLD_PATTERN


class EmailRecognizer(Recognizer):
    kind = "EMAIL"
    LOCAL = r"[A-Za-z0-9][A-Za-z0-9._%+\-]*"
    AT = r"(?:@|\s+@\s+|\s*[(\[{<]\s*(?:at|arroba)\s*[)\]}>]\s*|\s+arroba\s+)"
    BARE_AT = r"\s+at\s+"
    WORD_DOT = r"(?:\s*[(\[{<]\s*(?:dot|punto)\s*[)\]}>]\s*|\s+(?:dot|punto)\s+)"
    DOT = rf"(?:\.|{WORD_DOT}|\s\.\s?|\.\s)"
    LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
    DOMAIN = rf"{LABEL}(?:{DOT}{LABEL})*{DOT}(?:{TLD_PATTERN})(?![\w\-/])"
    # A literal "name@host.tld" is unambiguous, so any alphabetic TLD counts there (new gTLDs, the
    # reserved .example/.test of synthetic data); obfuscated forms still need a known TLD.
    PLAIN = rf"@{LABEL}(?:\.{LABEL})*\.[A-Za-z]{{2,24}}(?![\w\-/@])"
    # A bare " at " is everyday English ("details at t.me/x"): it needs a spelled-out dot too.
    PATTERN = re.compile(
        rf"(?<![\w.@]){LOCAL}(?:{PLAIN}|{AT}{DOMAIN}|{BARE_AT}(?=[^\s]*{WORD_DOT}){DOMAIN})", re.IGNORECASE
    )
    AT_ONLY = re.compile(rf"{AT}|{BARE_AT}", re.IGNORECASE)
    DOT_ONLY = re.compile(DOT, re.IGNORECASE)

    def analyze(self, text: str, context: Context) -> list[Detection]:
        detections = []
        for match in self.PATTERN.finditer(text):
            raw = match.group(0)
            local, domain = self.AT_ONLY.split(raw, maxsplit=1)
            value = f"{local}@{'.'.join(self.DOT_ONLY.split(domain))}".lower()
            detections.append(Detection(self.kind, match.start(), match.end(), value))
        return detections
