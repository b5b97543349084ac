"""Shared fixtures: a tiny fake encoder for tests that are not about the encoder, and paths.

The fake is registered under its own name, so a model trained with it can never be mistaken for
one trained with a real encoder; tests about encoders use the real packaged ones.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# Claims follow the priority order in tests unless a test asks for uncertainty sampling (active
# learning draws at random; tests/service/api/test_active_learning.py sets the share itself).
os.environ.setdefault("BALIZA_UNCERTAINTY_SHARE", "0")

from models.encoders import register_encoder
from tests.factories import FakeEncoder

REPO = Path(__file__).resolve().parents[1]
SHARED_EVAL = REPO.parent / "shared" / "eval"

register_encoder(FakeEncoder.name, FakeEncoder)


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data dir, as on a fresh machine, for commands that read settings."""
    target = tmp_path / "baliza-data"
    monkeypatch.setenv("BALIZA_DATA_DIR", str(target))
    monkeypatch.delenv("BALIZA_MODEL", raising=False)
    return target
