"""Run one crawl in this process and return its summary; `python -m crawler.run` does it from a shell.

Twisted's reactor cannot restart within a process, so run one crawl per process (tests start a
subprocess each time). The source is checked before Scrapy starts: a refused source never sends a
request.

Both entry points — `baliza crawl` and `python -m crawler.run` — build Baliza's `Settings` once and
turn them into `CrawlOptions` with `CrawlOptions.from_settings`; below that, nothing reads the
environment, and the default of every BALIZA_* value is the one in `baliza/settings.py`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from baliza.settings import Settings, bad_setting
from crawler.retention import expire
from crawler.sources import SourceError, resolve_source


@dataclass(frozen=True)
class CrawlOptions:
    source: str
    data_dir: Path
    site_url: str
    retention_days: int
    sources_file: Path | None = None
    out: Path | None = None
    max_pages: int | None = None
    http_cache: bool = False
    progress: bool = False
    post_url: str | None = None
    ingest_key: str | None = None
    post_backoff: float = 0.5
    redis_url: str | None = None

    @classmethod
    def from_settings(cls, settings: Settings, source: str, **given: Any) -> CrawlOptions:
        """Options for one crawl: Baliza's settings, then what the caller gave (None: not given)."""
        values = {
            "data_dir": settings.data_dir,
            "site_url": settings.site_url,
            "retention_days": settings.retention_days,
            "sources_file": settings.sources_file,
            "ingest_key": settings.ingest_key,
            "redis_url": settings.redis_url,
        }
        values.update({name: value for name, value in given.items() if value is not None})
        return cls(source=source, **values)


def scrapy_settings(options: CrawlOptions):
    """The project settings, with the source's rate limits and Baliza's paths applied.

    With --max-pages, concurrency is capped at that number, so the requests still in flight when
    the limit is reached (Scrapy lets them finish) stay few. With --redis, the scale-out profile.
    """
    from scrapy.settings import Settings

    from crawler import settings as project_settings
    from crawler.scaleout import redis_profile

    source = resolve_source(options.source, options.sources_file, options.site_url)
    settings = Settings()
    settings.setmodule(project_settings, priority="project")
    settings.update(
        {
            "DOWNLOAD_DELAY": source.rate.download_delay,
            "CONCURRENT_REQUESTS_PER_DOMAIN": min(source.rate.concurrency, options.max_pages or 64),
            "CONCURRENT_REQUESTS": min(16, options.max_pages or 16),
            "AUTOTHROTTLE_ENABLED": source.rate.autothrottle,
            "BALIZA_DATA_DIR": str(options.data_dir),
            "BALIZA_SITE_URL": options.site_url,
            "BALIZA_SOURCES_FILE": str(options.sources_file) if options.sources_file else None,
            "BALIZA_FEED": str(options.out) if options.out else None,
            "BALIZA_PROGRESS": options.progress,
            "BALIZA_POST_URL": options.post_url,
            "BALIZA_INGEST_KEY": options.ingest_key,
            "BALIZA_POST_BACKOFF": options.post_backoff,
            "BALIZA_REDIS_URL": options.redis_url,
            "HTTPCACHE_ENABLED": options.http_cache,
            "HTTPCACHE_DIR": str(Path(options.data_dir).resolve() / "httpcache"),
            "CLOSESPIDER_PAGECOUNT": options.max_pages or 0,
        },
        priority="cmdline",
    )
    if options.redis_url:
        settings.update(redis_profile(options.redis_url, source.name), priority="cmdline")
    return settings


def crawl(options: CrawlOptions) -> dict:
    """Crawl one source to its feed; returns pages, items, dropped, duplicates, rate, feed path."""
    if options.max_pages is not None and options.max_pages < 1:
        raise SourceError("--max-pages must be at least 1")
    if options.post_url and not options.ingest_key:
        raise SourceError("--post needs a partner key in BALIZA_INGEST_KEY")
    if options.redis_url:
        from crawler.scaleout import check_redis

        check_redis(options.redis_url)
    settings = scrapy_settings(options)
    expired = expire(options.data_dir, options.retention_days)
    from scrapy.crawler import CrawlerProcess

    from crawler.progress import summarise
    from crawler.spiders.ads import AdsSpider

    process = CrawlerProcess(settings)
    crawler = process.create_crawler(AdsSpider)
    kwargs = {"source": options.source, "site_url": options.site_url}
    if options.sources_file:
        kwargs["sources_file"] = str(options.sources_file)
    started = time.monotonic()
    process.crawl(crawler, **kwargs)
    process.start()
    stats = crawler.stats.get_stats()
    summary = summarise(stats, time.monotonic() - started)
    summary["feed"] = stats.get("baliza/feed")
    summary["finish_reason"] = stats.get("finish_reason")
    summary["expired_files"] = len(expired)
    if options.post_url:
        summary["posted"] = stats.get("baliza/posted", 0)
        summary["spooled"] = stats.get("baliza/spooled", 0)
    return summary


def _parser() -> argparse.ArgumentParser:
    """The options of `python -m crawler.run`; an option not given leaves the BALIZA_* setting."""
    parser = argparse.ArgumentParser(prog="python -m crawler.run", description=__doc__)
    parser.add_argument("--source", required=True)
    parser.add_argument("--data-dir", type=Path, help="default BALIZA_DATA_DIR")
    parser.add_argument("--site-url", help="default BALIZA_SITE_URL")
    parser.add_argument("--sources-file", type=Path, help="default BALIZA_SOURCES_FILE")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--max-pages", type=int)
    parser.add_argument("--http-cache", action="store_true")
    parser.add_argument("--progress", action="store_true")
    parser.add_argument("--post", dest="post_url", help="review service base URL; key from BALIZA_INGEST_KEY")
    parser.add_argument("--post-backoff", type=float)
    parser.add_argument("--retention-days", type=int, help="default BALIZA_RETENTION_DAYS")
    parser.add_argument(
        "--redis",
        dest="redis_url",
        help="share the frontier and crawl state with other processes through this Redis (scale-out; "
        "default BALIZA_REDIS_URL)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = Settings()  # this process's entry point: the one place it reads BALIZA_*
    except ValidationError as exc:
        print(f"crawl: error: {bad_setting(exc)}", file=sys.stderr)
        return 2
    try:
        summary = crawl(CrawlOptions.from_settings(settings, **vars(args)))
    except SourceError as exc:
        print(f"crawl: error: {exc}", file=sys.stderr)
        return 2
    if summary["finish_reason"] is None:
        # Scrapy logs why a spider failed to open and still returns normally; without this check
        # such a crawl looks like a successful one that found nothing.
        print("crawl: error: the spider never ran (Scrapy's message is above)", file=sys.stderr)
        return 1
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
