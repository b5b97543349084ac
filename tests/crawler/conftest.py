"""The synthetic site on a free port for the whole module, and a crawl run as a subprocess.

Crawls run in their own process because Twisted's reactor cannot restart within one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from crawler.site import SiteServer, start_in_thread, stop
from crawler.sources import DEFAULT_SOURCES_FILE
from tests.conftest import REPO


@pytest.fixture(scope="module")
def site() -> Iterator[SiteServer]:
    server, thread = start_in_thread(port=0)
    yield server
    stop(server)
    thread.join(timeout=5)


def run_crawl(site_url: str, data_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "crawler.run", "--site-url", site_url, "--data-dir", str(data_dir)]
    return subprocess.run(
        [*command, *extra],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONWARNINGS": "error"},
        timeout=120,
    )


def summary_of(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def read_feed(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_sources(tmp_path: Path, **changes) -> Path:
    raw = yaml.safe_load(DEFAULT_SOURCES_FILE.read_text(encoding="utf-8"))
    demo = raw["sources"][0]
    for key, value in changes.items():
        if value is None:
            demo.pop(key, None)
        else:
            demo[key] = value
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    return path
