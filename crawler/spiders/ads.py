"""The one spider: follows a source's listing and detail links and extracts its fields.

It knows no site: link and field selectors come from the source's entry in sources.yaml (CSS, or
XPath when prefixed `xpath:`). Its arguments are validated, and the source's consent is checked in
`__init__`, so a refused source fails before the first request.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import scrapy
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from crawler.items import AdItem
from crawler.middlewares import DETAIL
from crawler.sources import DEFAULT_SITE_URL, SourceError, resolve_source


class SpiderArgs(BaseModel):
    """Spider arguments as given on the command line (`-a name=value`), validated."""

    model_config = ConfigDict(extra="forbid")
    source: str = Field(min_length=1)
    sources_file: Path | None = None
    site_url: str = Field(DEFAULT_SITE_URL, pattern=r"^https?://")


def select(response: scrapy.http.Response, selector: str) -> scrapy.selector.SelectorList:
    if selector.startswith("xpath:"):
        return response.xpath(selector.removeprefix("xpath:"))
    return response.css(selector)


class AdsSpider(scrapy.Spider):
    name = "ads"

    def __init__(self, source: str | None = None, **kwargs: Any) -> None:
        own = {k: kwargs.pop(k) for k in ("sources_file", "site_url") if k in kwargs}
        try:
            args = SpiderArgs(source=source or "", **own)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise SourceError(
                f"bad spider argument {'.'.join(map(str, first['loc']))}: {first['msg']}"
            ) from exc
        super().__init__(**kwargs)
        self.source = resolve_source(args.source, args.sources_file, args.site_url)
        self.allowed_domains = list(self.source.allowed_domains)
        self.start_urls = list(self.source.start_urls)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.start_urls:
            yield scrapy.Request(url, callback=self.parse)

    def parse(self, response: scrapy.http.Response):
        """A listing page: more listing pages, and detail pages."""
        for selector in self.source.links.listing:
            for href in select(response, selector).getall():
                yield response.follow(href, callback=self.parse)
        for selector in self.source.links.detail:
            for href in select(response, selector).getall():
                yield response.follow(href, callback=self.parse_detail, meta={DETAIL: True})

    def parse_detail(self, response: scrapy.http.Response):
        fields = self.source.fields

        def first(selector: str | None) -> str | None:
            return select(response, selector).get() if selector else None

        ad_id = first(fields.id) or response.url.rstrip("/").rsplit("/", 1)[-1]
        yield AdItem(
            source=self.source.name,
            url=response.url,
            id=f"{self.source.name}:{ad_id}",
            title=first(fields.title),
            body_html=first(fields.body),
            lang=first(fields.lang),
            location=first(fields.location),
            posted_at=first(fields.posted_at),
            contacts=select(response, fields.contacts).getall() if fields.contacts else [],
            fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
