"""Dependencies every route uses, as `Annotated` aliases (the FastAPI full-stack template's shape).

Who is calling: a partner (`X-API-Key`) or a person (`Authorization: Bearer`, or the UI's session
cookie). No or bad credentials → 401; a valid identity without the needed role or scope → 403.
Supervisors can do everything analysts can (they settle escalations); admins and researchers
cannot read the queue (separation of duties).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from service.api.state import AppState
from service.db.models import ApiKey, AuthToken, Partner, User, utcnow
from service.security.csrf import HEADER as CSRF_HEADER
from service.security.csrf import SAFE_METHODS, csrf_ok
from service.security.secrets import sha256_hex

SESSION_COOKIE = "baliza_session"
ROLES = ("analyst", "supervisor", "researcher", "admin")


def get_state(request: Request) -> AppState:
    return request.app.state.baliza


StateDep = Annotated[AppState, Depends(get_state)]


def get_session(state: StateDep) -> Iterator[Session]:
    with state.sessions() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


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


def bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    return request.cookies.get(SESSION_COOKIE)


def _from_cookie(request: Request) -> bool:
    return not request.headers.get("authorization", "").lower().startswith("bearer ")


def get_identity(request: Request, session: SessionDep, state: StateDep) -> Identity:
    key = request.headers.get("x-api-key")
    if key:
        row = session.scalar(select(ApiKey).where(ApiKey.key_hash == sha256_hex(key)))
        if row is None or row.revoked_at is not None:
            raise HTTPException(401, "invalid or revoked API key")
        wait = state.rate_limiter.take(row.id)
        if wait:
            raise HTTPException(
                429, "rate limit exceeded for this API key", headers={"Retry-After": str(wait)}
            )
        return Identity(partner=session.get(Partner, row.partner_id), key=row)
    token = bearer(request)
    if token:
        found = session.scalar(select(AuthToken).where(AuthToken.token_hash == sha256_hex(token)))
        if found is not None and found.expires_at > utcnow():
            user = session.get(User, found.user_id)
            if user is not None and user.active:
                if (
                    _from_cookie(request)
                    and request.method not in SAFE_METHODS
                    and not csrf_ok(state.secret_key, token, request.headers.get(CSRF_HEADER))
                ):
                    raise HTTPException(
                        403, "missing or wrong CSRF token (X-CSRF-Token) for a cookie session"
                    )
                return Identity(user=user)
        raise HTTPException(401, "invalid or expired session; log in again")
    raise HTTPException(401, "authentication required (X-API-Key for partners, Bearer token for people)")


IdentityDep = Annotated[Identity, Depends(get_identity)]


def _people(*roles: str):  # type: ignore[no-untyped-def]
    def check(identity: IdentityDep) -> User:
        if identity.user is None or identity.user.role not in roles:
            raise HTTPException(403, f"this needs the role {' or '.join(roles)}")
        return identity.user

    return check


def _partner(scope: str | None):  # type: ignore[no-untyped-def]
    def check(identity: IdentityDep) -> Identity:
        if identity.partner is None or identity.key is None:
            raise HTTPException(403, "this needs a partner API key")
        if scope is not None and scope not in identity.key.scopes.split(","):
            raise HTTPException(403, f"this API key lacks the scope {scope!r}")
        return identity

    return check


UserDep = Annotated[User, Depends(_people(*ROLES))]
AnalystDep = Annotated[User, Depends(_people("analyst", "supervisor"))]
SupervisorDep = Annotated[User, Depends(_people("supervisor"))]
ResearcherDep = Annotated[User, Depends(_people("researcher"))]
AdminDep = Annotated[User, Depends(_people("admin"))]
PartnerDep = Annotated[Identity, Depends(_partner(None))]
ScorePartnerDep = Annotated[Identity, Depends(_partner("score"))]
IngestPartnerDep = Annotated[Identity, Depends(_partner("ingest"))]


# --- The analysts' web pages: cookie session, login redirect, a page (not JSON) for a wrong role.


class LoginRequired(Exception):
    """Raised by page dependencies; the UI answers with a redirect to the login page."""


class PageForbidden(Exception):
    """Raised by page dependencies; the UI answers with the "not for your role" page (403)."""

    def __init__(self, user: User) -> None:
        self.user = user


@dataclass(frozen=True)
class PageUser:
    user: User
    token: str


def get_page_user(request: Request, session: SessionDep) -> PageUser:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        found = session.scalar(select(AuthToken).where(AuthToken.token_hash == sha256_hex(token)))
        if found is not None and found.expires_at > utcnow():
            user = session.get(User, found.user_id)
            if user is not None and user.active:
                return PageUser(user, token)
    raise LoginRequired()


PageUserDep = Annotated[PageUser, Depends(get_page_user)]


def _page(*roles: str):  # type: ignore[no-untyped-def]
    def check(page: PageUserDep) -> PageUser:
        if page.user.role not in roles:
            raise PageForbidden(page.user)
        return page

    return check


async def check_form_csrf(request: Request, page: PageUserDep, state: StateDep) -> None:
    """Every form post carries the session's CSRF token in the hidden field `csrf`."""
    if request.method in SAFE_METHODS:
        return
    form = await request.form()
    presented = form.get("csrf") or request.headers.get(CSRF_HEADER)
    if not csrf_ok(state.secret_key, page.token, str(presented) if presented else None):
        raise HTTPException(403, "missing or wrong CSRF token; reload the page and try again")


CsrfDep = Depends(check_form_csrf)
AnyPageDep = Annotated[PageUser, Depends(_page(*ROLES))]
ReviewPageDep = Annotated[PageUser, Depends(_page("analyst", "supervisor"))]
SupervisorPageDep = Annotated[PageUser, Depends(_page("supervisor"))]
ResearcherPageDep = Annotated[PageUser, Depends(_page("researcher"))]
