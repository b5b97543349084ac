"""The pseudonym key: from the setting, or generated once into the data dir (0600) and reused."""

from __future__ import annotations

import stat

import pytest
from pydantic import ValidationError

from baliza.settings import Settings
from service.privacy.keys import key_path, load_secret_key


def test_generated_once_with_mode_0600_and_reused(tmp_path):
    settings = Settings(data_dir=tmp_path, secret_key=None)
    first = load_secret_key(settings)
    path = key_path(settings)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(first) == 64
    assert load_secret_key(Settings(data_dir=tmp_path, secret_key=None)) == first


def test_other_data_dir_gets_another_key(tmp_path):
    one = load_secret_key(Settings(data_dir=tmp_path / "a", secret_key=None))
    assert one != load_secret_key(Settings(data_dir=tmp_path / "b", secret_key=None))


def test_setting_wins_and_writes_nothing(tmp_path):
    settings = Settings(data_dir=tmp_path, secret_key="a-real-secret-from-the-vault")
    assert load_secret_key(settings) == b"a-real-secret-from-the-vault"
    assert not key_path(settings).exists()


def test_placeholder_refused_outside_dev(tmp_path):
    with pytest.raises(ValidationError):
        Settings(data_dir=tmp_path, secret_key="changethis", environment="production")
