"""`baliza erase`, `baliza audit verify`, `baliza export decisions`: review-service chores without HTTP.

They open the service's own database (see `_db.py`) and write audit rows as `cli:<OS user>`.
Results go to stdout (the erasure count, the verification verdict, the JSONL); a broken audit
chain is an error: one line on stderr naming the first broken row, exit 1.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from baliza.cli._context import settings_of

audit_app = typer.Typer(help="The hash-chained audit log.", no_args_is_help=True)
export_app = typer.Typer(help="Exports for research.", no_args_is_help=True)


def erase(
    ctx: typer.Context,
    value: Annotated[
        str | None,
        typer.Option(help="The phone (best in +international form), e-mail, handle or ID; default: stdin."),
    ] = None,
    region: Annotated[
        str | None, typer.Option(help="Country code for a phone written without +prefix, e.g. ES.")
    ] = None,
    reason: Annotated[
        str | None, typer.Option(help="Reference of the request, kept in the audit row.")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only count the items; delete nothing.")] = False,
) -> None:
    """Erase every item holding a phone, e-mail, handle or ID number (a data-subject request)."""
    from baliza.cli._db import cli_actor, open_state
    from baliza.errors import InputError
    from service.review.erasure import erase as erase_value

    if value is None:
        value = sys.stdin.readline() if not sys.stdin.isatty() else ""
    if not value.strip():
        raise InputError("give the value with --value or on stdin")
    with open_state(settings_of(ctx)) as state, state.sessions() as session:
        done = erase_value(session, state, value, cli_actor(), region=region, reason=reason, dry_run=dry_run)
    verb = "would erase" if dry_run else "erased"
    typer.echo(f"{verb} {done.items} item(s) holding {', '.join(done.tokens)}")


@audit_app.command("verify")
def audit_verify(ctx: typer.Context) -> None:
    """Recompute the audit log's hash chain; exit 1 naming the first edited or deleted row."""
    from sqlalchemy import func, select

    from baliza.cli._db import open_state
    from baliza.errors import BalizaError
    from service.audit import verify
    from service.db.models import AuditEvent

    with open_state(settings_of(ctx)) as state, state.sessions() as session:
        breaks = verify(session)
        count = session.scalar(select(func.count()).select_from(AuditEvent)) or 0
        head = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))
    if breaks:
        first = breaks[0]
        more = f" ({len(breaks) - 1} more break(s) after it)" if len(breaks) > 1 else ""
        raise BalizaError(f"audit log broken at row {first.row_id}: {first.problem}{more}")
    typer.echo(f"audit log intact: {count} rows" + (f" (head {head})" if head else ""))


@export_app.command("decisions")
def export_decisions(
    ctx: typer.Context,
    out: Annotated[Path | None, typer.Option(help="Write JSONL here instead of stdout.")] = None,
) -> None:
    """Settled items as redacted labelled JSONL for retraining (audited as export.decisions)."""
    from baliza.cli._db import cli_actor, open_state
    from baliza.errors import InputError
    from service.review.export import export_decisions as export

    if out is not None and not out.parent.is_dir():  # checked first: a failed write after the
        raise InputError(f"no such directory: {out.parent}")  # audited export would mislead
    with open_state(settings_of(ctx)) as state, state.sessions() as session:
        lines = export(session, state, cli_actor())
    if out is None:
        sys.stdout.write("".join(lines))
    else:
        out.write_text("".join(lines), encoding="utf-8")
    typer.echo(f"exported {len(lines)} decision row(s)" + (f" to {out}" if out else ""), err=True)


def register(app: typer.Typer) -> None:
    """Add `erase`, `audit verify` and `export decisions` to `app`."""
    app.command()(erase)
    app.add_typer(audit_app, name="audit")
    app.add_typer(export_app, name="export")
