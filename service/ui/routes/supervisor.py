"""Supervisor pages: escalations waiting for a second reviewer, four-eyes unmasking, the audit log and
the case reports ready to send.

Every action calls the same `service.review` functions as the JSON API (which enforce the rules and
write the audit rows): a supervisor never settles their own escalation, never approves their own
unmask request, and only the requester sees original values. Their HTTP errors become a message on
the page. Original values are rendered only in the answer to the "show values" form post, marked
`no-store`, never on a page that can be reloaded from a link or a cache.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Request
from starlette.responses import RedirectResponse, Response

from models.indicators import load_taxonomy
from service.api.deps import CsrfDep, SessionDep, StateDep, SupervisorPageDep
from service.audit import verify
from service.db.models import utcnow
from service.review import queue, unmask
from service.ui import supervision
from service.ui.render import render
from service.ui.routes.review import REVEAL_COOKIE

router = APIRouter(prefix="/supervisor", include_in_schema=False)
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache", "Referrer-Policy": "no-referrer"}
#: Catalogue keys for the refusals a person can cause from the pages; others show the API's text.
REQUEST_ERRORS = {422: "unmask.error.reason", 409: "unmask.error.no_values"}


def _actor(page: SupervisorPageDep) -> str:
    return f"user:{page.user.name}"


@router.get("/escalations")
def escalations(request: Request, page: SupervisorPageDep, session: SessionDep) -> Response:
    listing = queue.list_queue(session, page.user, queue.Filters("escalated"), "priority", 200, 0)
    details = supervision.escalation_details(session, [e["id"] for e in listing["items"]])
    return render(
        request,
        "supervisor_escalations.html",
        user=page.user,
        session_token=page.token,
        entries=[{**e, "escalation": details.get(e["id"], {})} for e in listing["items"]],
        taxonomy=load_taxonomy(),
        message=request.query_params.get("message"),
    )


@router.post("/unmask/{item_id:int}", dependencies=[CsrfDep])
def request_unmask(
    item_id: int,
    page: SupervisorPageDep,
    session: SessionDep,
    state: StateDep,
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """The item page's "request unmask" form; back to the item with what happened."""
    try:
        unmask.request(session, state, page.user, item_id, reason)
    except HTTPException as exc:
        message = REQUEST_ERRORS.get(exc.status_code, str(exc.detail))
    else:
        message = "unmask.requested"
    return RedirectResponse(f"/items/{item_id}?{urlencode({'message': message})}", status_code=303)


@router.get("/unmask")
def unmask_requests(request: Request, page: SupervisorPageDep, session: SessionDep) -> Response:
    now = utcnow()
    groups = {status: unmask.listing(session, status) for status in unmask.STATUSES}
    for entry in groups["approved"]:
        decided = datetime.fromisoformat(entry["decided_at"]) if entry["decided_at"] else None
        entry["open"] = decided is not None and now - decided <= unmask.REVEAL_WINDOW
    return render(
        request,
        "supervisor_unmask.html",
        user=page.user,
        session_token=page.token,
        groups=groups,
        message=request.query_params.get("message"),
    )


def _decide(
    request_id: int, page: SupervisorPageDep, session: SessionDep, state: StateDep, approve: bool
) -> Response:
    """Approve or reject through `unmask.decide`, which refuses a requester approving their own."""
    try:
        unmask.decide(session, state, page.user, request_id, approve)
    except HTTPException as exc:
        message = str(exc.detail)
    else:
        message = "unmask.approved" if approve else "unmask.rejected"
    return RedirectResponse(f"/supervisor/unmask?{urlencode({'message': message})}", status_code=303)


@router.post("/unmask/requests/{request_id:int}/approve", dependencies=[CsrfDep])
def approve(request_id: int, page: SupervisorPageDep, session: SessionDep, state: StateDep) -> Response:
    return _decide(request_id, page, session, state, approve=True)


@router.post("/unmask/requests/{request_id:int}/reject", dependencies=[CsrfDep])
def reject(request_id: int, page: SupervisorPageDep, session: SessionDep, state: StateDep) -> Response:
    return _decide(request_id, page, session, state, approve=False)


