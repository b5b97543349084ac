"""Measure the detector and the shipped model on a blind set, in whatever tree is first on sys.path.

Why a script of its own: the "before" figures must come from the code as it was before a change
(run it from a checkout of the old commit, `PYTHONPATH=<old checkout>`), where `baliza eval` had no
policy and no span table. It needs only `models.indicators.detect`, `models.resolve` and the model's
`predict_proba`; the flag policy is used when the tree has one, otherwise flagged = score >= threshold.

    PYTHONPATH=/path/to/old/checkout python research/blind_measure.py labelled_data/blind-v1/*.jsonl
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict

import numpy as np

from models.indicators import detect
from models.modeldir import load_model
from models.resolve import DEFAULT_MODEL_DIR

try:
    from models.indicators.offer import OfferContext
    from models.policy import decide
except ImportError:  # the tree predates the flag policy
    decide = None
try:
    from models.encoders import Encoders
except ImportError:  # the tree predates `Encoders` holders: its load_model takes a path alone
    Encoders = None


def main(paths: list[str]) -> None:
    rows = []
    for p in paths:
        with open(p, encoding="utf-8") as handle:
            rows += [json.loads(line) for line in handle if line.strip()]
    model = load_model(DEFAULT_MODEL_DIR) if Encoders is None else load_model(DEFAULT_MODEL_DIR, Encoders())
    probs = model.predict_proba([r["text"] for r in rows])
    out: dict = {"model": model.version, "n": len(rows), "per_lang": {}}
    flagged, child = [], []
    spans = []
    for r, p in zip(rows, probs, strict=True):
        found = detect(r["text"])
        spans.append(found)
        if decide is not None:
            d = decide(float(p), model.threshold, [s.code for s in found], OfferContext().offers(r["text"]))
            flagged.append(d.flagged)
            child.append(d.child_risk)
        else:
            flagged.append(bool(p >= model.threshold))
            child.append(False)
    y = np.array([r["label"] for r in rows])
    flagged_a, child_a = np.array(flagged), np.array(child)
    for lang in sorted({r["lang"] for r in rows}):
        idx = np.array([r["lang"] == lang for r in rows])
        yy, ff = y[idx], flagged_a[idx]
        out["per_lang"][lang] = {
            "n": int(idx.sum()),
            "recall": round(float((ff & (yy == 1)).sum() / max(1, (yy == 1).sum())), 3),
            "fpr": round(float((ff & (yy == 0)).sum() / max(1, (yy == 0).sum())), 3),
        }
    minors = np.array([bool(r.get("child_risk")) for r in rows]) & (y == 1)
    out["minors"] = {
        "positives": int(minors.sum()),
        "child_risk": int((minors & child_a).sum()),
        "flagged": int((minors & flagged_a).sum()),
    }
    subtle = np.array([r.get("kind") == "subtle" for r in rows])
    out["subtle_recall"] = round(float((subtle & flagged_a).sum() / max(1, subtle.sum())), 3)
    table: dict = defaultdict(lambda: [0, 0, 0, 0])
    for r, found in zip(rows, spans, strict=True):
        gold = [(g["code"], g["start"], g["end"]) for g in r.get("spans", [])]
        for c, s, e in gold:
            table[c][0] += 1
            table[c][1] += any(f.code == c and f.start < e and s < f.end for f in found)
        for f in found:
            table[f.code][2] += 1
            table[f.code][3] += any(c == f.code and f.start < e and s < f.end for c, s, e in gold)
    out["spans"] = {
        c: {
            "gold": g,
            "recall": round(h / g, 3) if g else None,
            "predicted": pn,
            "precision": round(ph / pn, 3) if pn else None,
        }
        for c, (g, h, pn, ph) in sorted(table.items())
    }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
