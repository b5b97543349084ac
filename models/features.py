"""scikit-learn transformers that are not in scikit-learn: indicator flags and cached embeddings.

Both are stateless (fit learns nothing), which keeps them safe to list as trusted types for skops:
the model file stores only their constructor arguments, never an encoder or its weights.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

from models.encoders import embed, get_encoder
from models.indicators import detect, load_taxonomy


class IndicatorFeatures(TransformerMixin, BaseEstimator):
    """One 0/1 column per taxonomy code, plus the summed weight of the codes present (scaled).

    The summed weight mirrors the labelling rule (combinations, not single indicators), so the head
    can learn that several indicators together matter more than any one of them.
    """

    def __init__(self, scale: float = 1.0) -> None:
        self.scale = scale

    def fit(self, texts: Iterable[str], y: object = None) -> IndicatorFeatures:
        return self

    def transform(self, texts: Iterable[str]) -> sparse.csr_matrix:
        taxonomy = load_taxonomy()
        codes = list(taxonomy)
        column = {code: i for i, code in enumerate(codes)}
        rows = []
        for text in texts:
            found = {span.code for span in detect(text)}
            row = np.zeros(len(codes) + 1, dtype=np.float32)
            for code in found:
                row[column[code]] = 1.0
            row[-1] = sum(taxonomy[c].weight for c in found) / 4.0
            rows.append(row * self.scale)
        return sparse.csr_matrix(np.vstack(rows) if rows else np.zeros((0, len(codes) + 1)))

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.array([f"indicator:{c}" for c in load_taxonomy()] + ["indicator:weight_sum"], dtype=object)


class EmbeddingFeatures(TransformerMixin, BaseEstimator):
    """The named encoder's vectors (through the hash-keyed cache), times a weight."""

    def __init__(self, encoder: str = "use-m3", weight: float = 1.0) -> None:
        self.encoder = encoder
        self.weight = weight

    def fit(self, texts: Iterable[str], y: object = None) -> EmbeddingFeatures:
        return self

    def transform(self, texts: Iterable[str]) -> sparse.csr_matrix:
        return sparse.csr_matrix(embed(self.encoder, list(texts)) * self.weight)

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.array([f"emb:{i}" for i in range(get_encoder(self.encoder).dim)], dtype=object)
