"""The crawler section of `make bench`: `baliza crawl` on the local synthetic site, throttling off,
next to `scrapy bench` run on the same machine in the same run (the issue aims at ≥ half its rate)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from crawler.site import start_in_thread, stop

REPO = Path(__file__).resolve().parents[1]


def _scrapy_bench() -> float:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "scrapy"), "bench"],
        capture_output=True,
        text=True,
        cwd=tempfile.gettempdir(),
        timeout=300,
    )
    pages = int(re.search(r"'response_received_count': (\d+)", result.stderr).group(1))
    seconds = float(re.search(r"'elapsed_time_seconds': ([\d.]+)", result.stderr).group(1))
    return pages / seconds * 60


def bench_crawler() -> dict:
    server, thread = start_in_thread(port=0)
    try:
        with tempfile.TemporaryDirectory() as data_dir:
            command = [sys.executable, "-m", "crawler.run", "--source", "demo", "--site-url", server.url]
            result = subprocess.run(
                [*command, "--data-dir", data_dir], capture_output=True, text=True, cwd=REPO, check=True
            )
    finally:
        stop(server)
        thread.join(timeout=5)
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    ours = summary["pages_per_min"]
    reference = _scrapy_bench()
    return {
        "pages": {"value": summary["pages"], "unit": "pages"},
        "items": {"value": summary["items"], "unit": "ads"},
        "baliza_crawl_rate": {"value": ours, "unit": "pages/min"},
        "scrapy_bench_rate": {"value": round(reference, 1), "unit": "pages/min"},
        "ratio": {"value": round(ours / reference, 3), "unit": "ratio"},
    }
