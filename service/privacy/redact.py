"""`redact(text, key)`: the function the review service calls at its door and `baliza redact` wraps.

Spans in the result point into the redacted text, because that is the only text anyone downstream
ever holds. The originals stay in memory for the vault and are never printed. After the recognizers,
`residual.scan` reads what redaction leaves (the same views, redacted spans blanked) once more and
masks anything still shaped like a contact value; `Redaction.residual` counts those hits per kind
(the service exports them as `baliza_redaction_residual_total{kind}`): each one is a recognizer gap.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from service.privacy import residual
from service.privacy.normalise import Canonical
from service.privacy.pseudonym import token
from service.privacy.registry import context_of, detect


@dataclass(frozen=True)
class Pseudonym:
    kind: str
    token: str
    start: int
    end: int

    def as_json(self) -> dict:
        return {"kind": self.kind, "token": self.token, "start": self.start, "end": self.end}


class Original(NamedTuple):
    """(kind, normalised value, raw text): for the vault only, never printed or stored in clear."""

    kind: str
    value: str
    raw: str


@dataclass(frozen=True)
class Redaction:
    text: str
    pseudonyms: list[Pseudonym] = field(default_factory=list)
    originals: list[Original] = field(default_factory=list)
    residual: dict[str, int] = field(default_factory=dict)


def redact(text: str, key: bytes, region: str | None = None) -> Redaction:
    """Replace every detected value by its token; `region` overrides the guessed one for phones."""
    ad = Canonical(text)
    context = context_of(ad, region)
    detections = detect(ad, context)
    leftovers = residual.scan(ad.without([(d.start, d.end) for d in detections]), context)
    parts: list[str] = []
    pseudonyms: list[Pseudonym] = []
    originals: list[Original] = []
    cursor = length = 0
    for detection in sorted(detections + leftovers, key=lambda d: d.start):
        before = text[cursor : detection.start]
        parts.append(before)
        length += len(before)
        tok = token(detection.kind, detection.value, key)
        pseudonyms.append(Pseudonym(detection.kind, tok, length, length + len(tok)))
        originals.append(Original(detection.kind, detection.value, detection.raw(text)))
        parts.append(tok)
        length += len(tok)
        cursor = detection.end
    parts.append(text[cursor:])
    counts = Counter(d.kind for d in leftovers)
    return Redaction("".join(parts), pseudonyms, originals, dict(sorted(counts.items())))
