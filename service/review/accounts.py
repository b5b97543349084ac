"""People and partners: users with one role, partners with hashed, scoped, revocable API keys.

Used by the CLI (`baliza users`, `baliza keys`) and the admin routes alike; every change is audited.
"""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from baliza.errors import InputError
from service.api.state import AppState
from service.db.models import ApiKey, AuthToken, Partner, User, utcnow
from service.security.passwords import MIN_LENGTH, hash_password, verify_password
from service.security.secrets import new_api_key, new_token

ROLES = ("analyst", "supervisor", "researcher", "admin")
SCOPES = ("score", "ingest")
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
TOKEN_LIFETIME = timedelta(hours=12)


def _name(value: str, what: str) -> str:
    if not NAME.match(value):
        raise InputError(f"{what} name must be 1-100 letters, digits, '.', '_' or '-': {value!r}")
    return value


def add_user(session: Session, state: AppState, name: str, role: str, password: str, actor: str) -> User:
    _name(name, "user")
    if role not in ROLES:
        raise InputError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    if len(password) < MIN_LENGTH:
        raise InputError(f"password must be at least {MIN_LENGTH} characters")
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise InputError(f"user {name!r} exists already")
    user = User(name=name, role=role, password_hash=hash_password(password))
    session.add(user)
    session.flush()
    state.auditor.record(session, actor, "user.add", f"user:{user.id}", detail={"role": role})
    session.commit()
    return user


def set_active(session: Session, state: AppState, name: str, active: bool, actor: str) -> User:
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise InputError(f"no user named {name!r}")
    user.active = active
    if not active:
        session.query(AuthToken).filter(AuthToken.user_id == user.id).delete()
    state.auditor.record(session, actor, "user.enable" if active else "user.disable", f"user:{user.id}")
    session.commit()
    return user


def login(session: Session, state: AppState, name: str, password: str) -> str | None:
    """A new bearer token, or None. Repeated failures lock the account for a while."""
    user = session.scalar(select(User).where(User.name == name))
    now = utcnow()
    if user is not None and user.locked_until is not None and user.locked_until > now:
        state.auditor.record(session, f"user:{name}", "login.locked", f"user:{user.id}")
        session.commit()
        return None
    if not verify_password(user.password_hash if user else None, password) or user is None or not user.active:
        if user is not None:
            user.failed_logins += 1
            if user.failed_logins >= MAX_FAILURES:
                user.locked_until = now + LOCKOUT
                user.failed_logins = 0
            state.auditor.record(session, f"user:{name}", "login.failed", f"user:{user.id}")
            session.commit()
        return None
    user.failed_logins = 0
    user.locked_until = None
    token, token_hash = new_token()
    session.add(AuthToken(user_id=user.id, token_hash=token_hash, expires_at=now + TOKEN_LIFETIME))
    state.auditor.record(session, f"user:{name}", "login", f"user:{user.id}")
    session.commit()
    return token


def user_by_name(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise InputError(f"no user named {name!r}")
    return user


def is_locked(session: Session, name: str) -> bool:
    user = session.scalar(select(User).where(User.name == name))
    return bool(user and user.locked_until and user.locked_until > utcnow())


def logout(session: Session, state: AppState, user: User, token_hash: str) -> None:
    session.query(AuthToken).filter(AuthToken.token_hash == token_hash).delete()
    state.auditor.record(session, f"user:{user.name}", "logout", f"user:{user.id}")
    session.commit()


def create_key(
    session: Session,
    state: AppState,
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
    if webhook is not None and not re.match(r"^https?://[^\s/]+", webhook):
        raise InputError(f"webhook must be an http(s) URL: {webhook!r}")
    partner = session.scalar(select(Partner).where(Partner.name == partner_name))
    if partner is None:
        partner = Partner(name=partner_name)
        session.add(partner)
        session.flush()
    webhook_secret = None
    if webhook is not None:
        webhook_secret = secrets.token_hex(32)
        partner.webhook_url = webhook
        partner.webhook_secret = state.vault.seal({"secret": webhook_secret})
    key, prefix, key_hash = new_api_key()
    row = ApiKey(partner_id=partner.id, prefix=prefix, key_hash=key_hash, scopes=",".join(scopes))
    session.add(row)
    session.flush()
    state.auditor.record(
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


def revoke_key(session: Session, state: AppState, prefix: str, actor: str) -> ApiKey:
    row = session.scalar(select(ApiKey).where(ApiKey.prefix == prefix))
    if row is None:
        raise InputError(f"no API key with prefix {prefix!r}")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        state.auditor.record(session, actor, "key.revoke", f"key:{row.id}", detail={"prefix": prefix})
    session.commit()
    return row


def webhook_secret(state: AppState, partner: Partner) -> str | None:
    if partner.webhook_secret is None:
        return None
    return str(state.vault.open(partner.webhook_secret)["secret"])  # type: ignore[index]
