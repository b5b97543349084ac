"""Retention: raw values and dismissed items expire; `purge` deletes them, and leaves no copy behind.

What expires after `BALIZA_RETENTION_DAYS` (or `days`):
- vault entries (the encrypted originals), counted from when they were stored — the redacted item
  stays for review and linking, but can no longer be unmasked;
- dismissed items, counted from their decision (from their arrival if no decision time was
  recorded; the database cascades to pseudonyms, bands,
  decisions, unmask requests and the item's receipt);
- receipts of unflagged ads (a keyed hash and the answer; only there for idempotent retries).
Expired bearer tokens go whatever `days` is. Confirmed items stay: they are evidence.

Deleting a row is not enough for the promise "no original value remains in the database file".
SQLite runs with `secure_delete` (engine.py), so deleted cells and freed pages are overwritten with
zeros; but in WAL mode the old page images stay in the `-wal` file until a checkpoint, so every
purge (and erasure) ends with `wal_checkpoint(TRUNCATE)`. VACUUM is not needed for that and would
block writers on a large database every hour; the raw-file test of the API suite (test_retention.py)
is what shows it is enough (also with thousands of rows and b-tree rebalancing). On PostgreSQL a
deleted row stays in the table file as a dead tuple until (auto)vacuum reuses its space; a
deployment that must guarantee erasure at the file level runs `VACUUM FULL vault, items` after a
purge and keeps its WAL archive under the same retention.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import Engine, delete, func
from sqlalchemy.orm import Session

from service.db.models import AuthToken, Item, Receipt, VaultEntry
from service.review.context import ReviewContext

log = logging.getLogger("baliza.retention")
SYSTEM_ACTOR = "system:retention"


def purge(ctx: ReviewContext, days: int | None = None, actor: str = SYSTEM_ACTOR) -> dict[str, int]:
    """Delete what has outlived retention at `ctx.now()`; returns how many rows of each kind went.

    Opens its own session (the worker and `baliza purge` call it outside any request). Audited.
    """
    now = ctx.now()
    days = ctx.settings.retention_days if days is None else days
    if days < 0:
        raise ValueError("days must be 0 or more")
    cutoff = now - timedelta(days=days)
    with ctx.sessions() as session:
        counts = {
            "vault_entries": _delete(session, delete(VaultEntry).where(VaultEntry.created_at <= cutoff)),
            "dismissed_items": _delete(
                session,
                delete(Item).where(
                    Item.state == "dismissed", func.coalesce(Item.decided_at, Item.created_at) <= cutoff
                ),
            ),
            "unflagged_receipts": _delete(
                session,
                delete(Receipt).where(Receipt.flagged.is_(False), Receipt.created_at <= cutoff),
            ),
            "expired_tokens": _delete(session, delete(AuthToken).where(AuthToken.expires_at <= now)),
        }
        ctx.auditor.record(session, actor, "retention.purge", detail={"days": days, **counts})
        session.commit()
    checkpoint(ctx.engine)
    return counts


def _delete(session: Session, statement) -> int:  # type: ignore[no-untyped-def]
    return int(session.execute(statement.execution_options(synchronize_session=False)).rowcount or 0)


def checkpoint(engine: Engine) -> bool:
    """Fold the SQLite WAL into the database and truncate it, so deleted values leave the WAL too.

    Returns False when a reader kept the checkpoint from finishing (the next purge retries); a
    no-op on other databases. Runs outside any transaction (a raw autocommit connection).
    """
    if engine.dialect.name != "sqlite":
        return True
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        busy, _log_frames, _moved = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        cursor.close()
    finally:
        raw.close()
    if busy:
        log.warning(
            "WAL checkpoint was blocked by a reader; deleted values stay in the WAL until the next one"
        )
    return not busy
