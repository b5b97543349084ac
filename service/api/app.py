"""Mount the JSON API on the service app: its routers, the error handlers every answer goes through,
the errors its OpenAPI document declares, and the body limit of each of its routes."""

from __future__ import annotations

from fastapi import FastAPI

from service.api import docs, errors, openapi
from service.api.routes import ROUTERS, score

#: Paths whose bodies may be larger than `bodylimit.SMALL_BODY`: the partners' batches.
BODY_LIMITS = {route.path: score.BODY_LIMIT for route in score.router.routes}  # type: ignore[attr-defined]


def install(app: FastAPI) -> None:
    errors.install(app)
    openapi.install(app)
    docs.install(app)
    for router in ROUTERS:
        app.include_router(router)
