"""One small interface for text encoders, so a local model can be swapped in by name.

An encoder turns texts into L2-normalised float32 vectors. Encoders are looked up by name in a
registry of factories: the model manifest stores the name, and loading a model asks the registry
for it again, so no encoder object is ever serialised with a model.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from baliza.errors import InputError


@runtime_checkable
class Encoder(Protocol):
    """Texts in, one unit-length row per text out."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


_FACTORIES: dict[str, Callable[[], Encoder]] = {}
_INSTANCES: dict[str, Encoder] = {}
_LOCK = threading.Lock()


def register_encoder(name: str, factory: Callable[[], Encoder]) -> None:
    """Make `name` loadable; re-registering replaces the factory and drops a cached instance."""
    with _LOCK:
        _FACTORIES[name] = factory
        _INSTANCES.pop(name, None)


def encoder_names() -> list[str]:
    return sorted(_FACTORIES)


def get_encoder(name: str) -> Encoder:
    """Return the process-wide instance for `name`, building it on first use (weights load once)."""
    with _LOCK:
        if name in _INSTANCES:
            return _INSTANCES[name]
        factory = _FACTORIES.get(name)
        if factory is None and name.startswith("st:"):
            from models.encoders.st import SentenceTransformerEncoder

            path = name.removeprefix("st:")
            factory = lambda: SentenceTransformerEncoder(path, name=name)  # noqa: E731
        if factory is None:
            known = ", ".join(sorted(_FACTORIES)) or "none"
            raise InputError(f"unknown encoder {name!r} (known: {known}, or st:/path/to/model)")
        _INSTANCES[name] = factory()
        return _INSTANCES[name]


def normalise_rows(matrix: np.ndarray) -> np.ndarray:
    """Unit-length rows in float32; zero rows stay zero instead of becoming NaN."""
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms
