"""The model a command should use, resolved and loaded: shared by `baliza score|eval` and
`baliza models compare`, so it sits below both — `modelcmds.py` imports `registry.py` to mount
it, and `registry.py` needs nothing from `modelcmds.py`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from baliza.cli._context import encoders_of, settings_of

if TYPE_CHECKING:
    from models.modeldir import Model


def resolved_path(ctx: typer.Context, model: str | None) -> Path:
    """`--model` → BALIZA_MODEL → the promoted model → the shipped default: its directory."""
    from models.resolve import resolve_model

    settings = settings_of(ctx)
    return resolve_model(model, settings.model, settings.data_dir)


def load_resolved(ctx: typer.Context, model: str | None) -> Model:
    """The model of `resolved_path`, loaded with the run's encoders (so its embeddings are cached in
    the data dir)."""
    from models.modeldir import load_model

    return load_model(resolved_path(ctx, model), encoders_of(ctx))
