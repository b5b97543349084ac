"""The wellbeing preferences page (`/prefs`), the item page's "always show text unblurred" form, and
the break reminder's "I took a break".

All three write `service.review.prefs`, one person's own settings; every page reads them back through
`render` (`service/ui/wellbeing.py`). A wrong reminder interval shows the form again with its
message (422), keeping what was typed.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from baliza.errors import Invalid
from service.edge import SessionDep, StateDep
from service.review import prefs
from service.ui.deps import CsrfDep, ReviewPageDep
from service.ui.render import render

router = APIRouter(include_in_schema=False)
PAGE = "/prefs"


def local_path(path: str, fallback: str = "/queue") -> str:
    """Only a path of this site may be a redirect target (not `//host` or `/\\host`, which browsers
    read as another site)."""
    return path if path.startswith("/") and not path.startswith(("//", "/\\")) else fallback


@router.get(PAGE)
def prefs_page(request: Request, page: ReviewPageDep) -> Response:
    return render(
        request,
        "prefs.html",
        user=page.user,
        session_token=page.token,
        message=request.query_params.get("message"),
    )


@router.post(PAGE, dependencies=[CsrfDep])
def save_prefs(
    request: Request,
    page: ReviewPageDep,
    session: SessionDep,
    blur_text: Annotated[str, Form()] = "",
    greyscale: Annotated[str, Form()] = "",
    break_every: Annotated[str, Form()] = "",
) -> Response:
    """The form's three fields; an unticked checkbox is not sent at all, so absent means off."""
    try:
        every = int(break_every.strip())
    except ValueError:
        every = -1  # not a number: refused with the same message as one out of range
    try:
        prefs.update(
            session, page.user, blur_text=bool(blur_text), greyscale=bool(greyscale), break_every=every
        )
    except Invalid:
        session.rollback()
        return render(
            request,
            "prefs.html",
            user=page.user,
            session_token=page.token,
            status_code=422,
            error="prefs.error.break_every",
            typed=prefs.Prefs(blur_text=bool(blur_text), greyscale=bool(greyscale)),
            typed_every=break_every,
        )
    return RedirectResponse(f"{PAGE}?message=prefs.saved", status_code=303)


@router.post("/prefs/reveal", dependencies=[CsrfDep])
def reveal_preference(
    page: ReviewPageDep,
    session: SessionDep,
    always: Annotated[str, Form()] = "",
    next: Annotated[str, Form(max_length=2000)] = "/queue",
) -> Response:
    """The item page's shortcut to one preference: blur ad text until revealed (default), or not."""
    prefs.update(session, page.user, blur_text=not always)
    return RedirectResponse(local_path(next), status_code=303)


@router.post("/prefs/break", dependencies=[CsrfDep])
def took_break(
    page: ReviewPageDep,
    session: SessionDep,
    state: StateDep,
    next: Annotated[str, Form(max_length=2000)] = "/queue",
) -> Response:
    """The reminder's answer: decisions count towards the next reminder from now. Never required."""
    prefs.take_break(session, state, page.user)
    return RedirectResponse(local_path(next), status_code=303)
