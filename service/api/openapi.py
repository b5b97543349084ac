"""The OpenAPI document declares every error a route can answer, with its real shape `{"detail"}`.

Routes and routers declare what depends on them (`errors(404, 409)`: the domain's refusals;
`AUTHENTICATED`: the credential checks); what follows from a route's signature is added here once
for all: 422 wherever it takes parameters or a body; 400 (a body that cannot be decoded, which
FastAPI refuses before validation) and 413 (`bodylimit`) wherever it takes a body.
FastAPI's own 422 (a list of objects, which no answer of ours has) is replaced, so a client
generated from the document and a fuzzer checking answers against it see what is really sent.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel, Field


class ErrorOut(BaseModel):
    """Every error answer."""

    detail: str = Field(description="One readable sentence saying what was wrong.")


MEANING = {
    400: "The input was refused: a body that cannot be decoded, or a name, role, scope, password or "
    "model that does not exist.",
    401: "No credentials, or invalid or expired ones.",
    403: "A valid identity without the role, scope or CSRF token this needs.",
    404: "No such row, or not one of yours.",
    409: "A conflict with the current state (a claim, a decision taken meanwhile, another text).",
    410: "Gone: the approval lapsed, or retention removed the original values.",
    413: "The request body is larger than the largest legal request here.",
    422: "The request does not validate; the first problem is named with its location.",
    429: "Too many requests for this API key; wait `Retry-After` seconds.",
    503: "Not ready yet (the model is loading).",
}
SCHEMA = "ErrorOut"
REF = {"$ref": f"#/components/schemas/{SCHEMA}"}
FASTAPI_VALIDATION = ("HTTPValidationError", "ValidationError")


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """A `responses=` entry for each status, all with the `{"detail"}` shape."""
    return {code: {"model": ErrorOut, "description": MEANING[code]} for code in codes}


#: Every route behind the credential check (`deps.get_identity`): 429 is the partner's rate limit,
#: which applies to any call made with an API key.
AUTHENTICATED = errors(401, 403, 429)


def _declare(operation: dict[str, Any]) -> None:
    responses = operation.setdefault("responses", {})
    statuses = (["422"] if operation.get("parameters") or "requestBody" in operation else []) + (
        ["400", "413"] if "requestBody" in operation else []
    )
    for status in statuses:  # FastAPI's own 422 is replaced; what a route declared is the same shape
        responses[status] = {
            "description": MEANING[int(status)],
            "content": {"application/json": {"schema": REF}},
        }


def declared(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` (FastAPI's document) with the signature's errors declared, in place."""
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            _declare(operation)
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components[SCHEMA] = ErrorOut.model_json_schema()
    for name in FASTAPI_VALIDATION:
        components.pop(name, None)
    return schema


def install(app: FastAPI) -> None:
    """Serve `declared(...)` of FastAPI's document at /openapi.json (built once, as FastAPI does)."""
    generate = app.openapi

    def document() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = declared(generate())
        return app.openapi_schema

    app.openapi = document  # type: ignore[method-assign]
