"""Mount the workspace on the service app: static files, page routers, page error handlers."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.requests import Request
from starlette.responses import Response

from service.edge import SESSION_COOKIE
from service.ui.deps import LoginRequired, PageForbidden
from service.ui.errors import install_not_found
from service.ui.render import render
from service.ui.routes import auth, cases, clusters, prefs, research, review, search, supervisor

STATIC = Path(__file__).with_name("static")


def install(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    for router in (
        auth.router,
        clusters.router,
        review.router,
        prefs.router,
        supervisor.router,
        cases.router,
        research.router,
        search.router,
    ):
        app.include_router(router)

    async def _login(request: Request, _exc: LoginRequired) -> Response:
        return auth.login_redirect(request)

    async def _forbidden(request: Request, exc: PageForbidden) -> Response:
        return render(
            request,
            "forbidden.html",
            user=exc.user,
            session_token=request.cookies.get(SESSION_COOKIE),
            status_code=403,
        )

    app.add_exception_handler(LoginRequired, _login)  # type: ignore[arg-type]
    app.add_exception_handler(PageForbidden, _forbidden)  # type: ignore[arg-type]
    install_not_found(app)
