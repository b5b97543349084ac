"""The OpenAPI pages in Chromium with the internet cut off: `/docs` (Swagger UI) and `/redoc`
(ReDoc) render the service's operations from the installed bundles (`service.api.docs`), every
request that would leave 127.0.0.1 is failed by route interception (and none is even tried), and
the pages run under their Content-Security-Policy: Swagger UI with no violation at all, ReDoc with
only the two it is known to meet (a stylesheet it inserts before it knows the nonce, and the
Redocly logo from its CDN, refused before any request)."""

from __future__ import annotations

import re

from tests.service.ui.test_csp_browser import CSP_WORDS

LOCAL = "http://127.0.0.1:"
#: What ReDoc 2 is refused under `headers.styles_by_nonce`, and nothing else.
REDOC_KNOWN = ("style-src", "cdn.redoc.ly/redoc/logo-mini.svg")


def offline(browser):  # type: ignore[no-untyped-def]
    """A page whose every request off 127.0.0.1 fails; `page.outside` lists them, `page.refused`
    the CSP violations the console reported."""
    context = browser.new_context()
    page = context.new_page()
    page.outside, page.refused = [], []

    def cut_off(route) -> None:  # type: ignore[no-untyped-def]
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            page.outside.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", cut_off)
    page.on("console", lambda m: page.refused.append(m.text) if any(w in m.text for w in CSP_WORDS) else None)
    return page


def test_swagger_ui_renders_the_operations_offline_under_a_strict_policy(workspace):
    _service, url, browser = workspace
    page = offline(browser)
    response = page.goto(f"{url}/docs")
    assert response is not None and response.status == 200
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    score = page.locator(".opblock-summary-path", has_text="/v1/score").first
    score.wait_for()
    assert page.locator(".opblock").count() > 20
    score.click()  # open the operation, as a reader would
    page.get_by_role("button", name="Try it out").first.wait_for()
    page.get_by_role("button", name="Authorize").click()
    dialog = page.locator(".dialog-ux")
    dialog.wait_for()
    assert "X-API-Key" in dialog.inner_text() and "bearer" in dialog.inner_text().lower()
    assert page.outside == [] and page.refused == []
    page.context.close()


def test_redoc_renders_the_operations_offline_and_its_search_works(workspace):
    _service, url, browser = workspace
    page = offline(browser)
    response = page.goto(f"{url}/redoc")
    assert response is not None and response.status == 200
    policy = response.headers["content-security-policy"]
    assert "'unsafe-inline'" not in policy and "'nonce-" in policy
    page.locator("h2", has_text=re.compile(r"^Indicators\s*$")).wait_for()  # one per operation
    assert page.locator("h2", has_text=re.compile(r"^Score\s*$")).count() == 1
    assert page.locator("h2").count() > 30
    search = page.get_by_placeholder("Search...")
    search.click()
    page.keyboard.type("ingest")  # ReDoc searches in a worker (worker-src blob:)
    results = page.locator("[data-role='search:results']")
    results.wait_for()
    assert "Ingest" in results.inner_text() and "Score" not in results.inner_text()
    assert page.outside == []
    unexpected = [m for m in page.refused if not any(known in m for known in REDOC_KNOWN)]
    assert unexpected == []
    page.context.close()
