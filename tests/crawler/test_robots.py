"""An unreadable robots.txt (5xx) means the crawler fetches nothing else from that host."""

from crawler.site.server import SiteHandler
from tests.crawler.conftest import run_crawl, summary_of


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
