"""Liveness and metrics: `/healthz` is 200 only once the model is loaded; `/metrics` is Prometheus text."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Response
from prometheus_client import CONTENT_TYPE_LATEST

from service.edge import StateDep

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz(state: StateDep) -> dict:
    if not state.model.loaded:
        raise HTTPException(503, "model not loaded yet")
    return {"status": "ok", "model_version": state.model.get().version}


@router.get("/metrics", response_class=Response)
def metrics(state: StateDep) -> Response:
    """Prometheus text: requests, latency, queue depth by state, flags by indicator."""
    return Response(state.metrics.render(), media_type=CONTENT_TYPE_LATEST)
