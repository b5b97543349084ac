"""Figures of the flag policy and of the indicator spans, for `baliza eval`.

The model's own figures (PR-AUC, precision and recall at its threshold) say how well it ranks; what
an analyst meets is the policy's `flagged` (score or decisive indicator), so its precision, recall
and false-positive rate are reported beside them, overall and per language. `child_risk` recall is
over the ads labelled as targeting people under 18 (`child_risk` field, or a child code among the
labelled indicators). Where records carry gold `spans`, each code gets span recall and precision:
a gold span is found when a predicted span of its code overlaps it, a predicted span is right when
it overlaps a gold span of its code.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from models.indicators import detect, load_taxonomy
from models.indicators.offer import OfferContext
from models.indicators.span import IndicatorSpan
from models.metrics import ratio
from models.policy import CHILD_CODES, decide


def policy_flags(
    records: list[dict], probs: np.ndarray, threshold: float | np.ndarray
) -> tuple[np.ndarray, np.ndarray, list[list[IndicatorSpan]]]:
    """Per record: flagged by the policy, child_risk, and the detected spans."""
    thresholds = np.broadcast_to(np.asarray(threshold, dtype=float), (len(records),))
    offer = OfferContext()
    flagged = np.zeros(len(records), dtype=bool)
    child = np.zeros(len(records), dtype=bool)
    spans: list[list[IndicatorSpan]] = []
    for i, record in enumerate(records):
        found = detect(record["text"])
        decision = decide(
            float(probs[i]), float(thresholds[i]), (s.code for s in found), offer.offers(record["text"])
        )
        flagged[i], child[i] = decision.flagged, decision.child_risk
        spans.append(found)
    return flagged, child, spans


def flag_block(y: np.ndarray, flagged: np.ndarray) -> dict:
    positives = int(y.sum())
    tp = int((flagged & (y == 1)).sum())
    fp = int((flagged & (y == 0)).sum())
    return {
        "flagged": int(flagged.sum()),
        "precision": ratio(tp, tp + fp),
        "recall": ratio(tp, positives),
        "fpr": ratio(fp, len(y) - positives),
    }


def gold_child(record: dict) -> bool:
    if "child_risk" in record:
        return bool(record["child_risk"])
    return bool(set(record.get("indicators") or ()) & CHILD_CODES)


def child_block(records: list[dict], y: np.ndarray, flagged: np.ndarray, child: np.ndarray) -> dict:
    """Of the positives that target minors: how many got child_risk, and how many were flagged."""
    gold = np.array([gold_child(r) for r in records], dtype=bool) & (y == 1)
    return {
        "positives": int(gold.sum()),
        "child_risk": int((gold & child).sum()),
        "recall": ratio(int((gold & child).sum()), int(gold.sum())),
        "flagged": int((gold & flagged).sum()),
        "false_child_risk": int((child & (y == 0)).sum()),
    }


def span_table(records: list[dict], predicted: list[list[IndicatorSpan]]) -> dict[str, dict] | None:
    """Per code, span recall and precision against gold `spans` (None when no record has any)."""
    if not any("spans" in r for r in records):
        return None
    gold_n: dict[str, int] = defaultdict(int)
    gold_hit: dict[str, int] = defaultdict(int)
    pred_n: dict[str, int] = defaultdict(int)
    pred_hit: dict[str, int] = defaultdict(int)
    for record, found in zip(records, predicted, strict=True):
        if "spans" not in record:
            continue
        gold = [(g["code"], g["start"], g["end"]) for g in record["spans"]]
        for code, start, end in gold:
            gold_n[code] += 1
            gold_hit[code] += any(p.code == code and p.start < end and start < p.end for p in found)
        for p in found:
            pred_n[p.code] += 1
            pred_hit[p.code] += any(c == p.code and p.start < e and s < p.end for c, s, e in gold)
    taxonomy = load_taxonomy()
    return {
        code: {
            "severity": taxonomy[code].severity,
            "gold": gold_n[code],
            "found": gold_hit[code],
            "recall": ratio(gold_hit[code], gold_n[code]),
            "predicted": pred_n[code],
            "precision": ratio(pred_hit[code], pred_n[code]),
        }
        for code in taxonomy
        if gold_n[code] or pred_n[code]
    }


def add_policy_figures(
    report: dict, records: list[dict], probs: np.ndarray, threshold: float | np.ndarray
) -> None:
    """Add `policy`, `child_risk` and (with gold spans) `indicator_spans` blocks to an eval report."""
    y = np.array([int(r["label"]) for r in records])
    flagged, child, spans = policy_flags(records, probs, threshold)
    report["policy"] = flag_block(y, flagged)
    report["child_risk"] = child_block(records, y, flagged, child)
    for key, blocks in (("lang", report["per_lang"]), ("source", report["per_source"])):
        rows: dict[str, list[int]] = defaultdict(list)
        for i, record in enumerate(records):
            rows[str(record.get(key) or "unknown")].append(i)
        for value, block in blocks.items():
            idx = np.array(rows[value], dtype=int)
            block["policy"] = flag_block(y[idx], flagged[idx])
    table = span_table(records, spans)
    if table is not None:
        report["indicator_spans"] = table
