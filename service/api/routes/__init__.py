"""One router per resource; `ROUTERS` is the order they are mounted in."""

from __future__ import annotations

from service.api.routes import (
    admin,
    audit,
    auth,
    cases,
    clusters,
    export,
    health,
    indicators,
    items,
    queue,
    score,
    search,
    unmask,
)

ROUTERS = [
    health.router,
    auth.router,
    score.router,
    indicators.router,
    items.router,
    queue.router,
    search.router,
    clusters.router,
    unmask.router,
    cases.router,
    export.router,
    audit.router,
    admin.router,
]
