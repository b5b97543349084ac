"""`baliza`: the one front door for people. Each command is a thin call into a package.

Errors a person can fix print one line on stderr and exit 2 (bad usage or input) or 1 (anything
else); no traceback is ever shown. Heavy imports happen inside commands so `--help` stays fast.
"""

from __future__ import annotations

import sys

import typer

from baliza.cli import accounts, crawl, data, modelcmds, privacy, purge, review, serve

app = typer.Typer(
    name="baliza",
    help="Baliza: find online recruitment into human trafficking. It ranks and explains; people decide.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(data.app, name="data")
modelcmds.register(app)
privacy.register(app)
crawl.register(app)
purge.register(app)
serve.register(app)
accounts.register(app)
review.register(app)


def main() -> None:
    from pydantic import ValidationError

    from baliza.errors import BalizaError

    try:
        app()
    except BalizaError as exc:
        print(f"baliza: error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except ValidationError as exc:
        first = exc.errors()[0]
        print(
            f"baliza: error: bad setting {'.'.join(map(str, first['loc']))}: {first['msg']}", file=sys.stderr
        )
        sys.exit(2)
    except KeyboardInterrupt:
        print("baliza: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:  # the promise is one line, never a traceback
        print(f"baliza: error: {type(exc).__name__}: {exc}", file=sys.stderr)
        sys.exit(1)
