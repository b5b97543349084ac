"""An indicator's contribution is exactly its share of the calibrated score's log-odds."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse
from scipy.special import expit

from models.explain import contributions, per_code
from models.features import IndicatorFeatures
from models.indicators import detect_many
from models.pipeline import ModelSpec, build_pipeline, feature_parts
from models.threshold import calibrated, fit_calibrator
from tests.factories import fake_encoders, small_corpus

TEXT = (
    "Trabajo en el extranjero, te adelantamos el pasaje y lo descuentas de tu sueldo. "
    "Urgente, escribe solo por WhatsApp."
)


def fitted(real_head: float):  # type: ignore[no-untyped-def]
    rows = small_corpus(per_family=3)
    texts, y = [r["text"] for r in rows], np.array([r["label"] for r in rows])
    spec = ModelSpec(
        kind="hybrid",
        encoder=None,
        word_buckets=2**12,
        char_buckets=2**12,
        real_head=real_head,
        indicator_scale=1.5,
    )
    pipeline = build_pipeline(spec, fake_encoders())
    weights = np.where(np.arange(len(y)) % 4 == 0, 10.0, 1.0)  # every fourth row "real"
    pipeline.fit(texts, y, head__sample_weight=weights)
    return pipeline, fit_calibrator(pipeline.decision_function(texts), y)


@pytest.mark.parametrize("real_head", [0.0, 2.0])
def test_contributions_add_up_to_the_indicator_columns_share_of_the_log_odds(real_head):
    pipeline, calibrator = fitted(real_head)
    found = {span.code for span in detect_many([TEXT])[0]}
    assert len(found) >= 2, found  # the text must exercise several indicators
    got = contributions(per_code(pipeline, calibrator), found)
    assert set(got) == found
    blocks = [part.transform([TEXT]) for _, part in feature_parts(pipeline)]
    blank = [
        sparse.csr_matrix(b.shape) if isinstance(p, IndicatorFeatures) else b
        for b, (_, p) in zip(blocks, feature_parts(pipeline), strict=True)
    ]
    head = pipeline.named_steps["head"]

    def log_odds(matrix: sparse.csr_matrix) -> float:
        """The calibrated score's log-odds (Platt scaling is linear in them; logit of a saturated
        probability would be infinite)."""
        decision = head.decision_function(matrix).reshape(-1, 1)
        assert calibrated(calibrator, decision.ravel()) == pytest.approx(
            expit(calibrator.decision_function(decision))
        )
        return float(calibrator.decision_function(decision)[0])

    pushed = log_odds(sparse.hstack(blocks).tocsr()) - log_odds(sparse.hstack(blank).tocsr())
    assert sum(got.values()) == pytest.approx(pushed, abs=0.01)


def test_a_model_without_indicator_features_cannot_say():
    rows = small_corpus(per_family=2)
    spec = ModelSpec(kind="lexical", encoder=None, word_buckets=2**10, char_buckets=0)
    pipeline = build_pipeline(spec, fake_encoders()).fit(
        [r["text"] for r in rows], [r["label"] for r in rows]
    )
    calibrator = fit_calibrator(
        pipeline.decision_function([r["text"] for r in rows]), np.array([r["label"] for r in rows])
    )
    assert per_code(pipeline, calibrator) == {}
    assert contributions({}, ["DEBT"]) == {}


def test_codes_are_rounded_deduplicated_and_unknown_ones_left_out():
    table = {"DEBT": 1.23456, "URGENCY": 0.1}
    assert contributions(table, ["DEBT", "DEBT", "URGENCY", "NEW_CODE"]) == {"DEBT": 1.235, "URGENCY": 0.1}
