"""Scrapy settings for Baliza's crawler: polite by default, per-source rates set by the runner.

Values the runner fills in from the `baliza` settings (the crawler never imports `service`):
BALIZA_DATA_DIR, BALIZA_SITE_URL, BALIZA_SOURCES_FILE, BALIZA_FEED, BALIZA_PROGRESS, BALIZA_POST_URL,
BALIZA_INGEST_KEY, BALIZA_REDIS_URL (the scale-out profile: `crawler.scaleout.redis_profile`).
"""

BOT_NAME = "baliza"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

USER_AGENT = "BalizaBot/0.1 (+https://github.com/baliza-project/baliza; consent-based research crawler)"
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 2.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
RETRY_TIMES = 2
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

# Development option: `baliza crawl --http-cache` turns this on.
HTTPCACHE_ENABLED = False
HTTPCACHE_EXPIRATION_SECS = 0
HTTPCACHE_DIR = "httpcache"

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

BALIZA_DATA_DIR = "./.baliza"
BALIZA_SITE_URL = "http://127.0.0.1:8765"
BALIZA_SOURCES_FILE = None
BALIZA_FEED = None
BALIZA_PROGRESS = False
BALIZA_POST_URL = None
BALIZA_INGEST_KEY = None
BALIZA_REDIS_URL = None
BALIZA_POST_BACKOFF = 0.5
BALIZA_MAX_TEXT_CHARS = 20_000
BALIZA_NEAR_DUPLICATE_JACCARD = 0.8

DEFAULT_DROPITEM_LOG_LEVEL = "DEBUG"
LOG_LEVEL = "WARNING"
FEED_EXPORT_ENCODING = "utf-8"
