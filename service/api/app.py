"""Mount the JSON API on the service app: its routers and the error handlers every answer goes through."""

from __future__ import annotations

from fastapi import FastAPI

from service.api import errors
from service.api.routes import ROUTERS


def install(app: FastAPI) -> None:
    errors.install(app)
    for router in ROUTERS:
        app.include_router(router)
