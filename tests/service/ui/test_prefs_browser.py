"""The wellbeing preferences in Chromium, with the keyboard only (Tab, Space, Enter and typing, no
clicks): from the queue to /prefs by the header's link, greyscale turned on and saved, and the ad
text of an item page then computed in greyscale (and still blurred until revealed); and the new
pieces under the accessibility checks of every page, in both colour schemes."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from service.db.models import User
from service.review import prefs
from tests.service.api.conftest import PASSWORD
from tests.service.api.helpers import claim, decide, queue_items
from tests.service.ui.test_accessibility import check, open_as
from tests.service.ui.test_browser import person

MAX_TABS = 60


def tab_to(page, test: str) -> None:  # type: ignore[no-untyped-def]
    """Press Tab until the focused element passes `test` (a JS expression on `el`)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!el && ({test}); }})()"):
            return
    raise AssertionError(f"Tab never reached an element where {test}")


def test_greyscale_is_chosen_and_seen_with_the_keyboard_only(workspace):
    service, url, browser = workspace
    [item_id] = queue_items(service, 1)
    person(service, "kai", "analyst")
    page = browser.new_context(locale="en", viewport={"width": 1280, "height": 900}).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(f"{url}/login")  # the user name field has the focus
    page.keyboard.type("kai")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/queue")
    tab_to(page, "el.getAttribute('href') === '/prefs'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/prefs")
    assert not page.locator("#greyscale").is_checked()

    tab_to(page, "el.id === 'greyscale'")
    page.keyboard.press("Space")
    assert page.locator("#greyscale").is_checked()
    tab_to(page, "el.id === 'break_every'")
    page.keyboard.press("Control+A")
    page.keyboard.type("30")
    tab_to(page, "el.type === 'submit' && el.closest('form.prefs') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url("**/prefs?message=prefs.saved")
    assert page.locator("#greyscale").is_checked() and page.locator("#break_every").input_value() == "30"

    page.goto(f"{url}/items/{item_id}")
    assert page.locator("body").get_attribute("class") == "greyscale"
    text = page.locator("#adtext")
    assert (
        page.evaluate("getComputedStyle(document.querySelector('#adtext')).filter")
        == "blur(6px) grayscale(1)"
    )
    page.keyboard.press("r")  # revealed: the colour stays off
    assert "blurred" not in text.get_attribute("class")
    expect(text).to_have_css("filter", "grayscale(1)")
    assert errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_prefs_page_the_counter_and_the_reminder_pass_the_page_checks(workspace, scheme):
    """The new pieces, in both colour schemes: labelled controls, one h1, visible focus, and every
    text (the header's counter line, the reminder and its button) at its contrast."""
    service, url, browser = workspace
    queue_items(service, 2)
    lena = service.user("analyst", name="lena")
    with service.state.sessions() as session:
        user = session.scalar(select(User).where(User.name == "lena"))
        prefs.update(session, user, greyscale=True, break_every=1)
    decided = claim(service, lena)
    assert decide(service, lena, decided, "dismiss", "legitimate-offer").status_code == 200
    page = open_as(browser, url, "lena", "es", scheme=scheme)
    problems = check(page, url, "/prefs", "es", suffix=f".{scheme}")
    problems += check(page, url, "/queue", "es", suffix=f".wellbeing.{scheme}")
    assert page.locator("[data-break-due]").is_visible() and page.locator("header .day").is_visible()
    assert problems == []
