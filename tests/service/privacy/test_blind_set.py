"""The blind redaction set is well formed, and no recognizer can have learned its "555" shortcut."""

from __future__ import annotations

import ast
import itertools
import json
from pathlib import Path

import pytest

BLIND = Path(__file__).parent / "blind"
PRIVACY = Path(__file__).resolve().parents[3] / "service" / "privacy"


@pytest.mark.parametrize("name", ["red-a.jsonl", "red-b.jsonl"])
def test_values_are_exact_offsets(name: str) -> None:
    rows = [json.loads(line) for line in (BLIND / name).read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 160
    for row in rows:
        spans = sorted((p["start"], p["end"]) for p in row["pii"])
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), row["id"]
        for pii in row["pii"]:
            assert row["text"][pii["start"] : pii["end"]] == pii["value"], row["id"]
            assert pii["kind"] in {"PHONE", "EMAIL", "URL", "HANDLE", "ID"}


def _code_strings(source: str) -> list[str]:
    """String constants of a module except docstrings (which may quote examples)."""
    tree = ast.parse(source)
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs
    ]


def test_no_recognizer_pattern_mentions_555() -> None:
    for path in PRIVACY.rglob("*.py"):
        assert not any("555" in s for s in _code_strings(path.read_text(encoding="utf-8"))), path
