"""Evaluation figures, with `None` (JSON null) wherever a figure is undefined, never NaN."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score


def ratio(num: float, den: float) -> float | None:
    """num / den rounded to 6 places, or None (JSON null) when den is 0: never NaN."""
    return round(float(num) / float(den), 6) if den else None


def summarise(y: np.ndarray, probs: np.ndarray, threshold: float | np.ndarray) -> dict:
    """The contract's metric block for one set of labelled predictions.

    `threshold` may be one value per row (cross-validation: each fold has its own); the reported
    threshold is then their mean.
    """
    y = np.asarray(y, dtype=int)
    probs = np.asarray(probs, dtype=float)
    positives = int(y.sum())
    negatives = int(len(y) - positives)
    flagged = probs >= threshold
    tp = int((flagged & (y == 1)).sum())
    fp = int((flagged & (y == 0)).sum())
    both_classes = positives > 0 and negatives > 0
    return {
        "n": len(y),
        "positives": positives,
        "pr_auc": round(float(average_precision_score(y, probs)), 6) if both_classes else None,
        "roc_auc": round(float(roc_auc_score(y, probs)), 6) if both_classes else None,
        "recall_at_precision_90": recall_at_precision(y, probs, 0.9) if both_classes else None,
        "threshold": round(float(np.mean(threshold)), 6),
        "precision": ratio(tp, tp + fp),
        "recall": ratio(tp, positives),
        "fpr": ratio(fp, negatives),
        "flagged": int(flagged.sum()),
    }


def recall_at_precision(y: np.ndarray, probs: np.ndarray, precision_target: float) -> float:
    precision, recall, _ = precision_recall_curve(y, probs)
    reachable = recall[precision >= precision_target]
    return round(float(reachable.max()), 6) if reachable.size else 0.0


def grouped(
    records: list[dict], probs: np.ndarray, threshold: float | np.ndarray, key: str
) -> dict[str, dict]:
    """The same block per value of `key` (e.g. `lang`, `source`), sorted by value."""
    thresholds = np.broadcast_to(np.asarray(threshold, dtype=float), (len(records),))
    index: dict[str, list[int]] = defaultdict(list)
    for i, record in enumerate(records):
        index[str(record.get(key) or "unknown")].append(i)
    labels = np.array([r["label"] for r in records], dtype=int)
    return {
        value: summarise(labels[rows], probs[rows], thresholds[rows]) for value, rows in sorted(index.items())
    }
