"""The crawler's ad: Scrapy's item has the record's fields; the ingest item carries its metadata."""

from __future__ import annotations

from crawler.delivery import ingest_item
from crawler.items import AdItem, CrawledAd
from models.ad import Ad

LINE = {
    "id": "demo:a00451",
    "text": "SEÑORAS PARA CUIDAR PERSONAS MAYORES\nContrato al llegar.",
    "title": "SEÑORAS PARA CUIDAR PERSONAS MAYORES",
    "url": "http://127.0.0.1:8765/ad/a00451",
    "source": "demo",
    "lang": None,
    "posted_at": "2026-10-03",
    "content_hash": "sha256:8bb1",
    "duplicate_of": None,
    "location": "Sevilla",
    "contacts": ["seleccion@hotmail.com"],
    "fetched_at": "2026-12-03T11:21:00+00:00",
}


def test_item_fields_are_the_record_and_the_raw_body():
    assert list(AdItem.fields) == [*CrawledAd.names(), "body_html"]
    assert CrawledAd.names()[: len(Ad.names())] == Ad.names()
    assert list(LINE) == list(CrawledAd.names())


def test_ingest_item_maps_the_id_and_sends_the_metadata():
    expected = {
        "external_id": "demo:a00451",
        "text": LINE["text"],
        "url": LINE["url"],
        "source": "demo",
        "posted_at": "2026-10-03",
        "location": "Sevilla",
    }  # no lang (unknown), no contacts, hashes or fetch time
    for record in (LINE, CrawledAd.from_json(LINE)):
        item = ingest_item(record)
        assert item == expected and list(item) == list(expected)
    assert list(ingest_item({**LINE, "lang": "es"})) == [
        "external_id",
        "text",
        "url",
        "source",
        "lang",
        "posted_at",
        "location",
    ]


def test_a_posting_date_the_service_would_refuse_is_left_out():
    assert "posted_at" not in ingest_item({**LINE, "posted_at": "hace 3 días"})
    assert ingest_item({**LINE, "posted_at": "2026-10-03T09:30:00+02:00"})["posted_at"] == (
        "2026-10-03T09:30:00+02:00"
    )
    assert "location" not in ingest_item({**LINE, "location": None})
