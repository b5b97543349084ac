import math

import numpy as np

from models.metrics import recall_at_precision, summarise
from models.threshold import choose_threshold


def test_no_positives_gives_null_aucs_but_an_fpr():
    report = summarise(np.zeros(4, dtype=int), np.array([0.1, 0.2, 0.8, 0.9]), threshold=0.5)
    assert report["pr_auc"] is None and report["roc_auc"] is None
    assert report["recall_at_precision_90"] is None and report["recall"] is None
    assert report["fpr"] == 0.5
    assert report["precision"] == 0.0


def test_nothing_flagged_gives_null_precision_never_nan():
    report = summarise(np.array([0, 1, 0, 1]), np.array([0.1, 0.2, 0.3, 0.4]), threshold=0.9)
    assert report["precision"] is None
    assert report["recall"] == 0.0
    assert all(not (isinstance(v, float) and math.isnan(v)) for v in report.values())


def test_perfect_ranking():
    y = np.array([0, 0, 1, 1])
    report = summarise(y, np.array([0.1, 0.2, 0.8, 0.9]), threshold=0.5)
    assert report["pr_auc"] == 1.0 and report["roc_auc"] == 1.0
    assert report["precision"] == 1.0 and report["recall"] == 1.0 and report["fpr"] == 0.0
    assert recall_at_precision(y, np.array([0.1, 0.2, 0.8, 0.9]), 0.9) == 1.0


def test_threshold_maximises_recall_at_target_precision():
    probs = np.array([0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4])
    y = np.array([1, 1, 1, 0, 1, 1, 0, 0])
    threshold, reached = choose_threshold(probs, y, 0.8)
    # Flagging down to 0.6 gives 5 TP / 6 = 0.83 >= 0.8 and the most recall.
    assert reached and threshold == 0.6


def test_threshold_never_splits_ties():
    probs = np.array([0.9, 0.5, 0.5, 0.1])
    y = np.array([1, 1, 0, 0])
    threshold, reached = choose_threshold(probs, y, 0.9)
    assert reached and threshold == 0.9


def test_unreachable_precision_is_reported():
    probs = np.array([0.9, 0.8, 0.7])
    y = np.array([0, 1, 0])
    _, reached = choose_threshold(probs, y, 0.99)
    assert reached is False
