"""Cases: several confirmed items, their case report (R7b) and takedown (R7c), four eyes.

The rules (confirmed items only, a second supervisor signs off, states only move forward, send only
after sign-off) and the audit trail live in `service.review.cases`; these routes check the role and
shape JSON.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from service.api.deps import SupervisorDep
from service.api.openapi import AUTHENTICATED, errors
from service.edge import PathId, RowId, SessionDep, StateDep
from service.review import cases
from service.review.cases import CaseSummary, CaseView, DocumentView

router = APIRouter(prefix="/v1", tags=["cases"], responses=AUTHENTICATED)
Document = Literal["report", "takedown"]


class CaseIn(BaseModel):
    item_ids: Annotated[
        list[RowId],
        Field(
            min_length=1,
            max_length=cases.MAX_ITEMS,
            description="Confirmed items (a cluster's ids, or any selection).",
            examples=[[12, 15, 31]],
        ),
    ]
    title: Annotated[str, Field(min_length=1, max_length=200, examples=["Same phone, three sites"])]
    summary: Annotated[str, Field(max_length=4000, description="The supervisor's own words (redacted).")] = ""


class StepIn(BaseModel):
    document: Annotated[Document, Field(description="Which of the case's documents.")]
    note: Annotated[
        str, Field(max_length=2000, description="To whom it went, or the recipient's reference (redacted).")
    ] = ""


class SignOffIn(BaseModel):
    document: Annotated[Document, Field(description="Which of the case's documents.")]


class CaseList(BaseModel):
    cases: list[CaseSummary]


@router.get("/cases", response_model=CaseList)
def list_cases(
    user: SupervisorDep, session: SessionDep, limit: Annotated[int, Query(ge=1, le=1000)] = 200
) -> CaseList:
    """Cases, newest first, with where their report and takedown stand."""
    return CaseList(cases=cases.listing(session, limit))


@router.post("/cases", status_code=201, response_model=CaseView, responses=errors(404))
def create_case(body: CaseIn, user: SupervisorDep, session: SessionDep, state: StateDep) -> CaseView:
    """Build a case of confirmed items; drafts its report and takedown (422 for an item not confirmed)."""
    return cases.create(session, state, user, body.item_ids, body.title, body.summary)


@router.get("/cases/{case_id}", response_model=CaseView, responses=errors(404))
def get_case(case_id: PathId, user: SupervisorDep, session: SessionDep, state: StateDep) -> CaseView:
    """A case: summary, timeline, indicators, tokens, and both documents with their webhook attempts."""
    return cases.view(session, state, user, case_id, via="api")


@router.get("/cases/{case_id}/report", responses=errors(404))
def case_report(case_id: PathId, user: SupervisorDep, session: SessionDep, state: StateDep) -> dict:
    """The case report's JSON (R7b) as drafted, with `four_eyes`: its state and who signed it off."""
    return cases.report_body(session, state, user, case_id, via="api")


@router.post("/cases/{case_id}/signoff", response_model=DocumentView, responses=errors(404, 409))
def sign_off(
    case_id: PathId, body: SignOffIn, user: SupervisorDep, session: SessionDep, state: StateDep
) -> DocumentView:
    """Sign off a drafted document; the supervisor who drafted it cannot (403)."""
    return cases.sign_off(session, state, user, case_id, body.document)


@router.post("/cases/{case_id}/send", response_model=DocumentView, responses=errors(404, 409))
def send(
    case_id: PathId, body: StepIn, user: SupervisorDep, session: SessionDep, state: StateDep
) -> DocumentView:
    """Send a signed-off document (409 before sign-off): a takedown enqueues its signed webhooks."""
    return cases.send(session, state, user, case_id, body.document, body.note)


@router.post("/cases/{case_id}/acknowledge", response_model=DocumentView, responses=errors(404, 409))
def acknowledge(
    case_id: PathId, body: StepIn, user: SupervisorDep, session: SessionDep, state: StateDep
) -> DocumentView:
    """Record the recipient's acknowledgement of a sent report (a takedown's comes from its webhooks)."""
    return cases.acknowledge(session, state, user, case_id, body.document, body.note)
