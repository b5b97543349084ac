"""Training: out-of-fold calibration and threshold, then the final fit on all data.

Folds are grouped by template `family` (synthetic data) so a family never sits on both sides of a
fold: the threshold is chosen on families the model has not seen, as it will be used. Rows without
a family (real ads, analysts' decisions) are grouped by the pseudonym tokens they share, else each
is its own group (`models.provenance`).

Exports of analysts' decisions (`baliza export decisions`) train next to datasets: their labels keep
their provenance in the manifest, and decisions reviewers disagreed on are held out and reported.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict
from sklearn.pipeline import Pipeline

from baliza.errors import InputError
from models.encoders import Encoders
from models.fingerprint import detector_fingerprint, indicator_fingerprint
from models.jsonl import file_sha256, read_labelled
from models.metrics import grouped, summarise
from models.pipeline import ModelSpec, build_pipeline
from models.provenance import describe_rows, group_keys, provenance, split_held_out
from models.threshold import calibrated, choose_threshold, fit_calibrator


@dataclass
class FittedModel:
    spec: ModelSpec
    pipeline: Pipeline
    calibrator: LogisticRegression
    threshold: float
    threshold_reached: bool
    oof_probs: np.ndarray


def _groups(records: list[dict]) -> np.ndarray:
    return np.array(group_keys(records), dtype=object)


def _folds(y: np.ndarray, groups: np.ndarray, wanted: int) -> int:
    per_class = min(len(set(groups[y == 1])), len(set(groups[y == 0])))
    if per_class < 2:
        raise InputError("training data needs at least two groups (families) of each label")
    return min(wanted, per_class)


def _row_weight(record: dict, spec: ModelSpec) -> float:
    """Template rows 1, hand-written rows `handwritten_weight`, real rows (no family) `real_weight`."""
    if record.get("source") == "handwritten":
        return spec.handwritten_weight
    return 1.0 if record.get("family") else spec.real_weight


def _log(message: str, quiet: bool) -> None:
    if not quiet:
        print(message, file=sys.stderr, flush=True)


def fit(records: list[dict], spec: ModelSpec, encoders: Encoders, quiet: bool = True) -> FittedModel:
    """Fit the pipeline, a Platt calibrator and a threshold on `records` (each has text and label).

    Decisions reviewers disagreed on are dropped here too, so every caller (training, `eval --cv`)
    holds them out; `oof_probs` then follow the kept rows (`train` passes only kept rows). The
    pipeline embeds through `encoders`, the caller's holder (and its cache).
    """
    records, _ = split_held_out(records)
    texts = [r["text"] for r in records]
    y = np.array([int(r["label"]) for r in records])
    groups = _groups(records)
    if spec.kind == "hybrid" and spec.encoder:
        _log(f"encoding {len(texts)} texts with {spec.encoder} (cached by text hash)", quiet)
        encoders.embed(spec.encoder, texts)
    folds = _folds(y, groups, spec.folds)
    cv = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=spec.seed)
    _log(f"{folds}-fold grouped cross-validation for calibration and threshold", quiet)
    # Real ads (rows without a template family) are few next to the synthetic ones; `real_weight`
    # lets them count for more in the loss without duplicating rows.
    weights = np.array([_row_weight(r, spec) for r in records])
    decision = cross_val_predict(
        build_pipeline(spec, encoders),
        texts,
        y,
        groups=groups,
        cv=cv,
        method="decision_function",
        params={"head__sample_weight": weights},
    )
    calibrator = fit_calibrator(decision, y)
    oof = calibrated(calibrator, decision)
    threshold, reached = choose_threshold(oof, y, spec.target_precision)
    _log("final fit on all training rows", quiet)
    pipeline = build_pipeline(spec, encoders).fit(texts, y, head__sample_weight=weights)
    return FittedModel(spec, pipeline, calibrator, threshold, reached, oof)


def describe_data(paths: list[Path], records: list[dict]) -> list[dict]:
    """Provenance of each training file: name, hash, rows and positives in the file, languages, and
    (`models.provenance.describe_rows`) rows trained on, counts per provenance and source, and the
    decisions held out because reviewers disagreed."""
    entries = []
    for path in paths:
        rows = [r for r in records if r["_file"] == path.name]
        entries.append(
            {
                "path": str(path),
                "file": path.name,
                "sha256": file_sha256(path),
                "n": len(rows),
                "positives": sum(int(r["label"]) for r in rows),
                "langs": dict(sorted(Counter(str(r.get("lang") or "unknown") for r in rows).items())),
                **describe_rows(rows),
            }
        )
    return entries


def model_version(spec: ModelSpec, data: list[dict]) -> str:
    """Deterministic: the same spec, data bytes and indicator rules give the same version."""
    payload = json.dumps(
        {"spec": spec.to_dict(), "data": [d["sha256"] for d in data], "detector": detector_fingerprint()},
        sort_keys=True,
    )
    return f"{spec.kind}-{spec.encoder or 'lexical'}-{hashlib.sha256(payload.encode()).hexdigest()[:10]}"


def train(
    paths: list[Path], spec: ModelSpec, encoders: Encoders, quiet: bool = False
) -> tuple[FittedModel, dict]:
    """Read labelled files, fit, and return the fitted model with its manifest (not yet saved)."""
    if len({p.name for p in paths}) != len(paths):
        raise InputError("training files must have distinct file names (they identify provenance)")
    records = read_labelled(paths)
    for record in records:
        record["provenance"] = provenance(record)  # labels carry where they came from
    spec = replace(spec, encoder=spec.encoder if spec.kind == "hybrid" else None)
    kept, held = split_held_out(records)
    if held:
        _log(f"holding out {len(held)} decisions reviewers disagreed on (reported in the manifest)", quiet)
    fitted = fit(kept, spec, encoders, quiet=quiet)
    data = describe_data(paths, records)
    y = np.array([int(r["label"]) for r in kept])
    manifest = {
        "format": "baliza-model/1",
        "model_version": model_version(spec, data),
        "kind": spec.kind,
        "encoder": spec.encoder,
        "threshold": round(fitted.threshold, 6),
        "target_precision": spec.target_precision,
        "threshold_reached_target": fitted.threshold_reached,
        "spec": spec.to_dict(),
        "data": data,
        "detector_sha256": detector_fingerprint(),
        "indicator_codes_sha256": indicator_fingerprint([r["text"] for r in records]),
        "data_hash": hashlib.sha256("".join(d["sha256"] for d in data).encode()).hexdigest(),
        "metrics": {
            "out_of_fold": summarise(y, fitted.oof_probs, fitted.threshold),
            "out_of_fold_per_lang": grouped(kept, fitted.oof_probs, fitted.threshold, "lang"),
            "out_of_fold_per_file": grouped(kept, fitted.oof_probs, fitted.threshold, "_file"),
            "out_of_fold_per_provenance": grouped(kept, fitted.oof_probs, fitted.threshold, "provenance"),
        },
        "evaluations": {},
    }
    return fitted, manifest
