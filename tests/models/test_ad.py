"""The one ad record: JSON round trips, unknown fields left out, the crawl feed line, the API edge."""

from __future__ import annotations

import json

import pytest
from scrapy.utils.test import get_crawler

from crawler.items import AdItem, CrawledAd
from crawler.pipelines import FeedPipeline
from models.ad import Ad, LabelledAd
from tests.factories import TRAIN_FILE, read_jsonl

FULL = {
    "id": "demo:a00451",
    "text": "SEÑORAS PARA CUIDAR PERSONAS MAYORES\nContrato al llegar (de palabra).",
    "title": "SEÑORAS PARA CUIDAR PERSONAS MAYORES",
    "url": "http://127.0.0.1:8765/ad/a00451",
    "source": "demo",
    "lang": "es",
    "posted_at": "2026-10-03",
    "content_hash": "sha256:8bb13ca19b94eff8ae51a5958f0c8b78d8dc337e2a80ce0b2123d671a1b5a4b2",
    "duplicate_of": "demo:a00009",
}


def test_the_fields_are_the_contract_ad_record():
    assert Ad.names() == (
        "id", "text", "title", "url", "source", "lang", "posted_at", "content_hash", "duplicate_of",
    )  # fmt: skip
    assert LabelledAd.names()[len(Ad.names()) :] == ("label", "indicators", "family", "generator_version")


def test_round_trip_keeps_every_known_field_in_order():
    ad = Ad.from_json(FULL)
    assert ad.to_json() == FULL and list(ad.to_json()) == list(FULL)
    assert Ad.from_json(ad.to_json()) == ad


def test_none_is_dropped_and_null_is_absent():
    line = {"id": 7, "text": "Vendo auto", "lang": None, "duplicate_of": None, "score_me": True}
    ad = Ad.from_json(line)
    assert ad == Ad(id=7, text="Vendo auto")
    assert ad.to_json() == {"id": 7, "text": "Vendo auto"}
    assert ad.to_json(nulls=True) == {"id": 7, "text": "Vendo auto", **dict.fromkeys(Ad.names()[2:])}


def test_id_and_text_are_required():
    with pytest.raises(ValueError, match="'text'"):
        Ad.from_json({"id": "x", "text": None})
    with pytest.raises(ValueError, match="'id' and 'text'"):
        Ad.from_json({"title": "only a title"})


def test_a_dataset_row_is_a_labelled_ad():
    row = read_jsonl(TRAIN_FILE)[0]
    ad = LabelledAd.from_json(row)
    assert ad.label == row["label"] and ad.indicators == row["indicators"] and ad.family == row["family"]
    assert ad.to_json() == {k: row[k] for k in LabelledAd.names() if k in row}
    assert Ad.from_json(row).to_json() == {k: row[k] for k in Ad.names() if k in row}


def test_the_api_edge_names_the_id_external_id():
    ad = Ad.from_api({"external_id": "p-1", "text": "hola", "url": None, "source": "partner"})
    assert ad == Ad(id="p-1", text="hola", source="partner")
    assert ad.to_api() == {"external_id": "p-1", "text": "hola", "source": "partner"}
    assert Ad.from_json(FULL).to_api(["lang", "text"]) == {
        "external_id": FULL["id"], "text": FULL["text"], "lang": "es"
    }  # fmt: skip


def test_a_crawl_feed_line_is_the_ad_record(tmp_path):
    """The crawler's feed writer writes `CrawledAd.to_json(nulls=True)`, and `Ad.from_json` reads it."""
    crawler = get_crawler(settings_dict={"BALIZA_FEED": str(tmp_path / "feed.jsonl")})
    pipeline = FeedPipeline.from_crawler(crawler)
    pipeline.open_spider()
    values = {**FULL, "lang": None, "duplicate_of": None, "location": "Sevilla", "contacts": ["x@y.es"]}
    pipeline.process_item(AdItem(**values, fetched_at="2026-10-03T10:00:00+00:00"))
    pipeline.close_spider()
    [line] = (tmp_path / "feed.jsonl").read_text(encoding="utf-8").splitlines()
    record = CrawledAd.from_json(json.loads(line))
    assert line == json.dumps(record.to_json(nulls=True), ensure_ascii=False)
    assert list(json.loads(line)) == list(CrawledAd.names())
    assert Ad.from_json(json.loads(line)).to_json() == {
        k: v for k, v in FULL.items() if k in record.to_json()
    }
