"""Evaluate a model on labelled files: held-out figures, or K-fold figures for files it trained on.

A file the model was trained on cannot be a test set; `cross_validate_file` instead refits the
model's own training recipe K times, each time on all other training data plus K-1 folds of the
file, and scores the remaining fold, so every row of the file is predicted by a model that never
saw it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedKFold

from baliza.errors import InputError
from models.jsonl import file_sha256, read_labelled
from models.lang import fill_langs
from models.metrics import grouped, summarise
from models.modeldir import Model
from models.pipeline import ModelSpec
from models.policy_eval import add_policy_figures
from models.threshold import calibrated
from models.train import fit


def _report(name: str, records: list[dict], probs: np.ndarray, threshold: float | np.ndarray) -> dict:
    y = np.array([int(r["label"]) for r in records])
    report = {"data": name, **summarise(y, probs, threshold)}
    report["per_lang"] = grouped(records, probs, threshold, "lang")
    report["per_source"] = grouped(records, probs, threshold, "source")
    add_policy_figures(report, records, probs, threshold)
    return report


def evaluate_file(model: Model, path: Path) -> dict:
    records = read_labelled([path])
    fill_langs(records)
    probs = model.predict_proba([r["text"] for r in records])
    report = _report(Path(path).name, records, probs, model.threshold)
    trained_on = file_sha256(path) in {d["sha256"] for d in model.manifest["data"]}
    # A training file is no test: say so in the figures themselves, so they cannot be quoted as one.
    report["method"] = "in-sample (training file; use --cv K)" if trained_on else "held-out"
    report["model_version"] = model.version
    return report


def _training_rest(model: Model, path: Path) -> list[dict]:
    """The model's other training files, checked against the hashes in its manifest."""
    target = file_sha256(path)
    rest: list[Path] = []
    for entry in model.manifest["data"]:
        if entry["sha256"] == target:
            continue
        candidate = Path(entry["path"])
        if not candidate.is_file() or file_sha256(candidate) != entry["sha256"]:
            raise InputError(
                f"--cv needs the model's training file {entry['path']} (sha256 {entry['sha256'][:12]}) "
                "unchanged at that path"
            )
        rest.append(candidate)
    return read_labelled(rest) if rest else []


def cross_validate_file(model: Model, path: Path, k: int, quiet: bool = True) -> dict:
    if k < 2:
        raise InputError("--cv needs K >= 2")
    records = read_labelled([path])
    fill_langs(records)
    y = np.array([int(r["label"]) for r in records])
    if min(int(y.sum()), int(len(y) - y.sum())) < k:
        raise InputError(f"--cv {k}: {path} needs at least {k} rows of each label")
    rest = _training_rest(model, path)
    spec = replace(ModelSpec(**model.manifest["spec"]), folds=3)
    probs = np.zeros(len(records))
    thresholds = np.zeros(len(records))
    splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=spec.seed)
    for train_idx, test_idx in splitter.split(np.zeros(len(y)), y):
        fitted = fit(rest + [records[i] for i in train_idx], spec, quiet=quiet, encoders=model.encoders)
        decision = fitted.pipeline.decision_function([records[i]["text"] for i in test_idx])
        probs[test_idx] = calibrated(fitted.calibrator, decision)
        thresholds[test_idx] = fitted.threshold
    report = _report(Path(path).name, records, probs, thresholds)
    report["threshold"] = round(float(thresholds.mean()), 6)
    report["method"] = f"cv{k}"
    report["model_version"] = model.version
    return report
