"""PNG plots for the evaluation report: PR and ROC curves and a calibration (reliability) plot.

Matplotlib's object API with the Agg canvas is used directly, never `pyplot`: no global figure
state, no GUI backend, so the report renders the same in a headless CI job as on a laptop.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import NullFormatter
from sklearn.metrics import precision_recall_curve, roc_curve

SIZE = (4.8, 4.0)
DPI = 100


def _save(fig: Figure, path: Path) -> str:
    FigureCanvasAgg(fig)
    fig.tight_layout()
    fig.savefig(path, format="png", dpi=DPI)
    return path.name


def _at_threshold(y: np.ndarray, probs: np.ndarray, threshold: float) -> tuple[float, float, float]:
    flagged = probs >= threshold
    tp = int((flagged & (y == 1)).sum())
    positives, negatives = int(y.sum()), int((y == 0).sum())
    precision = tp / int(flagged.sum()) if flagged.any() else 1.0
    recall = tp / positives if positives else 0.0
    fpr = int((flagged & (y == 0)).sum()) / negatives if negatives else 0.0
    return precision, recall, fpr


def pr_curve(y: np.ndarray, probs: np.ndarray, threshold: float, ap: float | None, path: Path) -> str:
    fig = Figure(figsize=SIZE)
    ax = fig.add_subplot()
    precision, recall, _ = precision_recall_curve(y, probs)
    ax.step(recall, precision, where="post", label=f"model (PR-AUC {ap:.3f})" if ap is not None else "model")
    ax.axhline(y.mean(), color="grey", linestyle=":", label=f"base rate {y.mean():.3f}")
    p, r, _ = _at_threshold(y, probs, threshold)
    ax.plot([r], [p], "o", color="crimson", label=f"threshold {threshold:.3f}")
    ax.set(xlabel="recall", ylabel="precision", xlim=(0, 1.01), ylim=(0, 1.02), title="Precision-recall")
    ax.legend(loc="lower left", fontsize=8)
    return _save(fig, path)


def roc(y: np.ndarray, probs: np.ndarray, threshold: float, auc: float | None, path: Path) -> str:
    fig = Figure(figsize=SIZE)
    ax = fig.add_subplot()
    fpr, tpr, _ = roc_curve(y, probs)
    ax.plot(fpr, tpr, label=f"model (ROC-AUC {auc:.3f})" if auc is not None else "model")
    ax.plot([0, 1], [0, 1], color="grey", linestyle=":", label="chance")
    _, r, f = _at_threshold(y, probs, threshold)
    ax.plot([f], [r], "o", color="crimson", label=f"threshold {threshold:.3f}")
    ax.set(
        xlabel="false-positive rate", ylabel="true-positive rate", title="ROC", xlim=(0, 1), ylim=(0, 1.02)
    )
    ax.legend(loc="lower right", fontsize=8)
    return _save(fig, path)


def calibration_bins(y: np.ndarray, probs: np.ndarray, bins: int = 10) -> list[dict]:
    """Equal-width score bins: ads, mean score and observed share of positives in each."""
    edges = np.linspace(0, 1, bins + 1)
    which = np.clip(np.digitize(probs, edges[1:-1]), 0, bins - 1)
    rows = []
    for b in range(bins):
        members = which == b
        count = int(members.sum())
        rows.append(
            {
                "low": round(float(edges[b]), 2),
                "high": round(float(edges[b + 1]), 2),
                "n": count,
                "mean_score": round(float(probs[members].mean()), 4) if count else None,
                "positive_share": round(float(y[members].mean()), 4) if count else None,
            }
        )
    return rows


def calibration(y: np.ndarray, probs: np.ndarray, path: Path) -> str:
    """Reliability diagram (observed share vs mean score per bin) over a histogram of scores."""
    rows = [r for r in calibration_bins(y, probs) if r["n"]]
    fig = Figure(figsize=(SIZE[0], SIZE[1] * 1.25))
    top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1]})
    top.plot([0, 1], [0, 1], color="grey", linestyle=":", label="perfectly calibrated")
    top.plot(
        [r["mean_score"] for r in rows], [r["positive_share"] for r in rows], "o-", label="model (10 bins)"
    )
    top.set(ylabel="share of positives", title="Calibration", xlim=(0, 1), ylim=(-0.02, 1.02))
    top.legend(loc="upper left", fontsize=8)
    bottom.hist(probs, bins=np.linspace(0, 1, 21), color="steelblue")
    bottom.set(xlabel="score", ylabel="ads")
    if len(probs) > 50:  # a few confident bins would otherwise flatten all the others
        bottom.set_yscale("log")
        bottom.yaxis.set_minor_formatter(NullFormatter())
    return _save(fig, path)
