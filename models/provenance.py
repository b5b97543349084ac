"""Where training labels come from, and which ones are not trained on.

Training files mix datasets (synthetic or real ads whose label came with the file) and exports of
analysts' decisions (`baliza export decisions`, provenance `analyst-decision`). Each row keeps its
`provenance` through training: the manifest counts rows per provenance and source, and the
out-of-fold figures are also given per provenance, so a researcher can see what the analysts'
labels added.

Decisions reviewers disagreed on (`disagreement: true`, e.g. an analyst escalated leaning to
confirm and the supervisor dismissed) are **held out**: the label is contested, and a contested
label teaches the model the noise of one reviewer. They are counted and listed by id instead, so
the disagreement itself can be studied.

Grouped folds need a group per row. Decisions have no template family; two ads of one recruiter
(the same phone or e-mail, redacted to the same pseudonym token) are near-copies, and a copy on
each side of a fold would make the threshold look better than it is. So rows without a family are
grouped by the pseudonym tokens they share (connected components), and a row sharing none is its
own group.
"""

from __future__ import annotations

import re
from collections import Counter

from models.unionfind import UnionFind

DECISION = "analyst-decision"
DATASET = "dataset"  # the label came with the file (synthetic generator, a labelled corpus)
# `[KIND:xxxxxxxxxxxx]`, the pseudonym token of the redactor (CONTRACTS.md, "Pseudonym token").
PSEUDONYM = re.compile(r"\[[A-Z]+:[0-9a-f]{12}\]")


def provenance(record: dict) -> str:
    return str(record.get("provenance") or DATASET)


def is_held_out(record: dict) -> bool:
    """A decision reviewers disagreed on: reported, never fitted."""
    return record.get("disagreement") is True


def split_held_out(records: list[dict]) -> tuple[list[dict], list[dict]]:
    """(rows to train on, rows held out because reviewers disagreed), each in input order."""
    kept = [r for r in records if not is_held_out(r)]
    held = [r for r in records if is_held_out(r)]
    return kept, held


def group_keys(records: list[dict]) -> list[str]:
    """The fold group of each row: its family; else its pseudonym-linked cluster; else file and id."""
    keys = [r.get("family") or f"{r.get('_file', '')}:{r['id']}" for r in records]
    components = UnionFind(len(records))
    first: dict[str, int] = {}
    for i, record in enumerate(records):
        if record.get("family"):
            continue
        for token in sorted(set(PSEUDONYM.findall(str(record.get("text", ""))))):
            if token in first:
                components.union(i, first[token])
            else:
                first[token] = i
    roots = [components.find(i) for i in range(len(records))]
    linked = Counter(roots)
    return [
        f"linked:{keys[roots[i]]}" if not records[i].get("family") and linked[roots[i]] > 1 else keys[i]
        for i in range(len(records))
    ]


def describe_rows(rows: list[dict]) -> dict:
    """One file's provenance block: counts per provenance and source, held-out and sampled rows."""
    held = [r for r in rows if is_held_out(r)]
    return {
        "trained": len(rows) - len(held),
        "provenance": dict(sorted(Counter(provenance(r) for r in rows).items())),
        "sources": dict(sorted(Counter(str(r.get("source") or "unknown") for r in rows).items())),
        "held_out_disagreement": len(held),
        "held_out_positives": sum(int(r["label"]) for r in held),
        "held_out_ids": [str(r["id"]) for r in held],
        "uncertainty_sampled": sum(1 for r in rows if r.get("uncertainty_sampled") is True),
    }
