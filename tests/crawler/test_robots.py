"""robots.txt is obeyed strictly: an unreadable one means "fetch nothing", and every request that
waited for it is checked against it, however many were waiting."""

from crawler.site.server import SiteHandler
from tests.crawler.conftest import run_crawl, summary_of, write_sources


class BrokenRobots(SiteHandler):
    def do_GET(self) -> None:
        if self.path == "/robots.txt":
            self.send_response(503)
            self.end_headers()
            return
        super().do_GET()


def test_unreadable_robots_txt_is_disallow_all(site, tmp_path):
    before = len(site.requested())
    site.RequestHandlerClass = BrokenRobots
    try:
        summary = summary_of(run_crawl(site.url, tmp_path / "data", "--source", "demo"))
    finally:
        site.RequestHandlerClass = SiteHandler
    fetched = [p for p in site.requested()[before:] if p != "/robots.txt"]
    assert fetched == [] and summary["items"] == 0


def test_every_request_waiting_for_robots_txt_is_checked(site, tmp_path):
    """Many disallowed requests queued before robots.txt arrives: none of them may slip through.

    Scrapy 2.19 hands the parser only to the first request that waited for it and None ("allow")
    to the others; in scale-out mode those were requests for /private/ pages popped from Redis.
    """
    before = len(site.requested())
    private = [f"${{BALIZA_SITE_URL}}/private/ad/{ad.ad_id}" for ad in site.catalogue.private]
    sources = write_sources(tmp_path, start_urls=[*private, "${BALIZA_SITE_URL}/ads"])
    args = ("--source", "demo", "--sources-file", str(sources), "--max-pages", "20")
    summary = summary_of(run_crawl(site.url, tmp_path / "data", *args))
    paths = site.requested()[before:]
    assert [p for p in paths if p.startswith("/private/")] == []
    assert "/ads" in paths and summary["items"] > 0
