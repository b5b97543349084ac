"""Log in and out of the workspace, switch language, and the "not for your role" page.

The login form carries a pre-session CSRF token (`service.security.csrf`: a nonce in a `SameSite=Strict`
cookie scoped to `/login`, its HMAC in the form), checked before the password, so a cross-site
form cannot log a browser into someone else's account. Every refused login shows the same message
(wrong password, unknown, disabled or locked account alike).
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from service.edge import SESSION_COOKIE, SessionDep, StateDep
from service.review import accounts
from service.security.csrf import LOGIN_COOKIE, login_nonce, login_ok, login_token
from service.security.secrets import sha256_hex
from service.ui.deps import AnyPageDep, CsrfDep
from service.ui.i18n import LANG_COOKIE, LANGS
from service.ui.render import START_PAGE, render

router = APIRouter(include_in_schema=False)
YEAR = 365 * 24 * 3600
LOGIN_FORM_SECONDS = 24 * 3600


def _local(path: str | None) -> str:
    """Only same-site paths may be redirect targets (no open redirect)."""
    return path if path and path.startswith("/") and not path.startswith("//") else "/"


def _login_form(request: Request, secret_key: bytes, status_code: int = 200, **context: object) -> Response:
    """The login page with its CSRF field; the browser's nonce is kept (several tabs share it)."""
    nonce = request.cookies.get(LOGIN_COOKIE) or login_nonce()
    response = render(
        request, "login.html", status_code=status_code, login_csrf=login_token(secret_key, nonce), **context
    )
    response.set_cookie(
        LOGIN_COOKIE,
        nonce,
        max_age=LOGIN_FORM_SECONDS,
        path="/login",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.get("/login")
def login_page(request: Request, state: StateDep, next: str = "/") -> Response:
    return _login_form(request, state.secret_key, next=_local(next))


@router.post("/login")
def login(
    request: Request,
    session: SessionDep,
    state: StateDep,
    username: Annotated[str, Form(max_length=100)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form(max_length=2000)] = "/",
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    if not login_ok(state.secret_key, request.cookies.get(LOGIN_COOKIE), csrf):
        return _login_form(
            request, state.secret_key, status_code=403, error="login.expired", next=_local(next)
        )
    token = accounts.login(session, state, username, password)
    if token is None:
        return _login_form(
            request, state.secret_key, status_code=401, error="login.failed", next=_local(next)
        )
    user = accounts.user_by_name(session, username)
    target = _local(next) if next not in ("/", "") else START_PAGE.get(user.role, "/")
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(accounts.TOKEN_LIFETIME.total_seconds()),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.post("/logout", dependencies=[CsrfDep])
def logout(page: AnyPageDep, session: SessionDep, state: StateDep) -> Response:
    accounts.logout(session, state, page.user, sha256_hex(page.token))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/lang")
def switch_language(to: str, next: str = "/") -> Response:
    response = RedirectResponse(_local(next), status_code=303)
    if to in LANGS:
        response.set_cookie(LANG_COOKIE, to, max_age=YEAR, samesite="lax")
    return response


@router.get("/")
def home(page: AnyPageDep) -> Response:
    return RedirectResponse(START_PAGE.get(page.user.role, "/queue"), status_code=303)


@router.get("/forbidden")
def forbidden(request: Request, page: AnyPageDep) -> Response:
    return render(request, "forbidden.html", user=page.user, session_token=page.token, status_code=403)


def login_redirect(request: Request) -> Response:
    return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
