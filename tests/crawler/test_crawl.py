"""End to end: the `demo` source crawled from the local site, twice, in subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.crawler.conftest import read_feed, run_crawl, summary_of, write_sources

BALIZA = str(Path(sys.executable).parent / "baliza")


@pytest.fixture(scope="module")
def first_crawl(site, tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("crawl") / "data"
    before = len(site.requested())
    summary = summary_of(run_crawl(site.url, data_dir, "--source", "demo"))
    return {"data_dir": data_dir, "summary": summary, "requests": site.requested()[before:]}


def test_every_ad_collected_exactly_once(site, first_crawl):
    feed = read_feed(Path(first_crawl["summary"]["feed"]))
    ids = Counter(row["id"] for row in feed)
    expected = {f"demo:{ad.ad_id}" for ad in site.catalogue.ads if ad.kind != "no-body"}
    assert set(ids) == expected and max(ids.values()) == 1
    assert first_crawl["summary"]["items"] == len(expected)
    row = next(r for r in feed if r["id"] == f"demo:{site.catalogue.ads[0].ad_id}")
    ad = site.catalogue.ads[0]
    assert row["text"].startswith(ad.title + "\n") and row["title"] == ad.title
    assert row["posted_at"] == ad.posted_at and row["lang"] == ad.lang and row["source"] == "demo"
    assert row["content_hash"].startswith("sha256:") and row["url"].endswith(f"/ad/{ad.ad_id}")


def test_robots_obeyed(first_crawl):
    paths = first_crawl["requests"]
    assert "/robots.txt" in paths
    assert not [p for p in paths if p.startswith("/private/")]


def test_malformed_pages_do_not_stop_the_crawl(site, first_crawl):
    summary = first_crawl["summary"]
    assert summary["finish_reason"] == "finished" and summary["dropped"] == 2
    feed = {row["id"]: row for row in read_feed(Path(summary["feed"]))}
    for ad in site.catalogue.ads:
        if ad.kind == "truncated":
            assert feed[f"demo:{ad.ad_id}"]["text"].startswith(ad.title)


def test_near_duplicates_marked(site, first_crawl):
    feed = {row["id"]: row for row in read_feed(Path(first_crawl["summary"]["feed"]))}
    for ad in site.catalogue.ads:
        if ad.repost_of:
            repost, original = f"demo:{ad.ad_id}", f"demo:{ad.repost_of}"
            marks = {feed[repost]["duplicate_of"], feed[original]["duplicate_of"]}
            assert marks in ({original, None}, {repost, None})
    assert first_crawl["summary"]["near_duplicates"] == 20


def test_feed_is_private(first_crawl):
    feed = Path(first_crawl["summary"]["feed"])
    assert feed.parent == first_crawl["data_dir"] / "feeds"
    assert feed.stat().st_mode & 0o777 == 0o600


def test_second_crawl_is_incremental(site, first_crawl, tmp_path):
    before = len(site.requested())
    out = tmp_path / "again.jsonl"
    summary = summary_of(run_crawl(site.url, first_crawl["data_dir"], "--source", "demo", "--out", str(out)))
    paths = site.requested()[before:]
    assert any(p.startswith("/ads") for p in paths)
    assert not [p for p in paths if p.startswith("/ad/")]
    assert summary["items"] == 0 and out.read_text() == ""
    assert summary["skipped_seen"] >= len(site.catalogue.ads)


def test_cli_crawl_and_errors(site, tmp_path):
    env = {**os.environ, "BALIZA_DATA_DIR": str(tmp_path / "data"), "BALIZA_SITE_URL": site.url}
    out = tmp_path / "feed.jsonl"
    args = [BALIZA, "crawl", "--source", "demo", "--out", str(out), "--max-pages", "5"]
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "crawl: done: pages" in result.stderr and "Traceback" not in result.stderr
    assert 1 <= len(read_feed(out)) <= 10
    for bad, fragment in (
        (["--source", "nope"], "unknown source"),
        (["--source", "demo", "--max-pages", "0"], ""),
    ):
        result = subprocess.run([BALIZA, "crawl", *bad], capture_output=True, text=True, env=env, timeout=60)
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
        assert fragment in result.stderr and "Traceback" not in result.stderr


def test_cli_refuses_expired_consent(site, tmp_path):
    consent = {"type": "partner-agreement", "reference": "r", "granted_by": "g", "expires": "2021-01-01"}
    sources = write_sources(tmp_path, consent=consent)
    env = {**os.environ, "BALIZA_DATA_DIR": str(tmp_path / "data"), "BALIZA_SITE_URL": site.url}
    before = len(site.requested())
    result = subprocess.run(
        [BALIZA, "crawl", "--source", "demo"],
        capture_output=True,
        text=True,
        env={**env, "BALIZA_SOURCES_FILE": str(sources)},
        timeout=60,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "baliza: error: consent for source 'demo' expired on 2021-01-01; refusing to crawl"
    ]
    assert len(site.requested()) == before


@pytest.mark.parametrize("command", ["site", "crawl"])
def test_help(command):
    result = subprocess.run([BALIZA, command, "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "Usage" in result.stdout
