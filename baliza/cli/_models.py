"""The model a command should use, resolved and loaded: shared by `baliza score|eval` and
`baliza models compare`, so it sits below both — `modelcmds.py` imports `registry.py` to mount
it, and `registry.py` needs nothing from `modelcmds.py`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from baliza.settings import Settings
    from models.modeldir import Model


def load_resolved(model: str | None, settings: Settings) -> Model:
    """`--model` → BALIZA_MODEL → the promoted model → the shipped default; embeddings are cached
    in the data dir."""
    from models.encoders import configure_cache
    from models.modeldir import load_model
    from models.resolve import resolve_model

    configure_cache(settings.embedding_cache)
    return load_model(resolve_model(model, settings.model, settings.data_dir))
