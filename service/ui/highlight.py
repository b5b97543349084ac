"""Turn an item's redacted text into display segments: plain text, indicator spans, protective
wording, pseudonym chips.

Segments are data, not HTML: the template escapes every piece, so an ad holding `<script>` is shown
as those characters. Indicator spans may overlap each other and protective wording; a pseudonym
token never overlaps an indicator in a way that matters, so tokens win where they meet, and a red
flag is drawn over protective wording where both cover the same words (the template's order).
"""

from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass, field

TOKEN = re.compile(r"\[(PHONE|EMAIL|URL|HANDLE|ID|NAME):[0-9a-f]{12}\]")


@dataclass
class Segment:
    text: str
    codes: list[str] = field(default_factory=list)
    token: str | None = None
    kind: str | None = None
    protects: list[str] = field(default_factory=list)  # protective-wording types


def segments(text: str, spans: list[dict], protective: list[dict] | None = None) -> list[Segment]:
    """Split `text` at every span and token boundary; each piece knows its indicator codes and the
    protective-wording types covering it."""
    protective = protective or []
    tokens = [(m.start(), m.end(), m.group(0), m.group(1)) for m in TOKEN.finditer(text)]
    cuts = {0, len(text)}
    for span in [*spans, *protective]:
        cuts.update((max(0, min(len(text), span["start"])), max(0, min(len(text), span["end"]))))
    for start, end, _, _ in tokens:
        cuts.update((start, end))
    points = sorted(cuts)
    out: list[Segment] = []
    for start, end in itertools.pairwise(points):
        if start == end:
            continue
        token = next((t for t in tokens if t[0] <= start and end <= t[1]), None)
        if token is not None:
            if out and out[-1].token == token[2]:
                continue
            out.append(Segment(token[2], token=token[2], kind=token[3]))
            continue
        codes = sorted({s["code"] for s in spans if s["start"] <= start and end <= s["end"]})
        protects = sorted({s["type"] for s in protective if s["start"] <= start and end <= s["end"]})
        out.append(Segment(text[start:end], codes=codes, protects=protects))
    return out


@dataclass
class DiffPiece:
    text: str
    op: str  # equal | insert | delete


def word_diff(a: str, b: str) -> tuple[list[DiffPiece], list[DiffPiece]]:
    """Word-level differences of two near-duplicate ads, for a side-by-side view."""
    wa, wb = re.findall(r"\S+|\s+", a), re.findall(r"\S+|\s+", b)
    left: list[DiffPiece] = []
    right: list[DiffPiece] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).get_opcodes():
        if op == "equal":
            left.append(DiffPiece("".join(wa[i1:i2]), "equal"))
            right.append(DiffPiece("".join(wb[j1:j2]), "equal"))
            continue
        if i2 > i1:
            left.append(DiffPiece("".join(wa[i1:i2]), "delete"))
        if j2 > j1:
            right.append(DiffPiece("".join(wb[j1:j2]), "insert"))
    return left, right
