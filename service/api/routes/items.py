"""Per-item actions: claim this item, release a claim, decide, read a case report, and partners'
status of their ads.

Path order matters: the partner route takes any external id (`{external_id:path}`, ids may hold
slashes), so it is declared last and the one other `GET` under `/v1/items/` matches digits only
(`{item_id:id}`); the `POST` routes take any segment, so `-1` or `abc` is a 422 there rather than
the partner route's 405. An external id such as `12/report` would still read as item 12's report,
so a partner percent-encodes the slashes of an id (`12%2Freport`, as RFC 3986 asks of data in a path
segment), and the item routes never match a path that holds an encoded slash (`ItemRoute`): that
one is the partner's.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict, Field
from starlette.routing import Match
from starlette.types import Scope

from service.api.deps import AnalystDep, PartnerDep, SupervisorDep
from service.api.openapi import AUTHENTICATED, errors
from service.api.routes.queue import Claimed
from service.edge import PathId, SessionDep, StateDep
from service.review import claims, decisions, reports
from service.review.status import ItemStatus, partner_status
from service.review.vocabulary import REASONS

ENCODED_SLASH = b"%2f"


class ItemRoute(APIRoute):
    """A route that never takes a path with an encoded slash unless its own parameter is a `:path`."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if ":path}" not in self.path and ENCODED_SLASH in scope.get("raw_path", b"").lower():
            return Match.NONE, {}
        return super().matches(scope)


router = APIRouter(prefix="/v1", tags=["items"], route_class=ItemRoute, responses=AUTHENTICATED)


class DecisionIn(BaseModel):
    decision: Literal["confirm", "dismiss", "escalate"]
    reason: Annotated[str, Field(min_length=1, max_length=60, description="a reason code of the decision")]
    note: Annotated[str, Field(max_length=2000)] = ""
    lean: Literal["confirm", "dismiss"] | None = Field(
        None, description="with escalate only: which way the escalating analyst leans"
    )


@router.get("/items/{item_id:id}/report", responses=errors(404))
def report(item_id: PathId, user: SupervisorDep, session: SessionDep, state: StateDep) -> dict:
    """The case report of a confirmed item (supervisors). Audited as `report.view`."""
    return reports.read(session, state, user, item_id)


@router.post("/items/{item_id}/claim", response_model=Claimed, responses=errors(403, 404, 409))
def claim(item_id: PathId, user: AnalystDep, session: SessionDep, state: StateDep) -> claims.Claim:
    """Claim exactly this item (an analyst opening an item from a search or a link, not the next in
    the queue), with a lease of `BALIZA_LEASE_MINUTES`. Holding it renews the lease; 409 when you hold
    another item, someone else holds it, or it is decided; escalations are for supervisors other than
    the one who escalated (403). Audited as `queue.claim` with `"chosen": true`."""
    return claims.claim_item(session, state, user, item_id)


@router.post("/items/{item_id}/release", response_model=claims.Released, responses=errors(404, 409))
def release(item_id: PathId, user: AnalystDep, session: SessionDep, state: StateDep) -> claims.Released:
    """Give a claimed item back to the queue (claim holder only; 409 otherwise)."""
    return claims.release(session, state, user, item_id)


REASON_CODES = "; ".join(f"{k}: {', '.join(v)}" for k, v in REASONS.items())


@router.post(
    "/items/{item_id}/decision",
    response_model=decisions.Decided,
    responses=errors(404, 409),
    description=f"Decide a claimed item. Reason codes — {REASON_CODES} (422 otherwise). Needs a live "
    "claim (409). Escalated items are settled by a supervisor other than the escalating person (403). "
    "Confirming stores the item's report; nothing is sent until a supervisor builds a case of confirmed "
    "items and a second supervisor signs it off (`/v1/cases`). Notes "
    "are redacted before they are stored.",
)
def decide(
    item_id: PathId, body: DecisionIn, user: AnalystDep, session: SessionDep, state: StateDep
) -> decisions.Decided:
    """Decide a claimed item; the route description lists the rules and reason codes."""
    return decisions.decide(session, state, user, item_id, body.decision, body.reason, body.note, body.lean)


class StatusOut(BaseModel):
    """`service.review.status.ItemStatus` as the API documents it (the domain's view has no HTTP)."""

    model_config = ConfigDict(
        from_attributes=True,
        use_attribute_docstrings=True,
        json_schema_extra={
            "examples": [
                {
                    "external_id": "ad-2026-000123",
                    "status": "confirmed",
                    "outcome": "confirmed",
                    "decided_at": "2026-11-03T14:05:12+00:00",
                    "takedown_requested": True,
                    "takedown_delivery": "delivered",
                    "score": 0.91,
                    "flagged": True,
                }
            ]
        },
    )

    external_id: str
    """Your id, as sent to /v1/score or /v1/ingest."""
    status: Annotated[str, Field(examples=["queued"])]
    """Where the ad stands: `not-flagged` (not stored), `queued`, `in-review` (claimed by an
    analyst), `escalated` (with a supervisor), `confirmed` or `dismissed`."""
    outcome: str | None
    """The decision once taken, else null."""
    decided_at: str | None
    """When it was decided (ISO 8601, UTC), else null."""
    takedown_requested: bool
    """True once a confirmed decision asked you (by webhook) to take the ad down."""
    takedown_delivery: str | None
    """The latest takedown webhook delivery's state (`pending`, `delivered`, `failed`), else null."""
    score: float | None
    """The model's score when the ad was scored."""
    flagged: bool
    """True when the ad was queued for human review."""


@router.get("/items/{external_id:path}", response_model=StatusOut, responses=errors(404))
def status(external_id: str, partner: PartnerDep, session: SessionDep, state: StateDep) -> ItemStatus:
    """Status of one of your own ads: `not-flagged`, `queued`, `in-review`, `escalated`, `confirmed`
    or `dismissed`, the outcome once decided, and whether a takedown was requested. No text.

    Percent-encode the slashes of an external id (`a%2Fb`): `12/report` unencoded is item 12's report."""
    return partner_status(session, state, partner.partner, external_id)  # type: ignore[arg-type]
