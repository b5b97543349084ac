"""The two model shapes: a fast lexical baseline and the hybrid main model.

Both are one scikit-learn Pipeline over raw texts, so cross-validation refits every learned part
(vocabulary included) inside each fold and nothing leaks from held-out rows.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
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
    word_buckets: int = 2**18
    char_buckets: int = 2**19
    real_weight: float = 1.0
    target_precision: float = 0.9
    folds: int = 5
    seed: int = 20261123

    def to_dict(self) -> dict:
        return asdict(self)


def _lexical_parts(spec: ModelSpec) -> list[tuple[str, object]]:
    """Hashed TF-IDF: no vocabulary to store, so the model file stays small and loads fast.

    A fitted TfidfVectorizer keeps a dict of 100k terms, which skops writes entry by entry (100+ MB
    and minutes to save); hashing keeps only an idf array, at the cost of rare collisions.
    """
    common = {"lowercase": True, "strip_accents": "unicode", "alternate_sign": False, "norm": None}
    word = HashingVectorizer(ngram_range=(1, 2), n_features=spec.word_buckets, **common)
    char = HashingVectorizer(analyzer="char_wb", ngram_range=(3, 5), n_features=spec.char_buckets, **common)
    return [
        ("word", Pipeline([("hash", word), ("tfidf", TfidfTransformer(sublinear_tf=True))])),
        ("char", Pipeline([("hash", char), ("tfidf", TfidfTransformer(sublinear_tf=True))])),
    ]


def build_pipeline(spec: ModelSpec) -> Pipeline:
    parts = _lexical_parts(spec)
    if spec.kind == "hybrid":
        parts.append(("indicators", IndicatorFeatures(scale=spec.indicator_scale)))
        if spec.encoder:
            parts.append(("embedding", EmbeddingFeatures(encoder=spec.encoder, weight=spec.embedding_weight)))
    head = LogisticRegression(C=spec.c, class_weight="balanced", max_iter=5000, solver="liblinear")
    return Pipeline([("features", FeatureUnion(parts)), ("head", head)])
