"""What one run of `baliza` shares between its commands: the settings, read from the environment once.

The root callback puts a `CliContext` on Click's context (`ctx.obj`, which every subcommand's
context inherits), and each command takes its settings from there with `settings_of(ctx)` — no
command builds its own. The settings are read on first use, not in the callback, so `--help` and the
commands that need none (`baliza data generate`) work, and stay fast, even with a bad `BALIZA_*`
value; the command that does need them fails with one line (see `baliza.cli.main`). Tests may pass
`obj=CliContext(settings)` to run commands on settings of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from baliza.settings import Settings


@dataclass
class CliContext:
    """The run's shared state; `given` is for callers that bring their own settings (tests)."""

    given: Settings | None = None

    @cached_property
    def settings(self) -> Settings:
        """The given settings, else `BALIZA_*` from the environment; built at most once."""
        from baliza.settings import Settings  # pydantic is slow to import; `--help` never needs it

        return self.given or Settings()


def settings_of(ctx: typer.Context) -> Settings:
    """The settings of this run of `baliza`; a command's only way to reach them."""
    return ctx.ensure_object(CliContext).settings
