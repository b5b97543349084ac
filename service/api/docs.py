"""The OpenAPI pages, `/docs` (Swagger UI) and `/redoc` (ReDoc), served from this machine.

FastAPI's own pages load Swagger UI and ReDoc from a CDN and start them with an inline script: on
a machine without internet (where the service is meant to run) they are blank, and the inline
script needs `'unsafe-inline'`. Here the bundles come from the installed `fastapi-offline` package
(a wheel that ships Swagger UI 5 and ReDoc 2 as files and needs nothing but FastAPI; only its
`static/` folder is used, not its app factory) and each page is started by a small file of ours
(`docs_static/*-init.js`), so the pages run under the service's policy (`headers.CSP`): scripts
from this origin only. `/redoc` widens it for ReDoc's styles and search worker alone
(`headers.styles_by_nonce`). Two things ReDoc still meets there are refused, harmlessly: the
scrollbar stylesheet it inserts before it knows the nonce (the menu keeps the browser's own
scrollbar) and the Redocly logo it links from its CDN (never fetched).

Both are served under `ASSETS` (cacheable, see `headers.CACHEABLE`); the pages themselves are
plain HTML that name the document's URL in a data attribute the start script reads.
"""

from __future__ import annotations

import secrets
from html import escape
from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.requests import Request
from starlette.responses import HTMLResponse

from service.api import headers

SWAGGER_PATH = "/docs"
REDOC_PATH = "/redoc"
#: Where the bundles and the start scripts are served (see `headers.CACHEABLE`).
ASSETS = "/docs-assets"
VENDOR = Path(fastapi_offline.__file__).with_name("static")
OURS = Path(__file__).with_name("docs_static")
FAVICON = "/static/favicon.svg"

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="{favicon}" type="image/svg+xml">
{head}
</head>
<body data-openapi="{openapi}">
{body}
</body>
</html>
"""


def _page(title: str, openapi: str, head: str, body: str) -> HTMLResponse:
    html = PAGE.format(title=escape(title), favicon=FAVICON, openapi=escape(openapi), head=head, body=body)
    return HTMLResponse(html)


def install(app: FastAPI) -> None:
    """Serve the two pages and their files; `create_app` turns FastAPI's own pages off."""
    app.mount(f"{ASSETS}/vendor", StaticFiles(directory=str(VENDOR)), name="docs-vendor")
    app.mount(ASSETS, StaticFiles(directory=str(OURS)), name="docs-assets")
    openapi = app.openapi_url or "/openapi.json"

    @app.get(SWAGGER_PATH, include_in_schema=False)
    def swagger(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        head = f'<link rel="stylesheet" href="{root}{ASSETS}/vendor/swagger-ui.css">'
        body = (
            '<div id="swagger-ui"></div>\n'
            f'<script src="{root}{ASSETS}/vendor/swagger-ui-bundle.js"></script>\n'
            f'<script src="{root}{ASSETS}/swagger-init.js"></script>'
        )
        return _page(f"{app.title} · Swagger UI", f"{root}{openapi}", head, body)

    @app.get(REDOC_PATH, include_in_schema=False)
    def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        nonce = secrets.token_urlsafe(18)
        body = (
            f'<div id="redoc" data-nonce="{nonce}"></div>\n'
            f'<script src="{root}{ASSETS}/vendor/redoc.standalone.js"></script>\n'
            f'<script src="{root}{ASSETS}/redoc-init.js"></script>'
        )
        head = f'<link rel="stylesheet" href="{root}{ASSETS}/redoc.css">'
        page = _page(f"{app.title} · ReDoc", f"{root}{openapi}", head, body)
        page.headers["content-security-policy"] = headers.styles_by_nonce(nonce)
        return page
