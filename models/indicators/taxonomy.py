"""Typed view of ``taxonomy.yaml``, the single source of indicator codes, names and weights.

The file is read once per process (``functools.cache``); callers get a fresh dict each time so no
caller can mutate what the detector, the data cards and the reports all rely on.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

TAXONOMY_PATH = Path(__file__).resolve().with_name("taxonomy.yaml")


@dataclass(frozen=True, slots=True)
class Indicator:
    """One risk indicator: stable code, bilingual name, definition, ILO mapping and weight."""

    code: str
    name_en: str
    name_es: str
    definition: str
    ilo: str
    weight: int


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
        )
        for entry in data["indicators"]
    )
    codes = [i.code for i in items]
    if len(set(codes)) != len(codes):
        raise ValueError(f"duplicate indicator codes in {TAXONOMY_PATH}")
    return items


def load_taxonomy() -> dict[str, Indicator]:
    """Map each code to its :class:`Indicator`, in file order."""
    return {indicator.code: indicator for indicator in _indicators()}


def codes() -> tuple[str, ...]:
    """All indicator codes, in file order."""
    return tuple(indicator.code for indicator in _indicators())


def __getattr__(name: str) -> tuple[str, ...]:
    # ``CODES`` is derived lazily so importing this module never touches the disk.
    if name == "CODES":
        return codes()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
