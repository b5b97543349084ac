"""ModelSpec stays backward compatible; the real-text head is one plain logistic regression once fitted."""

from __future__ import annotations

import json

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from models.modeldir import load_model, save_model
from models.pipeline import ModelSpec, RealTextHead, build_pipeline
from models.train import train
from tests.factories import small_corpus, write_jsonl

# The spec of models/default before `real_head` existed (model hybrid-use-m3-9d84bba327).
OLD_SPEC = json.loads(
    '{"kind": "hybrid", "encoder": "use-m3", "c": 4.0, "embedding_weight": 1.0, "indicator_scale": 1.0, '
    '"word_buckets": 262144, "char_buckets": 524288, "real_weight": 10.0, "target_precision": 0.9, '
    '"folds": 5, "seed": 20261123}'
)


def test_old_manifest_spec_still_loads(encoders):
    spec = dict(OLD_SPEC)
    assert ModelSpec(**spec).real_head == 0.0 and ModelSpec(**spec).real_head_features == "all"
    assert type(build_pipeline(ModelSpec(**spec), encoders).named_steps["head"]) is LogisticRegression


def test_real_head_sums_two_heads_into_one_logistic_regression():
    rng = np.random.default_rng(0)
    X = sparse.csr_matrix(rng.normal(size=(200, 6)))
    y = (X.toarray()[:, 0] + rng.normal(scale=0.5, size=200) > 0).astype(int)
    weights = np.where(np.arange(200) < 150, 1.0, 10.0)  # the last 50 rows are "real"
    head = RealTextHead(C=1.0, real_head=0.5).fit(X, y, sample_weight=weights)
    assert type(head) is LogisticRegression and not hasattr(head, "real_head")
    params = {"C": 1.0, "class_weight": "balanced", "max_iter": 5000, "solver": "liblinear"}
    main = LogisticRegression(**params).fit(X, y, sample_weight=weights)
    real = LogisticRegression(**params).fit(X[150:], y[150:], sample_weight=weights[150:])
    np.testing.assert_allclose(head.coef_, main.coef_ + 0.5 * real.coef_)
    np.testing.assert_allclose(head.intercept_, main.intercept_ + 0.5 * real.intercept_)
    # Limited to the first columns, the second head adds nothing to the others.
    word = RealTextHead(C=1.0, real_head=1.0, real_columns=2).fit(X, y, sample_weight=weights)
    real2 = LogisticRegression(**params).fit(X[150:, :2], y[150:], sample_weight=weights[150:])
    np.testing.assert_allclose(word.coef_[:, :2], main.coef_[:, :2] + real2.coef_)
    np.testing.assert_allclose(word.coef_[:, 2:], main.coef_[:, 2:])
    # Without real rows (every weight 1) it is the one class-balanced head.
    plain = RealTextHead(C=1.0).fit(X, y, sample_weight=np.ones(200))
    np.testing.assert_allclose(plain.coef_, LogisticRegression(**params).fit(X, y).coef_)


def test_real_head_model_trains_saves_and_reloads(tmp_path, encoders):
    synthetic = write_jsonl(tmp_path / "synthetic.jsonl", small_corpus(per_family=3))
    real_rows = [
        {"id": f"r{i}", "text": text, "label": label, "lang": "en", "source": "real"}
        for i, (text, label) in enumerate(
            [("Earn $400 per day from home, no experience, start now", 1)] * 4
            + [("Senior accountant, our company offers benefits and a pension plan", 0)] * 12
        )
    ]
    real = write_jsonl(tmp_path / "real.jsonl", real_rows)
    spec = ModelSpec(
        kind="lexical", folds=3, real_weight=10.0, real_head=1.0, real_head_features="word", char_buckets=0
    )
    fitted, manifest = train([synthetic, real], spec, encoders, quiet=True)
    assert manifest["spec"]["real_head"] == 1.0 and manifest["spec"]["real_head_features"] == "word"
    save_model(tmp_path / "model", fitted.pipeline, fitted.calibrator, manifest)
    model = load_model(tmp_path / "model", encoders)  # only allow-listed types in the file
    assert [name for name, _ in model.pipeline.named_steps["features"].transformer_list] == ["word"]
    probs = model.predict_proba([real_rows[0]["text"], real_rows[-1]["text"]])
    assert probs[0] > probs[1]
