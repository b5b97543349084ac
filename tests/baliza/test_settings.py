import pytest
from pydantic import ValidationError

from baliza.settings import Settings, env_names


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
