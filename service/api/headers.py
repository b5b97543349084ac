"""Security headers on every answer of both doors, set in one place (a pure ASGI middleware).

- `Content-Security-Policy`: scripts, styles and everything else from this origin only, no inline
  script (the workspace has none: `static/app.js` binds every handler), no plugins, forms post here
  only, and `frame-ancestors 'none'` with `X-Frame-Options: DENY`, so no other page can frame the
  queue where single keys decide. The OpenAPI pages (`/docs`, `/redoc`) are FastAPI's, which load
  Swagger UI / ReDoc from their CDN with an inline bootstrap script; they show no ad text and
  reflect no input, and get the same policy widened for exactly that.
- `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer` (an item URL never leaves in a
  Referer header).
- `Cache-Control: no-store` on every dynamic answer — pages and JSON carry ad text, tokens or
  values a shared browser or proxy must not keep; only `/static/` files may be cached. A route that
  sets its own `Cache-Control` keeps it.
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
DOCS_CDN = "https://cdn.jsdelivr.net"
DOCS_CSP = (
    f"default-src 'self'; script-src 'self' 'unsafe-inline' {DOCS_CDN}; "
    f"style-src 'self' 'unsafe-inline' {DOCS_CDN}; img-src 'self' data: https://fastapi.tiangolo.com; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
ALWAYS = (
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)
STATIC_PREFIX = "/static/"


class SecurityHeaders:
    """Add the headers above to every HTTP response; `docs_paths` get `DOCS_CSP`."""

    def __init__(self, app: ASGIApp, docs_paths: Iterable[str] = ()) -> None:
        self.app = app
        self.docs_paths = frozenset(docs_paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        policy = DOCS_CSP if path in self.docs_paths else CSP
        extra = [(b"content-security-policy", policy.encode()), *ALWAYS]
        if not path.startswith(STATIC_PREFIX):
            extra.append((b"cache-control", b"no-store"))

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(name, value) for name, value in extra if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
