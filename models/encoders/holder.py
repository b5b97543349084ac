"""`Encoders`: the encoders and the embedding cache one caller holds.

A process entry point (a CLI command, the service app, a benchmark, a test session) makes one
holder and passes it on (`load_model`, `train`): every model it loads embeds through it, an
encoder's weights load once per holder, and the cache it was given is the one used. Two holders
share nothing, so nothing about encoders is decided at a distance by module state.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence

import numpy as np

from models.encoders.base import Encoder, Factory
from models.encoders.cache import EmbeddingCache, text_key
from models.encoders.catalogue import BUILTIN, factory_for


class Encoders:
    """Encoders by name, built on first use and kept, in front of an `EmbeddingCache`.

    `factories` adds names to (or replaces built-ins of) the catalogue for this holder only.
    `cache` may be replaced while the built encoders stay (a benchmark starts cold that way).
    """

    def __init__(
        self, cache: EmbeddingCache | None = None, factories: Mapping[str, Factory] | None = None
    ) -> None:
        self.cache = cache if cache is not None else EmbeddingCache()
        self._factories = dict(factories or {})
        self._instances: dict[str, Encoder] = {}
        self._lock = threading.Lock()

    def names(self) -> list[str]:
        return sorted({*BUILTIN, *self._factories})

    def register(self, name: str, factory: Factory) -> None:
        """Make `name` loadable here; re-registering replaces the factory and drops a built instance."""
        with self._lock:
            self._factories[name] = factory
            self._instances.pop(name, None)

    def get(self, name: str) -> Encoder:
        """This holder's instance for `name`, built on first use (weights load once)."""
        with self._lock:
            if name not in self._instances:
                self._instances[name] = factory_for(name, self._factories)()
            return self._instances[name]

    def embed(self, name: str, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Vectors for `texts` (one row each, input order), encoding only what the cache lacks."""
        if not texts:
            return np.zeros((0, self.get(name).dim), dtype=np.float32)
        cache = self.cache
        keys = [text_key(name, t) for t in texts]
        found = cache.get_many(list(dict.fromkeys(keys)))
        todo = list(dict.fromkeys(k for k in keys if k not in found))
        if todo:
            encoder = self.get(name)
            by_key = dict(zip(keys, texts, strict=True))
            for start in range(0, len(todo), batch_size):
                chunk = todo[start : start + batch_size]
                vectors = encoder.encode([by_key[k] for k in chunk])
                fresh = dict(zip(chunk, vectors, strict=True))
                cache.put_many(fresh)
                found.update(fresh)
        return np.vstack([found[k] for k in keys]).astype(np.float32)
