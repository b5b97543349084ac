"""Loads the recognizers and settles overlapping detections the same way every time.

Every recognizer reads the same `Canonical` views of the ad (built once here), so a disguise is
undone once for all of them. Longest span wins (a wa.me link beats the number inside it, an e-mail
beats the domain inside it); on equal length the fixed `PRIORITY` decides (a keyword-backed ID beats
a phone reading of the same digits; "IG: agencia.top" is a handle, not a domain); then the earlier
start.
"""

from __future__ import annotations

from functools import cache

from service.privacy.normalise import Canonical
from service.privacy.recognizers.base import Context, Detection, Recognizer
from service.privacy.recognizers.email import EmailRecognizer
from service.privacy.recognizers.handle import HandleRecognizer
from service.privacy.recognizers.id_checksum import ChecksumIdRecognizer
from service.privacy.recognizers.id_shape import ShapeIdRecognizer
from service.privacy.recognizers.national_id import NationalIdRecognizer
from service.privacy.recognizers.phone import PhoneRecognizer
from service.privacy.recognizers.platform_handle import PlatformHandleRecognizer
from service.privacy.recognizers.travel_doc import TravelDocumentRecognizer
from service.privacy.recognizers.url import UrlRecognizer
from service.privacy.regions import guess_regions

KINDS = ("PHONE", "EMAIL", "URL", "HANDLE", "ID")
PRIORITY = {"EMAIL": 0, "ID": 1, "HANDLE": 2, "URL": 3, "PHONE": 4}


@cache
def recognizers() -> tuple[Recognizer, ...]:
    return (
        PhoneRecognizer(),
        EmailRecognizer(),
        UrlRecognizer(),
        HandleRecognizer(),
        PlatformHandleRecognizer(),
        ChecksumIdRecognizer(),
        ShapeIdRecognizer(),
        NationalIdRecognizer(),
        TravelDocumentRecognizer(),
    )


def analyze(text: str, region: str | None = None) -> list[Detection]:
    """Every piece of personal data in `text`, non-overlapping, in text order."""
    ad = Canonical(text)
    return detect(ad, context_of(ad, region))


def context_of(ad: Canonical, region: str | None = None) -> Context:
    """The regions the ad points to (an explicit `region` first)."""
    hinted = guess_regions(ad.folded.text)
    return Context(regions=(region, *hinted) if region else hinted)


def detect(ad: Canonical, context: Context) -> list[Detection]:
    """What every recognizer finds in `ad`, settled into non-overlapping detections."""
    return settle([d for recognizer in recognizers() for d in recognizer.analyze(ad, context)])


def settle(candidates: list[Detection]) -> list[Detection]:
    """Non-overlapping detections in text order: longest first, then `PRIORITY`, then earliest."""
    candidates = sorted(candidates, key=lambda d: (-(d.end - d.start), PRIORITY[d.kind], d.start))
    chosen: list[Detection] = []
    for detection in candidates:
        if all(detection.end <= c.start or detection.start >= c.end for c in chosen):
            chosen.append(detection)
    return sorted(chosen, key=lambda d: d.start)
