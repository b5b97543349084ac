"""Case pages: the list of cases with a form to build one from confirmed items, and a case's page
(summary, timeline, indicators, tokens, items, and its report and takedown with their state, the
webhook attempts, and the sign-off / send / acknowledge buttons).

Every action calls `service.review.cases`, the same as `/v1/cases`, which refuses the drafter's
own sign-off, a step out of order and a send before sign-off; a refusal is a message on the page.
`?items=1,2,3` preselects items in the form, so a cluster page can link here with its ids.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import Response

from baliza.errors import BalizaError, Conflict, Forbidden, Invalid, NotFound
from models.indicators import load_taxonomy
from service.edge import PathId, RowId, SessionDep, StateDep
from service.review import cases, reports
from service.ui.deps import CsrfDep, SupervisorPageDep
from service.ui.errors import REFUSALS, back_to, message
from service.ui.render import render
from service.ui.routes.supervisor import json_attachment

router = APIRouter(prefix="/supervisor/cases", include_in_schema=False)

#: The case pages' own words for the domain's refusals (so a Spanish page shows no English sentence).
CASE_REFUSALS: Mapping[type[BalizaError], str] = {
    Forbidden: "case.error.forbidden",
    Conflict: "case.error.conflict",
    Invalid: "case.error.invalid",
    NotFound: "case.error.not_found",
}


def _preselected(text: str) -> set[int]:
    return {int(part) for part in text.split(",") if part.strip().isdigit()}


@router.get("")
def case_list(request: Request, page: SupervisorPageDep, session: SessionDep) -> Response:
    return render(
        request,
        "supervisor_cases.html",
        user=page.user,
        session_token=page.token,
        cases=cases.listing(session),
        confirmed=reports.ready(session),
        chosen=_preselected(request.query_params.get("items", "")),
        taxonomy=load_taxonomy(),
        message=request.query_params.get("message"),
    )


@router.post("", dependencies=[CsrfDep])
def create(
    page: SupervisorPageDep,
    session: SessionDep,
    state: StateDep,
    item: Annotated[list[RowId], Form(max_length=cases.MAX_ITEMS)] = [],  # noqa: B006 (FastAPI copies form defaults)
    title: Annotated[str, Form(max_length=200)] = "",
    summary: Annotated[str, Form(max_length=4000)] = "",
) -> Response:
    try:
        made = cases.create(session, state, page.user, item, title, summary)
    except REFUSALS as exc:
        return back_to("/supervisor/cases", message(exc, CASE_REFUSALS))
    return back_to(f"/supervisor/cases/{made.id}", "case.created")


@router.get("/{case_id:id}")
def case_page(
    request: Request, case_id: PathId, page: SupervisorPageDep, session: SessionDep, state: StateDep
) -> Response:
    shown = cases.view(session, state, page.user, case_id, via="ui")
    return render(
        request,
        "supervisor_case.html",
        user=page.user,
        session_token=page.token,
        case=shown,
        taxonomy=load_taxonomy(),
        message=request.query_params.get("message"),
    )


@router.post("/{case_id:id}/{step}", dependencies=[CsrfDep])
def step(
    case_id: PathId,
    step: str,
    page: SupervisorPageDep,
    session: SessionDep,
    state: StateDep,
    document: Annotated[str, Form(max_length=10)] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Sign off, send or acknowledge one of the case's documents; back to the case with what happened."""
    here = f"/supervisor/cases/{case_id}"
    try:
        if step == "signoff":
            cases.sign_off(session, state, page.user, case_id, document)
        elif step == "send":
            cases.send(session, state, page.user, case_id, document, note)
        elif step == "acknowledge":
            cases.acknowledge(session, state, page.user, case_id, document, note)
        else:
            return back_to(here, "case.error.step")
    except REFUSALS as exc:
        return back_to(here, message(exc, CASE_REFUSALS))
    return back_to(here, f"case.done.{step}")


@router.get("/{case_id:id}/report.json")
def report_json(case_id: PathId, page: SupervisorPageDep, session: SessionDep, state: StateDep) -> Response:
    """The same JSON as `GET /v1/cases/{id}/report`, as a file to attach to a referral."""
    return json_attachment(cases.report_body(session, state, page.user, case_id, via="ui-download"))
