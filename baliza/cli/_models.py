"""The model a command should use, resolved and loaded: shared by `baliza score|eval` and
`baliza models compare`, so it sits below both — `modelcmds.py` imports `registry.py` to mount
it, and `registry.py` needs nothing from `modelcmds.py`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from baliza.cli._context import encoders_of, settings_of

if TYPE_CHECKING:
    from models.modeldir import Model


def load_resolved(ctx: typer.Context, model: str | None) -> Model:
    """`--model` → BALIZA_MODEL → the promoted model → the shipped default, loaded with the run's
    encoders (so its embeddings are cached in the data dir)."""
    from models.modeldir import load_model
    from models.resolve import resolve_model

    settings = settings_of(ctx)
    return load_model(resolve_model(model, settings.model, settings.data_dir), encoders_of(ctx))
