"""Log in and out of the workspace, switch language, and the "not for your role" page."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from service.edge import SESSION_COOKIE, SessionDep, StateDep
from service.review import accounts
from service.security.secrets import sha256_hex
from service.ui.deps import AnyPageDep, CsrfDep
from service.ui.i18n import LANG_COOKIE, LANGS
from service.ui.render import START_PAGE, render

router = APIRouter(include_in_schema=False)
YEAR = 365 * 24 * 3600


def _local(path: str | None) -> str:
    """Only same-site paths may be redirect targets (no open redirect)."""
    return path if path and path.startswith("/") and not path.startswith("//") else "/"


@router.get("/login")
def login_page(request: Request, next: str = "/") -> Response:
    return render(request, "login.html", next=_local(next))


@router.post("/login")
def login(
    request: Request,
    session: SessionDep,
    state: StateDep,
    username: Annotated[str, Form(max_length=100)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form()] = "/",
) -> Response:
    token = accounts.login(session, state, username, password)
    if token is None:
        error = "login.locked" if accounts.is_locked(session, username, state.now()) else "login.failed"
        return render(request, "login.html", status_code=401, error=error, next=_local(next))
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
