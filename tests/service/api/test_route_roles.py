"""The route x role matrix: every API route, called by every kind of caller, answers as classified.

`ALLOWED` is the explicit table (route → the callers that may use it). A route that exists but is
not in the table fails the test, so a new route cannot ship unclassified; an entry for a route that
no longer exists fails too, so the table stays true. For each route: anonymous → 401; a caller not
allowed → 403; an allowed caller → neither (a dummy id gives 404 or 422, which is fine: the role
check passed). Runs on SQLite (file, WAL) and PostgreSQL through the `service` fixture.
"""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.routing import APIRoute

from tests.service.api.conftest import PASSWORD, Service
from tests.service.api.helpers import all_routes, route_path

PEOPLE = frozenset({"analyst", "supervisor", "researcher", "admin"})
CALLERS = ("partner", *sorted(PEOPLE))
REVIEWERS = frozenset({"analyst", "supervisor"})
SUPERVISOR = frozenset({"supervisor"})
PARTNER = frozenset({"partner"})
ADMIN = frozenset({"admin"})

PUBLIC = frozenset({"POST /v1/auth/login"})  # and, outside /v1: /healthz, /docs, /redoc, /openapi.json
# (/metrics needs BALIZA_METRICS_TOKEN: tests/service/api/test_metrics_token.py)

ALLOWED: dict[str, frozenset[str]] = {
    "POST /v1/auth/logout": PEOPLE,
    "GET /v1/auth/me": PEOPLE,
    "POST /v1/score": PARTNER,
    "POST /v1/ingest": PARTNER,
    "GET /v1/indicators": frozenset(CALLERS),
    "GET /v1/items/{external_id:path}": PARTNER,
    "GET /v1/queue": REVIEWERS,
    "POST /v1/queue/claim": REVIEWERS,
    "GET /v1/queue/{item_id}": REVIEWERS,
    "GET /v1/clusters": REVIEWERS,
    "GET /v1/clusters/{item_id}": REVIEWERS,
    "POST /v1/clusters/{item_id}/decision": REVIEWERS,
    "POST /v1/items/{item_id}/claim": REVIEWERS,
    "POST /v1/items/{item_id}/release": REVIEWERS,
    "POST /v1/items/{item_id}/decision": REVIEWERS,
    "GET /v1/search": REVIEWERS,
    "GET /v1/watches": REVIEWERS,
    "POST /v1/watches": REVIEWERS,
    "DELETE /v1/watches/{watch_id}": REVIEWERS,
    "GET /v1/watches/hits": REVIEWERS,
    "GET /v1/items/{item_id:id}/report": SUPERVISOR,
    "POST /v1/items/{item_id}/unmask": SUPERVISOR,
    "GET /v1/unmask": SUPERVISOR,
    "GET /v1/unmask/{request_id}": SUPERVISOR,
    "POST /v1/unmask/{request_id}/approve": SUPERVISOR,
    "POST /v1/unmask/{request_id}/reject": SUPERVISOR,
    "GET /v1/audit": SUPERVISOR,
    "GET /v1/cases": SUPERVISOR,
    "POST /v1/cases": SUPERVISOR,
    "GET /v1/cases/{case_id}": SUPERVISOR,
    "GET /v1/cases/{case_id}/report": SUPERVISOR,
    "POST /v1/cases/{case_id}/signoff": SUPERVISOR,
    "POST /v1/cases/{case_id}/send": SUPERVISOR,
    "POST /v1/cases/{case_id}/acknowledge": SUPERVISOR,
    "GET /v1/export/decisions": frozenset({"researcher"}),
    "POST /v1/admin/reload": ADMIN,
    "GET /v1/admin/keys": ADMIN,
    "POST /v1/admin/keys": ADMIN,
    "POST /v1/admin/keys/{prefix}/revoke": ADMIN,
    "GET /v1/admin/users": ADMIN,
    "POST /v1/admin/users": ADMIN,
    "POST /v1/admin/users/{name}/disable": ADMIN,
    "POST /v1/admin/users/{name}/enable": ADMIN,
}

