"""Case reports: what a confirmed item becomes for law enforcement (recommendation 7b).

The JSON follows the fields established trafficking and online-exploitation reporting forms share
(reporting organisation, incident type and summary, where it was seen, evidence, identifiers,
indicators, linked incidents, provenance, the reviews it went through), so it can be mapped onto a
national form without guessing. It holds only what the service holds: redacted text and keyed
pseudonym tokens. Original values stay in the vault and are released only through the four-eyes
unmask procedure, which the report names. An item's report is built once, when the item is
confirmed, and stored (`case_reports`), so it shows what was known at decision time; it goes
nowhere by itself. What is sent is the report of a case (`build_case`): several confirmed ads with
their timeline, indicators and shared tokens, drafted with the case and signed off by a second
supervisor (`service.review.cases`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from baliza.errors import NotFound
from models.indicators import load_taxonomy
from service.catalogue import translator
from service.db.models import Case, CaseReport, Decision, Item, ItemPseudonym, Partner, User
from service.review import linking
from service.review.context import ReviewContext
from service.review.summaries import CaseFacts, ItemFacts, case_summary, in_every_language, item_summary
from service.review.vocabulary import actor, split_note, top_codes

SCHEMA = "baliza.case-report/1"
#: The stored report's fixed texts are the catalogue's English (`report.category_text`,
#: `report.evidence_note`); pages show the same keys in the reader's language.
CATEGORY_KEY = "report.category_text"
EVIDENCE_NOTE_KEY = "report.evidence_note"


def decision_history(session: Session, item: Item, with_names: bool = False) -> list[dict]:
    """Every decision on the item, oldest first, naming each reviewer by their user name.

    A report is read by people who must be able to ask the reviewer (`user:N` told them nothing);
    a reviewer whose account was deleted since is `null`. `with_names` adds the same name as `by`
    for the item page, which reads that key."""
    rows = session.execute(
        select(Decision, User.name)
        .outerjoin(User, User.id == Decision.user_id)
        .where(Decision.item_id == item.id)
        .order_by(Decision.created_at, Decision.id)
    ).all()
    history = []
    for decision, name in rows:
        lean, note = split_note(decision.decision, decision.note)
        entry = {
            "decision": decision.decision,
            "reason": decision.reason,
            "note": note,
            "lean": lean,
            "role": decision.role,
            "reviewer": name,
            "at": decision.created_at.isoformat(),
            "uncertainty_sampled": decision.uncertainty_sampled,
        }
        if with_names:
            entry["by"] = name
        history.append(entry)
    return history


def indicator_entries(spans: list[dict]) -> list[dict]:
    """Each indicator found, with its names, definition and ILO indicator from the taxonomy."""
    taxonomy = load_taxonomy()
    entries = []
    for code in top_codes(spans):
        known = taxonomy.get(code)
        entries.append(
            {
                "code": code,
                "name_en": known.name_en if known else code,
                "name_es": known.name_es if known else code,
                "definition": known.definition if known else None,
                "ilo_indicator": known.ilo if known else None,
                "occurrences": sum(1 for s in spans if s["code"] == code),
                "spans": [{"start": s["start"], "end": s["end"]} for s in spans if s["code"] == code],
            }
        )
    return entries


def build(session: Session, item: Item, now: datetime) -> CaseReport:
    """Build and store the case report of a just-confirmed item (caller commits)."""
    row = CaseReport(item_id=item.id, body={}, created_at=now)
    session.add(row)
    session.flush()
    partner = session.get(Partner, item.partner_id)
    tokens = linking.tokens_with_sharers(session, item)
    links = linking.linked_items(session, item, tokens)
    history = decision_history(session, item)
    indicators = indicator_entries(item.indicators)
    reasons = {d["reason"] for d in history}
    report_id = f"BZ-{now:%Y%m%d}-{row.id:06d}"
    facts = ItemFacts(
        source=item.source,
        lang=item.lang,
        received=item.created_at,
        crawled=item.channel == "ingest",
        score=item.score,
        model_version=item.model_version,
        confirmed=now,
        codes=[i["code"] for i in indicators],
        child_risk=bool(item.child_risk),
        flag_reasons=list(item.flag_reasons or []),
        linked=len(links),
    )
    summaries = in_every_language(item_summary, facts)
    english = translator("en")
    row.body = {
        "schema": SCHEMA,
        "report_id": report_id,
        "generated_at": now.isoformat(),
        "reporting_organisation": {"name": "Baliza", "system": "Baliza review service"},
        "incident": {
            "category": english(CATEGORY_KEY),
            "type": "online-advertisement",
            "summary": summaries["en"],
            "summaries": summaries,
            "language": item.lang,
            "first_seen": item.created_at.isoformat(),
            "posted_at": item.posted_at,
            "possible_minor": "possible-minor" in reasons or bool(item.child_risk),
            "child_risk": bool(item.child_risk),
            "flag_reasons": list(item.flag_reasons or []),
            "imminent_risk": "imminent-risk" in reasons,
        },
        "urls": [item.url] if item.url else [],
        "evidence": {"redacted_text": item.text, "note": english(EVIDENCE_NOTE_KEY)},
        "identifiers": [{"kind": t.kind, "token": t.token, "also_in_items": t.items} for t in tokens],
        "indicators": indicators,
        "linked_ads": [asdict(link) for link in links],
        "provenance": {
            "channel": item.channel,
            "partner": partner.name if partner else None,
            "source": item.source,
            "external_id": item.external_id,
            "duplicate_of": item.duplicate_of,
            "posted_at": item.posted_at,
            "received_at": item.created_at.isoformat(),
            "model_version": item.model_version,
            "score": item.score,
        },
        "decisions": history,
    }
    session.flush()
    return row


# --- reading reports: supervisors, audited --------------------------------------------------------


def read(session: Session, ctx: ReviewContext, user: User, item_id: int, via: str | None = None) -> dict:
    """The stored report body of a confirmed item; audited as `report.view` (`via`: which page)."""
    row = session.scalar(select(CaseReport).where(CaseReport.item_id == item_id))
    if row is None:
        raise NotFound(f"no case report for item {item_id} (only confirmed items have one)")
    shown = {"report": row.body["report_id"]} | ({"via": via} if via else {})
    ctx.auditor.record(session, actor(user), "report.view", f"item:{item_id}", detail=shown)
    session.commit()
    return row.body


@dataclass(frozen=True)
class ReadyReport:
    """A confirmed item's report, as the list of what is ready to send shows it."""

    item_id: int
    report_id: str | None
    created_at: datetime
    lang: str | None
    source: str | None
    score: float
    indicators: list[str]
    linked: int


