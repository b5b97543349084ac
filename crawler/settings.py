"""Scrapy settings for Baliza's crawler: polite by default, per-source rates set by the runner.

The runner (`crawler.run.scrapy_settings`) always fills in the rest, so they have no defaults here:
the source's rate (DOWNLOAD_DELAY, CONCURRENT_REQUESTS, CONCURRENT_REQUESTS_PER_DOMAIN,
AUTOTHROTTLE_ENABLED: polite defaults in `crawler.sources.Rate`), HTTPCACHE_ENABLED and
HTTPCACHE_DIR, and from its `CrawlOptions` (Baliza's settings and the command's options):
BALIZA_DATA_DIR, BALIZA_SITE_URL, BALIZA_SOURCES_FILE, BALIZA_FEED, BALIZA_PROGRESS, BALIZA_POST_URL,
BALIZA_INGEST_KEY, BALIZA_POST_BACKOFF, BALIZA_REDIS_URL (with it, the scale-out profile:
`crawler.scaleout.redis_profile`).
"""

BOT_NAME = "baliza"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

USER_AGENT = "BalizaBot/0.1 (+https://github.com/baliza-project/baliza; consent-based research crawler)"
ROBOTSTXT_OBEY = True

AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
RETRY_TIMES = 2
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

# Development option: `baliza crawl --http-cache` turns the cache on.
HTTPCACHE_EXPIRATION_SECS = 0

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.robots.StrictRobotsTxtMiddleware": 100,
    "crawler.middlewares.SeenDetailPages": 600,
}
ITEM_PIPELINES = {
    "crawler.pipelines.ValidatePipeline": 100,
    "crawler.pipelines.NormalisePipeline": 200,
    "crawler.pipelines.DeduplicatePipeline": 300,
    "crawler.pipelines.FeedPipeline": 400,
    "crawler.pipelines.PostPipeline": 500,
}
# SharedFrontier runs only with the scale-out profile (BALIZA_REDIS_URL set; see crawler/scaleout.py).
EXTENSIONS = {"crawler.progress.Progress": 500, "crawler.scaleout.SharedFrontier": 510}

BALIZA_MAX_TEXT_CHARS = 20_000
BALIZA_NEAR_DUPLICATE_JACCARD = 0.8

DEFAULT_DROPITEM_LOG_LEVEL = "DEBUG"
LOG_LEVEL = "WARNING"
FEED_EXPORT_ENCODING = "utf-8"
