"""The workspace pages' dependencies: a cookie session, a login redirect for a missing one, a page
(not JSON) for a wrong role, and the CSRF check of every form.

Which cookie belongs to whom and the role rules are `service/security/identity.py`, the same the
JSON API applies; `LoginRequired` and `PageForbidden` are answered by the handlers in `app.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from service.db.models import User
from service.edge import SESSION_COOKIE, SessionDep, StateDep
from service.security import identity
from service.security.csrf import FIELD as CSRF_FIELD
from service.security.csrf import HEADER as CSRF_HEADER
from service.security.csrf import SAFE_METHODS, csrf_ok


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


def get_page_user(request: Request, session: SessionDep, state: StateDep) -> PageUser:
    token = request.cookies.get(SESSION_COOKIE)
    user = identity.token_user(session, token, state.now()) if token else None
    if token is None or user is None:
        raise LoginRequired()
    return PageUser(user, token)


PageUserDep = Annotated[PageUser, Depends(get_page_user)]


def _page(roles: tuple[str, ...]):  # type: ignore[no-untyped-def]
    def check(page: PageUserDep) -> PageUser:
        if not identity.has_role(page.user, roles):
            raise PageForbidden(page.user)
        return page

    return check


async def check_form_csrf(request: Request, page: PageUserDep, state: StateDep) -> None:
    """Every form post carries the session's CSRF token in the hidden field `csrf`."""
    if request.method in SAFE_METHODS:
        return
    form = await request.form()
    presented = form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER)
    if not csrf_ok(state.secret_key, page.token, str(presented) if presented else None):
        raise HTTPException(403, "missing or wrong CSRF token; reload the page and try again")


CsrfDep = Depends(check_form_csrf)
AnyPageDep = Annotated[PageUser, Depends(_page(identity.ROLES))]
ReviewPageDep = Annotated[PageUser, Depends(_page(identity.REVIEWERS))]
SupervisorPageDep = Annotated[PageUser, Depends(_page(identity.SUPERVISORS))]
ResearcherPageDep = Annotated[PageUser, Depends(_page(identity.RESEARCHERS))]
