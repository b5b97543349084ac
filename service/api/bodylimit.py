"""Request bodies are bounded before anything reads them: 413 `{"detail"}`, never a parse of 60 MB.

A pure ASGI middleware in front of the whole app (both doors, before routing and credentials): a
`Content-Length` over the path's limit is answered at once, without calling the app or reading a
byte of the body; a body without one (chunked) is counted while the app streams it, and the read
that crosses the limit raises a 413 instead of handing the app another chunk. The 413 carries
`Connection: close`, so the server drops the rest of the upload instead of reading it.

The limit of a path is the largest legal request to it: the partners' batch routes get
`batch_body_limit` of their item model, everything else (forms, login, decisions) a small one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: A JSON string may spell any character of the Basic Multilingual Plane as a `\\uXXXX` escape (six
#: bytes; `json.dumps` does so for every non-ASCII one by default), the most any client needs; raw
#: UTF-8 takes at most four.
BYTES_PER_CHAR = 6
#: Per item: the field names, quotes, colons, commas and the whitespace of a pretty-printer.
ITEM_OVERHEAD = 1024
#: Every body that is not a batch: the largest is a workspace form with a 4,000-character note,
#: percent-encoded at up to 12 bytes a character (48 KB).
SMALL_BODY = 64 * 1024


def batch_body_limit(item: type[BaseModel], max_items: int) -> int:
    """The largest legal JSON body `{"items": [item, ...]}` of at most `max_items` items, from the
    `max_length` of every string field of `item` (so a changed limit changes this one too)."""
    chars = sum(_max_length(name, item) for name in item.model_fields)
    return max_items * (chars * BYTES_PER_CHAR + ITEM_OVERHEAD) + SMALL_BODY


def _max_length(name: str, model: type[BaseModel]) -> int:
    lengths = [m.max_length for m in model.model_fields[name].metadata if hasattr(m, "max_length")]
    if not lengths:
        raise TypeError(f"{model.__name__}.{name} has no max_length: a batch's size would be unbounded")
    return min(lengths)


class BodyTooLarge(HTTPException):
    """Raised into the app from `receive`: FastAPI passes an `HTTPException` met while reading a body
    through to the app's handler, which answers `{"detail"}` with 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body too large: at most {limit} bytes here", {"Connection": "close"})


class BodyLimit:
    """Refuse bodies over `limits[path]` (else `default`) bytes with 413."""

    def __init__(
        self, app: ASGIApp, default: int = SMALL_BODY, limits: Mapping[str, int] | None = None
    ) -> None:
        self.app = app
        self.default = default
        self.limits = dict(limits or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits.get(scope["path"], self.default)
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _refuse(send, BodyTooLarge(limit))
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit)
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge as exc:  # read outside FastAPI's handlers (a mounted app)
            if started:
                raise
            await _refuse(send, exc)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _refuse(send: Send, exc: BodyTooLarge) -> None:
    body = json.dumps({"detail": exc.detail}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})
