"""The app factories. `baliza serve` calls `create_app()` (or, with `--workers N`, uvicorn calls
`worker_app()` in each worker process); tests pass their own settings and engine.

One FastAPI app carries both doors — the JSON API (`service.api`) and the analysts' workspace
(`service.ui`) — over one long-lived `AppState` (`service.runtime`). On start: migrate the database
(unless the caller did), load the model (so `/healthz` answers 200 only when scoring works), and
start the background worker (webhook deliveries, retention purge).

Around both doors, outermost first: the security headers (`service.api.headers`), the metrics, and
the body limit (`service.api.bodylimit`), so a refused upload is still counted and still carries
the headers, and nothing inside ever reads more than the largest legal request.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from sqlalchemy import Engine

from baliza.settings import Settings
from models.modeldir import Model
from service.api.app import BODY_LIMITS
from service.api.app import install as install_api
from service.api.bodylimit import BodyLimit
from service.api.headers import SecurityHeaders
from service.api.metrics import middleware
from service.db.engine import make_engine, session_factory
from service.db.migrate import upgrade
from service.review.analysis import Analyser
from service.runtime import AppState
from service.scoring_process import analyser_for
from service.ui.app import install as install_ui
from service.worker import Worker

DESCRIPTION = """Baliza review service: partners score ads (`X-API-Key`); flagged ads are redacted and
queued for human analysts (`Authorization: Bearer` from `/v1/auth/login`). It ranks and explains;
people decide."""
#: The environment variable that hands `baliza serve`'s settings (JSON) to its worker processes.
WORKER_SETTINGS = "BALIZA_WORKER_SETTINGS"


def create_app(
    settings: Settings | None = None,
    *,
    engine: Engine | None = None,
    model: Model | None = None,
    migrate: bool = True,
    worker: bool = True,
    analyser: Analyser | None = None,
) -> FastAPI:
    settings = settings or Settings()
    engine = engine or make_engine(settings.resolved_database_url)
    state = AppState.build(settings, engine, session_factory(engine), model, analyser)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if migrate:
            upgrade(engine)
        state.model.get()
        state.analyser.start()  # a scoring process loads while the app starts
        background = Worker(state) if worker else None
        if background is not None:
            background.start()
        try:
            yield
        finally:
            if background is not None:
                background.stop()
            state.analyser.close()

    app = FastAPI(
        title="Baliza review service",
        description=DESCRIPTION,
        version="1",
        lifespan=lifespan,
        docs_url=None,  # served from the installed bundles instead: service.api.docs
        redoc_url=None,
    )
    app.state.baliza = state
    install_api(app)
    install_ui(app)
    app.add_middleware(BodyLimit, limits=BODY_LIMITS)  # each add wraps the ones before
    app.middleware("http")(middleware(state.metrics))
    app.add_middleware(SecurityHeaders)
    return app


def worker_app() -> FastAPI:
    """The app of one worker process of `baliza serve --workers N`; uvicorn calls it in each.

    The parent has migrated the database, generated any missing keys and loaded the model once
    before starting a worker, so a worker never migrates (N processes would race to). It hands its
    settings over as JSON (`WORKER_SETTINGS`) rather than letting each worker read `BALIZA_*`
    again: every worker then runs with exactly the parent's settings, command-line options
    included, built once in this process from that one value.
    """
    settings = Settings.model_validate_json(os.environ[WORKER_SETTINGS])
    return create_app(settings, migrate=False, analyser=analyser_for(settings))
