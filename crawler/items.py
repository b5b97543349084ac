"""What the spider hands the pipelines: one ad as found on a page, and the record it becomes.

`CrawledAd` is the Ad record (`models.ad`) plus where and when the ad was collected; it is
what a crawl feed line holds. `AdItem`, Scrapy's container for it between pipelines, has the
record's fields and `body_html`: the page's raw body, which the normalise pipeline turns into
`text` and then drops.
"""

from __future__ import annotations

import types
from dataclasses import dataclass

import scrapy

from models.ad import Ad


@dataclass(frozen=True, kw_only=True)
class CrawledAd(Ad):
    location: str | None = None
    contacts: list[str] | None = None  # as written on the page; the service redacts them
    fetched_at: str | None = None  # ISO 8601, UTC


def _item_fields(namespace: dict) -> None:
    namespace["__doc__"] = "The fields of `CrawledAd`, and `body_html` until the page is normalised."
    namespace.update({name: scrapy.Field() for name in (*CrawledAd.names(), "body_html")})


AdItem = types.new_class("AdItem", (scrapy.Item,), exec_body=_item_fields)
AdItem.__module__ = __name__
