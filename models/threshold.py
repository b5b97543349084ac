"""Calibration and the decision threshold, both learned from out-of-fold predictions.

Scores shown to analysts are probabilities, so they are calibrated (Platt scaling on out-of-fold
decision values); the threshold is the lowest one whose out-of-fold precision reaches the target,
which maximises recall at that precision.
"""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import LogisticRegression


def fit_calibrator(decision: np.ndarray, y: np.ndarray) -> LogisticRegression:
    calibrator = LogisticRegression(C=1e4, max_iter=1000)
    calibrator.fit(decision.reshape(-1, 1), y)
    return calibrator


def calibrated(calibrator: LogisticRegression, decision: np.ndarray) -> np.ndarray:
    return calibrator.predict_proba(np.asarray(decision, dtype=np.float64).reshape(-1, 1))[:, 1]


def choose_threshold(probs: np.ndarray, y: np.ndarray, target_precision: float) -> tuple[float, bool]:
    """Return (threshold, reached): the recall-maximising threshold with precision >= target.

    When no threshold reaches the target, fall back to the F1-best one and say so (`reached`
    False), so the manifest never claims a precision it did not see.
    """
    order = np.argsort(-probs, kind="stable")
    sorted_probs, sorted_y = probs[order], y[order]
    tp = np.cumsum(sorted_y)
    flagged = np.arange(1, len(y) + 1)
    # Only cut between distinct scores: a threshold flags every row tied with it.
    last_of_tie = np.r_[sorted_probs[1:] != sorted_probs[:-1], True]
    precision = tp / flagged
    recall = tp / max(int(y.sum()), 1)
    ok = last_of_tie & (precision >= target_precision) & (tp > 0)
    if ok.any():
        best = np.flatnonzero(ok)[np.argmax(recall[ok])]
        return float(sorted_probs[best]), True
    f1 = np.where(last_of_tie, 2 * precision * recall / np.maximum(precision + recall, 1e-12), -1)
    return float(sorted_probs[int(np.argmax(f1))]), False
