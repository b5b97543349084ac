"""Two models on the same labelled data, with paired bootstrap confidence intervals for PR-AUC.

Why paired: both models score the same resampled rows in every bootstrap round, so the interval of
the *difference* reflects only how the models differ, not which ads happened to be drawn. Average
precision is computed from resample counts used as weights, which equals the figure on the
resampled rows and lets all rounds run as one array operation.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from models.jsonl import read_labelled
from models.lang import fill_langs
from models.metrics import grouped, summarise
from models.modeldir import Model

RESAMPLES = 1000
SEED = 20261123


def weighted_average_precision(y: np.ndarray, probs: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Average precision (sklearn's definition, ties grouped) for each row of `weights`.

    `weights` is (rounds, n); a round with no positive weight gives NaN.
    """
    order = np.argsort(-probs, kind="mergesort")
    y, probs, weights = y[order], probs[order], np.atleast_2d(weights)[:, order]
    last_of_tie = np.r_[np.flatnonzero(np.diff(probs)), len(probs) - 1]
    tp = np.cumsum(weights * y, axis=1)[:, last_of_tie]
    fp = np.cumsum(weights * (1 - y), axis=1)[:, last_of_tie]
    positives = tp[:, -1:]
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(tp + fp > 0, tp / (tp + fp), 1.0)
        recall = tp / positives
    steps = np.diff(np.c_[np.zeros(len(recall)), recall], axis=1)
    ap = (steps * precision).sum(axis=1)
    ap[positives[:, 0] == 0] = np.nan
    return ap


def bootstrap_pr_auc(
    y: np.ndarray, probs_a: np.ndarray, probs_b: np.ndarray, resamples: int = RESAMPLES, seed: int = SEED
) -> dict:
    """95 % percentile intervals for PR-AUC of A, of B and of B - A, over the same resamples."""
    y = np.asarray(y, dtype=int)
    n = len(y)
    rng = np.random.default_rng(seed)
    counts = rng.multinomial(n, np.full(n, 1.0 / n), size=resamples).astype(float)
    valid = (counts * y).sum(axis=1) > 0
    valid &= (counts * (1 - y)).sum(axis=1) > 0  # PR-AUC needs both labels in a round
    a = weighted_average_precision(y, np.asarray(probs_a, float), counts[valid])
    b = weighted_average_precision(y, np.asarray(probs_b, float), counts[valid])

    def interval(values: np.ndarray) -> list[float] | None:
        if values.size == 0:
            return None
        low, high = np.percentile(values, [2.5, 97.5])
        return [round(float(low), 6), round(float(high), 6)]

    return {
        "resamples": resamples,
        "used": int(valid.sum()),
        "seed": seed,
        "a": interval(a),
        "b": interval(b),
        "b_minus_a": interval(b - a),
    }


def compare_file(
    model_a: Model, model_b: Model, path: Path, resamples: int = RESAMPLES, seed: int = SEED
) -> dict:
    """Both models' metric blocks on one file, their PR-AUC intervals and that of the difference."""
    records = read_labelled([path])
    fill_langs(records)
    texts = [r["text"] for r in records]
    y = np.array([int(r["label"]) for r in records])
    blocks = {}
    probs = {}
    for side, model in (("a", model_a), ("b", model_b)):
        probs[side] = model.predict_proba(texts)
        blocks[side] = {
            "model_version": model.version,
            **summarise(y, probs[side], model.threshold),
            "per_lang": grouped(records, probs[side], model.threshold, "lang"),
        }
    both = 0 < int(y.sum()) < len(y)
    ci = bootstrap_pr_auc(y, probs["a"], probs["b"], resamples, seed) if both else None
    for side in ("a", "b"):
        blocks[side]["pr_auc_ci95"] = ci[side] if ci else None
    difference = None
    if both:
        value = blocks["b"]["pr_auc"] - blocks["a"]["pr_auc"]
        difference = {"value": round(float(value), 6), "ci95": ci["b_minus_a"]}
    return {
        "data": Path(path).name,
        "n": len(y),
        "positives": int(y.sum()),
        "a": blocks["a"],
        "b": blocks["b"],
        "pr_auc_b_minus_a": difference,
        "bootstrap": {k: ci[k] for k in ("resamples", "used", "seed")} if ci else None,
    }
