"""Partners' scoring API and the crawler's ingest: score, flag, queue the flagged ones redacted."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, field_validator

from models.ad import Ad
from service.api.bodylimit import batch_body_limit
from service.api.deps import IngestPartnerDep, ScorePartnerDep, text_budget
from service.api.openapi import AUTHENTICATED, errors
from service.edge import SessionDep, StateDep
from service.review import posting
from service.review.intake import PostedAd, intake
from service.runtime import AppState
from service.security.identity import Identity

router = APIRouter(prefix="/v1", tags=["score"], responses={**AUTHENTICATED, **errors(409, 503)})

MAX_ITEMS = 256
MAX_TEXT = 20_000
#: The OpenAPI's examples (Swagger UI's "Try it out" starts from them): one ad in, its score out.
EXAMPLE_AD = {
    "external_id": "ad-2026-000123",
    "text": "Se busca camarera para Madrid. Viaje pagado, se descuenta del sueldo. Sin contrato.",
    "url": "https://classifieds.example/ads/123",
    "source": "classifieds-es",
    "lang": "es",
    "posted_at": "2026-11-02T09:30:00Z",
}
EXAMPLE_SCORED = {
    "external_id": "ad-2026-000123",
    "score": 0.91,
    "flagged": True,
    "flag_reasons": ["model", "indicator:TRAVEL_DEDUCTED"],
    "child_risk": False,
    "indicators": [
        {"code": "TRAVEL_DEDUCTED", "start": 31, "end": 68},
        {"code": "NO_CONTRACT", "start": 70, "end": 82},
    ],
    "lang": "es",
}


class AdIn(BaseModel):
    """An ad as a partner sends it: the fields of `models.ad.Ad` a partner may give, with the API's
    limits, `external_id` for the record's `id` (mapped by `Ad.from_api`), and the place the ad names
    (`PostedAd.location`)."""

    model_config = ConfigDict(use_attribute_docstrings=True, json_schema_extra={"examples": [EXAMPLE_AD]})

    external_id: Annotated[str, Field(min_length=1, max_length=200)]
    """Your id for the ad: idempotency key per partner, and how you ask for its status later."""
    text: Annotated[str, Field(min_length=1, max_length=MAX_TEXT)]
    """The ad's title and body as posted; stored only redacted, and only if flagged."""
    url: Annotated[str | None, Field(max_length=2000)] = None
    """Where the ad was seen."""
    source: Annotated[str | None, Field(max_length=100)] = None
    """The site or feed it came from (on /v1/ingest: the crawl source's name)."""
    lang: Annotated[str | None, Field(max_length=8)] = None
    """Its language (`es`, `en`) if you know it; detected otherwise."""
    posted_at: Annotated[
        str | None,
        Field(
            max_length=40,
            description="When the ad was posted: an ISO 8601 date or date and time (no offset = UTC). "
            "A time after the ad reached the service (beyond a day's skew) is stored as its arrival.",
            examples=["2026-10-03", "2026-10-03T09:30:00+02:00"],
        ),
    ] = None
    location: Annotated[
        str | None,
        Field(max_length=200, description="The place the ad names (free text, redacted like `source`)."),
    ] = None
    duplicate_of: Annotated[str | None, Field(max_length=200)] = None
    """The `external_id` of an earlier ad this one nearly repeats, if you know of one."""

    @field_validator("posted_at")
    @classmethod
    def _iso_8601(cls, value: str | None) -> str | None:
        return None if value is None else posting.canonical(value)


class Batch(BaseModel):
    model_config = ConfigDict(
        use_attribute_docstrings=True, json_schema_extra={"examples": [{"items": [EXAMPLE_AD]}]}
    )

    items: Annotated[list[AdIn], Field(min_length=1, max_length=MAX_ITEMS)]
    """1 to 256 ads, scored in one call."""


#: The largest legal batch in bytes (MAX_ITEMS items at every field's limit); larger bodies get 413.
BODY_LIMIT = batch_body_limit(AdIn, MAX_ITEMS)


class Span(BaseModel):
    """Where an indicator was found in the text you sent (character offsets, end exclusive)."""

    model_config = ConfigDict(use_attribute_docstrings=True)

    code: str
    """The indicator's code (`GET /v1/indicators`)."""
    start: int
    """Offset of the span's first character."""
    end: int
    """Offset just past its last character."""


class ScoredAd(BaseModel):
    model_config = ConfigDict(use_attribute_docstrings=True, json_schema_extra={"examples": [EXAMPLE_SCORED]})

    external_id: str
    """Your id, as sent."""
    score: float
    """The model's probability (0 to 1) that the ad recruits into trafficking or forced labour."""
    flagged: bool
    """True when the ad was queued for human review (see `flag_reasons`)."""
    flag_reasons: Annotated[
        list[str],
        Field(
            description='Why the ad is flagged: "model" (score >= threshold) and/or "indicator:CODE" per '
            "decisive indicator in an ad offering work, travel or lodging; empty when not flagged."
        ),
    ]
    child_risk: Annotated[bool, Field(description="True when the ad targets people under 18.")]
    indicators: list[Span]
    """Every indicator found, with its span in your text."""
    lang: str | None
    """The language the ad was read in (given or detected)."""


class Scored(BaseModel):
    model_config = ConfigDict(use_attribute_docstrings=True)

    items: list[ScoredAd]
    """One result per ad sent, in the same order."""
    model_version: str
    """The version of the model that scored them."""


def _incoming(batch: Batch) -> list[Ad]:
    return [PostedAd.from_api(item.model_dump()) for item in batch.items]


def _intake(session: SessionDep, state: AppState, caller: Identity, channel: str, batch: Batch) -> dict:
    """Intake within the partner's text budget (429 beyond it, before any scoring); a database that
    stays locked is a 503 with `Retry-After` (`service.api.errors`), never a 500."""
    assert caller.partner is not None  # the route's dependency admits partners only
    admit = text_budget(state, caller)
    return intake(session, state, caller.partner, channel, _incoming(batch), admit=admit)


@router.post("/score", response_model=Scored)
def score(batch: Batch, partner: ScorePartnerDep, session: SessionDep, state: StateDep) -> dict:
    """Score up to 256 ads. Flagged ads are redacted and queued for review; others are not stored.

    Idempotent by (partner, external_id): the same text returns the stored result; a different
    text under the same id is refused with 409. Spans point into the text you sent.
    """
    return _intake(session, state, partner, "score", batch)


@router.post("/ingest", response_model=Scored)
def ingest(batch: Batch, partner: IngestPartnerDep, session: SessionDep, state: StateDep) -> dict:
    """The crawler's door: the same as /v1/score, recorded as crawled (`source` names the crawl source)."""
    return _intake(session, state, partner, "ingest", batch)
