"""Liveness and metrics: `/healthz` is 200 only once the model is loaded; `/metrics` is Prometheus text
for whoever holds `BALIZA_METRICS_TOKEN`.

The metrics name queue depths, flag counts and route latencies: not personal data, but what an
outsider should not read about a deployment. A token keeps one port and one process model (every
worker answers, a scraper sends `Authorization: Bearer <token>`); unset, `/metrics` answers 404
as if absent, so a deployment exposes nothing until its operator picks a token.
"""

from __future__ import annotations

import hmac

from fastapi import APIRouter, HTTPException, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST

from service.api.openapi import errors
from service.edge import StateDep

router = APIRouter(tags=["health"])
BEARER = "bearer "


@router.get("/healthz", responses=errors(503))
def healthz(state: StateDep) -> dict:
    if not state.model.loaded:
        raise HTTPException(503, "model not loaded yet")
    return {"status": "ok", "model_version": state.model.get().version}


def _presented(request: Request) -> str:
    header = request.headers.get("authorization", "")
    return header[len(BEARER) :].strip() if header.lower().startswith(BEARER) else ""


@router.get("/metrics", response_class=Response, responses=errors(401, 404))
def metrics(request: Request, state: StateDep) -> Response:
    """Prometheus text: requests, latency, queue depth by state, flags by indicator.

    Send `Authorization: Bearer <BALIZA_METRICS_TOKEN>`; without that setting, 404."""
    token = state.settings.metrics_token
    if not token:
        raise HTTPException(404, "metrics are off; set BALIZA_METRICS_TOKEN to scrape /metrics")
    if not hmac.compare_digest(_presented(request).encode(), token.encode()):
        raise HTTPException(
            401, "metrics need Authorization: Bearer <BALIZA_METRICS_TOKEN>", {"WWW-Authenticate": "Bearer"}
        )
    return Response(state.metrics.render(), media_type=CONTENT_TYPE_LATEST)
