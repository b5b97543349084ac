"""`baliza keys` and `baliza users` through the real console script, as scripts and people use them.

The database the commands wrote is then opened in-process (SQLite file in the data dir) to check
what was stored: hashes, not keys; the audit actor `cli:<login>`; a password that logs in.
"""

from __future__ import annotations

import getpass
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from baliza.cli._db import open_state
from baliza.settings import Settings
from service.db.models import ApiKey, AuditEvent
from service.review import accounts
from service.security.secrets import sha256_hex
from tests.baliza.cli.test_cli import assert_one_line_error, run

PASSWORD = "correct horse battery"
KEY = re.compile(r"bz_[A-Za-z0-9_-]{43}")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def stored(data_dir: Path):  # type: ignore[no-untyped-def]
    return open_state(Settings(data_dir=data_dir, database_url=None))


def test_keys_create_prints_the_key_alone_and_stores_only_its_hash(data_dir):
    created = run(["keys", "create", "--partner", "acme"], data_dir)
    assert created.returncode == 0, created.stderr
    assert KEY.fullmatch(created.stdout.rstrip("\n")) and created.stdout.count("\n") == 1
    key = created.stdout.strip()

    hooked = run(
        [
            "keys",
            "create",
            "--partner",
            "acme",
            "--webhook",
            "https://acme.example/hook",
            "--scope",
            "ingest",
        ],
        data_dir,
    )
    assert hooked.returncode == 0, hooked.stderr
    assert KEY.fullmatch(hooked.stdout.strip())
    [secret_line] = [line for line in hooked.stderr.splitlines() if "webhook secret" in line]
    assert re.search(r"[0-9a-f]{64}$", secret_line)

    with stored(data_dir) as state, state.sessions() as session:
        rows = session.scalars(select(ApiKey).order_by(ApiKey.id)).all()
        assert [r.scopes for r in rows] == ["score,ingest", "ingest"]
        assert rows[0].key_hash == sha256_hex(key)
        actors = {
            e.actor for e in session.scalars(select(AuditEvent).where(AuditEvent.action == "key.create"))
        }
    assert actors == {f"cli:{getpass.getuser()}"}
    for path in data_dir.glob("baliza.sqlite3*"):  # the database and its WAL
        assert key.encode() not in path.read_bytes()


def test_keys_list_and_revoke(data_dir):
    key = run(["keys", "create", "--partner", "acme", "--scope", "score,ingest"], data_dir).stdout.strip()
    prefix = key[:11]
    listed = run(["keys", "list"], data_dir)
    assert listed.returncode == 0, listed.stderr
    header, row = listed.stdout.splitlines()
    assert header.split() == ["PREFIX", "PARTNER", "SCOPES", "CREATED", "REVOKED"]
    assert row.split()[:3] == [prefix, "acme", "score,ingest"] and row.split()[4] == "-"
    assert key not in listed.stdout

    revoked = run(["keys", "revoke", prefix], data_dir)
    assert revoked.returncode == 0 and f"revoked {prefix}" in revoked.stderr
    assert run(["keys", "list"], data_dir).stdout.splitlines()[1].split()[4] != "-"
    assert_one_line_error(run(["keys", "revoke", "bz_nothere"], data_dir), 2, "no API key with prefix")


def test_keys_create_refuses_bad_input_in_one_line(data_dir):
    assert_one_line_error(run(["keys", "create", "--partner", "acme", "--scope", "x"], data_dir), 2, "scope")
    bad_hook = run(["keys", "create", "--partner", "acme", "--webhook", "ftp://x"], data_dir)
    assert_one_line_error(bad_hook, 2, "webhook must be an http(s) URL")
    assert_one_line_error(run(["keys", "create", "--partner", "a b"], data_dir), 2, "partner name")


def test_users_add_reads_the_password_from_stdin_and_it_logs_in(data_dir):
    added = run(["users", "add", "ana", "--role", "analyst"], data_dir, stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    assert added.stdout == "" and PASSWORD not in added.stderr
    with stored(data_dir) as state, state.sessions() as session:
        assert accounts.login(session, state, "ana", PASSWORD) is not None
        [row] = session.scalars(select(AuditEvent).where(AuditEvent.action == "user.add"))
        assert row.actor == f"cli:{getpass.getuser()}" and row.detail == {"role": "analyst"}

    listed = run(["users", "list"], data_dir)
    assert listed.returncode == 0, listed.stderr
    header, row_text = listed.stdout.splitlines()
    assert header.split() == ["NAME", "ROLE", "ACTIVE", "LOCKED", "CREATED"]
    assert row_text.split()[:4] == ["ana", "analyst", "yes", "no"]


def test_users_disable_and_enable(data_dir):
    run(["users", "add", "ana", "--role", "supervisor"], data_dir, stdin=PASSWORD)
    with stored(data_dir) as state, state.sessions() as session:
        token = accounts.login(session, state, "ana", PASSWORD)
    assert token is not None

    disabled = run(["users", "disable", "ana"], data_dir)
    assert disabled.returncode == 0 and "disabled ana" in disabled.stderr
    assert run(["users", "list"], data_dir).stdout.splitlines()[1].split()[2] == "no"
    with stored(data_dir) as state, state.sessions() as session:
        assert accounts.login(session, state, "ana", PASSWORD) is None
        assert session.scalar(select(AuditEvent.actor).where(AuditEvent.action == "user.disable")).startswith(
            "cli:"
        )

    assert run(["users", "enable", "ana"], data_dir).returncode == 0
    with stored(data_dir) as state, state.sessions() as session:
        assert accounts.login(session, state, "ana", PASSWORD) is not None


def test_users_refuse_bad_input_in_one_line(data_dir):
    assert_one_line_error(
        run(["users", "add", "ana", "--role", "analyst"], data_dir, stdin=""), 2, "no password"
    )
    assert_one_line_error(
        run(["users", "add", "ana", "--role", "god"], data_dir, stdin=PASSWORD), 2, "unknown role 'god'"
    )
    assert_one_line_error(
        run(["users", "add", "ana", "--role", "analyst"], data_dir, stdin="short"), 2, "at least"
    )
    run(["users", "add", "ana", "--role", "analyst"], data_dir, stdin=PASSWORD)
    assert_one_line_error(
        run(["users", "add", "ana", "--role", "admin"], data_dir, stdin=PASSWORD), 2, "exists already"
    )
    assert_one_line_error(run(["users", "disable", "nobody"], data_dir), 2, "no user named 'nobody'")


def test_an_unreachable_database_is_one_line(data_dir, monkeypatch):
    monkeypatch.setenv("BALIZA_DATABASE_URL", "postgresql+psycopg://nobody:secret@127.0.0.1:1/none")
    result = run(["users", "list"], data_dir)
    assert_one_line_error(result, 1, "cannot open the database")
    assert "secret" not in result.stderr
