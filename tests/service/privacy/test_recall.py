"""Per-kind recall and precision on the labelled snippet sets; floors sit under the measured figures,
and `recall.json` must hold exactly what the code measures today."""

from __future__ import annotations

import json

import pytest

from tests.service.privacy import make_snippets
from tests.service.privacy.recall import FIGURES, HANDWRITTEN, SNIPPETS, load, measure

RECALL_FLOOR = {"PHONE": 0.95, "EMAIL": 0.95, "URL": 0.95, "HANDLE": 0.9, "ID": 0.9}
PRECISION_FLOOR = {"PHONE": 0.95, "EMAIL": 0.95, "URL": 0.9, "HANDLE": 0.9, "ID": 0.95}


def test_set_is_large_bilingual_and_rebuilds_byte_for_byte():
    rows = load()
    assert len(rows) >= 300 and {row["lang"] for row in rows} == {"es", "en"}
    assert sum(not row["expected"] for row in rows) >= 40
    rebuilt = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in make_snippets.build())
    assert rebuilt == SNIPPETS.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", [SNIPPETS, HANDWRITTEN], ids=lambda p: p.name)
def test_recall_and_precision_floors(path):
    figures, errors = measure(load(path))
    for kind, floor in RECALL_FLOOR.items():
        assert figures[kind]["recall"] >= floor, (kind, figures[kind], errors)
        assert figures[kind]["precision"] >= PRECISION_FLOOR[kind], (kind, figures[kind], errors)
    recorded = json.loads(FIGURES.read_text(encoding="utf-8"))[path.name]
    assert recorded == figures, "figures changed: rerun python -m tests.service.privacy.recall"
