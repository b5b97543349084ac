"""Administration over HTTP: reload the model, manage partners' API keys and people's accounts.

Only `admin` may call these (separation of duties: an admin manages access but cannot read the
queue). Every change goes through `service.review.accounts`, the same functions `baliza keys` and
`baliza users` use, so the audit trail is the same whichever door was used. A new key and a new
webhook secret are returned once, in the response that creates them, and never again.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from service.api.deps import AdminDep
from service.api.openapi import AUTHENTICATED, errors
from service.edge import SessionDep, StateDep
from service.review import accounts
from service.review.accounts import KeyView, UserView
from service.review.vocabulary import actor
from service.security.secrets import KEY_PREFIX, PREFIX_CHARS

router = APIRouter(prefix="/v1/admin", tags=["admin"], responses=AUTHENTICATED)

Name = Annotated[str, Field(min_length=1, max_length=100)]


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


@router.post("/reload", response_model=Reloaded, responses=errors(400))
def reload(admin: AdminDep, session: SessionDep, state: StateDep) -> Reloaded:
    """Load the model the settings now resolve to (e.g. a newly promoted one) without a restart.

    The old model keeps serving until the new one has loaded; if loading fails, nothing changes.
    """
    return Reloaded(model_version=state.reload_model(session, actor(admin)).version)


@router.get("/keys", response_model=list[KeyView])
def keys(admin: AdminDep, session: SessionDep) -> list[KeyView]:
    """Partners' API keys by prefix, with scopes and revocation; never the keys themselves."""
    return accounts.keys(session)


@router.post("/keys", response_model=CreatedKey, status_code=201, responses=errors(400))
def create_key(
    body: NewKey, admin: AdminDep, session: SessionDep, state: StateDep, response: Response
) -> CreatedKey:
    """Issue a key for a partner (created if new). A webhook URL gets a new signing secret."""
    response.headers["Cache-Control"] = "no-store"  # the key is in this body: no cache may keep it
    scopes = tuple(dict.fromkeys(body.scopes))  # order kept, repeats dropped
    key, secret = accounts.create_key(
        session, state, body.partner, actor(admin), scopes=scopes, webhook=body.webhook
    )
    return CreatedKey(
        key=key,
        prefix=key[: len(KEY_PREFIX) + PREFIX_CHARS],
        partner=body.partner,
        scopes=list(scopes),
        webhook_secret=secret,
    )


@router.post("/keys/{prefix}/revoke", response_model=KeyView, responses=errors(404))
def revoke_key(prefix: str, admin: AdminDep, session: SessionDep, state: StateDep) -> KeyView:
    """Revoke a key at once: its next request gets 401. Revoking a revoked key changes nothing."""
    accounts.revoke_key(session, state, prefix, actor(admin))
    return next(info for info in accounts.keys(session) if info.prefix == prefix)


@router.get("/users", response_model=list[UserView])
def users(admin: AdminDep, session: SessionDep, state: StateDep) -> list[UserView]:
    """People's accounts with role, active and locked flags; never password hashes."""
    return accounts.users(session, state.now())


@router.post("/users", response_model=UserView, status_code=201, responses=errors(400, 409))
def add_user(body: NewUser, admin: AdminDep, session: SessionDep, state: StateDep) -> UserView:
    """Create an account with one role (analyst, supervisor, researcher or admin)."""
    user = accounts.add_user(session, state, body.name, body.role, body.password, actor(admin))
    return accounts.user_view(user, state.now())


@router.post("/users/{name}/disable", response_model=UserView, responses=errors(404, 409))
def disable_user(name: str, admin: AdminDep, session: SessionDep, state: StateDep) -> UserView:
    """Deactivate an account: it cannot log in and its open sessions end now. Not your own (409)."""
    return accounts.user_view(accounts.set_active(session, state, name, False, actor(admin)), state.now())


@router.post("/users/{name}/enable", response_model=UserView, responses=errors(404))
def enable_user(name: str, admin: AdminDep, session: SessionDep, state: StateDep) -> UserView:
    """Reactivate an account (it logs in again with its old password)."""
    return accounts.user_view(accounts.set_active(session, state, name, True, actor(admin)), state.now())
