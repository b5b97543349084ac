"""Item pipelines, in order: validate → normalise → de-duplicate → write the JSONL feed (→ post).

Each drop is counted in the crawl stats (`baliza/dropped`, `baliza/duplicates`), so the summary
says what was left out and why.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

from scrapy.exceptions import DropItem, NotConfigured
from w3lib.html import remove_tags, replace_entities

from crawler.delivery import deliver_spool, ingest_item
from crawler.items import CrawledAd
from crawler.shared import open_near_index, open_set
from crawler.state import open_private, state_dir
from models.jsonl import write_jsonl

BLOCK_TAGS = re.compile(r"<\s*(br|/p|/div|/li|/h\d)\b[^>]*>", re.IGNORECASE)


def html_to_text(html: str) -> str:
    """Tags out, entities decoded, NFC, spaces collapsed within lines, blank lines removed."""
    text = replace_entities(remove_tags(BLOCK_TAGS.sub("\n", html or "")))
    text = unicodedata.normalize("NFC", text)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def clean(value: str | None) -> str | None:
    if value is None:
        return None
    return " ".join(unicodedata.normalize("NFC", value).split()) or None


class _Pipeline:
    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.settings = crawler.settings
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _drop(self, stat: str, reason: str) -> DropItem:
        self.stats.inc_value(stat)
        return DropItem(reason)


class ValidatePipeline(_Pipeline):
    """Drop pages without a title or body, or too large to be an ad."""

    def process_item(self, item):
        title = (item.get("title") or "").strip()
        body = remove_tags(item.get("body_html") or "").strip()
        if not title or not body:
            raise self._drop("baliza/dropped", f"empty title or body: {item.get('url')}")
        if len(title) + len(body) > self.settings.getint("BALIZA_MAX_TEXT_CHARS"):
            raise self._drop("baliza/dropped", f"oversize page: {item.get('url')}")
        return item


class NormalisePipeline(_Pipeline):
    """HTML to text, Unicode NFC, whitespace; then the ad text and its content hash."""

    def process_item(self, item):
        item["title"] = clean(item["title"])
        body = html_to_text(item.pop("body_html"))
        item["text"] = f"{item['title']}\n{body}"
        for name in ("location", "posted_at", "lang"):
            item[name] = clean(item.get(name))
        item["contacts"] = [c for c in (clean(v) for v in item.get("contacts") or []) if c and c != "—"]
        item["content_hash"] = "sha256:" + hashlib.sha256(item["text"].encode("utf-8")).hexdigest()
        return item


class DeduplicatePipeline(_Pipeline):
    """Exact duplicates (same content hash, in this run or an earlier one) are dropped; near
    duplicates (of an ad from this run or an earlier one) are kept, marked with the id they repeat."""

    def open_spider(self):
        source = self.crawler.spider.source.name
        folder = state_dir(self.settings.get("BALIZA_DATA_DIR"), source)
        redis_url = self.settings.get("BALIZA_REDIS_URL")
        self.index_path = folder / "near_duplicates.npz"
        self.hashes = open_set(redis_url, source, "content_hashes", folder / "content_hashes.json")
        threshold = self.settings.getfloat("BALIZA_NEAR_DUPLICATE_JACCARD")
        self.index = open_near_index(redis_url, source, self.index_path, threshold)

    def close_spider(self):
        self.hashes.close()
        self.index.save(self.index_path)

    def process_item(self, item):
        if not self.hashes.add(item["content_hash"]):
            raise self._drop("baliza/duplicates", f"exact duplicate: {item['url']}")
        item["duplicate_of"] = self.index.match(item["id"], item["text"])
        if item["duplicate_of"]:
            self.stats.inc_value("baliza/near_duplicates")
        return item


class FeedPipeline(_Pipeline):
    """Ad records, one JSON object a line, in a file only the owner can read.

    Every line has every field of `CrawledAd`, null when unknown (readers index `duplicate_of`).
    """

    def open_spider(self):
        target = self.settings.get("BALIZA_FEED")
        if not target:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            feeds = Path(self.settings.get("BALIZA_DATA_DIR")) / "feeds"
            target = feeds / f"{self.crawler.spider.source.name}-{stamp}.jsonl"
        self.feed_path = Path(target)
        self.handle = open_private(self.feed_path)
        self.stats.set_value("baliza/feed", str(self.feed_path))

    def close_spider(self):
        self.handle.close()

    def process_item(self, item):
        write_jsonl([CrawledAd.from_json(item).to_json(nulls=True)], self.handle)
        self.handle.flush()
        return item


class PostPipeline(_Pipeline):
    """With `--post`: each item is spooled at once and the spool is delivered when the crawl ends."""

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.get("BALIZA_POST_URL"):
            raise NotConfigured
        return cls(crawler)

    def open_spider(self):
        self.spool = Path(self.settings.get("BALIZA_DATA_DIR")) / "spool" / "ingest.jsonl"
        self.spool.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.spool, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        self.handle = os.fdopen(fd, "a", encoding="utf-8")

    def process_item(self, item):
        write_jsonl([ingest_item(CrawledAd.from_json(item))], self.handle)
        self.handle.flush()
        return item

    def close_spider(self):
        self.handle.close()
        delivered, spooled = deliver_spool(
            self.spool,
            self.settings.get("BALIZA_POST_URL"),
            self.settings.get("BALIZA_INGEST_KEY") or "",
            backoff=self.settings.getfloat("BALIZA_POST_BACKOFF"),
        )
        self.stats.set_value("baliza/posted", delivered)
        self.stats.set_value("baliza/spooled", spooled)
