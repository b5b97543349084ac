"""People and partners: users with one role, partners with hashed, scoped, revocable API keys.

Used by the CLI (`baliza users`, `baliza keys`) and the admin routes alike; every change is audited.
Malformed names, roles, scopes, passwords and webhook URLs are an `InputError`; a name that does not
exist is `NotFound`, one that does already is a `Conflict`.

A failed login says nothing about why: a wrong password, an unknown name, a disabled or a locked
account all return None after the same password check, so neither the answer nor its time tells
which names exist. The lockout itself is audited (`login.locked`).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from baliza.errors import Conflict, InputError, NotFound
from service.db.models import ApiKey, AuthToken, Partner, User
from service.review.context import ReviewContext
from service.security import outbound
from service.security.identity import ROLES
from service.security.passwords import MIN_LENGTH, hash_password, verify_password
from service.security.secrets import new_api_key, new_token

SCOPES = ("score", "ingest")
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
TOKEN_LIFETIME = timedelta(hours=12)


def _name(value: str, what: str) -> str:
    if not NAME.match(value):
        raise InputError(f"{what} name must be 1-100 letters, digits, '.', '_' or '-': {value!r}")
    return value


def add_user(session: Session, ctx: ReviewContext, name: str, role: str, password: str, actor: str) -> User:
    _name(name, "user")
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise Conflict(f"user {name!r} exists already")
    if role not in ROLES:
        raise InputError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    if len(password) < MIN_LENGTH:
        raise InputError(f"password must be at least {MIN_LENGTH} characters")
    user = User(name=name, role=role, password_hash=hash_password(password))
    session.add(user)
    session.flush()
    ctx.auditor.record(session, actor, "user.add", f"user:{user.id}", detail={"role": role})
    session.commit()
    return user


def set_active(session: Session, ctx: ReviewContext, name: str, active: bool, actor: str) -> User:
    """Enable or disable an account; disabling ends its open sessions. Nobody disables themselves."""
    user = user_by_name(session, name)
    if not active and actor == f"user:{name}":
        raise Conflict("you cannot disable your own account; ask another admin")
    user.active = active
    if not active:
        session.query(AuthToken).filter(AuthToken.user_id == user.id).delete()
    ctx.auditor.record(session, actor, "user.enable" if active else "user.disable", f"user:{user.id}")
    session.commit()
    return user


def login(session: Session, ctx: ReviewContext, name: str, password: str) -> str | None:
    """A new bearer token, or None. Repeated failures lock the account for a while.

    The user's row is locked while its failure count changes (PostgreSQL; SQLite writes one at a
    time anyway): wrong passwords tried at once, through any number of processes, all count.
    """
    user = session.scalar(select(User).where(User.name == name).with_for_update())
    now = ctx.now()
    if user is not None and _locked(user, now):
        verify_password(user.password_hash, password)  # the same work as any other answer
        ctx.auditor.record(session, f"user:{name}", "login.locked", f"user:{user.id}")
        session.commit()
        return None
    if not verify_password(user.password_hash if user else None, password) or user is None or not user.active:
        if user is not None:
            user.failed_logins += 1
            if user.failed_logins >= MAX_FAILURES:
                user.locked_until = now + LOCKOUT
                user.failed_logins = 0
            ctx.auditor.record(session, f"user:{name}", "login.failed", f"user:{user.id}")
            session.commit()
        return None
    user.failed_logins = 0
    user.locked_until = None
    token, token_hash = new_token()
    session.add(AuthToken(user_id=user.id, token_hash=token_hash, expires_at=now + TOKEN_LIFETIME))
    ctx.auditor.record(session, f"user:{name}", "login", f"user:{user.id}")
    session.commit()
    return token


def user_by_name(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise NotFound(f"no user named {name!r}")
    return user


def is_locked(session: Session, name: str, now: datetime) -> bool:
    user = session.scalar(select(User).where(User.name == name))
    return _locked(user, now) if user is not None else False


def _locked(user: User, now: datetime) -> bool:
    return user.locked_until is not None and user.locked_until > now


def logout(session: Session, ctx: ReviewContext, user: User, token_hash: str) -> None:
    session.query(AuthToken).filter(AuthToken.token_hash == token_hash).delete()
    ctx.auditor.record(session, f"user:{user.name}", "logout", f"user:{user.id}")
    session.commit()


def create_key(
    session: Session,
    ctx: ReviewContext,
    partner_name: str,
    actor: str,
    scopes: tuple[str, ...] = SCOPES,
    webhook: str | None = None,
) -> tuple[str, str | None]:
    """(the new key, shown once; the new webhook secret if a webhook URL was set, shown once)."""
    _name(partner_name, "partner")
    bad = [s for s in scopes if s not in SCOPES]
    if bad or not scopes:
        raise InputError(f"unknown scope {', '.join(bad) or '(none)'}; scopes are {', '.join(SCOPES)}")
    if webhook is not None:
        try:
            outbound.check_url(webhook, ctx.settings.webhook_allow_private)
        except outbound.Refused as exc:
            raise InputError(f"webhook {exc}: {webhook!r}") from None
    partner = session.scalar(select(Partner).where(Partner.name == partner_name))
    if partner is None:
        partner = Partner(name=partner_name)
        session.add(partner)
        session.flush()
    webhook_secret = None
    if webhook is not None:
        webhook_secret = secrets.token_hex(32)
        partner.webhook_url = webhook
        partner.webhook_secret = ctx.vault.seal({"secret": webhook_secret})
    key, prefix, key_hash = new_api_key()
    row = ApiKey(partner_id=partner.id, prefix=prefix, key_hash=key_hash, scopes=",".join(scopes))
    session.add(row)
    session.flush()
    ctx.auditor.record(
        session,
        actor,
        "key.create",
        f"key:{row.id}",
        detail={
            "partner": partner_name,
            "prefix": prefix,
            "scopes": list(scopes),
            "webhook": webhook is not None,
        },
    )
    session.commit()
    return key, webhook_secret


def revoke_key(session: Session, ctx: ReviewContext, prefix: str, actor: str) -> ApiKey:
    """Revoke a key at once; revoking a revoked key changes nothing."""
    row = session.scalar(select(ApiKey).where(ApiKey.prefix == prefix))
    if row is None:
        raise NotFound(f"no API key with prefix {prefix!r}")
    if row.revoked_at is None:
        row.revoked_at = ctx.now()
        ctx.auditor.record(session, actor, "key.revoke", f"key:{row.id}", detail={"prefix": prefix})
    session.commit()
    return row


def webhook_secret(ctx: ReviewContext, partner: Partner) -> str | None:
    if partner.webhook_secret is None:
        return None
    return str(ctx.vault.open(partner.webhook_secret)["secret"])  # type: ignore[index]


# --- what admins see: keys by prefix and accounts, never a key, hash or password ------------------


@dataclass(frozen=True)
class KeyView:
    prefix: str
    partner: str
    scopes: list[str]
    created_at: datetime
    revoked_at: datetime | None


@dataclass(frozen=True)
class UserView:
    name: str
    role: str
    active: bool
    locked: bool
    created_at: datetime


def keys(session: Session) -> list[KeyView]:
    """Every key ever issued, oldest first; the key itself is never stored, so never shown."""
    rows = session.execute(
        select(ApiKey, Partner.name).join(Partner, Partner.id == ApiKey.partner_id).order_by(ApiKey.id)
    )
    return [
        KeyView(key.prefix, partner, key.scopes.split(","), key.created_at, key.revoked_at)
        for key, partner in rows
    ]


def users(session: Session, now: datetime) -> list[UserView]:
    """Every account, by name; `locked` is a lockout after repeated failed logins, still running."""
    return [user_view(user, now) for user in session.scalars(select(User).order_by(User.name))]


def user_view(user: User, now: datetime) -> UserView:
    return UserView(user.name, user.role, user.active, _locked(user, now), user.created_at)


def people(session: Session) -> dict[int, tuple[str, str]]:
    """Every account's (name, role) by id: what pages need to name `user:N` and `user:name` in words."""
    return {
        user_id: (name, role)
        for user_id, name, role in session.execute(select(User.id, User.name, User.role))
    }
