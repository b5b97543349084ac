"""Supervisor pages: escalations waiting for a second reviewer, four-eyes unmasking, the audit log and
the case reports ready to send.

Every action and every listing calls the same `service.review` functions as the JSON API (which
enforce the rules and write the audit rows): a supervisor never settles their own escalation, never
approves their own unmask request, and only the requester sees original values. Their refusals
become a message on the page. Original values are rendered only in the answer to the "show values"
form post, marked `no-store`, never on a page that can be reloaded from a link or a cache.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request
from sqlalchemy.orm import Session
from starlette.responses import Response

from baliza.errors import NotFound
from models.indicators import load_taxonomy
from service.audit import verify
from service.edge import PathId, SessionDep, StateDep
from service.review import accounts, auditlog, queue, reports, unmask
from service.review.auditlog import AuditFilters
from service.review.context import ReviewContext
from service.ui.deps import CsrfDep, PageUser, SupervisorPageDep
from service.ui.errors import REFUSALS, UNMASK_REQUEST, back_to, message
from service.ui.render import render

router = APIRouter(prefix="/supervisor", include_in_schema=False)
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache", "Referrer-Policy": "no-referrer"}
AUDIT_LIMIT = 200


@router.get("/escalations")
def escalations(request: Request, page: SupervisorPageDep, session: SessionDep, state: StateDep) -> Response:
    return render(
        request,
        "supervisor_escalations.html",
        user=page.user,
        session_token=page.token,
        entries=queue.escalations(session, state, page.user),
        taxonomy=load_taxonomy(),
        message=request.query_params.get("message"),
    )


@router.post("/unmask/{item_id:id}", dependencies=[CsrfDep])
def request_unmask(
    item_id: PathId,
    page: SupervisorPageDep,
    session: SessionDep,
    state: StateDep,
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """The item page's "request unmask" form; back to the item with what happened."""
    try:
        unmask.request(session, state, page.user, item_id, reason)
    except REFUSALS as exc:
        return back_to(f"/items/{item_id}", message(exc, UNMASK_REQUEST))
    return back_to(f"/items/{item_id}", "unmask.requested")


@router.get("/unmask")
def unmask_requests(
    request: Request, page: SupervisorPageDep, session: SessionDep, state: StateDep
) -> Response:
    now = state.now()
    groups = {status: unmask.listing(session, status) for status in unmask.STATUSES}
    return render(
        request,
        "supervisor_unmask.html",
        user=page.user,
        session_token=page.token,
        groups=groups,
        revealable={r.id for r in groups["approved"] if unmask.revealable(r, now)},
        message=request.query_params.get("message"),
    )


def _decide(request_id: int, page: PageUser, session: Session, ctx: ReviewContext, approve: bool) -> Response:
    """Approve or reject through `unmask.decide`, which refuses a requester approving their own."""
    try:
        unmask.decide(session, ctx, page.user, request_id, approve)
    except REFUSALS as exc:
        return back_to("/supervisor/unmask", message(exc))
    return back_to("/supervisor/unmask", "unmask.approved" if approve else "unmask.rejected")


@router.post("/unmask/requests/{request_id:id}/approve", dependencies=[CsrfDep])
def approve(request_id: PathId, page: SupervisorPageDep, session: SessionDep, state: StateDep) -> Response:
    return _decide(request_id, page, session, state, approve=True)


@router.post("/unmask/requests/{request_id:id}/reject", dependencies=[CsrfDep])
def reject(request_id: PathId, page: SupervisorPageDep, session: SessionDep, state: StateDep) -> Response:
    return _decide(request_id, page, session, state, approve=False)


@router.post("/unmask/requests/{request_id:id}/reveal", dependencies=[CsrfDep])
def reveal(
    request: Request, request_id: PathId, page: SupervisorPageDep, session: SessionDep, state: StateDep
) -> Response:
    """The original values, in this one answer only (a form post, `no-store`); audited by `reveal`."""
    try:
        shown = unmask.reveal(session, state, page.user, request_id)
    except REFUSALS as exc:
        return back_to("/supervisor/unmask", message(exc))
    response = render(
        request,
        "supervisor_reveal.html",
        user=page.user,
        session_token=page.token,
        entry=shown.request,
        values=shown.values,
    )
    response.headers.update(NO_STORE)
    return response


def parse_since(text: str) -> datetime | None:
    """A date or date-time from the form; a time without a zone is read as UTC (the log's zone).

    Raises ValueError for anything else, which the page shows as a message.
    """
    return auditlog.aware(datetime.fromisoformat(text)) if text else None


@router.get("/audit")
def audit_log(request: Request, page: SupervisorPageDep, session: SessionDep, state: StateDep) -> Response:
    """The log with filters, and whether its hash chain holds; the view itself is audited."""
    form = {k: request.query_params.get(k, "").strip() for k in ("action", "actor", "target", "since")}
    error = None
    try:
        since = parse_since(form["since"])
    except ValueError:
        since, error = None, "audit.bad_since"
    who = form["actor"]  # a name without a colon means a person
    filters = AuditFilters(
        action=form["action"] or None,
        actor=(who if ":" in who else f"user:{who}") if who else None,
        target=form["target"] or None,
        since=since,
    )
    breaks = verify(session)
    total = auditlog.count(session)
    actions = auditlog.actions(session)
    rows = auditlog.read(session, state, page.user, filters, AUDIT_LIMIT, via="ui")
    people = accounts.people(session)  # to name `user:N` and `user:name` in words
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
        roles=dict(people.values()),
        names={str(user_id): name for user_id, (name, _) in people.items()},
    )


@router.get("/reports")
def report_list(request: Request, page: SupervisorPageDep, session: SessionDep) -> Response:
    return render(
        request,
        "supervisor_reports.html",
        user=page.user,
        session_token=page.token,
        reports=reports.ready(session),
        taxonomy=load_taxonomy(),
    )


@router.get("/reports/{item_id:id}")
def report_page(
    request: Request, item_id: PathId, page: SupervisorPageDep, session: SessionDep, state: StateDep
) -> Response:
    try:
        body = reports.read(session, state, page.user, item_id, via="ui")
    except NotFound:
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
    )


@router.get("/reports/{item_id:id}/report.json")
def report_json(item_id: PathId, page: SupervisorPageDep, session: SessionDep, state: StateDep) -> Response:
    """The same JSON as `GET /v1/items/{id}/report`, as a file to attach to a referral."""
    return json_attachment(reports.read(session, state, page.user, item_id, via="ui-download"))


def json_attachment(report: dict) -> Response:
    """A report as a JSON file named by its report id, for a person to attach to a referral."""
    return Response(
        json.dumps(report, ensure_ascii=False, indent=2),
        media_type="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="{report["report_id"]}.json"',
            "Cache-Control": "no-store",
        },
    )
