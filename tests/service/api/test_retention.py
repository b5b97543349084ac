"""Retention: raw values and dismissed items expire, and after a purge no original value and no
removed vault ciphertext remains anywhere — not in any table, and (SQLite) not in the raw file."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select, update

from service.db.models import AuditEvent, AuthToken, Base, Item, Receipt, VaultEntry, utcnow
from service.review import retention
from tests.factories import TEST_FILE, at, plant_flagged, read_jsonl

NEGATIVE = next(r for r in read_jsonl(TEST_FILE) if r["label"] == 0)


def _forms(ad: dict) -> list[bytes]:
    """Every way a planted value could have been stored in clear."""
    digits = ad["e164"][1:]
    forms = [ad["phone"], ad["e164"], digits, digits[2:], ad["email"], ad["email"].split("@")[0]]
    return [f.encode() for f in forms]


def _raw_bytes(url: str) -> bytes:
    path = Path(url.removeprefix("sqlite:///"))
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists())


def _table_dump(service) -> bytes:
    """Every column of every row of every table, as bytes."""
    parts: list[bytes] = []
    with service.state.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for row in conn.execute(table.select()):
                for value in row:
                    parts.append(value if isinstance(value, bytes) else str(value).encode())
    return b"\x00".join(parts)


def _settle(service, external_ids: list[str], state: str, when) -> None:  # type: ignore[no-untyped-def]
    with service.state.sessions() as session:
        session.execute(
            update(Item).where(Item.external_id.in_(external_ids)).values(state=state, decided_at=when)
        )
        session.commit()


def test_purge_leaves_no_original_value_and_no_removed_ciphertext(service):
    key = service.partner()
    planted = plant_flagged(service.client, key, 12)
    unflagged = {"items": [{"external_id": "neg", "text": NEGATIVE["text"]}]}
    assert (
        service.client.post("/v1/score", json=unflagged, headers=key).json()["items"][0]["flagged"] is False
    )
    _settle(service, [a["external_id"] for a in planted[:4]], "dismissed", utcnow())
    _settle(service, [planted[4]["external_id"]], "confirmed", utcnow())
    service.user("analyst")
    with service.state.sessions() as session:
        session.execute(update(AuthToken).values(expires_at=utcnow() - timedelta(minutes=1)))
        ciphertexts = [bytes(c) for c in session.scalars(select(VaultEntry.ciphertext))]
        opened = [service.state.vault.open(c) for c in ciphertexts]
        session.commit()
    assert len(ciphertexts) == 12
    sealed = {v["value"] for entry in opened for v in entry}
    assert all(a["e164"] in sealed and a["email"] in sealed for a in planted)
    sqlite = service.state.engine.dialect.name == "sqlite"
    if sqlite:  # the scan can see a ciphertext: otherwise its absence later would prove nothing
        raw = _raw_bytes(service.state.settings.resolved_database_url)
        assert all(c[20:80] in raw for c in ciphertexts)

    counts = retention.purge(service.state, days=0)

    assert counts == {"vault_entries": 12, "dismissed_items": 4, "unflagged_receipts": 1, "expired_tokens": 1}
    needles = [f for ad in planted for f in _forms(ad)] + [c[20:80] for c in ciphertexts]
    dump = _table_dump(service)
    assert [n for n in needles if n in dump] == []
    if sqlite:
        raw = _raw_bytes(service.state.settings.resolved_database_url)
        assert [n for n in needles if n in raw] == []
    with service.state.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Item)) == 8
        assert session.scalar(select(func.count()).select_from(Receipt)) == 8
        audit = session.scalars(select(AuditEvent).where(AuditEvent.action == "retention.purge")).one()
    assert audit.actor == "system:retention" and audit.detail["vault_entries"] == 12


def test_purge_respects_the_retention_period(service):
    key = service.partner()
    planted = plant_flagged(service.client, key, 3)
    dismissed, confirmed, queued = (a["external_id"] for a in planted)
    _settle(service, [dismissed], "dismissed", utcnow())
    _settle(service, [confirmed], "confirmed", utcnow())
    days = service.state.settings.retention_days

    early = retention.purge(at(service.state, utcnow() + timedelta(days=days - 1)))
    assert early == {"vault_entries": 0, "dismissed_items": 0, "unflagged_receipts": 0, "expired_tokens": 0}

    late = retention.purge(at(service.state, utcnow() + timedelta(days=days + 1)))
    assert late["vault_entries"] == 3 and late["dismissed_items"] == 1
    with service.state.sessions() as session:
        left = set(session.scalars(select(Item.external_id)))
        assert left == {confirmed, queued}
        assert session.scalar(select(func.count()).select_from(VaultEntry)) == 0
        assert (
            session.scalar(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "retention.purge")
            )
            == 2
        )
