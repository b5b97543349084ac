"""What both HTTP doors (the JSON API in `service/api`, the workspace pages in `service/ui`) take
from a request: the app's long-lived state, a database session for the request, the name of
the session cookie the workspace sets and the API also accepts, and the one type of an id in a URL.

Each door keeps its own rules on top (API: 401/403 JSON; pages: login redirect, "not for your role"
page); neither imports the other.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Path, Request
from pydantic import Field
from sqlalchemy.orm import Session
from starlette.convertors import Convertor, register_url_convertor

from service.runtime import AppState

SESSION_COOKIE = "baliza_session"

#: The largest row id both databases hold: the id columns are SQLAlchemy `Integer`, a 32-bit
#: `integer` on PostgreSQL (64-bit on SQLite). A larger number in a URL or a query is refused by
#: validation (422) instead of overflowing in the driver or the database (500).
MAX_ID = 2**31 - 1


class DigitsConvertor(Convertor[str]):
    """`{name:id}` in a route path: digits only, as Starlette's `int`, but kept as text for `PathId`
    to bound. Starlette's `int()` of a 5,000-digit segment raised during routing (a 500)."""

    regex = "[0-9]+"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return str(value)


register_url_convertor("id", DigitsConvertor())

#: An id in a URL path, on the API and the pages alike: 1..MAX_ID, else 422.
PathId = Annotated[int, Path(ge=1, le=MAX_ID, description="A row id (1 to 2^31-1).")]
#: An id in a body or a form (a list of selected items): the same bounds as `PathId`.
RowId = Annotated[int, Field(ge=1, le=MAX_ID)]


def get_state(request: Request) -> AppState:
    return request.app.state.baliza


StateDep = Annotated[AppState, Depends(get_state)]


def get_session(state: StateDep) -> Iterator[Session]:
    with state.sessions() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