# A minimal valid body where a route needs one, so an allowed caller reaches the handler itself.
BODIES: dict[str, dict] = {
    "POST /v1/score": {"items": [{"external_id": "roles-1", "text": "Vendo bicicleta usada, buen estado."}]},
    "POST /v1/ingest": {"items": [{"external_id": "roles-2", "text": "Alquilo departamento en el centro."}]},
    "POST /v1/items/{item_id}/decision": {"decision": "dismiss", "reason": "not-trafficking"},
    "POST /v1/clusters/{item_id}/decision": {"decision": "dismiss", "reason": "other"},
    "POST /v1/items/{item_id}/unmask": {"reason": "needed for the case report"},
    "POST /v1/admin/keys": {"partner": "roles-partner"},
    "POST /v1/cases": {"item_ids": [1], "title": "roles"},
    "POST /v1/cases/{case_id}/signoff": {"document": "report"},
    "POST /v1/cases/{case_id}/send": {"document": "report"},
    "POST /v1/cases/{case_id}/acknowledge": {"document": "report"},
    "POST /v1/admin/users": {"name": "roles-new", "role": "analyst", "password": PASSWORD},
}

# Calls that end the caller's own session get a fresh login each, so later calls keep theirs.
ENDS_SESSION = frozenset({"POST /v1/auth/logout"})

DUMMY_ID = "999999"  # no such item, request, key prefix or user name: handlers answer 404


def api_routes(app: FastAPI) -> dict[str, APIRoute]:
    """Every API route under /v1 as "METHOD path". (The UI's pages live outside /v1: cookie
    sessions, redirects to the login page.)"""
    return {name: route for name, route in all_routes(app).items() if route_path(name).startswith("/v1/")}


def concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", DUMMY_ID, path)


def login(service: Service, name: str) -> dict[str, str]:
    response = service.client.post("/v1/auth/login", json={"username": name, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def test_every_route_is_classified(service):
    routes = set(api_routes(service.client.app))
    unclassified = sorted(routes - set(ALLOWED) - PUBLIC)
    assert not unclassified, f"add these routes to ALLOWED (who may call them?): {unclassified}"
    stale = sorted(set(ALLOWED) - routes)
    assert not stale, f"ALLOWED names routes that no longer exist: {stale}"
    assert all(ALLOWED[route] <= {*CALLERS} for route in ALLOWED)


def test_public_routes_answer_anonymously(service):
    service.user("analyst", name="public-check")
    for path in ("/healthz", "/docs", "/redoc", "/openapi.json"):
        assert service.client.get(path).status_code == 200, path
    assert login(service, "public-check")


def test_route_role_matrix(service):
    service.state.settings.model = str(service.state.model.get().path)  # reload: the same test model
    headers: dict[str, dict[str, str]] = {"partner": service.partner(scopes=("score", "ingest"))}
    names = {role: f"matrix-{role}" for role in PEOPLE}
    for role, name in names.items():
        headers[role] = service.user(role, name=name)
    problems: list[str] = []
    for route in sorted(set(api_routes(service.client.app)) - PUBLIC):
        method, path = route.split(" ", 1)
        allowed = ALLOWED.get(route, frozenset())
        for caller in ("anonymous", *CALLERS):
            sent = headers.get(caller, {})
            if route in ENDS_SESSION and caller in PEOPLE:
                sent = login(service, names[caller])
            response = service.client.request(method, concrete(path), headers=sent, json=BODIES.get(route))
            status = response.status_code
            if caller == "anonymous":
                expected = "401"
                ok = status == 401
            elif caller in allowed:
                expected = "neither 401 nor 403, no 5xx"
                ok = status not in (401, 403) and status < 500
            else:
                expected = "403"
                ok = status == 403
            if status >= 400:
                body = response.json()
                ok = ok and set(body) == {"detail"} and isinstance(body["detail"], str)
            if not ok:
                problems.append(f"{route} as {caller}: {status} {response.text[:120]} (expected {expected})")
    assert not problems, "\n".join(problems)
