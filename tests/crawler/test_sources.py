"""The allow-list: no valid consent, no crawl — and not a single request sent."""

from __future__ import annotations

from datetime import date

import pytest

from crawler.site import start_in_thread, stop
from crawler.sources import SourceError, load_sources, resolve_source
from crawler.spiders.ads import AdsSpider
from tests.crawler.conftest import run_crawl, write_sources


def test_shipped_allow_list_is_valid_and_polite():
    sources = load_sources(site_url="http://127.0.0.1:9999")
    assert sources["demo"].start_urls == ["http://127.0.0.1:9999/ads"]
    assert sources["demo"].consent.type == "synthetic"
    for name, source in sources.items():
        if name != "demo":
            assert source.rate.download_delay >= 2 and source.rate.concurrency == 1
            assert source.rate.autothrottle and source.consent.type != "synthetic"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"consent": None}, "no consent record"),
        (
            {"consent": {"type": "synthetic", "reference": "r", "granted_by": "g", "expires": "2020-01-01"}},
            "expired on 2020-01-01",
        ),
        ({"start_urls": ["https://elsewhere.example/ads"]}, "outside its allowed domains"),
    ],
    ids=["no-consent", "expired", "off-domain"],
)
def test_refused_sources(tmp_path, changes, message):
    path = write_sources(tmp_path, **changes)
    with pytest.raises(SourceError, match=message):
        resolve_source("demo", path)
    with pytest.raises(SourceError, match=message):
        AdsSpider(source="demo", sources_file=str(path))


def test_unknown_source_and_bad_file(tmp_path):
    with pytest.raises(SourceError, match="unknown source 'nope'"):
        resolve_source("nope")
    bad = tmp_path / "bad.yaml"
    bad.write_text("sources:\n  - name: x\n", encoding="utf-8")
    with pytest.raises(SourceError, match="invalid sources file"):
        load_sources(bad)
    consent = {"type": "hearsay", "reference": "r", "granted_by": "g", "expires": "2099-01-01"}
    with pytest.raises(SourceError, match="consent"):
        load_sources(write_sources(tmp_path, consent=consent))


def test_consent_expiry_is_checked_against_today(tmp_path):
    consent = {"type": "partner-agreement", "reference": "r", "granted_by": "g", "expires": "2030-01-01"}
    path = write_sources(tmp_path, consent=consent)
    assert resolve_source("demo", path, today=date(2029, 12, 31)).name == "demo"
    with pytest.raises(SourceError, match="expired"):
        resolve_source("demo", path, today=date(2030, 1, 2))


def test_refused_crawl_sends_no_request(tmp_path):
    server, thread = start_in_thread(port=0)
    try:
        path = write_sources(tmp_path, consent=None)
        result = run_crawl(server.url, tmp_path / "data", "--source", "demo", "--sources-file", str(path))
        assert result.returncode == 2 and "no consent record" in result.stderr
        assert server.requested() == []
        assert not (tmp_path / "data").exists()
    finally:
        stop(server)
        thread.join(timeout=5)
