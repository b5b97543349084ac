"""The ads the synthetic site serves, derived deterministically from the labelled synthetic dataset.

Only text leaves the dataset: labels, indicators and template families stay behind, so a crawler
sees what it would see on a real classifieds site. Everything (which ads, dates, places, reposts,
broken pages) follows from one seed, so tests know exactly what the site holds.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "labelled_data" / "synthetic-v1"
SEED = 20261123
N_ADS = 600
N_REPOSTS = 20
N_PRIVATE = 10
CLASSIFIED_KINDS = ("sell", "rental", "lost", "services")
PLACES = {
    "es": ["Madrid", "Sevilla", "Bogotá", "Medellín", "Lima", "Quito", "Ciudad de México", "Guadalajara"],
    "en": ["Manchester", "Houston", "Manila", "Nairobi", "Lagos", "Toronto", "Phoenix", "Dublin"],
}
REPOST_EDITS = {"es": " ¡URGENTE!", "en": " URGENT!"}
FIRST_DAY = date(2026, 9, 1)


@dataclass(frozen=True)
class SiteAd:
    """One ad as the site shows it; `kind` says how the page is served (ok, truncated, no-body)."""

    ad_id: str
    title: str
    body: str
    lang: str
    category: str
    location: str
    posted_at: str
    kind: str = "ok"
    repost_of: str | None = None


@dataclass
class Catalogue:
    """The public ads in listing order, plus the private section robots.txt keeps crawlers out of."""

    ads: list[SiteAd]
    private: list[SiteAd]
    by_id: dict[str, SiteAd] = field(init=False)

    def __post_init__(self) -> None:
        self.by_id = {ad.ad_id: ad for ad in self.ads}

    @property
    def categories(self) -> list[str]:
        return sorted({ad.category for ad in self.ads})

    def in_category(self, category: str) -> list[SiteAd]:
        return [ad for ad in self.ads if ad.category == category]


def _category(family: str, lang: str) -> str:
    kind = family.split("-", 2)[2]
    classified = kind.startswith(CLASSIFIED_KINDS)
    if lang == "es":
        return "clasificados" if classified else "empleo"
    return "classifieds" if classified else "jobs"


def _rows() -> list[dict]:
    rows: list[dict] = []
    for name in ("train.jsonl", "test.jsonl"):
        with (DATA / name).open(encoding="utf-8") as handle:
            rows.extend(json.loads(line) for line in handle if line.strip())
    return rows


def _split(row: dict) -> tuple[str, str]:
    title, _, body = row["text"].partition("\n")
    return (row.get("title") or title).strip(), body.strip() or title.strip()


def build_catalogue(seed: int = SEED, n_ads: int = N_ADS) -> Catalogue:
    """Pick `n_ads` distinct ads, date and place them, add reposts, break a few pages."""
    rng = random.Random(seed)
    rows = _rows()
    rng.shuffle(rows)
    seen: set[str] = set()
    chosen: list[dict] = []
    for row in rows:
        if row["text"] not in seen:
            seen.add(row["text"])
            chosen.append(row)
        if len(chosen) == n_ads + N_PRIVATE:
            break
    ads = []
    for number, row in enumerate(chosen[:n_ads], start=1):
        title, body = _split(row)
        ads.append(
            SiteAd(
                ad_id=f"a{number:05d}",
                title=title,
                body=body,
                lang=row["lang"],
                category=_category(row["family"], row["lang"]),
                location=rng.choice(PLACES[row["lang"]]),
                posted_at=(FIRST_DAY + timedelta(days=rng.randrange(60))).isoformat(),
            )
        )
    for number, original in enumerate(rng.sample(ads, N_REPOSTS), start=n_ads + 1):
        ads.append(
            SiteAd(
                ad_id=f"a{number:05d}",
                title=original.title + REPOST_EDITS[original.lang],
                body=original.body,
                lang=original.lang,
                category=original.category,
                location=original.location,
                posted_at=(date.fromisoformat(original.posted_at) + timedelta(days=3)).isoformat(),
                repost_of=original.ad_id,
            )
        )
    originals = {ad.repost_of for ad in ads if ad.repost_of}
    breakable = [ad for ad in ads if ad.repost_of is None and ad.ad_id not in originals]
    broken = rng.sample(breakable, 5)
    kinds = {ad.ad_id: kind for ad, kind in zip(broken, ["truncated"] * 3 + ["no-body"] * 2, strict=True)}
    ads = [_with_kind(ad, kinds.get(ad.ad_id, "ok")) for ad in ads]
    rng.shuffle(ads)
    private = [
        _with_kind(_from_row(row, f"p{number:03d}", rng), "ok")
        for number, row in enumerate(chosen[n_ads:], start=1)
    ]
    return Catalogue(ads=ads, private=private)


def _from_row(row: dict, ad_id: str, rng: random.Random) -> SiteAd:
    title, body = _split(row)
    return SiteAd(
        ad_id=ad_id,
        title=title,
        body=body,
        lang=row["lang"],
        category=_category(row["family"], row["lang"]),
        location=rng.choice(PLACES[row["lang"]]),
        posted_at=FIRST_DAY.isoformat(),
    )


def _with_kind(ad: SiteAd, kind: str) -> SiteAd:
    if kind == ad.kind:
        return ad
    return SiteAd(**{**ad.__dict__, "kind": kind})
