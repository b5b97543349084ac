"""Security headers on every answer (`service.api.headers`): the workspace's pages, the JSON API,
errors, redirects and refusals alike; `no-store` on all but static files; ReDoc's CSP with a nonce.
The browser side (the pages run under this CSP without a violation, and cannot be framed) is
tests/service/ui/test_csp_browser.py."""

from __future__ import annotations

from service.api.headers import CSP, styles_by_nonce
from tests.service.api.conftest import PASSWORD
from tests.service.api.helpers import form_login, queue_items

FRAMING = {"x-frame-options": "DENY", "x-content-type-options": "nosniff", "referrer-policy": "no-referrer"}


def assert_hardened(response, csp: str = CSP, cache: str | None = "no-store") -> None:  # type: ignore[no-untyped-def]
    where = f"{response.request.method} {response.request.url.path} ({response.status_code})"
    assert response.headers["content-security-policy"] == csp, where
    for name, value in FRAMING.items():
        assert response.headers[name] == value, (where, name)
    assert response.headers.get("cache-control") == cache, where


def test_pages_with_ad_text_are_hardened_and_never_stored(service):
    [item_id] = queue_items(service, 1)
    service.user("supervisor", name="hdr-sup")
    client = service.client
    assert_hardened(client.get("/login"))
    assert_hardened(form_login(client, "hdr-sup", PASSWORD, follow_redirects=False))  # the redirect
    for path in ("/queue", f"/items/{item_id}", "/supervisor/reports", "/supervisor/audit", "/nowhere"):
        assert_hardened(client.get(path))


def test_api_answers_are_hardened_and_never_stored(service):
    [item_id] = queue_items(service, 1)
    analyst = service.user("analyst")
    assert_hardened(service.client.get(f"/v1/queue/{item_id}", headers=analyst))  # ad text
    assert_hardened(service.client.get("/v1/queue", headers=analyst))
    assert_hardened(service.client.get("/v1/queue"))  # a 401
    assert_hardened(service.client.post("/v1/score", content=b"x" * 70_000))  # a 413 from the limit
    assert_hardened(service.client.get("/healthz"))


def test_static_files_may_be_cached_and_docs_get_their_own_policy(service):
    assert_hardened(service.client.get("/static/app.js"), cache=None)
    assert_hardened(service.client.get("/docs-assets/vendor/swagger-ui-bundle.js"), cache=None)
    assert_hardened(service.client.get("/docs"))  # Swagger UI runs under the workspace's own policy
    assert "script-src 'self';" in CSP and "'unsafe-inline'" not in CSP
    assert "frame-ancestors 'none'" in CSP
    first, second = service.client.get("/redoc"), service.client.get("/redoc")
    policy = first.headers["content-security-policy"]
    assert policy != second.headers["content-security-policy"]  # a fresh nonce per answer
    nonce = policy.split("'nonce-", 1)[1].split("'", 1)[0]
    assert_hardened(first, csp=styles_by_nonce(nonce))
    assert f'data-nonce="{nonce}"' in first.text
    assert (
        "script-src 'self';" in policy
        and "'unsafe-inline'" not in policy
        and "frame-ancestors 'none'" in policy
    )


def test_a_route_keeps_its_own_cache_control(service):
    """The middleware only fills in: what a route sets (the export's `no-store`) is left alone."""
    researcher = service.user("researcher")
    response = service.client.get("/v1/export/decisions", headers=researcher)
    assert response.headers.get_list("cache-control") == ["no-store"]
