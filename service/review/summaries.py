"""The prose of a case report, in each language the service writes (`service.catalogue.LANGS`).

A report is a structured record first; its summary is a paragraph a police officer or a platform's
trust-and-safety reader can take in at once. It is written once per language when the report is
built, from the same facts, with the catalogue's words (`report.summary.*` keys), so the Spanish
summary is the English one's equal rather than a translation done later by hand. Numbers and dates
are in each language's own form (Babel). `summary` in the stored body stays the English text (the
field readers already have); `summaries` carries every language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from babel.dates import format_date
from babel.numbers import format_decimal

from models.indicators import load_taxonomy
from service.catalogue import LANGS, plural_translator, translator

F = TypeVar("F", "ItemFacts", "CaseFacts")


@dataclass(frozen=True)
class ItemFacts:
    """What one confirmed ad's summary says."""

    source: str | None
    lang: str | None
    received: datetime
    crawled: bool
    score: float
    model_version: str
    confirmed: datetime
    codes: Sequence[str]
    child_risk: bool
    flag_reasons: Sequence[str]
    linked: int


@dataclass(frozen=True)
class CaseFacts:
    """What a case's summary says: its ads, where and when they were seen, what they show together."""

    ads: int
    sources: Sequence[str]
    places: Sequence[str]
    first_seen: datetime
    last_seen: datetime
    codes: Sequence[str]
    minors: int
    shared_tokens: int


def _found(key: str, codes: Sequence[str], lang: str) -> str:
    """ "It shows 2 risk indicators: A, B" by the plural key `key`; the count alone when none."""
    taxonomy = load_taxonomy()
    counted = plural_translator(lang)(key, len(codes))
    names = ", ".join(taxonomy[c].name_in(lang) if c in taxonomy else c for c in codes)
    return f"{counted}: {names}" if codes else counted


def _reasons(reasons: Sequence[str], lang: str) -> str:
    """ "model" -> the model's score; "indicator:CODE" -> the decisive indicator, by name."""
    t, taxonomy = translator(lang), load_taxonomy()
    parts = []
    for reason in reasons:
        code = reason.removeprefix("indicator:")
        if reason == "model":
            parts.append(t("report.summary.by_model"))
        elif code in taxonomy:
            parts.append(t("report.summary.by_indicator", name=taxonomy[code].name_in(lang)))
    return t("report.summary.and").join(parts) or t("report.summary.by_model")


def _day(moment: datetime, lang: str) -> str:
    return format_date(moment, format="medium", locale=lang)


def item_summary(facts: ItemFacts, lang: str) -> str:
    """One confirmed ad, in `lang`."""
    t, tn = translator(lang), plural_translator(lang)
    return t(
        "report.summary.item",
        source=t("report.summary.from", source=facts.source) if facts.source else "",
        language=facts.lang or t("report.summary.lang_unknown"),
        received=_day(facts.received, lang),
        via=t("report.summary.via_crawler" if facts.crawled else "report.summary.via_partner"),
        score=format_decimal(facts.score, format="0.00", locale=lang),
        model=facts.model_version,
        confirmed=_day(facts.confirmed, lang),
        found=_found("report.summary.indicators_n", facts.codes, lang),
        minor=t("report.summary.minor") if facts.child_risk else "",
        reasons=_reasons(facts.flag_reasons, lang),
        linked=tn("report.summary.linked_n", facts.linked),
    )


def case_summary(facts: CaseFacts, lang: str) -> str:
    """A case of several confirmed ads, in `lang`."""
    t, tn = translator(lang), plural_translator(lang)
    return t(
        "report.summary.case",
        ads=tn("report.summary.ads_n", facts.ads),
        sources=t("report.summary.from", source=", ".join(facts.sources)) if facts.sources else "",
        places=t("report.summary.placed_in", places=", ".join(facts.places)) if facts.places else "",
        first=_day(facts.first_seen, lang),
        last=_day(facts.last_seen, lang),
        found=_found("report.summary.case_indicators_n", facts.codes, lang),
        minors=tn("report.summary.minors_n", facts.minors) if facts.minors else "",
        shared=tn("report.summary.shared_n", facts.shared_tokens),
    )


def in_every_language(write: Callable[[F, str], str], facts: F) -> dict[str, str]:
    """`{lang: write(facts, lang)}` for every language the service writes."""
    return {lang: write(facts, lang) for lang in LANGS}
