"""Who is calling, and which roles may do what: the rules both doors (the JSON API and the workspace
pages) apply, whatever carried the credential (`X-API-Key`, `Authorization: Bearer`, the cookie).

A credential is stored only as its SHA-256, so it is looked up by hash. A person has exactly one
role; supervisors can do everything analysts can (they settle escalations); admins and researchers
cannot read the queue (separation of duties). Turning a refusal into a 401/403 or a login redirect
is each door's business.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.db.models import ApiKey, AuthToken, Partner, User
from service.security.secrets import sha256_hex

ROLES = ("analyst", "supervisor", "researcher", "admin")
REVIEWERS = ("analyst", "supervisor")
SUPERVISORS = ("supervisor",)
RESEARCHERS = ("researcher",)
ADMINS = ("admin",)


@dataclass(frozen=True)
class Identity:
    """The caller: exactly one of `partner` (with its key) or `user`."""

    partner: Partner | None = None
    key: ApiKey | None = None
    user: User | None = None

    @property
    def role(self) -> str:
        return "partner" if self.partner is not None else self.user.role  # type: ignore[union-attr]

    @property
    def actor(self) -> str:
        return f"partner:{self.partner.name}" if self.partner else f"user:{self.user.name}"  # type: ignore[union-attr]


def live_key(session: Session, key: str) -> ApiKey | None:
    """The stored API key for `key`, unless it is unknown or revoked."""
    row = session.scalar(select(ApiKey).where(ApiKey.key_hash == sha256_hex(key)))
    return row if row is not None and row.revoked_at is None else None


def partner_of(session: Session, key: ApiKey) -> Identity:
    return Identity(partner=session.get(Partner, key.partner_id), key=key)


def token_user(session: Session, token: str, now: datetime) -> User | None:
    """The active person a bearer token or session cookie belongs to, unless it expired."""
    found = session.scalar(select(AuthToken).where(AuthToken.token_hash == sha256_hex(token)))
    if found is None or found.expires_at <= now:
        return None
    user = session.get(User, found.user_id)
    return user if user is not None and user.active else None


def has_role(user: User, roles: tuple[str, ...]) -> bool:
    return user.role in roles


def scope_granted(key: ApiKey, scope: str) -> bool:
    return scope in key.scopes.split(",")
