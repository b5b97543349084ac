"""`baliza site` and `baliza crawl`: thin calls into `crawler`, which never reads Baliza's settings
itself — the values it needs are passed in here."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from baliza.cli._context import settings_of


def site(
    ctx: typer.Context,
    port: Annotated[
        int | None, typer.Option(help="Port on 127.0.0.1 (default: the port of BALIZA_SITE_URL).")
    ] = None,
) -> None:
    """Serve the synthetic classifieds site (the `demo` source) until Ctrl-C."""
    from baliza.errors import BalizaError, InputError
    from crawler.site import serve

    port = port if port is not None else settings_of(ctx).site_port
    if not 0 <= port <= 65535:
        raise InputError(f"--port must be between 0 and 65535, not {port}")

    def ready(url: str) -> None:
        print(f"baliza: synthetic site on {url}/ (Ctrl-C stops it)", file=sys.stderr, flush=True)

    try:
        serve("127.0.0.1", port, ready)
    except OSError as exc:
        raise BalizaError(f"cannot serve on 127.0.0.1:{port}: {exc.strerror or exc}") from exc


def crawl(
    ctx: typer.Context,
    source: Annotated[str, typer.Option(help="Source name in the allow-list (sources.yaml).")],
    out: Annotated[
        Path | None, typer.Option(help="JSONL feed (default: <data dir>/feeds/<source>-<time>.jsonl).")
    ] = None,
    post: Annotated[
        str | None,
        typer.Option(help="Review service base URL: POST items to /v1/ingest (key: BALIZA_INGEST_KEY)."),
    ] = None,
    max_pages: Annotated[int | None, typer.Option(help="Stop after this many pages.")] = None,
    http_cache: Annotated[bool, typer.Option(help="Cache responses in the data dir (development).")] = False,
    redis: Annotated[
        str | None,
        typer.Option(
            help="Scale-out: share the frontier and crawl state with other crawl processes via this Redis "
            "(default: BALIZA_REDIS_URL).",
        ),
    ] = None,
) -> None:
    """Crawl one consented source into a JSONL feed of ad records (pipe it into `baliza score`)."""
    from baliza.errors import BalizaError, InputError
    from crawler.progress import line
    from crawler.run import CrawlOptions
    from crawler.run import crawl as run_crawl
    from crawler.sources import SourceError

    options = CrawlOptions.from_settings(
        settings_of(ctx),
        source,
        out=out,
        max_pages=max_pages,
        http_cache=http_cache,
        progress=True,
        post_url=post,
        redis_url=redis or None,
    )
    try:
        summary = run_crawl(options)
    except SourceError as exc:
        raise InputError(str(exc)) from exc
    if summary.get("finish_reason") is None:
        raise BalizaError("the crawl did not run (the spider failed to open); see the log above")
    delivery = f"; posted {summary['posted']}, spooled {summary['spooled']}" if post else ""
    print(f"crawl: done: {line(summary)}; feed {summary['feed']}{delivery}", file=sys.stderr)


def register(app: typer.Typer) -> None:
    app.command()(site)
    app.command()(crawl)
