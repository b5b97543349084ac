"""The sources allow-list and its checks: no consent, no crawl.

A source is refused — before the crawler sends a single request — when its consent is missing or
expired, or when a start URL lies outside its allowed domains. The same checks run in the runner
and in the spider, so no path into Scrapy skips them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from baliza.settings import Settings

DEFAULT_SOURCES_FILE = Path(__file__).with_name("sources.yaml")
DEFAULT_SITE_URL: str = Settings.model_fields["site_url"].default  # BALIZA_SITE_URL's default


class SourceError(ValueError):
    """A source cannot be crawled: unknown, malformed, or without valid consent."""


class Consent(BaseModel):
    """Who allowed Baliza to collect this source's text, on what basis, until when."""

    model_config = ConfigDict(extra="forbid")
    type: Literal["synthetic", "partner-agreement", "open-licence"]
    reference: str = Field(min_length=1)
    granted_by: str = Field(min_length=1)
    expires: date


class Links(BaseModel):
    model_config = ConfigDict(extra="forbid")
    listing: list[str] = Field(default_factory=list)
    detail: list[str] = Field(min_length=1)


class Fields(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str | None = None
    title: str
    body: str
    location: str | None = None
    posted_at: str | None = None
    contacts: str | None = None
    lang: str | None = None


class Rate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    download_delay: float = Field(2.0, ge=0)
    concurrency: int = Field(1, ge=1, le=64)
    autothrottle: bool = True


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    description: str = ""
    start_urls: list[str] = Field(min_length=1)
    allowed_domains: list[str] = Field(min_length=1)
    links: Links
    fields: Fields
    rate: Rate = Field(default_factory=Rate)
    consent: Consent | None = None

    @field_validator("start_urls")
    @classmethod
    def _http_only(cls, urls: list[str]) -> list[str]:
        for url in urls:
            if urlsplit(url).scheme not in ("http", "https"):
                raise ValueError(f"start URL {url!r} is not http(s)")
        return urls


class SourcesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sources: list[Source]


def _in_domains(host: str, domains: list[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def check_source(source: Source, today: date | None = None) -> Source:
    """Refuse a source without valid consent or with a start URL outside its allowed domains."""
    today = today or date.today()
    if source.consent is None:
        raise SourceError(f"source {source.name!r} has no consent record; refusing to crawl")
    if source.consent.expires < today:
        raise SourceError(
            f"consent for source {source.name!r} expired on {source.consent.expires.isoformat()}; "
            "refusing to crawl"
        )
    for url in source.start_urls:
        host = urlsplit(url).hostname or ""
        if not _in_domains(host, source.allowed_domains):
            raise SourceError(
                f"start URL {url} of source {source.name!r} is outside its allowed domains "
                f"{source.allowed_domains}; refusing to crawl"
            )
    return source


def load_sources(path: Path | None = None, site_url: str = DEFAULT_SITE_URL) -> dict[str, Source]:
    """Read and validate the allow-list; `${BALIZA_SITE_URL}` becomes `site_url`."""
    path = path or DEFAULT_SOURCES_FILE
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourceError(f"cannot read sources file {path}: {exc.strerror}") from exc
    raw = raw.replace("${BALIZA_SITE_URL}", site_url.rstrip("/"))
    try:
        parsed = SourcesFile.model_validate(yaml.safe_load(raw))
    except (yaml.YAMLError, ValidationError) as exc:
        raise SourceError(f"invalid sources file {path}: {_first_error(exc)}") from exc
    names = [s.name for s in parsed.sources]
    if len(names) != len(set(names)):
        raise SourceError(f"invalid sources file {path}: duplicate source names")
    return {s.name: s for s in parsed.sources}


def _first_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        return f"{'.'.join(map(str, first['loc']))}: {first['msg']}"
    return str(exc).splitlines()[0]


def resolve_source(
    name: str, path: Path | None = None, site_url: str = DEFAULT_SITE_URL, today: date | None = None
) -> Source:
    """The named source, checked; a clear SourceError when it is unknown or refused."""
    sources = load_sources(path, site_url)
    if name not in sources:
        raise SourceError(f"unknown source {name!r}; known: {', '.join(sorted(sources))}")
    return check_source(sources[name], today)
