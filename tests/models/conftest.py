"""The test session's `Encoders` holder: the built-in encoders and the fake, weights loaded once."""

from __future__ import annotations

import pytest

from models.encoders import Encoders
from tests.factories import FakeEncoder


@pytest.fixture(scope="session")
def encoders() -> Encoders:
    return Encoders(factories={FakeEncoder.name: FakeEncoder})
