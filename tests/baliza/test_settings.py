import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from baliza.settings import Settings, bad_setting, env_names, mask_url


def test_defaults_match_the_contract(monkeypatch):
    for name in env_names():
        monkeypatch.delenv(name, raising=False)
    settings = Settings()
    assert str(settings.data_dir) == ".baliza"
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)
    assert settings.site_url == "http://127.0.0.1:8765"
    assert (settings.retention_days, settings.lease_minutes) == (90, 15)
    assert settings.resolved_database_url.startswith("sqlite:///")


def test_placeholder_secret_refused_outside_dev(monkeypatch):
    monkeypatch.setenv("BALIZA_ENVIRONMENT", "production")
    monkeypatch.setenv("BALIZA_SECRET_KEY", "changethis")
    with pytest.raises(ValidationError, match="placeholder"):
        Settings()
    monkeypatch.setenv("BALIZA_ENVIRONMENT", "dev")
    assert Settings().secret_key == "changethis"


def test_shown_never_prints_a_secret(monkeypatch):
    for name in env_names():
        monkeypatch.delenv(name, raising=False)
    settings = Settings(
        data_dir=Path("/srv/baliza"),
        secret_key="pseudonym-key-value",
        ingest_key="bz_partner-key-value",
        database_url="postgresql+psycopg://baliza:db-password@db.example:5432/baliza",
        redis_url="redis://:redis-password@127.0.0.1:6379/0",
    )
    shown = settings.shown()
    assert set(shown) == {*Settings.model_fields, "resolved_database_url", "site_port"}
    assert shown["data_dir"] == "/srv/baliza" and shown["port"] == 8000 and shown["site_port"] == 8765
    assert (shown["secret_key"], shown["ingest_key"], shown["vault_key"]) == ("***", "***", None)
    assert shown["database_url"] == shown["resolved_database_url"]
    assert shown["database_url"] == "postgresql+psycopg://baliza:***@db.example:5432/baliza"
    assert shown["redis_url"] == "redis://:***@127.0.0.1:6379/0"
    text = json.dumps(shown)
    assert not any(secret in text for secret in ("key-value", "password"))


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("http://127.0.0.1:8765", "http://127.0.0.1:8765"),
        ("sqlite:////tmp/baliza.sqlite3", "sqlite:////tmp/baliza.sqlite3"),
        ("postgresql://user@host/db", "postgresql://user@host/db"),
        ("https://user:p%40ss@host/path?q=1", "https://user:***@host/path?q=1"),
        ("http://user:pw@[::1", "***"),  # unparsable: it might hold a password, so none of it shows
        ("use-m3", "use-m3"),
    ],
)
def test_mask_url(url, shown):
    assert mask_url(url) == shown


def test_with_changes_validates_and_keeps_the_rest(monkeypatch):
    settings = Settings(port=1234, data_dir=Path("/srv/baliza"))
    monkeypatch.setenv("BALIZA_PORT", "9000")  # a copy never reads the environment again
    changed = settings.with_changes(host="0.0.0.0")
    assert (changed.host, changed.port, changed.data_dir) == ("0.0.0.0", 1234, Path("/srv/baliza"))
    assert settings.host == "127.0.0.1"
    with pytest.raises(ValidationError) as caught:
        settings.with_changes(port=70000)
    assert bad_setting(caught.value) == "bad setting port: Input should be less than or equal to 65535"


def test_a_model_level_error_is_one_line_too(monkeypatch):
    monkeypatch.setenv("BALIZA_ENVIRONMENT", "production")
    monkeypatch.setenv("BALIZA_VAULT_KEY", "changeme")
    with pytest.raises(ValidationError) as caught:
        Settings()
    message = bad_setting(caught.value)
    assert message.startswith("bad setting: ") and "BALIZA_VAULT_KEY is a placeholder" in message
    assert "\n" not in message
