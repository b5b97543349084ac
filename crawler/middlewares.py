"""Incremental crawling: detail pages fetched in an earlier run are not fetched again.

Listing pages are always re-read (they change); a detail page whose URL is in the source's state
is skipped before the request leaves, and every detail page fetched now is remembered (in the data
dir, or in Redis with the scale-out profile, so that all processes share it).
"""

from __future__ import annotations

from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from w3lib.url import canonicalize_url

from crawler.shared import RedisSet, open_set
from crawler.state import FileSet, state_dir

DETAIL = "baliza_detail"


class SeenDetailPages:
    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.seen: FileSet | RedisSet | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def spider_opened(self, spider) -> None:
        settings = self.crawler.settings
        path = state_dir(settings.get("BALIZA_DATA_DIR"), spider.source.name) / "seen_detail_urls.json"
        self.seen = open_set(settings.get("BALIZA_REDIS_URL"), spider.source.name, "seen_detail_urls", path)

    def spider_closed(self, spider) -> None:
        if self.seen is not None:
            self.seen.close()

    def process_request(self, request):
        if request.meta.get(DETAIL) and self.seen is not None and canonicalize_url(request.url) in self.seen:
            self.crawler.stats.inc_value("baliza/skipped_seen")
            raise IgnoreRequest(f"seen in an earlier crawl: {request.url}")
        return None

    def process_response(self, request, response):
        if request.meta.get(DETAIL) and response.status == 200 and self.seen is not None:
            self.seen.add(canonicalize_url(request.url))
        return response