@router.post("/unmask/requests/{request_id:int}/reveal", dependencies=[CsrfDep])
def reveal(
    request: Request, request_id: int, page: SupervisorPageDep, session: SessionDep, state: StateDep
) -> Response:
    """The original values, in this one answer only (a form post, `no-store`); audited by `reveal`."""
    try:
        values = unmask.reveal(session, state, page.user, request_id)
    except HTTPException as exc:
        return RedirectResponse(
            f"/supervisor/unmask?{urlencode({'message': str(exc.detail)})}", status_code=303
        )
    response = render(
        request,
        "supervisor_reveal.html",
        user=page.user,
        session_token=page.token,
        entry=unmask.listing_one(session, unmask.get(session, request_id)),
        values=values,
    )
    response.headers.update(NO_STORE)
    return response


@router.get("/audit")
def audit_log(request: Request, page: SupervisorPageDep, session: SessionDep, state: StateDep) -> Response:
    """The log with filters, and whether its hash chain holds; the view itself is audited."""
    form = {k: request.query_params.get(k, "").strip() for k in ("action", "actor", "target", "since")}
    error = None
    try:
        since = supervision.parse_since(form["since"])
    except ValueError:
        since, error = None, "audit.bad_since"
    filters = supervision.AuditFilters(
        form["action"] or None, form["actor"] or None, form["target"] or None, since
    )
    breaks = verify(session)
    total = supervision.audit_count(session)
    rows = supervision.audit_rows(session, filters)
    actions = supervision.audit_actions(session)
    state.auditor.record(
        session,
        _actor(page),
        "audit.view",
        detail={"filters": filters.shown(), "rows": len(rows), "via": "ui"},
    )
    session.commit()
    return render(
        request,
        "supervisor_audit.html",
        user=page.user,
        session_token=page.token,
        rows=rows,
        form=form,
        actions=actions,
        breaks=breaks,
        total=total,
        error=error,
    )


@router.get("/reports")
def report_list(request: Request, page: SupervisorPageDep, session: SessionDep) -> Response:
    return render(
        request,
        "supervisor_reports.html",
        user=page.user,
        session_token=page.token,
        reports=supervision.report_listing(session),
        taxonomy=load_taxonomy(),
    )


def _report(session: SessionDep, state: StateDep, page: SupervisorPageDep, item_id: int, via: str) -> dict:
    """The stored report body; reading it is audited as `report.view`, like the JSON API."""
    row = supervision.case_report(session, item_id)
    if row is None:
        raise HTTPException(404, f"no case report for item {item_id} (only confirmed items have one)")
    state.auditor.record(
        session,
        _actor(page),
        "report.view",
        f"item:{item_id}",
        detail={"report": row.body["report_id"], "via": via},
    )
    session.commit()
    return row.body


@router.get("/reports/{item_id:int}")
def report_page(
    request: Request, item_id: int, page: SupervisorPageDep, session: SessionDep, state: StateDep
) -> Response:
    try:
        body = _report(session, state, page, item_id, "ui")
    except HTTPException:
        return render(
            request,
            "supervisor_missing.html",
            user=page.user,
            session_token=page.token,
            item_id=item_id,
            status_code=404,
        )
    return render(
        request,
        "supervisor_report.html",
        user=page.user,
        session_token=page.token,
        item_id=item_id,
        report=body,
        blurred=request.cookies.get(REVEAL_COOKIE) != "1",
    )


@router.get("/reports/{item_id:int}/report.json")
def report_json(item_id: int, page: SupervisorPageDep, session: SessionDep, state: StateDep) -> Response:
    """The same JSON as `GET /v1/items/{id}/report`, as a file to attach to a referral."""
    body = _report(session, state, page, item_id, "ui-download")
    return Response(
        json.dumps(body, ensure_ascii=False, indent=2),
        media_type="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="{body["report_id"]}.json"',
            "Cache-Control": "no-store",
        },
    )
