"""`make demo`: make sure every crawled demo ad is in the review service, then say what it did.

`baliza crawl --post` delivers what a crawl found *this time*; the crawl is incremental, so ads
crawled by an earlier run (for instance before the service existed) would never reach the queue.
This posts every demo feed in the data dir to `/v1/ingest` in batches of 256. That is cheap and
safe to repeat: ingest is idempotent by (partner, external_id), and an ad sent before is answered
from its stored receipt, not scored again.

Usage: demo_ingest.py SERVICE_URL FEED [FEED ...]   (key in BALIZA_INGEST_KEY)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import httpx
from pydantic import ValidationError

from baliza.settings import Settings, bad_setting
from crawler.delivery import BATCH, ingest_item


def read_feeds(paths: list[Path]) -> list[dict]:
    """Ingest items from the feeds, one per ad id (a later feed wins)."""
    items: dict[str, dict] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = ingest_item(json.loads(line))
                items[item["external_id"]] = item
    return list(items.values())


def post_all(url: str, key: str, items: list[dict]) -> tuple[int, int]:
    """(ads the service holds a result for, of which flagged); raises on any refused batch."""
    scored = flagged = 0
    with httpx.Client(base_url=url, headers={"X-API-Key": key}, timeout=300) as client:
        for start in range(0, len(items), BATCH):
            response = client.post("/v1/ingest", json={"items": items[start : start + BATCH]})
            if not response.is_success:
                detail = response.json().get("detail", response.text)
                raise RuntimeError(f"/v1/ingest answered {response.status_code}: {detail}")
            results = response.json()["items"]
            scored += len(results)
            flagged += sum(r["flagged"] for r in results)
    return scored, flagged


def main() -> int:
    url, feeds = sys.argv[1], [Path(p) for p in sys.argv[2:]]
    try:
        key = Settings().ingest_key  # this script's entry point: the one place it reads BALIZA_*
    except ValidationError as exc:
        print(f"demo_ingest: {bad_setting(exc)}", file=sys.stderr)
        return 2
    if not key:
        print("demo_ingest: BALIZA_INGEST_KEY is not set", file=sys.stderr)
        return 2
    items = read_feeds([p for p in feeds if p.is_file()])
    try:
        scored, flagged = post_all(url, key, items)
    except (RuntimeError, httpx.HTTPError) as exc:
        print(f"demo_ingest: {exc}", file=sys.stderr)
        return 1
    print(f"{scored} crawled demo ads in the review service: {flagged} flagged, redacted and queued")
    return 0


if __name__ == "__main__":
    sys.exit(main())