def ready(session: Session, limit: int = 200) -> list[ReadyReport]:
    """Confirmed items with their case report, newest first (what is ready to send)."""
    rows = session.execute(
        select(CaseReport, Item.lang, Item.source, Item.score)
        .join(Item, Item.id == CaseReport.item_id)
        .where(Item.state == "confirmed")
        .order_by(CaseReport.created_at.desc(), CaseReport.id.desc())
        .limit(limit)
    ).all()
    return [
        ReadyReport(
            item_id=report.item_id,
            report_id=report.body.get("report_id"),
            created_at=report.created_at,
            lang=lang,
            source=source,
            score=score,
            indicators=[i["code"] for i in report.body.get("indicators", [])],
            linked=len(report.body.get("linked_ads", [])),
        )
        for report, lang, source, score in rows
    ]


# --- case reports: one report of several confirmed items (issue 15) ---------------------------------

CASE_SCHEMA = "baliza.case-report/2"


def moment(item: Item) -> tuple[datetime, str]:
    """When an ad belongs on a case's timeline, and which date that is (`posted` or `received`).

    The one place that prefers the platform's posting date over when Baliza received the ad: a
    posting date that is not an ISO date (or has no zone, read as UTC) falls back to receipt."""
    if item.posted_at:
        try:
            posted = datetime.fromisoformat(item.posted_at)
        except ValueError:
            posted = None
        if posted is not None:
            return (posted if posted.tzinfo else posted.replace(tzinfo=UTC)).astimezone(UTC), "posted"
    return item.created_at, "received"


def place(item: Item) -> str | None:
    """Where the ad says the work is, when the item holds a place (the crawler's `location`, which
    issue 15 item 5 adds to items); None until then."""
    return getattr(item, "location", None)


def case_timeline(items: list[Item]) -> list[dict]:
    """The case's ads in the order they appeared: date, which date it is, source, place, indicators."""
    entries = []
    for item in items:
        when, kind = moment(item)
        entries.append(
            {
                "item_id": item.id,
                "at": when.isoformat(),
                "date_is": kind,
                "source": item.source,
                "place": place(item),
                "url": item.url,
                "external_id": item.external_id,
                "lang": item.lang,
                "indicators": top_codes(item.indicators),
            }
        )
    return sorted(entries, key=lambda e: (e["at"], e["item_id"]))


