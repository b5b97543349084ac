"""Incremental crawling: detail pages fetched in an earlier run are not fetched again.

Listing pages are always re-read (they change); a detail page whose URL is in the source's state
is skipped before the request leaves, and every detail page fetched now is remembered.
"""

from __future__ import annotations

from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from w3lib.url import canonicalize_url

from crawler.state import load_set, save_set, state_dir

DETAIL = "baliza_detail"


class SeenDetailPages:
    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.seen: set[str] = set()
        self.path = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def spider_opened(self, spider) -> None:
        data_dir = self.crawler.settings.get("BALIZA_DATA_DIR")
        self.path = state_dir(data_dir, spider.source.name) / "seen_detail_urls.json"
        self.seen = load_set(self.path)

    def spider_closed(self, spider) -> None:
        if self.path is not None:
            save_set(self.path, self.seen)

    def process_request(self, request):
        if request.meta.get(DETAIL) and canonicalize_url(request.url) in self.seen:
            self.crawler.stats.inc_value("baliza/skipped_seen")
            raise IgnoreRequest(f"seen in an earlier crawl: {request.url}")
        return None

    def process_response(self, request, response):
        if request.meta.get(DETAIL) and response.status == 200:
            self.seen.add(canonicalize_url(request.url))
        return response
