"""People log in with name and password and get a bearer token (the UI keeps it in a cookie)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field

from service.api.deps import UserDep, bearer
from service.edge import SessionDep, StateDep
from service.review import accounts
from service.security.secrets import sha256_hex

router = APIRouter(prefix="/v1/auth", tags=["auth"])


class Credentials(BaseModel):
    username: Annotated[str, Field(min_length=1, max_length=100)]
    password: Annotated[str, Field(min_length=1, max_length=1000)]


class LoggedIn(BaseModel):
    token: str
    role: str
    expires_in: int


@router.post("/login", response_model=LoggedIn)
def login(credentials: Credentials, session: SessionDep, state: StateDep) -> dict:
    """A bearer token for `Authorization: Bearer`. Five failures in a row lock the account 15 minutes."""
    token = accounts.login(session, state, credentials.username, credentials.password)
    if token is None:
        if accounts.is_locked(session, credentials.username, state.now()):
            raise HTTPException(
                429,
                "too many failed logins; try again later",
                headers={"Retry-After": str(int(accounts.LOCKOUT.total_seconds()))},
            )
        raise HTTPException(401, "wrong user name or password, or the account is disabled")
    user = accounts.user_by_name(session, credentials.username)
    return {"token": token, "role": user.role, "expires_in": int(accounts.TOKEN_LIFETIME.total_seconds())}


@router.post("/logout", status_code=204)
def logout(request: Request, user: UserDep, session: SessionDep, state: StateDep) -> None:
    accounts.logout(session, state, user, sha256_hex(bearer(request) or ""))


@router.get("/me")
def me(user: UserDep) -> dict:
    return {"name": user.name, "role": user.role}
