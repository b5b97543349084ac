"""`baliza erase`, `baliza audit verify`, `baliza export decisions` and the database half of
`baliza purge`, run as real processes on a SQLite data dir seeded in this process."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from baliza.cli._db import open_state
from baliza.settings import Settings
from service.db.models import AuditEvent, Decision, Item, ItemPseudonym, Partner, VaultEntry
from service.privacy.redact import redact
from tests.baliza.cli.test_cli import assert_one_line_error, run

ADS = {
    "a1": ("confirmed", "Trabajo en Europa, pasaje pagado. WhatsApp +34 612 300 400"),
    "a2": ("dismissed", "Chicas para bar, escribir a reclutadora.x@ejemplo-correo.com"),
    "a3": ("queued", "Modelos jóvenes, contacto wa.me/34612300400"),
}


def seed(data_dir: Path) -> Path:
    """The three ads above, stored as the service stores flagged ads; returns the database file."""
    with open_state(Settings(data_dir=data_dir, database_url=None)) as state, state.sessions() as session:
        partner = Partner(name="partner")
        session.add(partner)
        session.flush()
        for external_id, (status, text) in ADS.items():
            red = redact(text, state.secret_key)
            item = Item(
                partner_id=partner.id,
                external_id=external_id,
                channel="score",
                text=red.text,
                lang="es",
                score=0.9,
                indicators=[{"code": "UNREALISTIC_PAY", "start": 0, "end": 7}],
                model_version="test",
                state=status,  # no decided_at: the purge then counts a dismissed item from its arrival
            )
            session.add(item)
            session.flush()
            session.add_all(
                ItemPseudonym(item_id=item.id, kind=p.kind, token=p.token) for p in red.pseudonyms
            )
            sealed = state.vault.seal_originals(red.originals, [p.token for p in red.pseudonyms])
            session.add(VaultEntry(item_id=item.id, ciphertext=sealed))
            if status != "queued":
                session.add(
                    Decision(
                        item_id=item.id,
                        role="analyst",
                        decision={"confirmed": "confirm", "dismissed": "dismiss"}[status],
                        reason="code",
                    )
                )
        state.auditor.record(session, "test", "seed")
        session.commit()
    return data_dir / "baliza.sqlite3"


def _items(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT external_id FROM items")}


@pytest.mark.parametrize("command", [["erase"], ["audit", "verify"], ["export", "decisions"]], ids=" ".join)
def test_help(command, tmp_path):
    result = run([*command, "--help"], tmp_path)
    assert result.returncode == 0 and "Usage" in result.stdout


def test_erase_by_value_and_its_errors(tmp_path):
    db = seed(tmp_path)
    dry = run(["erase", "--value", "+34 612 300 400", "--dry-run"], tmp_path)
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.startswith("would erase 2 item(s) holding [PHONE:") and _items(db) == {"a1", "a2", "a3"}
    done = run(["erase", "--reason", "DSR-2026-03"], tmp_path, stdin="0034 612 300 400\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("erased 2 item(s) holding [PHONE:") and _items(db) == {"a2"}
    assert "612 300" not in done.stdout and "612300400" not in done.stdout
    email = run(["erase", "--value", "Reclutadora.X (arroba) ejemplo-correo . com"], tmp_path)
    assert email.stdout.startswith("erased 1 item(s)") and _items(db) == set()
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT actor, reason, detail FROM audit_log WHERE action = 'erasure'").fetchall()
    assert len(rows) == 2 and rows[0][0].startswith("cli:") and rows[0][1] == "DSR-2026-03"
    assert "612 300" not in str(rows) and "34612300400" not in str(rows) and "reclutadora" not in str(rows)
    assert_one_line_error(run(["erase", "--value", "hola"], tmp_path), 2, "not a phone number, e-mail")
    assert_one_line_error(run(["erase"], tmp_path, stdin=""), 2, "give the value with --value")


def test_audit_verify_passes_then_names_the_broken_row(tmp_path):
    db = seed(tmp_path)
    intact = run(["audit", "verify"], tmp_path)
    assert intact.returncode == 0, intact.stderr
    assert intact.stdout.startswith("audit log intact: 1 rows")
    run(["erase", "--value", "@nadie_aqui"], tmp_path)
    run(["erase", "--value", "@tampoco"], tmp_path)
    assert run(["audit", "verify"], tmp_path).stdout.startswith("audit log intact: 3 rows")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE audit_log SET detail = '{\"items\": 0}' WHERE id = 3")
    assert_one_line_error(run(["audit", "verify"], tmp_path), 1, "audit log broken at row 3: content")
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM audit_log WHERE id = 2")
    assert_one_line_error(run(["audit", "verify"], tmp_path), 1, "audit log broken at row 3: previous-hash")


def test_export_decisions_to_a_file_and_stdout(tmp_path):
    seed(tmp_path)
    out = tmp_path / "decisions.jsonl"
    result = run(["export", "decisions", "--out", str(out)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "exported 2 decision row(s)" in result.stderr and result.stdout == ""
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(r["label"] for r in rows) == [0, 1] and all(
        r["indicators"] == ["UNREALISTIC_PAY"] for r in rows
    )
    assert "612 300" not in out.read_text() and "34612300400" not in out.read_text()
    assert "[PHONE:" in out.read_text()
    bad = run(["export", "decisions", "--out", str(tmp_path / "nope" / "x.jsonl")], tmp_path)
    assert_one_line_error(bad, 2, "no such directory")
    to_stdout = run(["export", "decisions"], tmp_path)
    assert [json.loads(line) for line in to_stdout.stdout.splitlines()] == rows
    with open_state(Settings(data_dir=tmp_path, database_url=None)) as state, state.sessions() as session:
        exports = session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "export.decisions")
        )
    assert exports == 2


def test_purge_also_purges_the_database(tmp_path):
    db = seed(tmp_path)
    with sqlite3.connect(db) as conn:
        ciphertexts = [bytes(row[0]) for row in conn.execute("SELECT ciphertext FROM vault")]
    kept = run(["purge"], tmp_path)
    assert kept.returncode == 0, kept.stderr
    assert "purged from the database: 0 vault entries, 0 dismissed items" in kept.stderr
    result = run(["purge", "--older-than", "0"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "purged from the database: 3 vault entries, 1 dismissed items" in result.stderr
    assert _items(db) == {"a1", "a3"}
    raw = b"".join(p.read_bytes() for p in db.parent.glob("baliza.sqlite3*"))
    assert not any(c[20:80] in raw for c in ciphertexts)


def test_purge_does_not_create_a_database(tmp_path):
    result = run(["purge"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "baliza.sqlite3").exists() and "database" not in result.stderr
