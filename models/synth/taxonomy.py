"""Indicator weights and the labelling rule of the synthetic data.

The weights live in ``models/indicators/taxonomy.yaml`` (one file read by every part of Baliza), so
they are loaded from there rather than copied here: if the taxonomy changes, the labels follow.
The rule is deliberately about *combinations*: a single indicator (even a strong one) is common in
ordinary job ads and is never enough on its own to call an ad a likely recruitment into exploitation.
"""

from __future__ import annotations

import functools
import pathlib
from collections.abc import Iterable

import yaml

TAXONOMY_PATH = pathlib.Path(__file__).resolve().parents[1] / "indicators" / "taxonomy.yaml"

#: Minimum number of distinct indicators and minimum summed weight for a positive label.
MIN_INDICATORS = 2
MIN_WEIGHT = 3


@functools.lru_cache(maxsize=1)
def load_taxonomy() -> tuple[dict, ...]:
    """Return the taxonomy entries (code, weight, name, definition, ilo) in file order."""
    with TAXONOMY_PATH.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return tuple(data["indicators"])


def weights() -> dict[str, int]:
    """Map each indicator code to its weight (2 = strong, 1 = weak), in taxonomy order."""
    return dict(_weights())


@functools.lru_cache(maxsize=1)
def _weights() -> tuple[tuple[str, int], ...]:
    return tuple((entry["code"], int(entry["weight"])) for entry in load_taxonomy())


def codes() -> tuple[str, ...]:
    """All indicator codes in taxonomy order."""
    return tuple(weights())


def strong_codes() -> tuple[str, ...]:
    """Codes whose weight alone reaches 2 (strong evidence)."""
    return tuple(code for code, w in weights().items() if w >= 2)


def weak_codes() -> tuple[str, ...]:
    """Codes of weight 1 (weak evidence: common in ordinary ads)."""
    return tuple(code for code, w in weights().items() if w < 2)


def label_for(indicators: Iterable[str]) -> int:
    """Label an ad from the indicators it shows: 1 iff >= 2 distinct codes whose weights sum to >= 3.

    Unknown codes raise ``ValueError`` so a typo in a template can never silently change a label.
    """
    table = dict(_weights())
    distinct = sorted(set(indicators))
    unknown = [code for code in distinct if code not in table]
    if unknown:
        raise ValueError(f"unknown indicator codes: {unknown}")
    total = sum(table[code] for code in distinct)
    return int(len(distinct) >= MIN_INDICATORS and total >= MIN_WEIGHT)
