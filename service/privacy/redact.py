"""`redact(text, key)`: the function the review service calls at its door and `baliza redact` wraps.

Spans in the result point into the redacted text, because that is the only text anyone downstream
ever holds. The originals stay in memory for the vault and are never printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from service.privacy.pseudonym import token
from service.privacy.registry import analyze


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


def redact(text: str, key: bytes, region: str | None = None) -> Redaction:
    """Replace every detected value by its token; `region` overrides the guessed one for phones."""
    parts: list[str] = []
    pseudonyms: list[Pseudonym] = []
    originals: list[Original] = []
    cursor = length = 0
    for detection in analyze(text, region):
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
    return Redaction("".join(parts), pseudonyms, originals)
