"""What both HTTP doors (the JSON API in `service/api`, the workspace pages in `service/ui`) take
from a request: the app's long-lived state, a database session for the request, and the name of
the session cookie the workspace sets and the API also accepts.

Each door keeps its own rules on top (API: 401/403 JSON; pages: login redirect, "not for your role"
page); neither imports the other.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from service.runtime import AppState

SESSION_COOKIE = "baliza_session"


def get_state(request: Request) -> AppState:
    return request.app.state.baliza


StateDep = Annotated[AppState, Depends(get_state)]


def get_session(state: StateDep) -> Iterator[Session]:
    with state.sessions() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
