"""Typed view of ``taxonomy.yaml``, the single source of indicator codes, names, severity and weights.

The file is read once per process (``functools.cache``); callers get a fresh dict each time so no
caller can mutate what the detector, the data cards and the reports all rely on.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml

TAXONOMY_PATH = Path(__file__).resolve().with_name("taxonomy.yaml")

Severity = Literal["decisive", "strong", "weak"]
SEVERITIES: tuple[Severity, ...] = ("decisive", "strong", "weak")
#: Points per severity in the v2 labelling rule: an ad offering work, travel or lodging is a
#: positive when its indicators reach POSITIVE_POINTS (one decisive; a strong plus any; three weak).
SEVERITY_POINTS: dict[str, int] = {"decisive": 3, "strong": 2, "weak": 1}
POSITIVE_POINTS = 3
#: Codes whose presence means an ad seeks people under 18 (`child_risk`).
CHILD_CODES: frozenset[str] = frozenset({"MINORS_TARGETED", "CHILD_DOMESTIC_PLACEMENT"})


@dataclass(frozen=True, slots=True)
class Indicator:
    """One risk indicator: stable code, bilingual name, definition and ILO mapping, severity, weight.

    ``definition`` and ``ilo`` are the English texts (what the data cards, the API and the stored
    reports quote); ``*_es`` their Spanish, so a Spanish page never falls back to English.
    ``severity`` drives the flag policy and the v2 labelling rule; ``weight`` is the v1 rule's
    evidence, kept so synthetic-v1 rebuilds byte for byte.
    """

    code: str
    name_en: str
    name_es: str
    definition: str
    ilo: str
    weight: int
    severity: Severity
    definition_es: str
    ilo_es: str

    def name_in(self, lang: str) -> str:
        """The name in `lang` (Spanish for "es", English otherwise)."""
        return self.name_es if lang == "es" else self.name_en

    def definition_in(self, lang: str) -> str:
        return self.definition_es if lang == "es" else self.definition

    def ilo_in(self, lang: str) -> str:
        return self.ilo_es if lang == "es" else self.ilo

    @property
    def decisive(self) -> bool:
        return self.severity == "decisive"

    @property
    def points(self) -> int:
        return SEVERITY_POINTS[self.severity]


@functools.cache
def _indicators() -> tuple[Indicator, ...]:
    with TAXONOMY_PATH.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    items = tuple(
        Indicator(
            code=str(entry["code"]),
            name_en=str(entry["name"]["en"]),
            name_es=str(entry["name"]["es"]),
            definition=str(entry["definition"]).strip(),
            ilo=str(entry["ilo"]),
            weight=int(entry["weight"]),
            severity=entry["severity"],
            definition_es=str(entry["definition_es"]).strip(),
            ilo_es=str(entry["ilo_es"]),
        )
        for entry in data["indicators"]
    )
    codes = [i.code for i in items]
    if len(set(codes)) != len(codes):
        raise ValueError(f"duplicate indicator codes in {TAXONOMY_PATH}")
    bad = [i.code for i in items if i.severity not in SEVERITIES]
    if bad:
        raise ValueError(f"indicator codes without a valid severity in {TAXONOMY_PATH}: {bad}")
    return items


def load_taxonomy() -> dict[str, Indicator]:
    """Map each code to its :class:`Indicator`, in file order."""
    return {indicator.code: indicator for indicator in _indicators()}


def label_v2(found: Iterable[str]) -> int:
    """The v2 labelling rule for an ad that offers work, travel or lodging: 1 iff the distinct codes'
    severity points reach POSITIVE_POINTS (one decisive; a strong plus any other; three weak)."""
    table = load_taxonomy()
    distinct = set(found)
    unknown = sorted(distinct - table.keys())
    if unknown:
        raise ValueError(f"unknown indicator codes: {unknown}")
    return int(sum(table[code].points for code in distinct) >= POSITIVE_POINTS)


def decisive_codes() -> frozenset[str]:
    """Codes that flag an ad on their own (in an ad that offers work, travel or lodging)."""
    return frozenset(i.code for i in _indicators() if i.severity == "decisive")


def codes() -> tuple[str, ...]:
    """All indicator codes, in file order."""
    return tuple(indicator.code for indicator in _indicators())


def __getattr__(name: str) -> tuple[str, ...]:
    # ``CODES`` is derived lazily so importing this module never touches the disk.
    if name == "CODES":
        return codes()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
