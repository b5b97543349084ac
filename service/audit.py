"""The audit log: append-only and hash-chained, so an edited or deleted row is detectable.

Each row's hash is SHA-256 over the previous row's hash and this row's canonical JSON; `verify`
recomputes the chain. Rows carry no personal data: targets are internal ids, and free-text reasons
pass through the redactor before they are written. Appends are serialised (SQLite: every
transaction is `BEGIN IMMEDIATE`; PostgreSQL: a transaction-scoped advisory lock), because two
writers reading the same last hash would fork the chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from service.db.models import AuditEvent, utcnow

GENESIS = "0" * 64
_PG_LOCK = 0x0BA112A  # advisory lock id for the chain head


def _canonical(row: AuditEvent) -> str:
    body = {
        "at": row.at.isoformat(),
        "actor": row.actor,
        "action": row.action,
        "target": row.target,
        "reason": row.reason,
        "detail": row.detail or {},
    }
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def chain_hash(prev: str, row: AuditEvent) -> str:
    return hashlib.sha256((prev + _canonical(row)).encode()).hexdigest()


@dataclass(frozen=True)
class Auditor:
    """Writes audit rows; `scrub` removes personal data from free text (the redactor)."""

    scrub: Callable[[str], str]

    def record(
        self,
        session: Session,
        actor: str,
        action: str,
        target: str | None = None,
        reason: str | None = None,
        detail: dict | None = None,
    ) -> AuditEvent:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
        prev = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)) or GENESIS
        row = AuditEvent(
            at=utcnow(),
            actor=actor,
            action=action,
            target=target,
            reason=self.scrub(reason) if reason else reason,
            detail=detail or {},
            prev_hash=prev,
        )
        row.hash = chain_hash(prev, row)
        session.add(row)
        session.flush()
        return row


@dataclass(frozen=True)
class Break:
    row_id: int
    problem: str  # in English, for the CLI and the API
    kind: str  # `unlinked` or `edited`: what a page words in its reader's language


UNLINKED = "previous-hash mismatch (a row before it was deleted or changed)"
EDITED = "content does not match its hash (row edited)"


def verify(session: Session) -> list[Break]:
    """Every place where the chain does not hold: an edited row, a deleted one, a reordering."""
    return list(_breaks(session.scalars(select(AuditEvent).order_by(AuditEvent.id)).yield_per(1000)))


def _breaks(rows: Iterator[AuditEvent]) -> Iterator[Break]:
    prev = GENESIS
    for row in rows:
        if row.prev_hash != prev:
            yield Break(row.id, UNLINKED, "unlinked")
        if chain_hash(row.prev_hash, row) != row.hash:
            yield Break(row.id, EDITED, "edited")
        prev = row.hash
