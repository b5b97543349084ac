"""What a fitted model's indicator features depend on, recorded at training time and checked later.

`detector_sha256` hashes the detector's source: it says which code a model was trained with, and
changes with any edit, even one that changes no feature. `indicator_codes_sha256` hashes what the
detector *finds* in the model's own training texts, which is exactly what the head's indicator
columns learned from. If the detector the service runs finds something else in those texts, the
model scores with features it was never fitted on and must be retrained (`make default-model`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from models import indicators as indicators_package
from models.indicators import detect_many, load_taxonomy


def detector_fingerprint() -> str:
    """SHA-256 of the indicator rules, the sentence detector and the taxonomy (source provenance)."""
    root = Path(indicators_package.__file__).resolve().parent
    digest = hashlib.sha256()
    learned = [p for p in (root / "sentence_detector").glob("*") if p.is_file()]
    for path in sorted([*root.rglob("*.py"), root / "taxonomy.yaml", *learned]):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def indicator_fingerprint(texts: Sequence[str]) -> str:
    """SHA-256 of the sorted codes the detector finds in each text, in order, with each code's
    taxonomy weight (`IndicatorFeatures` sums the weights into a column of its own)."""
    taxonomy = load_taxonomy()
    digest = hashlib.sha256()
    for spans in detect_many(list(texts)):
        found = sorted({span.code for span in spans})
        digest.update(json.dumps([[code, taxonomy[code].weight] for code in found]).encode() + b"\n")
    return digest.hexdigest()

