"""Administration over HTTP: reload the model, manage partners' API keys and people's accounts.

Only `admin` may call these (separation of duties: an admin manages access but cannot read the
queue). Every change goes through `service.review.accounts`, the same functions `baliza keys` and
`baliza users` use, so the audit trail is the same whichever door was used. A new key and a new
webhook secret are returned once, in the response that creates them, and never again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Response
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from service.api.deps import AdminDep, SessionDep, StateDep
from service.api.state import AppState
from service.db.models import ApiKey, Partner, User, utcnow
from service.review import accounts
from service.security.secrets import KEY_PREFIX, PREFIX_CHARS

router = APIRouter(prefix="/v1/admin", tags=["admin"])

Name = Annotated[str, Field(min_length=1, max_length=100)]


class KeyView(BaseModel):
    prefix: str
    partner: str
    scopes: list[str]
    created_at: datetime
    revoked_at: datetime | None


class UserView(BaseModel):
    name: str
    role: str
    active: bool
    locked: bool
    created_at: datetime


class NewKey(BaseModel):
    partner: Name
    scopes: Annotated[list[str], Field(min_length=1, max_length=10)] = Field(
        default_factory=lambda: list(accounts.SCOPES)
    )
    webhook: Annotated[str | None, Field(max_length=2000)] = None


class CreatedKey(BaseModel):
    key: str = Field(description="The API key itself; shown this once, only its hash is stored.")
    prefix: str
    partner: str
    scopes: list[str]
    webhook_secret: str | None = Field(
        None, description="Signs takedown webhooks (X-Baliza-Signature); shown this once."
    )


class NewUser(BaseModel):
    name: Name
    role: Annotated[str, Field(min_length=1, max_length=20)]
    password: Annotated[str, Field(min_length=1, max_length=1000)]


class Reloaded(BaseModel):
    model_version: str


def list_keys(session: Session) -> list[KeyView]:
    """Every key ever issued, oldest first; the key itself is never stored, so never shown."""
    rows = session.execute(
        select(ApiKey, Partner.name).join(Partner, Partner.id == ApiKey.partner_id).order_by(ApiKey.id)
    )
    return [
        KeyView(
            prefix=key.prefix,
            partner=partner,
            scopes=key.scopes.split(","),
            created_at=key.created_at,
            revoked_at=key.revoked_at,
        )
        for key, partner in rows
    ]


def list_users(session: Session) -> list[UserView]:
    """Every account, by name; `locked` is a lockout after repeated failed logins, still running."""
    return [user_view(user) for user in session.scalars(select(User).order_by(User.name))]


def user_view(user: User) -> UserView:
    return UserView(
        name=user.name,
        role=user.role,
        active=user.active,
        locked=user.locked_until is not None and user.locked_until > utcnow(),
        created_at=user.created_at,
    )


def _actor(user: User) -> str:
    return f"user:{user.name}"


@router.post("/reload", response_model=Reloaded)
def reload(admin: AdminDep, session: SessionDep, state: StateDep) -> Reloaded:
    """Load the model the settings now resolve to (e.g. a newly promoted one) without a restart.

    The old model keeps serving until the new one has loaded; if loading fails, nothing changes.
    """
    before = state.model.get().version
    model = state.model.reload()
    state.auditor.record(
        session, _actor(admin), "model.reload", f"model:{model.version}", detail={"previous": before}
    )
    session.commit()
    return Reloaded(model_version=model.version)


@router.get("/keys", response_model=list[KeyView])
def keys(admin: AdminDep, session: SessionDep) -> list[KeyView]:
    """Partners' API keys by prefix, with scopes and revocation; never the keys themselves."""
    return list_keys(session)


@router.post("/keys", response_model=CreatedKey, status_code=201)
def create_key(
    body: NewKey, admin: AdminDep, session: SessionDep, state: StateDep, response: Response
) -> CreatedKey:
    """Issue a key for a partner (created if new). A webhook URL gets a new signing secret."""
    response.headers["Cache-Control"] = "no-store"  # the key is in this body: no cache may keep it
    scopes = tuple(dict.fromkeys(body.scopes))  # order kept, repeats dropped
    key, secret = accounts.create_key(
        session, state, body.partner, _actor(admin), scopes=scopes, webhook=body.webhook
    )
    return CreatedKey(
        key=key,
        prefix=key[: len(KEY_PREFIX) + PREFIX_CHARS],
        partner=body.partner,
        scopes=list(scopes),
        webhook_secret=secret,
    )


@router.post("/keys/{prefix}/revoke", response_model=KeyView)
def revoke_key(prefix: str, admin: AdminDep, session: SessionDep, state: StateDep) -> KeyView:
    """Revoke a key at once: its next request gets 401. Revoking a revoked key changes nothing."""
    if session.scalar(select(ApiKey.id).where(ApiKey.prefix == prefix)) is None:
        raise HTTPException(404, f"no API key with prefix {prefix!r}")
    accounts.revoke_key(session, state, prefix, _actor(admin))
    return next(view for view in list_keys(session) if view.prefix == prefix)


@router.get("/users", response_model=list[UserView])
def users(admin: AdminDep, session: SessionDep) -> list[UserView]:
    """People's accounts with role, active and locked flags; never password hashes."""
    return list_users(session)


@router.post("/users", response_model=UserView, status_code=201)
def add_user(body: NewUser, admin: AdminDep, session: SessionDep, state: StateDep) -> UserView:
    """Create an account with one role (analyst, supervisor, researcher or admin)."""
    if session.scalar(select(User.id).where(User.name == body.name)) is not None:
        raise HTTPException(409, f"user {body.name!r} exists already")
    return user_view(accounts.add_user(session, state, body.name, body.role, body.password, _actor(admin)))


@router.post("/users/{name}/disable", response_model=UserView)
def disable_user(name: str, admin: AdminDep, session: SessionDep, state: StateDep) -> UserView:
    """Deactivate an account: it cannot log in and its open sessions end now."""
    return _set_active(session, state, admin, name, active=False)


@router.post("/users/{name}/enable", response_model=UserView)
def enable_user(name: str, admin: AdminDep, session: SessionDep, state: StateDep) -> UserView:
    """Reactivate an account (it logs in again with its old password)."""
    return _set_active(session, state, admin, name, active=True)


def _set_active(session: Session, state: AppState, admin: User, name: str, active: bool) -> UserView:
    if session.scalar(select(User.id).where(User.name == name)) is None:
        raise HTTPException(404, f"no user named {name!r}")
    if not active and name == admin.name:
        raise HTTPException(409, "you cannot disable your own account; ask another admin")
    return user_view(accounts.set_active(session, state, name, active, _actor(admin)))
