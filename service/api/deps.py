"""The API's dependencies, as `Annotated` aliases (the FastAPI full-stack template's shape).

Who is calling: a partner (`X-API-Key`) or a person (`Authorization: Bearer`, or the UI's session
cookie). No or bad credentials → 401; a valid identity without the needed role or scope → 403.
Which credential belongs to whom and which roles may do what is `service/security/identity.py`;
this module only reads headers and answers in HTTP.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request, Security
from fastapi.security import APIKeyHeader, HTTPBearer

from service.db.engine import DatabaseBusy, reading
from service.db.models import User
from service.edge import SESSION_COOKIE, SessionDep, StateDep
from service.review.intake import Admit
from service.runtime import AppState
from service.security import identity
from service.security.csrf import HEADER as CSRF_HEADER
from service.security.csrf import SAFE_METHODS, csrf_ok
from service.security.identity import Identity


def bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    return request.cookies.get(SESSION_COOKIE)


def _from_cookie(request: Request) -> bool:
    return not request.headers.get("authorization", "").lower().startswith("bearer ")


def get_identity(request: Request, session: SessionDep, state: StateDep) -> Identity:
    """Who is calling, checked in a read of its own (`reading`): checking credentials takes no
    write lock, and the route's work starts a transaction of its own. A partner's request is then
    counted against its key's limit, after the read has ended: a shared store (PostgreSQL, Redis)
    takes from the bucket in a transaction of its own, and none may wait inside another."""
    with reading(session):
        caller = _identify(request, session, state)
    if caller.key is not None:
        try:
            wait = state.rate_limiter.take_request(caller.key.id)
        except DatabaseBusy as exc:
            raise HTTPException(503, str(exc), headers={"Retry-After": str(exc.retry_after)}) from exc
        if wait:
            raise HTTPException(
                429, "rate limit exceeded for this API key", headers={"Retry-After": str(wait)}
            )
    return caller


def _identify(request: Request, session: SessionDep, state: StateDep) -> Identity:
    key = request.headers.get("x-api-key")
    if key:
        row = identity.live_key(session, key)
        if row is None:
            raise HTTPException(401, "invalid or revoked API key")
        return identity.partner_of(session, row)
    token = bearer(request)
    if token:
        user = identity.token_user(session, token, state.now())
        if user is None:
            raise HTTPException(401, "invalid or expired session; log in again")
        if (
            _from_cookie(request)
            and request.method not in SAFE_METHODS
            and not csrf_ok(state.secret_key, token, request.headers.get(CSRF_HEADER))
        ):
            raise HTTPException(403, "missing or wrong CSRF token (X-CSRF-Token) for a cookie session")
        return Identity(user=user)
    raise HTTPException(401, "authentication required (X-API-Key for partners, Bearer token for people)")


IdentityDep = Annotated[Identity, Depends(get_identity)]


def text_budget(state: AppState, caller: Identity) -> Admit:
    """Intake's `admit` for a partner: its characters-per-minute budget, a 429 beyond it."""
    assert caller.key is not None

    def admit(chars: int) -> None:
        wait = state.rate_limiter.take_chars(caller.key.id, chars)  # type: ignore[union-attr]
        if wait:
            raise HTTPException(
                429,
                f"text budget exceeded for this API key: {chars} characters to score, "
                f"{state.settings.char_budget_per_minute} a minute",
                headers={"Retry-After": str(wait)},
            )

    return admit


#: The two credentials as OpenAPI security schemes, declared by the role checks below (partner
#: routes: the key; people's routes: the bearer token). They only describe: neither refuses
#: (`auto_error=False`); `get_identity` reads and checks the headers, and also takes the UI's cookie.
API_KEY = APIKeyHeader(
    name="X-API-Key",
    scheme_name="ApiKey",
    description="A partner's API key (`baliza keys create`), sent on every call.",
    auto_error=False,
)
BEARER = HTTPBearer(
    scheme_name="Bearer",
    description="A person's session token from `POST /v1/auth/login`.",
    auto_error=False,
)
KeyDeclared = Annotated[object, Security(API_KEY)]
BearerDeclared = Annotated[object, Security(BEARER)]


def _people(roles: tuple[str, ...]):  # type: ignore[no-untyped-def]
    def check(caller: IdentityDep, _declared: BearerDeclared) -> User:
        if caller.user is None or not identity.has_role(caller.user, roles):
            raise HTTPException(403, f"this needs the role {' or '.join(roles)}")
        return caller.user

    return check


def _partner(scope: str | None):  # type: ignore[no-untyped-def]
    def check(caller: IdentityDep, _declared: KeyDeclared) -> Identity:
        if caller.partner is None or caller.key is None:
            raise HTTPException(403, "this needs a partner API key")
        if scope is not None and not identity.scope_granted(caller.key, scope):
            raise HTTPException(403, f"this API key lacks the scope {scope!r}")
        return caller

    return check


UserDep = Annotated[User, Depends(_people(identity.ROLES))]
AnalystDep = Annotated[User, Depends(_people(identity.REVIEWERS))]
SupervisorDep = Annotated[User, Depends(_people(identity.SUPERVISORS))]
ResearcherDep = Annotated[User, Depends(_people(identity.RESEARCHERS))]
AdminDep = Annotated[User, Depends(_people(identity.ADMINS))]
PartnerDep = Annotated[Identity, Depends(_partner(None))]
ScorePartnerDep = Annotated[Identity, Depends(_partner("score"))]
IngestPartnerDep = Annotated[Identity, Depends(_partner("ingest"))]


def _anyone(caller: IdentityDep, _key: KeyDeclared, _bearer: BearerDeclared) -> Identity:
    """Any valid credential: a partner's key or a person's token (either scheme, in OpenAPI)."""
    return caller


CallerDep = Annotated[Identity, Depends(_anyone)]
