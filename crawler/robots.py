"""robots.txt, strictly: a robots.txt that cannot be read means "fetch nothing" from that host.

Scrapy's RobotsTxtMiddleware allows everything when the robots.txt download fails (a timeout, a
reset connection) and when the server answers 5xx. For a crawler that may only collect with
consent, an unreadable robots.txt must not turn into permission, so both cases become "Disallow: /"
(as major search engines treat a 5xx robots.txt). A 4xx still means "no robots.txt: allowed".

It also fixes how requests wait for a robots.txt still being downloaded. Scrapy 2.19 has each of
them await the one shared Deferred through `Deferred.asFuture`, which consumes the result: the first
waiter gets the parser and every later one gets None, which Scrapy reads as "allowed", so those
requests skip the check. Here every waiter gets its own Deferred, fed without consuming the shared
one's result, and a request that still meets no parser is refused rather than let through.
"""

from __future__ import annotations

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.http.request import Request
from scrapy.robotstxt import RobotParser
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler
from twisted.internet.defer import Deferred

DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"


def _share(pending: Deferred) -> Deferred:
    """A Deferred firing with `pending`'s result, leaving that result in place for other waiters."""
    mine: Deferred = Deferred()

    def forward(result):
        mine.callback(result)
        return result

    pending.addCallback(forward)
    return mine


class StrictRobotsTxtMiddleware(RobotsTxtMiddleware):
    async def robot_parser(self, request: Request) -> RobotParser | None:
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if isinstance(pending, Deferred):
            return await maybe_deferred_to_future(_share(pending))
        return await super().robot_parser(request)

    def process_request_2(self, rp: RobotParser | None, request: Request) -> None:
        if rp is None:
            self._stats.inc_value("robotstxt/no_parser")
            raise IgnoreRequest(f"no robots.txt parser for {request.url}; not fetching it")
        super().process_request_2(rp, request)

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
