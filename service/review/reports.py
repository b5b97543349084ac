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

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.indicators import load_taxonomy
from service.db.models import CaseReport, Decision, Item, Partner, User
from service.review import linking

SCHEMA = "baliza.case-report/1"
CATEGORY = "suspected recruitment into human trafficking (online job advertisement)"
LEANS = ("confirm", "dismiss")
LEAN_PREFIX = "[lean:"
EVIDENCE_NOTE = (
    "Personal data (phones, e-mails, handles, links, ID numbers) is replaced by keyed pseudonym tokens; "
    "equal tokens mean equal values across ads. The original values are held encrypted and are released "
    "only on a reasoned request approved by a second supervisor (audited)."
)


def stored_note(decision: str, note: str, lean: str | None) -> str:
    """An escalation's lean (which way the analyst leans) is kept as a fixed prefix of its note.

    The decisions table has no column for it; the prefix is written for every escalation (also
    `[lean:none]`), so a note typed by a person can never pass for one. `split_note` reads it back.
    """
    return f"{LEAN_PREFIX}{lean or 'none'}] {note}" if decision == "escalate" else note


def split_note(decision: str, note: str) -> tuple[str | None, str]:
    """(lean, note as written) of a stored decision note."""
    if decision != "escalate" or not note.startswith(LEAN_PREFIX):
        return None, note
    head, _, rest = note.partition("] ")
    lean = head[len(LEAN_PREFIX) :]
    return (lean if lean in LEANS else None), rest


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
    from service.review.queue import top_codes  # queue imports this module

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
        "identifiers": [
            {"kind": t["kind"], "token": t["token"], "also_in_items": t["items"]} for t in tokens
        ],
        "indicators": indicators,
        "linked_ads": [link.to_dict() for link in links],
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
