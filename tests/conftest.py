"""Shared fixtures: the test session's `Encoders` holder, and paths.

The session holds one `Encoders`, as any process entry point does: the built-in encoders (weights
load once per session, not per test) plus a tiny fake for tests that are not about the encoder.
The fake has its own name, so a model trained with it can never be mistaken for one trained with a
real encoder; tests about encoders use the real packaged ones.
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

from models.encoders import Encoders
from tests.factories import FakeEncoder

REPO = Path(__file__).resolve().parents[1]
SHARED_EVAL = REPO.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def encoders() -> Encoders:
    """What every test that loads or trains a model passes on; its cache is memory only."""
    return Encoders(factories={FakeEncoder.name: FakeEncoder})


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
