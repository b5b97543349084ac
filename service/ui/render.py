"""Rendering: one Jinja2 environment with autoescaping on, so ad text is always shown as text.

Every page gets the translator `t`, `label` (a stored code as words), `ind` (an indicator code's
name, definition and ILO text in the page's language; `_indicator.html` draws its chip), the date
filters of `service/ui/dates.py` (`|when`, `|day`, `|clock`), the number filters of `numbers.py`
(`|dec`, `|signed`), `|language` (a language code as its name, `languages.py`), the language, the
person (if logged in) and the CSRF token of their session; templates never build URLs or tokens
themselves. A reviewer's page also gets their `wellbeing` (`service/ui/wellbeing.py`: the header's
counter, the break reminder, the greyscale class) and `blurred`, whether ad text starts blurred
(their preference).
"""

from __future__ import annotations

from pathlib import Path

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.requests import Request
from starlette.responses import HTMLResponse

from service.db.models import User
from service.security.csrf import csrf_token
from service.ui import dates, languages, numbers
from service.ui.i18n import (
    LANGS,
    indicator_texts,
    labeller,
    pick_lang,
    plural_translator,
    reason_labeller,
    translator,
)
from service.ui.wellbeing import for_page

TEMPLATES = Jinja2Templates(
    env=Environment(loader=FileSystemLoader(Path(__file__).with_name("templates")), autoescape=True)
)
dates.install(TEMPLATES.env)
numbers.install(TEMPLATES.env)
languages.install(TEMPLATES.env)

START_PAGE = {"analyst": "/queue", "supervisor": "/queue", "researcher": "/research", "admin": "/forbidden"}


def render(
    request: Request,
    template: str,
    user: User | None = None,
    session_token: str | None = None,
    status_code: int = 200,
    **context: object,
) -> HTMLResponse:
    lang = pick_lang(request)
    state = request.app.state.baliza
    wellbeing = for_page(state, user)
    return TEMPLATES.TemplateResponse(
        request,
        template,
        {
            "t": translator(lang),
            "tn": plural_translator(lang),
            "reason_label": reason_labeller(lang),
            "label": labeller(lang),
            "ind": indicator_texts(lang),
            "lang": lang,
            "langs": LANGS,
            "user": user,
            "csrf": csrf_token(state.secret_key, session_token) if session_token else "",
            "start_page": START_PAGE.get(user.role, "/queue") if user else "/login",
            "wellbeing": wellbeing,
            "blurred": wellbeing.prefs.blur_text if wellbeing else True,
            **context,
        },
        status_code=status_code,
    )
