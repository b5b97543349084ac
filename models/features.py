"""scikit-learn transformers that are not in scikit-learn: indicator flags and cached embeddings.

Both are stateless (fit learns nothing), which keeps them safe to list as trusted types for skops:
the model file stores only their constructor arguments, never an encoder or its weights. The
embedding step is *bound* to the `Encoders` holder it embeds through (`bind`); the binding is
carried over by scikit-learn's `clone` (cross-validation) and left out of the saved state.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

from models.encoders import Encoders
from models.indicators import codes, detect_many, load_taxonomy

#: The codes of taxonomy v1, in file order: what a model fitted before v2 has columns for.
V1_CODES = (
    "JOB_ABROAD_DECEPTIVE", "TRAVEL_DEDUCTED", "RECRUITMENT_FEE", "DEBT", "DOCUMENT_RETENTION",
    "WAGES_WITHHELD", "LIVE_IN_ISOLATION", "NO_DAYS_OFF", "UNREALISTIC_PAY", "APPEARANCE",
    "MINORS_TARGETED", "URGENCY", "MESSENGER_ONLY", "VAGUE_EMPLOYER", "NO_CONTRACT",
)  # fmt: skip


class IndicatorFeatures(TransformerMixin, BaseEstimator):
    """One 0/1 column per taxonomy code, plus the summed weight of the codes present (scaled).

    The summed weight mirrors the labelling rule (combinations, not single indicators), so the head
    can learn that several indicators together matter more than any one of them. The codes are
    fixed at fit time (`codes_`), so a model keeps its columns when the taxonomy grows; a model
    fitted before `codes_` existed has the v1 codes.
    """

    def __init__(self, scale: float = 1.0) -> None:
        self.scale = scale

    def fit(self, texts: Iterable[str], y: object = None) -> IndicatorFeatures:
        self.codes_ = list(codes())
        return self

    def _codes(self) -> list[str]:
        return list(getattr(self, "codes_", V1_CODES))

    def transform(self, texts: Iterable[str]) -> sparse.csr_matrix:
        taxonomy = load_taxonomy()
        codes = self._codes()
        column = {code: i for i, code in enumerate(codes)}
        rows = []
        texts = list(texts)
        for spans in detect_many(texts):
            found = {span.code for span in spans}
            row = np.zeros(len(codes) + 1, dtype=np.float32)
            found &= column.keys()
            for code in found:
                row[column[code]] = 1.0
            row[-1] = sum(taxonomy[c].weight for c in found) / 4.0
            rows.append(row * self.scale)
        return sparse.csr_matrix(np.vstack(rows) if rows else np.zeros((0, len(codes) + 1)))

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.array([f"indicator:{c}" for c in self._codes()] + ["indicator:weight_sum"], dtype=object)


class EmbeddingFeatures(TransformerMixin, BaseEstimator):
    """The named encoder's vectors (through the holder's hash-keyed cache), times a weight."""

    _encoders: Encoders | None = None  # set by `bind`; a step loaded from a file starts unbound

    def __init__(self, encoder: str = "use-m3", weight: float = 1.0) -> None:
        self.encoder = encoder
        self.weight = weight

    def bind(self, encoders: Encoders) -> EmbeddingFeatures:
        self._encoders = encoders
        return self

    @property
    def encoders(self) -> Encoders:
        if self._encoders is None:
            raise RuntimeError("EmbeddingFeatures is not bound to an Encoders holder (see models.pipeline)")
        return self._encoders

    def __sklearn_clone__(self) -> EmbeddingFeatures:
        twin = super().__sklearn_clone__()
        twin._encoders = self._encoders
        return twin

    def __getstate__(self) -> dict:
        state = dict(super().__getstate__())
        state.pop("_encoders", None)  # a holder (weights, cache, locks) is never saved with a model
        return state

    def fit(self, texts: Iterable[str], y: object = None) -> EmbeddingFeatures:
        return self

    def vectors(self, texts: list[str]) -> np.ndarray:
        """The unweighted embeddings; also fills the holder's cache for a later `transform`."""
        return self.encoders.embed(self.encoder, texts)

    def transform(self, texts: Iterable[str]) -> sparse.csr_matrix:
        return sparse.csr_matrix(self.vectors(list(texts)) * self.weight)

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.array([f"emb:{i}" for i in range(self.encoders.get(self.encoder).dim)], dtype=object)
