"""One small interface for text encoders, so a local model can be swapped in by name.

An encoder turns texts into L2-normalised float32 vectors. Encoders are found by name (the
catalogue, `models.encoders.catalogue`): the model manifest stores the name, and loading a model
asks an `Encoders` holder for it again, so no encoder object is ever serialised with a model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class Encoder(Protocol):
    """Texts in, one unit-length row per text out."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


#: What the catalogue maps a name to: builds the encoder (and loads its weights) when called.
Factory = Callable[[], Encoder]
