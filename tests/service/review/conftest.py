"""The review domain on its own: an in-memory SQLite database (StaticPool), a context whose clock
stands still until a test moves it, and a partner with two analysts and two supervisors. No app,
no HTTP client, no web framework."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from service.db.models import Partner, User
from service.review.context import ReviewContext
from tests.factories import START, Clock, add_partner, add_user, memory_engine, review_context


@dataclass
class People:
    partner: Partner
    ana: User  # analyst
    bea: User  # analyst
    sam: User  # supervisor
    sol: User  # supervisor


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def ctx(clock: Clock, tmp_path: Path) -> Iterator[ReviewContext]:
    engine = memory_engine()
    yield review_context(engine, clock, tmp_path)
    engine.dispose()


@pytest.fixture
def session(ctx: ReviewContext) -> Iterator[Session]:
    with ctx.sessions() as session:
        yield session


@pytest.fixture
def people(session: Session) -> People:
    found = People(
        partner=add_partner(session),
        ana=add_user(session, "ana"),
        bea=add_user(session, "bea"),
        sam=add_user(session, "sam", "supervisor"),
        sol=add_user(session, "sol", "supervisor"),
    )
    session.commit()
    return found
