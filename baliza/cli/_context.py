"""What one run of `baliza` shares between its commands: the settings, read from the environment
once, and the `Encoders` holder every model of the run embeds through.

The root callback puts a `CliContext` on Click's context (`ctx.obj`, which every subcommand's
context inherits), and each command takes its settings from there with `settings_of(ctx)` — no
command builds its own. The settings are read on first use, not in the callback, so `--help` and the
commands that need none (`baliza data generate`) work, and stay fast, even with a bad `BALIZA_*`
value; the command that does need them fails with one line (see `baliza.cli.main`). Tests may pass
`obj=CliContext(settings)` to run commands on settings of their own.

The encoders are built on first use too (`encoders_of(ctx)`), on the data dir's embedding cache
file: a second run on the same texts reads their vectors instead of encoding them again, and the
models one run loads (`baliza models compare` loads two) share the encoders' weights.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from baliza.settings import Settings
    from models.encoders import Encoders


@dataclass
class CliContext:
    """The run's shared state; `given` is for callers that bring their own settings (tests)."""

    given: Settings | None = None

    @cached_property
    def settings(self) -> Settings:
        """The given settings, else `BALIZA_*` from the environment; built at most once."""
        from baliza.settings import Settings  # pydantic is slow to import; `--help` never needs it

        return self.given or Settings()

    @cached_property
    def encoders(self) -> Encoders:
        """The run's one holder, caching embeddings in the data dir; built at most once."""
        from models.encoders import EmbeddingCache, Encoders  # numpy: only commands that embed pay

        return Encoders(EmbeddingCache(self.settings.embedding_cache))


def settings_of(ctx: typer.Context) -> Settings:
    """The settings of this run of `baliza`; a command's only way to reach them."""
    return ctx.ensure_object(CliContext).settings


def encoders_of(ctx: typer.Context) -> Encoders:
    """The encoders of this run of `baliza`: pass them to every model the command loads or trains."""
    return ctx.ensure_object(CliContext).encoders
