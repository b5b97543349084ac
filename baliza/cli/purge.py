"""`baliza purge`: delete what has outlived the retention setting, on disk and in the database.

Crawl feeds and spool files in the data dir go first (a data dir that is no longer crawled must
still be emptied on schedule); then the review service's database: expired vault entries (raw
values), dismissed items, receipts of unflagged ads and expired sessions (`service.review.retention`,
the same purge the service runs hourly). A data dir whose default database was never created is
left without one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from baliza.cli._context import settings_of

if TYPE_CHECKING:
    from baliza.settings import Settings


def purge(
    ctx: typer.Context,
    older_than: Annotated[
        int | None, typer.Option(help="Age in days (default: BALIZA_RETENTION_DAYS); 0 removes all.")
    ] = None,
) -> None:
    """Delete crawl files, raw values, dismissed items and old receipts past the retention period."""
    from baliza.cli._db import cli_actor, open_state
    from baliza.errors import InputError
    from crawler.retention import expire
    from service.review import retention

    settings = settings_of(ctx)
    days = settings.retention_days if older_than is None else older_than
    if days < 0:
        raise InputError("--older-than must be 0 or more days")
    removed = expire(settings.data_dir, days)
    typer.echo(f"purged {len(removed)} file(s) older than {days} day(s) from {settings.data_dir}", err=True)
    if _never_created(settings):
        return
    with open_state(settings) as state:
        counts = retention.purge(state, days=days, actor=cli_actor())
    summary = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in counts.items())
    typer.echo(f"purged from the database: {summary}", err=True)


def _never_created(settings: Settings) -> bool:
    """The default SQLite file does not exist: the service never ran here, there is nothing to purge
    (and creating a database and keys as a side effect of a purge would surprise)."""
    if settings.database_url:
        return False
    return not Path(settings.resolved_database_url.removeprefix("sqlite:///")).exists()


def register(app: typer.Typer) -> None:
    app.command()(purge)
