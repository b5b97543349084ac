"""`models compare`: paired bootstrap intervals for PR-AUC, exact against scikit-learn."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import average_precision_score

from models.compare import bootstrap_pr_auc, compare_file, weighted_average_precision
from models.modeldir import load_model, save_model
from models.pipeline import ModelSpec
from models.train import train
from tests.factories import TEST_FILE, read_jsonl, small_corpus, write_jsonl


@pytest.fixture(scope="module")
def two_models(tmp_path_factory, encoders) -> tuple[Path, Path, Path]:
    base = tmp_path_factory.mktemp("compare")
    dirs = []
    for per_family, seed in ((2, 1), (5, 2)):
        data = write_jsonl(base / f"train{seed}.jsonl", small_corpus(per_family=per_family, seed=seed))
        fitted, manifest = train([data], ModelSpec(kind="lexical", folds=3), encoders, quiet=True)
        save_model(base / f"m{seed}", fitted.pipeline, fitted.calibrator, manifest)
        dirs.append(base / f"m{seed}")
    held_out = write_jsonl(base / "held_out.jsonl", read_jsonl(TEST_FILE)[:400])
    return dirs[0], dirs[1], held_out


def test_weighted_average_precision_is_sklearns():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 250)
    probs = np.round(rng.random(250) * 0.6 + y * 0.3, 2)  # rounded: many ties
    counts = rng.multinomial(250, np.full(250, 1 / 250), size=4).astype(float)
    ours = weighted_average_precision(y, probs, counts)
    for row, value in zip(counts, ours, strict=True):
        resampled = np.repeat(np.arange(250), row.astype(int))
        assert value == pytest.approx(average_precision_score(y[resampled], probs[resampled]), abs=1e-12)
    assert np.isnan(weighted_average_precision(y, probs, (1 - y)[None, :].astype(float)))[0]


def test_bootstrap_is_seeded_and_paired():
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, 300)
    a = rng.random(300) * 0.5 + y * 0.4
    b = rng.random(300) * 0.5 + y * 0.2
    first = bootstrap_pr_auc(y, a, b, resamples=300, seed=5)
    assert first == bootstrap_pr_auc(y, a, b, resamples=300, seed=5)
    assert first != bootstrap_pr_auc(y, a, b, resamples=300, seed=6)
    low, high = first["a"]
    assert low < average_precision_score(y, a) < high and first["used"] == 300
    assert first["b_minus_a"][1] < 0  # A is clearly better here: the whole interval is below zero
    same = bootstrap_pr_auc(y, a, a, resamples=200)
    assert same["b_minus_a"] == [0.0, 0.0]


def test_compare_file(two_models, encoders):
    a_dir, b_dir, held_out = two_models
    a, b = load_model(a_dir, encoders), load_model(b_dir, encoders)
    result = compare_file(a, b, held_out, resamples=200)
    assert result["data"] == "held_out.jsonl" and result["n"] == 400
    assert result["a"]["model_version"] == a.version and result["b"]["model_version"] == b.version
    for side in ("a", "b"):
        low, high = result[side]["pr_auc_ci95"]
        assert low <= result[side]["pr_auc"] <= high
        assert set(result[side]["per_lang"]) == {"en", "es"}
    diff = result["pr_auc_b_minus_a"]
    assert diff["value"] == pytest.approx(result["b"]["pr_auc"] - result["a"]["pr_auc"], abs=1e-5)
    assert diff["ci95"][0] <= diff["value"] <= diff["ci95"][1]
    assert result["bootstrap"] == {"resamples": 200, "used": 200, "seed": 20261123}


def test_compare_without_positives_has_no_interval(two_models, tmp_path, encoders):
    a_dir, b_dir, _ = two_models
    rows = [
        {"id": i, "text": t, "label": 0, "lang": "es"} for i, t in enumerate(["Vendo bici", "Alquilo depto"])
    ]
    negatives = write_jsonl(tmp_path / "neg.jsonl", rows)
    result = compare_file(load_model(a_dir, encoders), load_model(b_dir, encoders), negatives)
    assert result["a"]["pr_auc"] is None and result["a"]["pr_auc_ci95"] is None
    assert result["pr_auc_b_minus_a"] is None and result["bootstrap"] is None
