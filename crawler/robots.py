"""robots.txt, strictly: a robots.txt that cannot be read means "fetch nothing" from that host.

Scrapy's RobotsTxtMiddleware allows everything when the robots.txt download fails (a timeout, a
reset connection) and when the server answers 5xx. For a crawler that may only collect with
consent, an unreadable robots.txt must not turn into permission, so both cases become "Disallow: /"
(as major search engines treat a 5xx robots.txt). A 4xx still means "no robots.txt: allowed".
"""

from __future__ import annotations

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.http.request import Request
from scrapy.utils.misc import build_from_crawler
from twisted.internet.defer import Deferred

DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"


class StrictRobotsTxtMiddleware(RobotsTxtMiddleware):
    def _disallow_all(self, netloc: str) -> None:
        parser = build_from_crawler(self._parserimpl, self.crawler, DISALLOW_ALL)
        pending = self._parsers[netloc]
        self._parsers[netloc] = parser
        if isinstance(pending, Deferred):
            pending.callback(parser)

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status >= 500:
            self._stats.inc_value("robotstxt/unreadable")
            self._disallow_all(netloc)
            return
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        if not isinstance(exc, IgnoreRequest):
            self._stats.inc_value(f"robotstxt/exception_count/{type(exc)}")
        self._stats.inc_value("robotstxt/unreadable")
        self._disallow_all(netloc)
