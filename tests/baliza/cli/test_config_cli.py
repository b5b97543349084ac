"""`baliza config` prints the settings in effect without a secret, and every command takes its settings
from the one `CliContext` of the run (so a caller can hand in its own)."""

from __future__ import annotations

import ast
import json
import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from baliza.cli import app
from baliza.cli._context import CliContext
from baliza.settings import Settings, env_names
from tests.baliza.cli.test_cli import BALIZA, assert_one_line_error, run
from tests.conftest import REPO

SECRETS = {
    "BALIZA_SECRET_KEY": "pseudonym-key-value",
    "BALIZA_INGEST_KEY": "bz_partner-key-value",
    "BALIZA_REDIS_URL": "redis://:redis-password@127.0.0.1:6379/0",
}


@pytest.fixture
def secret_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in env_names():
        monkeypatch.delenv(name, raising=False)
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("BALIZA_PORT", "8123")


def test_config_json_is_the_effective_settings_without_secrets(tmp_path, secret_env):
    result = run(["config", "--json"], tmp_path)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert set(shown) == {*Settings.model_fields, "resolved_database_url", "site_port"}
    assert shown["data_dir"] == str(tmp_path) and shown["port"] == 8123 and shown["site_port"] == 8765
    assert (shown["secret_key"], shown["ingest_key"], shown["vault_key"]) == ("***", "***", None)
    assert shown["redis_url"] == "redis://:***@127.0.0.1:6379/0"
    assert shown["database_url"] is None
    assert shown["resolved_database_url"] == f"sqlite:///{(tmp_path / 'baliza.sqlite3').resolve()}"
    assert not any(secret in result.stdout for secret in ("key-value", "password"))


def test_config_lines_name_every_setting_once(tmp_path, secret_env, monkeypatch):
    monkeypatch.setenv("BALIZA_DATABASE_URL", "postgresql+psycopg://baliza:db-password@db:5432/baliza")
    result = run(["config"], tmp_path)
    assert result.returncode == 0, result.stderr
    lines = dict(line.split("=", 1) for line in result.stdout.splitlines())
    assert list(lines) == env_names()
    assert lines["BALIZA_DATA_DIR"] == str(tmp_path) and lines["BALIZA_PORT"] == "8123"
    assert lines["BALIZA_DATABASE_URL"] == "postgresql+psycopg://baliza:***@db:5432/baliza"
    assert (lines["BALIZA_SECRET_KEY"], lines["BALIZA_VAULT_KEY"]) == ("***", "")
    assert not any(secret in result.stdout for secret in ("key-value", "password"))


def test_config_lines_show_the_database_url_in_use(tmp_path):
    lines = run(["config"], tmp_path).stdout.splitlines()
    assert f"BALIZA_DATABASE_URL=sqlite:///{(tmp_path / 'baliza.sqlite3').resolve()}" in lines


def with_bad_port(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "BALIZA_PORT": "not-a-port", "BALIZA_DATA_DIR": str(tmp_path)}
    return subprocess.run([BALIZA, *args], capture_output=True, text=True, env=env, timeout=120)


def test_a_bad_setting_is_one_line_and_help_still_works(tmp_path):
    for args in (["config"], ["config", "--json"]):
        result = with_bad_port(args, tmp_path)
        assert_one_line_error(result, 2, "baliza: error: bad setting port: Input should be a valid integer")
    for args in (["--help"], ["score", "--help"], ["config", "--help"]):  # settings are read on first use
        result = with_bad_port(args, tmp_path)
        assert result.returncode == 0 and "Usage" in result.stdout, result.stderr


def test_a_bad_option_override_is_validated_like_the_environment(tmp_path):
    result = run(["serve", "--port", "70000"], tmp_path)
    assert_one_line_error(result, 2, "bad setting port: Input should be less than or equal to 65535")


def test_commands_take_the_settings_the_run_was_given(tmp_path):
    given = Settings(data_dir=tmp_path / "given", port=8456, database_url=None)
    result = CliRunner().invoke(app, ["config", "--json"], obj=CliContext(given))
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert (shown["data_dir"], shown["port"]) == (str(tmp_path / "given"), 8456)

    result = CliRunner().invoke(app, ["models", "list", "--json"], obj=CliContext(given))
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_the_settings_are_built_once_per_run(monkeypatch):
    built = []

    class Counted(Settings):
        def __init__(self, **values: object) -> None:
            built.append(1)
            super().__init__(**values)

    monkeypatch.setattr("baliza.settings.Settings", Counted)
    context = CliContext()
    assert context.settings is context.settings and len(built) == 1


def test_no_command_builds_its_own_settings():
    """Only `CliContext` calls `Settings(...)`: every command takes the run's settings from it."""
    offenders = []
    for path in sorted((REPO / "baliza" / "cli").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Settings":
                offenders.append(f"{path.name}:{node.lineno}")
    assert [o for o in offenders if not o.startswith("_context.py:")] == []
    assert any(o.startswith("_context.py:") for o in offenders)
