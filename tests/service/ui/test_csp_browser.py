"""The workspace under its Content-Security-Policy, in Chromium: every page works with no violation
(no inline script, handler or style the policy would block), its script still runs, and no page —
another site's or our own — can frame the queue, where single keys decide."""

from __future__ import annotations

from tests.service.api.helpers import claim, decide, queue_items
from tests.service.ui.test_browser import log_in, person

CSP_WORDS = ("Content Security Policy", "Content-Security-Policy", "Refused to")


def violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [m for m in page.console_messages if any(word in m for word in CSP_WORDS)]


def watched(browser, url: str, name: str):  # type: ignore[no-untyped-def]
    page = log_in(browser, url, name)
    page.console_messages = []  # type: ignore[attr-defined]
    page.on("console", lambda message: page.console_messages.append(message.text))
    return page


def test_every_page_runs_under_the_policy_without_a_violation(workspace):
    service, url, browser = workspace
    ids = queue_items(service, 2)
    reviewer = service.user("supervisor", name="csp-reviewer")
    assert claim(service, reviewer) == ids[0]
    assert decide(service, reviewer, ids[0], "confirm", "indicators-present").status_code == 200
    person(service, "csp-sup", "supervisor")
    person(service, "csp-res", "researcher")

    page = watched(browser, url, "csp-sup")
    for path in (
        "/queue",
        f"/items/{ids[1]}",
        "/supervisor/escalations",
        "/supervisor/unmask",
        "/supervisor/audit",
        "/supervisor/reports",
        f"/supervisor/reports/{ids[0]}",
    ):
        page.goto(f"{url}{path}")
        page.wait_for_load_state("load")
        assert page.locator("h1").count() == 1, path
    page.goto(f"{url}/items/{ids[1]}")
    assert "blurred" in page.locator("#adtext").get_attribute("class")
    page.keyboard.press("r")  # app.js, loaded under script-src 'self', still binds the keys
    assert "blurred" not in page.locator("#adtext").get_attribute("class")
    researcher = watched(browser, url, "csp-res")
    researcher.goto(f"{url}/research")
    researcher.wait_for_load_state("load")
    assert violations(page) == [] and violations(researcher) == []
    assert page.errors == [] and researcher.errors == []  # type: ignore[attr-defined]


def test_no_page_can_frame_the_queue(workspace):
    service, url, browser = workspace
    person(service, "csp-ana", "analyst")
    page = watched(browser, url, "csp-ana")
    page.goto(f"{url}/static/app.css")  # a page of our own origin, holding the session cookie
    page.set_content(f'<iframe id="f" src="{url}/queue" width="800" height="600"></iframe>')
    page.wait_for_timeout(1000)
    framed = next(frame for frame in page.frames if frame is not page.main_frame)
    assert "Review queue" not in framed.content()
    assert any("frame-ancestors" in message for message in page.console_messages)  # type: ignore[attr-defined]
