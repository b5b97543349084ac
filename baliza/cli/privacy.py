"""`baliza redact`: the service's door-side redaction, for people who must share text safely."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from baliza.cli._context import settings_of


def redact(
    ctx: typer.Context,
    input_file: Annotated[
        Path | None, typer.Argument(help="JSONL with id and text (default: stdin).")
    ] = None,
    out: Annotated[Path | None, typer.Option(help="Write JSONL here instead of stdout.")] = None,
) -> None:
    """Replace phones, e-mails, URLs, handles and IDs by keyed pseudonyms ([KIND:xxxxxxxxxxxx])."""
    from models.jsonl import read_records, write_output
    from service.privacy.keys import load_secret_key
    from service.privacy.redact import redact as redact_text

    records = read_records(input_file)
    key = load_secret_key(settings_of(ctx))
    rows = []
    for record in records:
        result = redact_text(record["text"], key)
        pseudonyms = [p.as_json() for p in result.pseudonyms]
        rows.append({"id": record["id"], "text": result.text, "pseudonyms": pseudonyms})
    write_output(rows, out)


def register(app: typer.Typer) -> None:
    app.command()(redact)
