"""Cases: several confirmed ads a supervisor puts together, and the two documents that leave Baliza
from them — the case report for law enforcement (R7b) and the takedown notices to partners (R7c).

A case is built from a list of item ids (a cluster is one such list), all confirmed: what goes to
the police or to a platform is what human review confirmed. Building it drafts both documents; each
then moves only forward, draft -> signed_off -> sent -> acknowledged, one compare-and-set per step:
- a second supervisor, never the one who drafted it, signs a document off (four eyes);
- only a signed-off document is sent: the report is marked sent by the supervisor who handed it
  over, the takedown enqueues one signed webhook per ad whose partner has one
  (`service.review.webhooks`);
- a report is acknowledged when a supervisor records the recipient's answer; a takedown when every
  one of its notices was delivered (the webhook worker moves it).
A document's body is written once, when drafted, so what is signed off is what is sent. Every step
and every reading is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from baliza.errors import Conflict, Forbidden, Invalid, NotFound
from service.db.models import (
    Case,
    CaseDocument,
    CaseItem,
    Item,
    Partner,
    User,
    WebhookAttempt,
    WebhookDelivery,
)
from service.review import reports, webhooks
from service.review.context import ReviewContext
from service.review.vocabulary import actor

DOCUMENTS = ("report", "takedown")
STATES = ("draft", "signed_off", "sent", "acknowledged")
NEXT = dict(pairwise(STATES))
MAX_ITEMS = 500
TAKEDOWN_SCHEMA = "baliza.case-takedown/1"


@dataclass(frozen=True)
class AttemptView:
    at: str
    status_code: int | None
    error: str | None


@dataclass(frozen=True)
class DeliveryView:
    """One takedown notice of a case, with every attempt the worker made."""

    id: int
    item_id: int | None
    partner: str | None
    status: str
    attempts: list[AttemptView]


@dataclass(frozen=True)
class DocumentView:
    kind: str
    state: str
    drafted_by: str | None
    signed_off_by: str | None
    signed_off_at: str | None
    sent_by: str | None
    sent_at: str | None
    acknowledged_at: str | None
    note: str
    deliveries: list[DeliveryView]


@dataclass(frozen=True)
class CaseSummary:
    """A case as the list of cases shows it."""

    id: int
    title: str
    created_by: str | None
    created_at: str
    items: int
    report: str
    takedown: str


@dataclass(frozen=True)
class CaseView:
    """A case page: the drafted report's summary, timeline, indicators and tokens, and both documents."""

    id: int
    title: str
    summary: str
    created_by: str | None
    created_at: str
    report_id: str
    incident: dict
    item_ids: list[int]
    timeline: list[dict]
    indicators: list[dict]
    identifiers: list[dict]
    documents: list[DocumentView]


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _names(session: Session, ids: set[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(session.execute(select(User.id, User.name).where(User.id.in_(wanted))).all())


def _supervisor(user: User) -> None:
    if user.role != "supervisor":
        raise Forbidden("cases are built, signed off and sent by supervisors")


def _items_of(session: Session, item_ids: list[int]) -> list[Item]:
    """The items, checked: each exists and is confirmed; in the order given, without repeats."""
    wanted = list(dict.fromkeys(item_ids))
    if not wanted:
        raise Invalid("a case needs at least one item")
    if len(wanted) > MAX_ITEMS:
        raise Invalid(f"a case holds at most {MAX_ITEMS} items")
    found = {i.id: i for i in session.scalars(select(Item).where(Item.id.in_(wanted)))}
    missing = [i for i in wanted if i not in found]
    if missing:
        raise NotFound(f"no item {', '.join(map(str, missing))}")
    open_ = [i for i in wanted if found[i].state != "confirmed"]
    if open_:
        raise Invalid(f"only confirmed items go into a case; not confirmed: {', '.join(map(str, open_))}")
    return [found[i] for i in wanted]


def _takedown_body(session: Session, items: list[Item], report_id: str, case_id: int) -> dict:
    """Which partner gets a notice for which ad (the notices themselves carry no text)."""
    notices = []
    for item in items:
        partner = session.get(Partner, item.partner_id)
        notices.append(
            {
                "item_id": item.id,
                "external_id": item.external_id,
                "partner": partner.name if partner else None,
                "webhook": webhooks.takes_notices(partner),
            }
        )
    return {"schema": TAKEDOWN_SCHEMA, "case_id": case_id, "report_id": report_id, "notices": notices}


def create(
    session: Session, ctx: ReviewContext, user: User, item_ids: list[int], title: str, summary: str = ""
) -> CaseView:
    """A case of confirmed items, its report and takedown drafted by `user`. Commits; audited."""
    _supervisor(user)
    title = ctx.scrub(title.strip())
    if not title:
        raise Invalid("a case needs a title")
    items = _items_of(session, item_ids)
    now = ctx.now()
    case = Case(title=title[:200], summary=ctx.scrub(summary.strip()), created_by=user.id, created_at=now)
    session.add(case)
    session.flush()
    session.add_all(CaseItem(case_id=case.id, item_id=item.id) for item in items)
    report = reports.build_case(session, case, items, user.name, now)
    bodies = {"report": report, "takedown": _takedown_body(session, items, report["report_id"], case.id)}
    session.add_all(
        CaseDocument(
            case_id=case.id, kind=kind, state="draft", body=bodies[kind], drafted_by=user.id, note=""
        )
        for kind in DOCUMENTS
    )
    session.flush()
    ctx.auditor.record(
        session,
        actor(user),
        "case.create",
        f"case:{case.id}",
        detail={"items": [i.id for i in items], "report": report["report_id"]},
    )
    session.commit()
    return _view(session, case)


def listing(session: Session, limit: int = 200) -> list[CaseSummary]:
    """Cases, newest first, with how many items they hold and where their documents stand."""
    cases = list(session.scalars(select(Case).order_by(Case.created_at.desc(), Case.id.desc()).limit(limit)))
    ids = [c.id for c in cases]
    counts = dict(
        session.execute(
            select(CaseItem.case_id, func.count()).where(CaseItem.case_id.in_(ids)).group_by(CaseItem.case_id)
        ).all()
    )
    states = {
        (case_id, kind): state
        for case_id, kind, state in session.execute(
            select(CaseDocument.case_id, CaseDocument.kind, CaseDocument.state).where(
                CaseDocument.case_id.in_(ids)
            )
        )
    }
    names = _names(session, {c.created_by for c in cases})
    return [
        CaseSummary(
            id=c.id,
            title=c.title,
            created_by=names.get(c.created_by) if c.created_by else None,
            created_at=c.created_at.isoformat(),
            items=counts.get(c.id, 0),
            report=states.get((c.id, "report"), "draft"),
            takedown=states.get((c.id, "takedown"), "draft"),
        )
        for c in cases
    ]


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(f"no case {case_id}")
    return case


def _document(session: Session, case_id: int, kind: str) -> CaseDocument:
    if kind not in DOCUMENTS:
        raise Invalid(f"document must be one of {', '.join(DOCUMENTS)}")
    _case(session, case_id)
    doc = session.scalar(
        select(CaseDocument).where(CaseDocument.case_id == case_id, CaseDocument.kind == kind)
    )
    if doc is None:
        raise NotFound(f"case {case_id} has no {kind}")
    return doc


def _deliveries(session: Session, case_id: int) -> list[DeliveryView]:
    rows = session.execute(
        select(WebhookDelivery, Partner.name)
        .outerjoin(Partner, Partner.id == WebhookDelivery.partner_id)
        .where(WebhookDelivery.case_id == case_id)
        .order_by(WebhookDelivery.id)
    ).all()
    attempts: dict[int, list[AttemptView]] = {}
    for attempt in session.scalars(
        select(WebhookAttempt)
        .where(WebhookAttempt.delivery_id.in_([d.id for d, _ in rows]))
        .order_by(WebhookAttempt.at, WebhookAttempt.id)
    ):
        attempts.setdefault(attempt.delivery_id, []).append(
            AttemptView(attempt.at.isoformat(), attempt.status_code, attempt.error)
        )
    return [DeliveryView(d.id, d.item_id, name, d.status, attempts.get(d.id, [])) for d, name in rows]


def _document_view(doc: CaseDocument, names: dict[int, str], deliveries: list[DeliveryView]) -> DocumentView:
    def name(user_id: int | None) -> str | None:
        return names.get(user_id) if user_id is not None else None

    return DocumentView(
        kind=doc.kind,
        state=doc.state,
        drafted_by=name(doc.drafted_by),
        signed_off_by=name(doc.signed_off_by),
        signed_off_at=_iso(doc.signed_off_at),
        sent_by=name(doc.sent_by),
        sent_at=_iso(doc.sent_at),
        acknowledged_at=_iso(doc.acknowledged_at),
        note=doc.note,
        deliveries=deliveries if doc.kind == "takedown" else [],
    )


def _documents(session: Session, case_id: int) -> dict[str, CaseDocument]:
    rows = session.scalars(select(CaseDocument).where(CaseDocument.case_id == case_id))
    return {doc.kind: doc for doc in rows}


def _view(session: Session, case: Case) -> CaseView:
    docs = _documents(session, case.id)
    people = {case.created_by} | {
        u for d in docs.values() for u in (d.drafted_by, d.signed_off_by, d.sent_by)
    }
    names = _names(session, people)
    deliveries = _deliveries(session, case.id)
    report = docs["report"].body
    return CaseView(
        id=case.id,
        title=case.title,
        summary=case.summary,
        created_by=names.get(case.created_by) if case.created_by else None,
        created_at=case.created_at.isoformat(),
        report_id=report["report_id"],
        incident=report["incident"],
        item_ids=[i["item_id"] for i in report["items"]],
        timeline=report["timeline"],
        indicators=report["indicators"],
        identifiers=report["identifiers"],
        documents=[_document_view(docs[kind], names, deliveries) for kind in DOCUMENTS if kind in docs],
    )


def view(session: Session, ctx: ReviewContext, user: User, case_id: int, via: str | None = None) -> CaseView:
    """A case as its page shows it; audited as `case.view` (`via`: which door)."""
    _supervisor(user)
    shown = _view(session, _case(session, case_id))
    ctx.auditor.record(
        session, actor(user), "case.view", f"case:{case_id}", detail={"via": via} if via else None
    )
    session.commit()
    return shown


def report_body(
    session: Session, ctx: ReviewContext, user: User, case_id: int, via: str | None = None
) -> dict:
    """The case report as drafted, with where it stands and who signed it off; audited `case.report.view`."""
    _supervisor(user)
    doc = _document(session, case_id, "report")
    names = _names(session, {doc.drafted_by, doc.signed_off_by, doc.sent_by})
    four_eyes = {
        "state": doc.state,
        "drafted_by": names.get(doc.drafted_by) if doc.drafted_by else None,
        "signed_off_by": names.get(doc.signed_off_by) if doc.signed_off_by else None,
        "signed_off_at": _iso(doc.signed_off_at),
        "sent_at": _iso(doc.sent_at),
    }
    detail = {"report": doc.body["report_id"], "state": doc.state} | ({"via": via} if via else {})
    ctx.auditor.record(session, actor(user), "case.report.view", f"case:{case_id}", detail=detail)
    session.commit()
    return doc.body | {"four_eyes": four_eyes}


def _move(
    session: Session, ctx: ReviewContext, user: User, doc: CaseDocument, to: str, values: dict, note: str = ""
) -> None:
    """One step forward (`NEXT`), a compare-and-set on the state read; audited (caller commits)."""
    before = doc.state
    if NEXT.get(before) != to:
        raise Conflict(f"the {doc.kind} of case {doc.case_id} is {before}; it cannot become {to}")
    done = session.execute(
        update(CaseDocument)
        .where(CaseDocument.id == doc.id, CaseDocument.state == before)
        .values(state=to, **values)
        .execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:  # type: ignore[attr-defined]
        session.rollback()
        raise Conflict(f"the {doc.kind} of case {doc.case_id} changed meanwhile; reload it")
    action = {"signed_off": "case.signoff", "sent": "case.send", "acknowledged": "case.acknowledge"}[to]
    ctx.auditor.record(
        session,
        actor(user),
        action,
        f"case:{doc.case_id}",
        reason=note or None,
        detail={"document": doc.kind, "from": before, "to": to, "report": doc.body.get("report_id")},
    )
    session.refresh(doc)


def _answer(session: Session, doc: CaseDocument) -> DocumentView:
    names = _names(session, {doc.drafted_by, doc.signed_off_by, doc.sent_by})
    return _document_view(doc, names, _deliveries(session, doc.case_id))


def sign_off(session: Session, ctx: ReviewContext, user: User, case_id: int, kind: str) -> DocumentView:
    """A second supervisor's sign-off of a drafted document; the one who drafted it cannot (403)."""
    _supervisor(user)
    doc = _document(session, case_id, kind)
    if doc.drafted_by == user.id:
        raise Forbidden(f"the {kind} is signed off by a supervisor other than the one who drafted it")
    _move(session, ctx, user, doc, "signed_off", {"signed_off_by": user.id, "signed_off_at": ctx.now()})
    session.commit()
    return _answer(session, doc)


def send(
    session: Session, ctx: ReviewContext, user: User, case_id: int, kind: str, note: str = ""
) -> DocumentView:
    """Send a signed-off document: the report is marked handed over (`note`: to whom); the takedown
    enqueues one notice per ad whose partner has a webhook (409 when none has)."""
    _supervisor(user)
    doc = _document(session, case_id, kind)
    now = ctx.now()
    note = ctx.scrub(note.strip())[:2000]
    items: list[Item] = []
    if kind == "takedown":  # the ads still held (an erased one has left the case)
        ids = [n["item_id"] for n in doc.body["notices"]]
        items = list(session.scalars(select(Item).where(Item.id.in_(ids)).order_by(Item.id)))
        reachable = any(webhooks.takes_notices(session.get(Partner, i.partner_id)) for i in items)
        if doc.state == "signed_off" and not reachable:
            raise Conflict(f"no partner of case {case_id}'s ads has a webhook; there is no one to notify")
    _move(session, ctx, user, doc, "sent", {"sent_by": user.id, "sent_at": now, "note": note}, note)
    for item in items:
        webhooks.enqueue_takedown(session, item, doc.body["report_id"], case_id, now)
    session.commit()
    return _answer(session, doc)


def acknowledge(
    session: Session, ctx: ReviewContext, user: User, case_id: int, kind: str, note: str = ""
) -> DocumentView:
    """Record the recipient's acknowledgement of a sent report (`note`: their reference). A takedown
    is acknowledged by its partners' webhooks answering, not by hand (422)."""
    _supervisor(user)
    if kind == "takedown":
        raise Invalid("a takedown is acknowledged when every notice is delivered, not by hand")
    doc = _document(session, case_id, kind)
    note = ctx.scrub(note.strip())[:2000]
    values = {"acknowledged_at": ctx.now(), "note": f"{doc.note}\n{note}".strip() if note else doc.note}
    _move(session, ctx, user, doc, "acknowledged", values, note)
    session.commit()
    return _answer(session, doc)


def forget(session: Session, item_ids: list[int], tokens: list[str]) -> int:
    """Take erased items out of every case document that holds them (a data subject's erasure,
    `service.review.erasure`): their entries, timeline rows, notices, and the erased tokens go; the
    rest of the case stays. Returns how many documents changed (caller commits, then deletes)."""
    gone, erased = set(item_ids), set(tokens)
    held = select(CaseItem.case_id).where(CaseItem.item_id.in_(item_ids))
    changed = 0
    for doc in session.scalars(select(CaseDocument).where(CaseDocument.case_id.in_(held))):
        body = dict(doc.body)
        if doc.kind == "takedown":
            body["notices"] = [n for n in body["notices"] if n["item_id"] not in gone]
        else:
            body["items"] = [i for i in body["items"] if i["item_id"] not in gone]
            body["timeline"] = [e for e in body["timeline"] if e["item_id"] not in gone]
            body["indicators"] = _without(body["indicators"], gone)
            body["identifiers"] = [i for i in _without(body["identifiers"], gone) if i["token"] not in erased]
        doc.body = body
        changed += 1
    session.flush()
    return changed


def _without(entries: list[dict], gone: set[int]) -> list[dict]:
    """Entries naming the ads that show them, with the erased ads left out (and entries left empty)."""
    kept = [e | {"items": [i for i in e["items"] if i not in gone]} for e in entries]
    return [e for e in kept if e["items"]]
