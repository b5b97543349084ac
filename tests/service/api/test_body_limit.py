"""Bodies over the largest legal request are refused with 413 `{"detail"}` before anything parses them.

- the limit of `/v1/score` holds the largest legal batch, worst case (every field at its limit,
  every character escaped as `json.dumps` does by default), and a body one byte under it reaches
  the route while one byte over is refused;
- a 60 MB `Content-Length` is answered at once: on a real server, the 413 arrives while the client
  has sent the headers alone; in the app, not one body chunk is read;
- a chunked body (no length) is counted as it streams and refused at the first chunk past the
  limit, never read to its end;
- every other route (the login form, a decision) has the small limit.
"""

from __future__ import annotations

import asyncio
import json
import socket

from fastapi import FastAPI

from service.api.bodylimit import SMALL_BODY
from service.api.routes.score import BODY_LIMIT, MAX_ITEMS, AdIn
from tests.service.ui.browser import live_server

SIXTY_MB = 60_000_000
CHUNK = 1_000_000


def worst_item() -> dict[str, str]:
    """An item with every field at its max_length, in a character `json.dumps` escapes (6 bytes)."""
    return {
        name: "é" * next(m.max_length for m in field.metadata if hasattr(m, "max_length"))
        for name, field in AdIn.model_fields.items()
    }


def test_the_batch_limit_holds_the_largest_legal_batch():
    largest = json.dumps({"items": [worst_item()] * MAX_ITEMS}, indent=4).encode()  # escaped, pretty
    assert len(largest) <= BODY_LIMIT < SIXTY_MB


def test_one_byte_under_the_limit_reaches_the_route_one_over_does_not(service):
    key = service.partner()
    body = json.dumps({"items": [{"external_id": "big-1", "text": "Vendo bicicleta usada."}]}).encode()
    padded = b" " * (BODY_LIMIT - len(body)) + body  # legal JSON, exactly at the limit
    headers = {**key, "Content-Type": "application/json"}
    accepted = service.client.post("/v1/score", content=padded, headers=headers)
    assert accepted.status_code == 200, accepted.text[:200]
    refused = service.client.post("/v1/score", content=b" " + padded, headers=headers)
    assert refused.status_code == 413
    assert set(refused.json()) == {"detail"} and str(BODY_LIMIT) in refused.json()["detail"]


def test_other_routes_have_the_small_limit(service):
    analyst = service.user("analyst")
    note = {"decision": "dismiss", "reason": "other", "note": "x" * SMALL_BODY}
    assert service.client.post("/v1/items/1/decision", json=note, headers=analyst).status_code == 413
    form = {"username": "ana", "password": "x" * SMALL_BODY}
    assert service.client.post("/login", data=form).status_code == 413


def call(app: FastAPI, headers: list[tuple[bytes, bytes]], chunks: int) -> tuple[int, bytes, int]:
    """Send `chunks` chunks of 1 MB to `app` as a server would; (status, body, chunks it read)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v1/score",
        "raw_path": b"/v1/score",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver"), (b"content-type", b"application/json"), *headers],
        "client": ("127.0.0.1", 5000),
        "server": ("testserver", 80),
    }
    read = 0
    sent: list[dict] = []

    async def receive() -> dict:
        nonlocal read
        read += 1
        return {"type": "http.request", "body": b" " * CHUNK, "more_body": read < chunks}

    async def send(message: dict) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], body, read


def test_a_declared_length_over_the_limit_is_refused_before_a_byte_is_read(service):
    key = [(b"x-api-key", service.partner()["X-API-Key"].encode())]
    status, body, read = call(service.client.app, [(b"content-length", str(SIXTY_MB).encode()), *key], 60)
    assert status == 413 and read == 0
    assert set(json.loads(body)) == {"detail"}


def test_a_chunked_body_is_counted_and_cut_at_the_limit(service):
    key = [(b"x-api-key", service.partner()["X-API-Key"].encode())]
    status, body, read = call(service.client.app, key, SIXTY_MB // CHUNK)
    assert status == 413 and set(json.loads(body)) == {"detail"}
    assert read == BODY_LIMIT // CHUNK + 1  # the chunk that crossed the limit, not one more


def test_a_real_server_answers_413_to_the_headers_alone(service):
    key = service.partner()["X-API-Key"]
    head = (
        "POST /v1/score HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"X-API-Key: {key}\r\nContent-Length: {SIXTY_MB}\r\n\r\n"
    )
    with live_server(service.client.app) as url:
        host, port = url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            sock.sendall(head.encode())  # and not one byte of the 60 MB
            answer = b""
            while chunk := sock.recv(65536):  # the server closes after answering
                answer += chunk
    status_line, _, rest = answer.partition(b"\r\n")
    assert status_line.startswith(b"HTTP/1.1 413 ")
    headers, _, payload = rest.partition(b"\r\n\r\n")
    assert b"connection: close" in headers.lower()
    assert set(json.loads(payload)) == {"detail"}
