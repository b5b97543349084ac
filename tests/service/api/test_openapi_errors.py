"""The OpenAPI document declares the errors routes answer, with the shape they really have.

Every declared error is `{"detail": string}` (FastAPI's list-shaped 422 is gone); a route with
parameters or a body declares 422, one with a body 400 (undecodable) and 413; every `/v1` route
behind credentials declares 401, 403 and 429; the domain's refusals are declared where the route
can meet them. The fuzz test (test_fuzz.py) checks answers against the document; this one checks
the document.
"""

from __future__ import annotations

import pytest

from service.api.openapi import SCHEMA

REF = f"#/components/schemas/{SCHEMA}"
PUBLIC = {("post", "/v1/auth/login")}
#: Refusals of the review domain a route must declare (beside the credential checks).
DOMAIN = {
    ("post", "/v1/score"): {"409"},
    ("post", "/v1/ingest"): {"409"},
    ("get", "/v1/items/{external_id}"): {"404"},
    ("get", "/v1/items/{item_id}/report"): {"404"},
    ("post", "/v1/items/{item_id}/release"): {"404", "409"},
    ("post", "/v1/items/{item_id}/decision"): {"404", "409"},
    ("get", "/v1/queue/{item_id}"): {"404"},
    ("post", "/v1/items/{item_id}/unmask"): {"404", "409"},
    ("post", "/v1/unmask/{request_id}/approve"): {"404", "409"},
    ("get", "/v1/unmask/{request_id}"): {"404", "409", "410"},
    ("post", "/v1/cases"): {"404"},
    ("get", "/v1/cases/{case_id}"): {"404"},
    ("get", "/v1/cases/{case_id}/report"): {"404"},
    ("post", "/v1/cases/{case_id}/signoff"): {"404", "409"},
    ("post", "/v1/cases/{case_id}/send"): {"404", "409"},
    ("post", "/v1/cases/{case_id}/acknowledge"): {"404", "409"},
    ("post", "/v1/admin/users"): {"400", "409"},
    ("post", "/v1/admin/users/{name}/disable"): {"404", "409"},
    ("post", "/v1/admin/keys"): {"400"},
    ("get", "/healthz"): {"503"},
    ("get", "/metrics"): {"401", "404"},
    ("post", "/v1/auth/login"): {"401"},
}


@pytest.fixture
def document(service) -> dict:  # type: ignore[no-untyped-def]
    response = service.client.get("/openapi.json")
    assert response.status_code == 200
    return response.json()


def operations(document: dict):  # type: ignore[no-untyped-def]
    for path, item in document["paths"].items():
        for method, operation in item.items():
            yield method, path, operation


def test_every_error_has_the_detail_shape(document):
    schemas = document["components"]["schemas"]
    assert "HTTPValidationError" not in schemas and "ValidationError" not in schemas
    assert schemas[SCHEMA]["properties"]["detail"]["type"] == "string"
    assert schemas[SCHEMA]["required"] == ["detail"]
    for method, path, operation in operations(document):
        for status, response in operation["responses"].items():
            if int(status) >= 400:
                schema = response["content"]["application/json"]["schema"]
                assert schema == {"$ref": REF}, (method, path, status, schema)


def test_what_a_signature_implies_is_declared(document):
    for method, path, operation in operations(document):
        declared = set(operation["responses"])
        if operation.get("parameters") or "requestBody" in operation:
            assert "422" in declared, (method, path)
        if "requestBody" in operation:
            assert {"400", "413"} <= declared, (method, path)
        if path.startswith("/v1/") and (method, path) not in PUBLIC:
            assert {"401", "403", "429"} <= declared, (method, path)


def test_the_domains_refusals_are_declared(document):
    found = {(method, path): set(operation["responses"]) for method, path, operation in operations(document)}
    missing = {route: codes - found[route] for route, codes in DOMAIN.items() if codes - found[route]}
    assert not missing


def test_a_real_422_has_the_declared_shape(service):
    analyst = service.user("analyst")
    response = service.client.get("/v1/queue", params={"limit": "many"}, headers=analyst)
    assert response.status_code == 422
    assert set(response.json()) == {"detail"} and "limit" in response.json()["detail"]
