"""`baliza config`: the settings in effect, as this run of `baliza` resolved them.

Scripts ask this command for a default (`scripts/demo.sh` takes the data dir, ports and site URL
from `--json`) instead of writing it a second time, so `baliza/settings.py` stays its one home.
Nothing secret is printed: keys show as "***" when set, and URLs lose their passwords.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer

from baliza.cli._context import settings_of


def config(
    ctx: typer.Context,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object (keys: setting names) instead of lines.")
    ] = False,
) -> None:
    """Print the effective settings: `BALIZA_NAME=value` lines, or one JSON object with --json."""
    settings = settings_of(ctx)
    shown = settings.shown()
    if as_json:
        typer.echo(json.dumps(shown, ensure_ascii=False))
        return
    shown["database_url"] = shown["resolved_database_url"]  # a line shows the URL used, set or not
    for name in type(settings).model_fields:
        value = shown[name]
        typer.echo(f"BALIZA_{name.upper()}={'' if value is None else value}")


def register(app: typer.Typer) -> None:
    """Add `baliza config` to `app`."""
    app.command()(config)
