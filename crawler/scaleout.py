"""The scale-out profile: several crawler processes share one frontier through scrapy-redis.

`redis_profile` swaps Scrapy's scheduler and duplicate filter for scrapy-redis, so requests and
their fingerprints live in Redis and each page is fetched by exactly one process. The frontier
persists (SCHEDULER_PERSIST): a process that runs out of work must not wipe it under the others.

`SharedFrontier` decides when a process may stop. A process whose own queue is empty is not done
while another process is still fetching pages, because those pages will add links to the shared
frontier; it stays open and polls until every live worker is idle. The last worker to finish a
crawl clears the frontier and its fingerprints, so the next crawl re-reads the listing pages (the
seen-detail-page set, kept in Redis, still spares it the detail pages). A crawl that stops early
(Ctrl-C, --max-pages) leaves the frontier in place, and the next run resumes it.
"""

from __future__ import annotations

import time
import uuid

from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.utils.misc import load_object
from scrapy_redis.scheduler import Scheduler as RedisScheduler
from twisted.internet import task

from crawler.shared import connect, redis_key
from crawler.sources import SourceError

HEARTBEAT = 1.0  # seconds between a worker's "still alive" marks
STALE = 30.0  # a worker silent for this long has died; it no longer keeps the others open
POLL = 0.25  # seconds an idle worker waits before looking at the shared frontier again


def redis_profile(redis_url: str, source: str) -> dict:
    """Scrapy settings that put the frontier and request fingerprints of `source` in Redis."""
    prefix = redis_key(source, "").replace("%", "%%")
    return {
        "SCHEDULER": "crawler.scaleout.Scheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_QUEUE_KEY": prefix + "requests",
        "SCHEDULER_DUPEFILTER_KEY": prefix + "dupefilter",
        "REDIS_URL": redis_url,
        "BALIZA_REDIS_URL": redis_url,
    }


class Scheduler(RedisScheduler):
    """scrapy-redis's scheduler, free of the Scrapy APIs it uses that current Scrapy deprecates.

    scrapy-redis 0.9.1 passes `spider=` to the stats collector, which Scrapy 2.13+ deprecates, and
    calls the deprecated `Spider.log` when it opens onto a non-empty frontier. Our tests run with
    warnings as errors, so that call failed the opening of every process that joined a crawl
    already under way or resumed one: the spider never ran, and the process still exited 0. The
    queue and the duplicate filter are scrapy-redis's own.
    """

    def open(self, spider) -> None:
        self.spider = spider
        key = self.queue_key % {"spider": spider.name}
        self.queue = load_object(self.queue_cls)(
            server=self.server, spider=spider, key=key, serializer=self.serializer
        )
        if not self.df:
            self.df = load_object(self.dupefilter_cls).from_spider(spider)
        if self.flush_on_start:
            self.flush()
        if pending := len(self.queue):
            spider.logger.info("Resuming crawl (%d requests scheduled)", pending)

    def enqueue_request(self, request) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self):
        request = self.queue.pop(self.idle_before_close)
        if request is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request


def check_redis(redis_url: str) -> None:
    """Fail with one clear line, before Scrapy starts, when the Redis server cannot be reached."""
    import redis

    try:
        connect(redis_url).ping()
    except (ValueError, redis.RedisError) as exc:
        raise SourceError(f"cannot use Redis at {redis_url}: {exc}") from exc


class SharedFrontier:
    """Keeps a worker open while others may still add work, and clears a finished crawl's frontier."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.server = connect(crawler.settings.get("BALIZA_REDIS_URL"))
        self.worker = uuid.uuid4().hex
        self.idle = False
        self.heartbeat = task.LoopingCall(self.beat)
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.reached_downloader, signal=signals.request_reached_downloader)
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.get("BALIZA_REDIS_URL"):
            raise NotConfigured
        return cls(crawler)

    def opened(self, spider) -> None:
        source = spider.source.name
        self.alive, self.busy = redis_key(source, "workers"), redis_key(source, "busy")
        settings = self.crawler.settings
        self.frontier = (settings.get("SCHEDULER_QUEUE_KEY"), settings.get("SCHEDULER_DUPEFILTER_KEY"))
        self.server.sadd(self.busy, self.worker)
        self.heartbeat.start(HEARTBEAT, now=True)

    def beat(self) -> None:
        self.server.zadd(self.alive, {self.worker: time.time()})

    def reached_downloader(self, request, spider) -> None:
        if self.idle:
            self.idle = False
            self.server.sadd(self.busy, self.worker)

    def others_busy(self) -> bool:
        live = set(self.server.zrangebyscore(self.alive, time.time() - STALE, "+inf"))
        busy = set(self.server.smembers(self.busy)) - {self.worker.encode()}
        return bool(busy & live)

    def spider_idle(self, spider) -> None:
        """Our queue is empty and nothing is in flight: stop only if no live worker is still busy."""
        self.idle = True
        self.server.srem(self.busy, self.worker)
        if self.others_busy() or self.server.zcard(self.frontier[0]):
            from twisted.internet import reactor  # imported late: Scrapy chooses which reactor

            reactor.callLater(POLL, self.wake)
            raise DontCloseSpider

    def wake(self) -> None:
        """Ask the engine to look at the scheduler now rather than at its next 5 s heartbeat.

        Scrapy has no public call for this; without it the worker still polls, only more slowly.
        """
        engine = self.crawler.engine
        slot = getattr(engine, "_slot", None)
        if slot is not None and engine.spider is not None:
            slot.nextcall.schedule()

    def closed(self, spider, reason: str) -> None:
        if self.heartbeat.running:
            self.heartbeat.stop()
        with self.server.pipeline() as pipe:
            pipe.zrem(self.alive, self.worker).srem(self.busy, self.worker)
            pipe.zremrangebyscore(self.alive, "-inf", time.time() - STALE)
            pipe.zcard(self.alive)
            others = pipe.execute()[-1]
        if reason == "finished" and not others:
            self.server.delete(*self.frontier)
