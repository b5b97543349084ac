"""`baliza`: the one front door for people. Each command is a thin call into a package.

Errors a person can fix print one line on stderr and exit 2 (bad usage or input) or 1 (anything
else); no traceback is ever shown. Heavy imports happen inside commands so `--help` stays fast.
This is the entry point that builds the settings: once per run, in `CliContext` (`_context.py`).
"""

from __future__ import annotations

import sys

import typer

from baliza.cli import accounts, config, crawl, data, modelcmds, privacy, protective, purge, review, serve
from baliza.cli._context import CliContext

app = typer.Typer(
    name="baliza",
    help="Baliza: find online recruitment into human trafficking. It ranks and explains; people decide.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def root(ctx: typer.Context) -> None:
    ctx.ensure_object(CliContext)  # kept when a caller passes its own (`app(obj=CliContext(settings))`)


app.add_typer(data.app, name="data")
modelcmds.register(app)
protective.register(app)
privacy.register(app)
crawl.register(app)
purge.register(app)
serve.register(app)
accounts.register(app)
review.register(app)
config.register(app)


def main() -> None:
    from pydantic import ValidationError

    from baliza.errors import BalizaError
    from baliza.settings import bad_setting

    try:
        app()
    except BalizaError as exc:
        print(f"baliza: error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except ValidationError as exc:
        print(f"baliza: error: {bad_setting(exc)}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("baliza: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:  # the promise is one line, never a traceback
        print(f"baliza: error: {type(exc).__name__}: {exc}", file=sys.stderr)
        sys.exit(1)
