"""The ad record, one shape from the crawl to the score: `Ad`, and `LabelledAd` for datasets.

An ad is a crawl feed line, an item the crawler posts to `/v1/ingest`, a line `baliza score` reads
and a dataset row; its fields are the "Ad record" of CONTRACTS.md. `Ad.from_json` reads any of
these JSON objects (keys that are not fields are ignored, null is the same as absent) and
`Ad.to_json` writes one, leaving out what is unknown. Types are checked at the doors that take
ads from outside (`models.jsonl`, the API's schemas), not here. Subclasses add fields:
`LabelledAd` for datasets, and the crawler's `CrawledAd` for where and when an ad was collected.

The HTTP API names the ad's id `external_id` (the partner's id, next to the service's own);
`from_api` / `to_api` are that edge, the only place the two names meet. What scoring answers
per ad is `models.scored.Scored`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Self

API_ID = "external_id"


def _present(data: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    return {name: data[name] for name in names if data.get(name) is not None}


@dataclass(frozen=True, kw_only=True)
class Ad:
    id: str | int
    text: str  # the title and the body joined
    title: str | None = None
    url: str | None = None
    source: str | None = None
    lang: str | None = None
    posted_at: str | None = None
    content_hash: str | None = None
    duplicate_of: str | None = None  # the id of an earlier ad this one nearly repeats

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """The record's fields in order: the keys of its JSON object."""
        return tuple(f.name for f in fields(cls))

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Self:
        missing = [name for name in ("id", "text") if data.get(name) is None]
        if missing:
            raise ValueError(f"an ad record needs {' and '.join(map(repr, missing))}")
        return cls(**_present(data, cls.names()))

    def to_json(self, *, nulls: bool = False) -> dict[str, Any]:
        """The JSON object, fields in order and unknown ones left out; with `nulls`, every field is
        there (null when unknown), the fixed columns of a crawl feed."""
        values = {name: getattr(self, name) for name in self.names()}
        return values if nulls else _present(values, values)

    @classmethod
    def from_api(cls, item: Mapping[str, Any]) -> Self:
        """An item of an API request (`external_id`, `text`, ...)."""
        return cls.from_json({**item, "id": item.get(API_ID)})

    def to_api(self, names: Iterable[str] | None = None) -> dict[str, Any]:
        """The item an API request carries: `external_id`, then the known fields of `names` (all
        known fields when None), in record order."""
        wanted = set(self.names() if names is None else names) - {"id"}
        return {API_ID: self.id, **{k: v for k, v in self.to_json().items() if k in wanted}}


@dataclass(frozen=True, kw_only=True)
class LabelledAd(Ad):
    """A dataset row: the ad, its label (1 = recruitment into trafficking), the indicator codes
    present, and for synthetic rows the template family and generator version."""

    label: int
    indicators: list[str] = field(default_factory=list)
    family: str | None = None
    generator_version: str | None = None
