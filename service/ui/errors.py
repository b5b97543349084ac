"""How the pages show a refused action: as a message on the page the person is sent back to.

The review domain refuses with `NotFound`, `Conflict`, `Forbidden` or `Invalid` and a sentence; a
page shows its own catalogue key for the refusals it words itself (`keys`), and the domain's
sentence otherwise, behind its kind's key (`KIND_KEYS`: English pages show the sentence, others a
sentence of their language). Refusals a page does
not catch reach the app's handlers and get the same status and `{"detail"}` as from the JSON API —
except a missing thing: an item id that does not exist in the URL, or an address with no page, is
answered with the "not found" page (`install_not_found`).
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from fastapi import FastAPI
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from baliza.errors import BalizaError, Conflict, Forbidden, Invalid, NotFound
from service.db.models import User
from service.edge import SESSION_COOKIE
from service.security import identity
from service.ui.i18n import SENTENCE_MARK
from service.ui.render import render

REFUSALS = (NotFound, Conflict, Forbidden, Invalid)

#: The unmask request form's own words for its refusals (a short reason; nothing left to unmask).
UNMASK_REQUEST: Mapping[type[BalizaError], str] = {
    Invalid: "unmask.error.reason",
    Conflict: "unmask.error.no_values",
}


#: A refusal no page words itself: its kind's key, which shows the domain's sentence in English and
#: a sentence of the reader's language otherwise (the domain speaks English only).
KIND_KEYS: Mapping[type[BalizaError], str] = {
    NotFound: "refusal.not_found",
    Conflict: "refusal.conflict",
    Forbidden: "refusal.forbidden",
    Invalid: "refusal.invalid",
}


def message(exc: BalizaError, keys: Mapping[type[BalizaError], str] | None = None) -> str:
    """The page's key for this kind of refusal, else its kind's key carrying the domain's sentence."""
    own = next((key for kind, key in (keys or {}).items() if isinstance(exc, kind)), None)
    if own:
        return own
    kind = next((key for kind, key in KIND_KEYS.items() if isinstance(exc, kind)), None)
    return f"{kind}{SENTENCE_MARK}{exc}" if kind else str(exc)


def back_to(path: str, message: str) -> RedirectResponse:
    """Send the person (303) to `path`, which shows `message` in its notice."""
    return RedirectResponse(f"{path}?{urlencode({'message': message})}", status_code=303)


#: Paths that answer machines, not people: a missing thing there stays `{"detail"}` JSON.
MACHINE_PATHS = ("/v1/", "/static/", "/docs-assets/", "/openapi.json", "/healthz", "/metrics")


def for_people(request: Request) -> bool:
    return not request.url.path.startswith(MACHINE_PATHS)


def _viewer(request: Request) -> tuple[User | None, str | None]:
    """Who is looking, if their session cookie is live (for the page's header); else nobody."""
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None, None
    state = request.app.state.baliza
    with state.sessions() as session:
        user = identity.token_user(session, token, state.now())
    return (user, token) if user is not None else (None, None)


def _not_found_page(request: Request) -> Response:
    user, token = _viewer(request)
    return render(request, "not_found.html", user=user, session_token=token, status_code=404)


def install_not_found(app: FastAPI) -> None:
    """A page (404, in the reader's language, with a way back) where a person meets a missing item
    or address; the API's paths keep the app's JSON answer, whose handlers stay the app's own
    (`service/api/errors.py`, installed first, which this door does not import)."""

    async def missing(request: Request, exc: NotFound) -> Response:
        if for_people(request) and not exc.expired:
            return _not_found_page(request)
        return await request.app.exception_handlers[BalizaError](request, exc)

    async def no_route(request: Request, exc: HTTPException) -> Response:
        if for_people(request):
            return _not_found_page(request)
        return await request.app.exception_handlers[HTTPException](request, exc)

    app.add_exception_handler(NotFound, missing)  # type: ignore[arg-type]
    app.add_exception_handler(404, no_route)  # type: ignore[arg-type]
