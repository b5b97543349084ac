"""Loads the recognizers and settles overlapping detections the same way every time.

Longest span wins (a wa.me link beats the number inside it, an e-mail beats the domain inside it);
on equal length the fixed `PRIORITY` decides (a keyword-backed ID beats a phone reading of the same
digits; "IG: agencia.top" is a handle, not a domain); then the earlier start.
"""

from __future__ import annotations

from functools import cache

from service.privacy.recognizers.base import Context, Detection, Recognizer
from service.privacy.recognizers.email import EmailRecognizer
from service.privacy.recognizers.handle import HandleRecognizer
from service.privacy.recognizers.ids import IdRecognizer
from service.privacy.recognizers.phone import PhoneRecognizer
from service.privacy.recognizers.url import UrlRecognizer
from service.privacy.regions import guess_regions

KINDS = ("PHONE", "EMAIL", "URL", "HANDLE", "ID")
PRIORITY = {"EMAIL": 0, "ID": 1, "HANDLE": 2, "URL": 3, "PHONE": 4}


@cache
def recognizers() -> tuple[Recognizer, ...]:
    return (PhoneRecognizer(), EmailRecognizer(), UrlRecognizer(), HandleRecognizer(), IdRecognizer())


def analyze(text: str, region: str | None = None) -> list[Detection]:
    """Every piece of personal data in `text`, non-overlapping, in text order."""
    hinted = guess_regions(text)
    context = Context(regions=(region, *hinted) if region else hinted)
    candidates = [d for recognizer in recognizers() for d in recognizer.analyze(text, context)]
    candidates.sort(key=lambda d: (-(d.end - d.start), PRIORITY[d.kind], d.start))
    chosen: list[Detection] = []
    for detection in candidates:
        if all(detection.end <= c.start or detection.start >= c.end for c in chosen):
            chosen.append(detection)
    return sorted(chosen, key=lambda d: d.start)
