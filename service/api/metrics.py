"""The HTTP side of the metrics: every request counted and timed, labelled by its route template.

Labels are route templates (`/v1/items/{item_id}/decision`), never raw paths holding ids. The
counters themselves live below the web layer, in `service/metrics.py`.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response

from service.metrics import Metrics

Handler = Callable[[Request], Awaitable[Response]]


def middleware(metrics: Metrics) -> Callable[[Request, Handler], Awaitable[Response]]:
    """An `http` middleware that counts and times each request into `metrics`."""

    async def measure(request: Request, call_next: Handler) -> Response:
        start = time.perf_counter()
        response = await call_next(request)
        route = request.scope.get("route")
        name = getattr(route, "path", "unmatched")
        metrics.latency.labels(name).observe(time.perf_counter() - start)
        metrics.requests.labels(request.method, name, str(response.status_code)).inc()
        return response

    return measure
