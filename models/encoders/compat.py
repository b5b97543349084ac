"""Transitional: one process-wide `Encoders` for callers that do not hold their own yet.

Before `Encoders` existed, encoder instances and the embedding cache were module state. Callers
outside models/ still use that interface: baliza/cli/modelcmds.py (`configure_cache`),
bench/run.py and bench/service_bench.py (`configure_cache`, `embed`, `get_encoder`,
`register_encoder`), research/ scripts, tests/conftest.py (`register_encoder`), and every call of
`load_model` / `train` / `fit` / `build_pipeline` without `encoders`. They all share this one
holder, so they behave as before. Delete this module once each of them passes an `Encoders` it
holds (and make `encoders` a required argument).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from models.encoders.base import Encoder, Factory
from models.encoders.cache import EmbeddingCache
from models.encoders.holder import Encoders


@functools.cache
def process_encoders() -> Encoders:
    return Encoders()


def holder(encoders: Encoders | None) -> Encoders:
    """`encoders`, or the process-wide holder for a caller that passed none."""
    return process_encoders() if encoders is None else encoders


def configure_cache(path: Path | None) -> None:
    """Point the process-wide holder's cache at a file (None: memory only)."""
    process_encoders().cache = EmbeddingCache(path)


def embed(encoder_name: str, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    return process_encoders().embed(encoder_name, texts, batch_size)


def get_encoder(name: str) -> Encoder:
    return process_encoders().get(name)


def register_encoder(name: str, factory: Factory) -> None:
    process_encoders().register(name, factory)
