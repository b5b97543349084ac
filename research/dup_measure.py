"""Measure near-duplicate decisions on a blind set of ad pairs, in whatever tree is first on sys.path.

Two decisions read the same MinHash signatures: the crawler drops a repost (`NearDuplicateIndex`,
estimated Jaccard >= its threshold, 0.8 by default) and the review service links two items
(`models.linking`, >= `NEAR_DUPLICATE`). The "before" figures come from a checkout of the old
commit (`PYTHONPATH=<old checkout>`), so only names both trees have are used.

    PYTHONPATH=/path/to/old/checkout python research/dup_measure.py labelled_data/blind-dup-v1/*.jsonl
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict

from crawler.neardup import NearDuplicateIndex
from models.linking import NEAR_DUPLICATE, signature, similarity


def _decisions(pair: dict) -> dict[str, bool]:
    index = NearDuplicateIndex()
    index.match("a", pair["a"])
    crawler = index.match("b", pair["b"]) == "a"
    service = similarity(signature(pair["a"]), signature(pair["b"])) >= NEAR_DUPLICATE
    return {"crawler": crawler, "service": service}


def _rates(rows: list[tuple[dict, dict[str, bool]]]) -> dict:
    out: dict = {}
    for who in ("crawler", "service"):
        same = [d[who] for p, d in rows if p["same"]]
        other = [d[who] for p, d in rows if not p["same"]]
        out[who] = {
            "same_pairs": len(same),
            "recall": round(sum(same) / len(same), 3) if same else None,
            "different_pairs": len(other),
            "false_merge_rate": round(sum(other) / len(other), 3) if other else None,
        }
    return out


def main(paths: list[str]) -> None:
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    pair = json.loads(line)
                    rows.append((pair, _decisions(pair)))
    by: dict[str, dict[str, list]] = {"batch": defaultdict(list), "lang": defaultdict(list)}
    kinds: dict[str, list] = defaultdict(list)
    for pair, decided in rows:
        by["batch"][pair["batch"]].append((pair, decided))
        by["lang"][pair["lang"]].append((pair, decided))
        for kind in pair["variation"]:
            kinds[kind].append((pair, decided))
    report = {
        "n": len(rows),
        "all": _rates(rows),
        "per_batch": {k: _rates(v) for k, v in sorted(by["batch"].items())},
        "per_lang": {k: _rates(v) for k, v in sorted(by["lang"].items())},
        "per_variation": {k: _rates(v) for k, v in sorted(kinds.items())},
    }
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
