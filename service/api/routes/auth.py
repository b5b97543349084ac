"""People log in with name and password and get a bearer token (the UI keeps it in a cookie).

A refused login is one 401 with one sentence whatever the reason — wrong password, unknown name,
disabled or locked account — so the answer never tells which accounts exist (a 429 for a locked
one did). The lockout still holds (`service.review.accounts`) and is audited.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field

from service.api.deps import UserDep, bearer
from service.api.openapi import AUTHENTICATED, errors
from service.edge import SessionDep, StateDep
from service.review import accounts
from service.security.secrets import sha256_hex

router = APIRouter(prefix="/v1/auth", tags=["auth"])
FAILED = "wrong user name or password, or the account is disabled or locked; try again later"


class Credentials(BaseModel):
    username: Annotated[str, Field(min_length=1, max_length=100)]
    password: Annotated[str, Field(min_length=1, max_length=1000)]


class LoggedIn(BaseModel):
    token: str
    role: str
    expires_in: int


@router.post("/login", response_model=LoggedIn, responses=errors(401))
def login(credentials: Credentials, session: SessionDep, state: StateDep) -> dict:
    """A bearer token for `Authorization: Bearer`. Five failures in a row lock the account 15 minutes;
    a locked account gets the same 401 as a wrong password."""
    token = accounts.login(session, state, credentials.username, credentials.password)
    if token is None:
        raise HTTPException(401, FAILED)
    user = accounts.user_by_name(session, credentials.username)
    return {"token": token, "role": user.role, "expires_in": int(accounts.TOKEN_LIFETIME.total_seconds())}


@router.post("/logout", status_code=204, responses=AUTHENTICATED)
def logout(request: Request, user: UserDep, session: SessionDep, state: StateDep) -> None:
    accounts.logout(session, state, user, sha256_hex(bearer(request) or ""))


@router.get("/me", responses=AUTHENTICATED)
def me(user: UserDep) -> dict:
    return {"name": user.name, "role": user.role}