def case_indicators(items: list[Item]) -> list[dict]:
    """Each indicator found in any of the case's ads, strongest first, with the ads that show it."""
    spans = [span for item in items for span in item.indicators or []]
    entries = indicator_entries(spans)
    for entry in entries:
        entry["items"] = [i.id for i in items if any(s["code"] == entry["code"] for s in i.indicators or [])]
        del entry["spans"]  # spans point into one ad's text; the case's items carry their own
    return entries


def case_identifiers(session: Session, items: list[Item]) -> list[dict]:
    """Each pseudonym token of the case's ads, with which of them hold it (shared ones first)."""
    rows = session.execute(
        select(ItemPseudonym.kind, ItemPseudonym.token, ItemPseudonym.item_id)
        .where(ItemPseudonym.item_id.in_([i.id for i in items]))
        .order_by(ItemPseudonym.token, ItemPseudonym.item_id)
    ).all()
    held: dict[tuple[str, str], list[int]] = {}
    for kind, token, item_id in rows:
        ids = held.setdefault((kind, token), [])
        if item_id not in ids:
            ids.append(item_id)
    found = [{"kind": k, "token": t, "items": ids} for (k, t), ids in held.items()]
    return sorted(found, key=lambda f: (-len(f["items"]), f["token"]))


def _case_item(session: Session, item: Item) -> dict:
    """One ad of a case as the report carries it: identity, provenance, evidence and its reviews."""
    partner = session.get(Partner, item.partner_id)
    stored = session.scalar(select(CaseReport.body).where(CaseReport.item_id == item.id))
    return {
        "item_id": item.id,
        "item_report_id": stored.get("report_id") if stored else None,
        "external_id": item.external_id,
        "partner": partner.name if partner else None,
        "channel": item.channel,
        "source": item.source,
        "url": item.url,
        "lang": item.lang,
        "posted_at": item.posted_at,
        "received_at": item.created_at.isoformat(),
        "decided_at": item.decided_at.isoformat() if item.decided_at else None,
        "score": item.score,
        "model_version": item.model_version,
        "child_risk": bool(item.child_risk),
        "flag_reasons": list(item.flag_reasons or []),
        "indicators": top_codes(item.indicators),
        "redacted_text": item.text,
        "decisions": decision_history(session, item),
    }


def build_case(session: Session, case: Case, items: list[Item], drafted_by: str, now: datetime) -> dict:
    """The case report's body (R7b) as drafted: what a second supervisor signs off and is sent."""
    timeline = case_timeline(items)
    indicators = case_indicators(items)
    identifiers = case_identifiers(session, items)
    facts = CaseFacts(
        ads=len(items),
        sources=sorted({i.source for i in items if i.source}),
        places=sorted({e["place"] for e in timeline if e["place"]}),
        first_seen=datetime.fromisoformat(timeline[0]["at"]),
        last_seen=datetime.fromisoformat(timeline[-1]["at"]),
        codes=[i["code"] for i in indicators],
        minors=sum(1 for i in items if i.child_risk),
        shared_tokens=sum(1 for i in identifiers if len(i["items"]) > 1),
    )
    summaries = in_every_language(case_summary, facts)
    english = translator("en")
    return {
        "schema": CASE_SCHEMA,
        "report_id": f"BZC-{now:%Y%m%d}-{case.id:06d}",
        "generated_at": now.isoformat(),
        "reporting_organisation": {"name": "Baliza", "system": "Baliza review service"},
        "case": {"id": case.id, "title": case.title, "summary": case.summary, "drafted_by": drafted_by},
        "incident": {
            "category": english(CATEGORY_KEY),
            "type": "online-advertisement-series",
            "summary": summaries["en"],
            "summaries": summaries,
            "first_seen": timeline[0]["at"],
            "last_seen": timeline[-1]["at"],
            "sources": list(facts.sources),
            "places": list(facts.places),
            "languages": sorted({i.lang for i in items if i.lang}),
            "child_risk": any(i.child_risk for i in items),
        },
        "timeline": timeline,
        "indicators": indicators,
        "identifiers": identifiers,
        "evidence_note": english(EVIDENCE_NOTE_KEY),
        "items": [_case_item(session, item) for item in items],
    }
