"""Delivery to the review service: batched POSTs to `/v1/ingest`, retried with back-off.

Items go to a spool file in the data dir first and leave it only once the service has accepted
them, so a service that is down loses nothing: the next run sends the spool again.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from crawler.items import CrawledAd
from crawler.state import open_private
from models.ad import Ad
from models.jsonl import write_jsonl

BATCH = 256
#: What the crawler tells the service about an ad besides its id (sent as `external_id`): the
#: text, where it was found, and when and for where the site says it was posted.
SENT = ("text", "url", "source", "lang", "posted_at", "location")


def ingest_item(record: Ad | Mapping[str, Any]) -> dict:
    """An ad (the record, or a feed line read back) as an `/v1/ingest` item; unknown fields left out.

    A posting date the service would refuse (not ISO 8601, the service's rule) is left out rather
    than sent: one site's odd date would otherwise get its whole batch refused with a 422, and a
    refused batch stays in the spool for good.
    """
    ad = record if isinstance(record, Ad) else CrawledAd.from_json(record)
    item = ad.to_api(SENT)
    if "posted_at" in item and not _iso_8601(item["posted_at"]):
        del item["posted_at"]
    return item


def _iso_8601(value: object) -> bool:
    try:
        datetime.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def post_batch(url: str, key: str, items: list[dict], retries: int = 3, backoff: float = 0.2) -> bool:
    """True once the service accepted the batch; False after the last retry failed."""
    body = json.dumps({"items": items}, ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json", "X-API-Key": key}
    for attempt in range(retries + 1):
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                if 200 <= response.status < 300:
                    return True
        except urllib.error.HTTPError as exc:
            exc.close()
            if 400 <= exc.code < 500 and exc.code != 429:
                return False
        except OSError:
            pass
        if attempt < retries:
            time.sleep(backoff * 2**attempt)
    return False


def read_spool(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def deliver_spool(
    path: Path, base_url: str, key: str, retries: int = 3, backoff: float = 0.2
) -> tuple[int, int]:
    """Send the spool in batches; keep what was not accepted. Returns (delivered, still spooled)."""
    pending = read_spool(path)
    url = base_url.rstrip("/") + "/v1/ingest"
    delivered = 0
    while delivered < len(pending):
        batch = pending[delivered : delivered + BATCH]
        if not post_batch(url, key, batch, retries, backoff):
            break
        delivered += len(batch)
    rest = pending[delivered:]
    if rest:
        with open_private(path) as handle:
            write_jsonl(rest, handle)
    elif path.exists():
        path.unlink()
    return delivered, len(rest)
