"""`python -m crawler.run` is the crawler's entry point: it reads Baliza's settings once, its options
override them, and nothing below it reads the environment."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from baliza.settings import Settings
from crawler.run import CrawlOptions, scrapy_settings
from tests.conftest import REPO


def test_options_come_from_the_settings_unless_given(tmp_path):
    settings = Settings(
        data_dir=tmp_path / "data",
        site_url="http://127.0.0.1:9999",
        retention_days=30,
        ingest_key="bz_key",
        redis_url="redis://127.0.0.1:6379/0",
    )
    options = CrawlOptions.from_settings(settings, "demo", site_url=None, max_pages=3)  # None: not given
    assert options.data_dir == tmp_path / "data" and options.site_url == "http://127.0.0.1:9999"
    assert options.retention_days == 30 and options.ingest_key == "bz_key"
    assert options.redis_url == "redis://127.0.0.1:6379/0" and options.max_pages == 3
    assert options.post_backoff == 0.5 and options.sources_file is None

    given = CrawlOptions.from_settings(settings, "demo", data_dir=tmp_path / "other", retention_days=7)
    assert given.data_dir == tmp_path / "other" and given.retention_days == 7
    assert given.site_url == "http://127.0.0.1:9999"


def test_scrapy_gets_every_baliza_value_from_the_options(tmp_path):
    options = CrawlOptions.from_settings(
        Settings(data_dir=tmp_path, site_url="http://127.0.0.1:9999", redis_url=None), "demo"
    )
    settings = scrapy_settings(options)
    assert settings["BALIZA_DATA_DIR"] == str(tmp_path)
    assert settings["BALIZA_SITE_URL"] == "http://127.0.0.1:9999"
    assert settings["BALIZA_REDIS_URL"] is None and settings.getfloat("BALIZA_POST_BACKOFF") == 0.5
    assert settings.getfloat("DOWNLOAD_DELAY") == 0.0  # the demo source's own rate


def test_a_bad_setting_is_one_line(tmp_path):
    env = {**os.environ, "BALIZA_PORT": "not-a-port"}
    result = subprocess.run(
        [sys.executable, "-m", "crawler.run", "--source", "demo", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crawl: error: bad setting port: Input should be a valid")


def test_nothing_in_the_crawler_reads_the_environment():
    """Settings reach the crawler in `CrawlOptions`; `os.environ` and `os.getenv` appear nowhere."""
    offenders = []
    for path in sorted((REPO / "crawler").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "environb"):
                offenders.append(f"{Path(path).relative_to(REPO)}:{node.lineno}")
    assert not offenders
