"""The two model shapes: a fast lexical baseline and the hybrid main model.

Both are one scikit-learn Pipeline over raw texts, so cross-validation refits every learned part
(vocabulary included) inside each fold and nothing leaks from held-out rows. A hybrid pipeline's
embedding step embeds through the `Encoders` holder it is bound to (`bind_encoders`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from models.encoders import Encoders
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
    # Weight of hand-written rows (`source` "handwritten": labelled_data/v2's ads written by people
    # who never saw the generator): closer to real ads than the template rows, fewer of them.
    handwritten_weight: float = 1.0
    target_precision: float = 0.9
    folds: int = 5
    seed: int = 20261123
    # Weight of a second head fitted on the real rows only (rows without a template family, which
    # `models.train` weights `real_weight`); 0 = one head, as in models built before this field.
    real_head: float = 0.0
    # What the real-rows head sees: "all" features, or "word" (the word n-gram columns only, which
    # carry what real ads have to teach; the other columns stay the main head's).
    real_head_features: str = "all"

    def to_dict(self) -> dict:
        return asdict(self)


def _lexical_parts(spec: ModelSpec) -> list[tuple[str, object]]:
    """Hashed TF-IDF: no vocabulary to store, so the model file stays small and loads fast.

    A fitted TfidfVectorizer keeps a dict of 100k terms, which skops writes entry by entry (100+ MB
    and minutes to save); hashing keeps only an idf array, at the cost of rare collisions.
    """
    common = {"lowercase": True, "strip_accents": "unicode", "alternate_sign": False, "norm": None}
    word = HashingVectorizer(ngram_range=(1, 2), n_features=spec.word_buckets, **common)
    parts: list[tuple[str, object]] = [
        ("word", Pipeline([("hash", word), ("tfidf", TfidfTransformer(sublinear_tf=True))])),
    ]
    if spec.char_buckets:  # 0 leaves the character n-grams out
        char = HashingVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), n_features=spec.char_buckets, **common
        )
        parts.append(("char", Pipeline([("hash", char), ("tfidf", TfidfTransformer(sublinear_tf=True))])))
    return parts


class RealTextHead(LogisticRegression):
    """Class-balanced logistic regression plus a second one fitted on the real rows only, summed.

    Synthetic ads outnumber real ones and differ in style, so one head fitted on both learns mostly
    the synthetic data; a head fitted on the real rows alone keeps what separates real ads. Real rows
    are told apart by their sample weight: `models.train` gives rows without a template family the
    weight `real_weight` and synthetic rows 1.0 (with `real_weight` 1 there is no second head).
    `real_columns` limits the second head to the first columns (the word n-grams).

    Both heads are linear in the same features, so their weighted sum is one linear model: after
    fitting, the object turns into a plain `LogisticRegression` with the summed coefficients. The saved
    model therefore holds only the usual types, and scoring is unchanged.
    """

    def __init__(
        self,
        C: float = 4.0,
        real_head: float = 1.0,
        real_columns: int | None = None,
        class_weight: str | dict | None = "balanced",
        max_iter: int = 5000,
        solver: str = "liblinear",
    ) -> None:
        super().__init__(C=C, class_weight=class_weight, max_iter=max_iter, solver=solver)
        self.real_head = real_head
        self.real_columns = real_columns

    def fit(self, X, y, sample_weight=None) -> LogisticRegression:
        params = {
            "C": self.C,
            "class_weight": self.class_weight,
            "max_iter": self.max_iter,
            "solver": self.solver,
        }
        y = np.asarray(y)
        main = LogisticRegression(**params).fit(X, y, sample_weight=sample_weight)
        if sample_weight is not None and self.real_head:
            weights = np.asarray(sample_weight, dtype=float)
            real = weights != 1.0
            if real.any() and len(set(y[real].tolist())) == 2:
                X_real = X[real]
                if self.real_columns is not None:  # the first columns: the word n-grams
                    X_real = X_real[:, : self.real_columns]
                extra = LogisticRegression(**params).fit(X_real, y[real], sample_weight=weights[real])
                coef = np.zeros_like(main.coef_)
                coef[:, : extra.coef_.shape[1]] = extra.coef_
                main.coef_ = main.coef_ + self.real_head * coef
                main.intercept_ = main.intercept_ + self.real_head * extra.intercept_
        for name, value in vars(main).items():
            if name.endswith("_") and not name.startswith("_"):  # fitted attributes: coef_, classes_ …
                setattr(self, name, value)
        del self.real_head, self.real_columns
        self.__class__ = LogisticRegression
        return self


def build_pipeline(spec: ModelSpec, encoders: Encoders) -> Pipeline:
    """The unfitted pipeline `spec` describes, its embedding step (if any) bound to `encoders`."""
    parts = _lexical_parts(spec)
    if spec.kind == "hybrid":
        parts.append(("indicators", IndicatorFeatures(scale=spec.indicator_scale)))
        if spec.encoder:
            parts.append(("embedding", EmbeddingFeatures(encoder=spec.encoder, weight=spec.embedding_weight)))
    if spec.real_head:
        if spec.real_head_features not in ("all", "word"):
            raise ValueError(f"real_head_features must be 'all' or 'word', not {spec.real_head_features!r}")
        columns = spec.word_buckets if spec.real_head_features == "word" else None
        head = RealTextHead(C=spec.c, real_head=spec.real_head, real_columns=columns)
    else:
        head = LogisticRegression(C=spec.c, class_weight="balanced", max_iter=5000, solver="liblinear")
    return bind_encoders(Pipeline([("features", FeatureUnion(parts)), ("head", head)]), encoders)


def feature_parts(pipeline: Pipeline) -> list[tuple[str, object]]:
    """The (name, transformer) parts of the pipeline's feature union, in column order."""
    return pipeline.named_steps["features"].transformer_list


def embedding_step(pipeline: Pipeline) -> EmbeddingFeatures | None:
    return next((part for _, part in feature_parts(pipeline) if isinstance(part, EmbeddingFeatures)), None)


def bind_encoders(pipeline: Pipeline, encoders: Encoders) -> Pipeline:
    """Bind the embedding step (if any) to `encoders`: a step loaded from a file holds no encoder."""
    step = embedding_step(pipeline)
    if step is not None:
        step.bind(encoders)
    return pipeline
