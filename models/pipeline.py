"""The two model shapes: a fast lexical baseline and the hybrid main model.

Both are one scikit-learn Pipeline over raw texts, so cross-validation refits every learned part
(vocabulary included) inside each fold and nothing leaks from held-out rows.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from models.features import EmbeddingFeatures, IndicatorFeatures

Kind = Literal["lexical", "hybrid"]


@dataclass(frozen=True)
class ModelSpec:
    """Everything that decides what `train` builds; stored in the manifest to rebuild it exactly."""

    kind: Kind = "hybrid"
    encoder: str | None = "use-m3"
    c: float = 4.0
    embedding_weight: float = 1.0
    indicator_scale: float = 1.0
    max_word_features: int = 40_000
    max_char_features: int = 60_000
    target_precision: float = 0.9
    folds: int = 5
    seed: int = 20261123

    def to_dict(self) -> dict:
        return asdict(self)


def _lexical_parts(spec: ModelSpec) -> list[tuple[str, object]]:
    common = {"lowercase": True, "strip_accents": "unicode", "sublinear_tf": True, "dtype": "float32"}
    return [
        ("word", TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=spec.max_word_features, **common)),
        (
            "char",
            TfidfVectorizer(
                analyzer="char_wb", ngram_range=(3, 5), min_df=3, max_features=spec.max_char_features, **common
            ),
        ),
    ]


def build_pipeline(spec: ModelSpec) -> Pipeline:
    parts = _lexical_parts(spec)
    if spec.kind == "hybrid":
        parts.append(("indicators", IndicatorFeatures(scale=spec.indicator_scale)))
        if spec.encoder:
            parts.append(("embedding", EmbeddingFeatures(encoder=spec.encoder, weight=spec.embedding_weight)))
    head = LogisticRegression(C=spec.c, class_weight="balanced", max_iter=5000, solver="liblinear")
    return Pipeline([("features", FeatureUnion(parts)), ("head", head)])
