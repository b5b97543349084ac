"""Import the helpers' hand-written batches into labelled_data/v2/handwritten/ (run once per batch).

The hand-written part is data, not generated: this script only copies what the writers delivered
into the dataset schema, adds the second reader's labels, and writes the split (each writer's batch
whole on one side). Usage:

    python scripts/import_handwritten.py --writers WRITERS.json --out labelled_data/v2/handwritten

WRITERS.json maps each batch to {"file": writer's JSONL, "writer": "...", "check": second reader's
JSONL or null, "checker": "...", "split": "train"|"test"}.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from models.indicators.taxonomy import label_v2, load_taxonomy

KEYS = (
    "id", "text", "title", "label", "indicators", "spans", "child_risk", "kind", "lang", "country",
    "register", "family", "source", "batch", "writer", "second_reader",
)  # fmt: skip
CHILD = {"MINORS_TARGETED", "CHILD_DOMESTIC_PLACEMENT"}


def convert(row: dict, batch: str, writer: str, check: dict | None, checker: str | None) -> dict:
    taxonomy = load_taxonomy()
    spans = sorted(({"code": s["code"], "start": s["start"], "end": s["end"]} for s in row["spans"]),
                   key=lambda s: (s["start"], s["end"], s["code"]))  # fmt: skip
    codes = sorted({s["code"] for s in spans})
    assert all(c in taxonomy for c in codes), row["id"]
    assert label_v2(codes) == row["label"], f"{row['id']}: label does not follow the v2 rule"
    for s in spans:
        assert 0 <= s["start"] < s["end"] <= len(row["text"]), row["id"]
    second = None
    if check is not None:
        second = {
            "by": checker,
            "label": int(check["label"]),
            "child_risk": bool(check["child_risk"]),
            "indicators": sorted(check.get("indicators") or []),
        }
    record = {
        "id": row["id"],
        "text": row["text"],
        "title": row["text"].split("\n", 1)[0],
        "label": int(row["label"]),
        "indicators": codes,
        "spans": spans,
        "child_risk": bool(row["child_risk"]),
        "kind": row["kind"],
        "lang": row["lang"],
        "country": row.get("country"),
        "register": row.get("register"),
        "family": f"handwritten-{batch}",
        "source": "handwritten",
        "batch": batch,
        "writer": writer,
        "second_reader": second,
    }
    return {k: record[k] for k in KEYS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--writers", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    writers = json.loads(args.writers.read_text(encoding="utf-8"))
    splits: dict[str, list[dict]] = {"train": [], "test": []}
    summary = {}
    for batch, info in sorted(writers.items()):
        rows = [
            json.loads(line)
            for line in Path(info["file"]).read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        checks = {}
        if info.get("check") and Path(info["check"]).is_file():
            checks = {
                c["id"]: c
                for c in (
                    json.loads(line)
                    for line in Path(info["check"]).read_text(encoding="utf-8").splitlines()
                    if line.strip()
                )
            }
        converted = [
            convert(r, batch, info["writer"], checks.get(r["id"]), info.get("checker")) for r in rows
        ]
        splits[info["split"]].extend(converted)
        checked = [r for r in converted if r["second_reader"]]
        summary[batch] = {
            "split": info["split"],
            "writer": info["writer"],
            "checker": info.get("checker") if checked else None,
            "n": len(converted),
            "lang": dict(Counter(r["lang"] for r in converted)),
            "positives": sum(r["label"] for r in converted),
            "child_risk": sum(r["child_risk"] for r in converted),
            "kind": dict(Counter(r["kind"] for r in converted)),
            "checked": len(checked),
            "label_disagreements": sorted(
                r["id"] for r in checked if r["second_reader"]["label"] != r["label"]
            ),
            "child_risk_disagreements": sorted(
                r["id"] for r in checked if r["second_reader"]["child_risk"] != r["child_risk"]
            ),
        }
    args.out.mkdir(parents=True, exist_ok=True)
    for name, rows in splits.items():
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        (args.out / f"handwritten-{name}.jsonl").write_text(text, encoding="utf-8")
    (args.out / "batches.json").write_text(
        json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    for batch, s in summary.items():
        print(
            batch,
            s["split"],
            s["n"],
            "checked",
            s["checked"],
            "label disagreements",
            len(s["label_disagreements"]),
            "child disagreements",
            len(s["child_risk_disagreements"]),
        )


if __name__ == "__main__":
    main()
