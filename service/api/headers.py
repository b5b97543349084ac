"""Security headers on every answer of both doors, set in one place (a pure ASGI middleware).

- `Content-Security-Policy`: scripts, styles and everything else from this origin only, no inline
  script (the workspace has none: `static/app.js` binds every handler), no plugins, forms post here
  only, and `frame-ancestors 'none'` with `X-Frame-Options: DENY`, so no other page can frame the
  queue where single keys decide. The OpenAPI pages (`/docs`, `/redoc`, `service.api.docs`) run
  under the same policy, from files served here; ReDoc writes its styles into `<style>` elements
  and searches in a worker it builds from a blob, so `/redoc` sets its own policy
  (`styles_by_nonce`): styles from here or carrying that answer's nonce, and `worker-src blob:`.
- `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer` (an item URL never leaves in a
  Referer header).
- `Cache-Control: no-store` on every dynamic answer — pages and JSON carry ad text, tokens or
  values a shared browser or proxy must not keep; only files (`CACHEABLE`) may be cached. A route that
  sets its own `Cache-Control` keeps it.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def styles_by_nonce(nonce: str) -> str:
    """`CSP` that also admits `<style>` elements carrying `nonce` and workers built from a blob
    (ReDoc's, see `service.api.docs`): a page sets it itself; the middleware leaves it alone."""
    policy = CSP.replace("style-src 'self'", f"style-src 'self' 'nonce-{nonce}'", 1)
    return policy.replace("object-src", "worker-src blob:; object-src", 1)


ALWAYS = (
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)
#: Paths of files that never change while the service runs (the workspace's, the docs' bundles).
CACHEABLE = ("/static/", "/docs-assets/")


class SecurityHeaders:
    """Add the headers above to every HTTP response that does not set them itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        extra = [(b"content-security-policy", CSP.encode()), *ALWAYS]
        if not path.startswith(CACHEABLE):
            extra.append((b"cache-control", b"no-store"))

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(name, value) for name, value in extra if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
