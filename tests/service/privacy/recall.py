"""Per-kind recall and precision of redaction; `python -m tests.service.privacy.recall` rewrites
`recall.json` with the measured figures (the test holds floors under them), then prints the blind
set's two halves (`blind/`) scored by the shared leak scorer (`../shared/tools/pii_leak_scorer.py`:
share of values of each kind with nothing left in clear, and share of numeric decoys kept).

Two files: `snippets.jsonl` (generated from templates; the recognizers were tuned on it) and
`handwritten.jsonl` (written one by one; its first measurement, before any fix, is kept in the
README of this folder)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from service.privacy.registry import KINDS, analyze

HERE = Path(__file__).parent
SNIPPETS = HERE / "snippets.jsonl"
HANDWRITTEN = HERE / "handwritten.jsonl"
FIGURES = HERE / "recall.json"


def load(path: Path = SNIPPETS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def measure(rows: list[dict]) -> tuple[dict, list[tuple[str, str, object]]]:
    """Figures per kind, and every miss or false hit as (id, "miss"/"false", (kind, value))."""
    tp, fn, fp = Counter(), Counter(), Counter()
    errors: list[tuple[str, str, object]] = []
    for row in rows:
        expected = {(e["kind"], e["value"]) for e in row["expected"]}
        found = {(d.kind, d.value) for d in analyze(row["text"])}
        for item in expected:
            (tp if item in found else fn)[item[0]] += 1
            if item not in found:
                errors.append((row["id"], "miss", item))
        for item in found - expected:
            fp[item[0]] += 1
            errors.append((row["id"], "false", item))
    figures = {"snippets": len(rows)}
    for kind in KINDS:
        hits = tp[kind]
        figures[kind] = {
            "n": hits + fn[kind],
            "recall": round(hits / (hits + fn[kind]), 3) if hits + fn[kind] else None,
            "precision": round(hits / (hits + fp[kind]), 3) if hits + fp[kind] else None,
            "false_positives": fp[kind],
        }
    return figures, errors


def blind_figures() -> dict:
    """Leak-scorer figures of both blind halves (red-a untouched, red-b used for tuning)."""
    import importlib.util

    from service.privacy.redact import redact

    scorer_path = HERE.parents[3] / "shared" / "tools" / "pii_leak_scorer.py"
    spec = importlib.util.spec_from_file_location("pii_leak_scorer", scorer_path)
    if spec is None or spec.loader is None or not scorer_path.is_file():
        raise SystemExit(f"needs the shared leak scorer at {scorer_path}")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    key = b"recall-blind-key" * 2
    out = {}
    for name in ("red-a.jsonl", "red-b.jsonl"):
        rows = load(HERE / "blind" / name)
        report = scorer.score(rows, {r["id"]: redact(r["text"], key).text for r in rows})
        out[name] = {k: {"redacted": a, "n": b, "share": round(c, 3)} for k, (a, b, c) in report.items()}
    return out


if __name__ == "__main__":
    recorded = {}
    for path in (SNIPPETS, HANDWRITTEN):
        recorded[path.name], errors = measure(load(path))
        for error in errors:
            print(path.name, *error)
    FIGURES.write_text(json.dumps(recorded, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(recorded, indent=2))
    print(json.dumps(blind_figures(), indent=2))
