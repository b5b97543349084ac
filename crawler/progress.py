"""Progress on stderr while a crawl runs: pages, items, dropped, duplicates, rate.

Enabled by the setting BALIZA_PROGRESS (the CLI turns it on); Scrapy's own log stays quiet.
"""

from __future__ import annotations

import sys
import time

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

INTERVAL = 2.0


def summarise(stats: dict, seconds: float) -> dict:
    """The figures a person watching a crawl wants, from Scrapy's stats."""
    pages = int(stats.get("response_received_count", 0))
    return {
        "pages": pages,
        "items": int(stats.get("item_scraped_count", 0)),
        "dropped": int(stats.get("baliza/dropped", 0)),
        "duplicates": int(stats.get("baliza/duplicates", 0)),
        "near_duplicates": int(stats.get("baliza/near_duplicates", 0)),
        "skipped_seen": int(stats.get("baliza/skipped_seen", 0)),
        "seconds": round(seconds, 2),
        "pages_per_min": round(pages / seconds * 60, 1) if seconds > 0 else 0.0,
    }


def line(summary: dict) -> str:
    return (
        f"pages {summary['pages']}  items {summary['items']}  dropped {summary['dropped']}  "
        f"duplicates {summary['duplicates']} (+{summary['near_duplicates']} near)  "
        f"{summary['pages_per_min']} pages/min"
    )


class Progress:
    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.report)
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("BALIZA_PROGRESS"):
            raise NotConfigured
        return cls(crawler)

    def opened(self, spider) -> None:
        self.started = time.monotonic()
        self.loop.start(INTERVAL, now=False)

    def closed(self, spider) -> None:
        if self.loop.running:
            self.loop.stop()

    def report(self) -> None:
        summary = summarise(self.crawler.stats.get_stats(), time.monotonic() - self.started)
        print(f"crawl: {line(summary)}", file=sys.stderr, flush=True)
