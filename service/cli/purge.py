"""`baliza purge`: delete collected text that has outlived the retention setting.

Today that is the crawler's feeds and spool files in the data dir; the review service's stored
items and raw values join the same command when they exist. Crawls also expire old files on start,
but a data dir that is no longer crawled must still be emptied on schedule.
"""

from __future__ import annotations

from typing import Annotated

import typer


def purge(
    older_than: Annotated[
        int | None, typer.Option(help="Age in days (default: BALIZA_RETENTION_DAYS); 0 removes all.")
    ] = None,
) -> None:
    """Delete crawl feeds and spool files older than the retention period."""
    from crawler.retention import expire
    from models.errors import InputError
    from service.config import Settings

    settings = Settings()
    days = settings.retention_days if older_than is None else older_than
    if days < 0:
        raise InputError("--older-than must be 0 or more days")
    removed = expire(settings.data_dir, days)
    typer.echo(f"purged {len(removed)} file(s) older than {days} day(s) from {settings.data_dir}", err=True)


def register(app: typer.Typer) -> None:
    app.command()(purge)
