"""Case reports: what a confirmed item becomes for law enforcement (recommendation 7b).

The JSON follows the fields established trafficking and online-exploitation reporting forms share
(reporting organisation, incident type and summary, where it was seen, evidence, identifiers,
indicators, linked incidents, provenance, the reviews it went through), so it can be mapped onto a
national form without guessing. It holds only what the service holds: redacted text and keyed
pseudonym tokens. Original values stay in the vault and are released only through the four-eyes
unmask procedure, which the report names. The report is built once, when the item is confirmed,
and stored (`case_reports`), so it shows what was known at decision time.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from baliza.errors import NotFound
from models.indicators import load_taxonomy
from service.db.models import CaseReport, Decision, Item, Partner, User
from service.review import linking
from service.review.context import ReviewContext
from service.review.vocabulary import actor, split_note, top_codes

SCHEMA = "baliza.case-report/1"
CATEGORY = "suspected recruitment into human trafficking (online job advertisement)"
EVIDENCE_NOTE = (
    "Personal data (phones, e-mails, handles, links, ID numbers) is replaced by keyed pseudonym tokens; "
    "equal tokens mean equal values across ads. The original values are held encrypted and are released "
    "only on a reasoned request approved by a second supervisor (audited)."
)


def decision_history(session: Session, item: Item, with_names: bool = False) -> list[dict]:
    """Every decision on the item, oldest first. Reports name reviewers by internal id only."""
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
            "reviewer": f"user:{decision.user_id}" if decision.user_id is not None else None,
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


def _reasons_en(reasons: list[str]) -> str:
    """ "model" -> "the model's score"; "indicator:CODE" -> the indicator's English name."""
    taxonomy = load_taxonomy()
    names = []
    for reason in reasons:
        code = reason.removeprefix("indicator:")
        if reason == "model":
            names.append("the model's score")
        elif code in taxonomy:
            names.append(f"the decisive indicator '{taxonomy[code].name_en}'")
    return " and ".join(names) or "the model's score"


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
    summary = (
        f"An online job advertisement{f' from {item.source}' if item.source else ''} "
        f"({item.lang or 'unknown language'}), received {item.created_at:%Y-%m-%d} through "
        f"{'the crawler' if item.channel == 'ingest' else 'a platform partner'}, was scored "
        f"{item.score:.2f} by model {item.model_version} and confirmed by human review on {now:%Y-%m-%d}. "
        f"It shows {len(indicators)} risk indicator(s)"
        f"{': ' + ', '.join(i['name_en'] for i in indicators) if indicators else ''}, "
        f"{'targets people under 18, ' if item.child_risk else ''}"
        f"was flagged by {_reasons_en(item.flag_reasons or [])}, "
        f"and is linked to {len(links)} other advertisement(s) "
        "by shared contact tokens or near-duplicate text."
    )
    row.body = {
        "schema": SCHEMA,
        "report_id": report_id,
        "generated_at": now.isoformat(),
        "reporting_organisation": {"name": "Baliza", "system": "Baliza review service"},
        "incident": {
            "category": CATEGORY,
            "type": "online-advertisement",
            "summary": summary,
            "language": item.lang,
            "first_seen": item.created_at.isoformat(),
            "posted_at": item.posted_at,
            "possible_minor": "possible-minor" in reasons or bool(item.child_risk),
            "child_risk": bool(item.child_risk),
            "flag_reasons": list(item.flag_reasons or []),
            "imminent_risk": "imminent-risk" in reasons,
        },
        "urls": [item.url] if item.url else [],
        "evidence": {"redacted_text": item.text, "note": EVIDENCE_NOTE},
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
