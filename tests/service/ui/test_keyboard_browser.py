"""The decision loop by keyboard alone, in Chromium, pressing keys as a person does — no clicks and no
Escape between the presses of one decision — and the queue's pager reaching every item.

After logging in, nothing here clicks: rows are chosen with j/k and opened with Enter, an item is
claimed with t, revealed with r, decided with a decision key plus (optionally) a number and then the
same key or Enter.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect
from sqlalchemy import select

from service.db.models import Decision, Item
from tests.service.api.helpers import queue_items
from tests.service.ui.browser import ARTEFACTS
from tests.service.ui.test_browser import log_in, person


def decision_of(service, item_id: int) -> tuple[str, list[str]]:  # type: ignore[no-untyped-def]
    """The item's state and the reasons of every decision recorded on it."""
    with service.state.sessions() as session:
        state = session.scalar(select(Item.state).where(Item.id == item_id))
        reasons = list(session.scalars(select(Decision.reason).where(Decision.item_id == item_id)))
    return state, reasons


def back_on_the_queue(page, service, item_id: int) -> tuple[str, list[str]]:  # type: ignore[no-untyped-def]
    page.wait_for_url("**/queue*")
    return decision_of(service, item_id)


def open_first_row(page) -> int:  # type: ignore[no-untyped-def]
    """j selects the first row of the queue, Enter opens it; the item's id."""
    page.keyboard.press("j")
    row = page.locator("tr.current")
    expect(row).to_have_count(1)
    item_id = int(row.get_attribute("data-item"))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/items/{item_id}")
    return item_id


def open_and_claim(page) -> int:  # type: ignore[no-untyped-def]
    """Open the first row by keyboard and claim that item with t; its id."""
    item_id = open_first_row(page)
    chip = page.locator("[data-state-chip]")
    expect(chip).to_have_text("Queued")
    # "Claim this item": exactly this one, not the next in the queue. The claim lands back on the same
    # URL, so waiting for the URL would return at once; wait for the navigation the key started.
    with page.expect_navigation(url=f"**/items/{item_id}"):
        page.keyboard.press("t")
    expect(chip).to_have_text(re.compile(r"^Claimed by you until \d\d:\d\d UTC$"))
    return item_id


def test_claim_reveal_and_decide_with_two_key_presses(workspace):
    service, url, browser = workspace
    ids = queue_items(service, 3)
    person(service, "ana", "analyst")
    page = log_in(browser, url, "ana")

    item_id = open_and_claim(page)
    assert item_id in ids
    text = page.locator("#adtext")
    page.keyboard.press("r")
    expect(text).not_to_have_class(re.compile("blurred"))
    page.keyboard.press("c")  # arms Confirm and lists its reasons with number keys
    keybar = page.locator("#keybar")
    expect(keybar).to_be_visible()
    expect(keybar.locator("[data-reasons-for=confirm] li")).to_have_count(3)
    expect(keybar.locator("li[aria-current=true]")).to_have_text("1 Indicators present")
    expect(page.locator("#key-status")).to_contain_text("Confirm armed, reason 1: Indicators present")
    expect(text).to_be_in_viewport()  # arming moved nothing: the ad text is still in view
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "item-armed.png"))
    page.keyboard.press("c")  # the same key again submits
    assert back_on_the_queue(page, service, item_id) == ("confirmed", ["indicators-present"])
    expect(page.locator(f'tr[data-item="{item_id}"]')).to_have_count(0)

    # A decision key, a number for the reason, and Enter.
    second = open_and_claim(page)
    page.keyboard.press("d")
    page.keyboard.press("3")
    expect(page.locator("#keybar li[aria-current=true]")).to_have_text("3 Duplicate")
    page.keyboard.press("Enter")
    assert back_on_the_queue(page, service, second) == ("dismissed", ["duplicate"])
    assert page.errors == []


def test_escape_disarms_and_nothing_is_sent(workspace):
    service, url, browser = workspace
    [item_id] = queue_items(service, 1)
    person(service, "ana", "analyst")
    page = log_in(browser, url, "ana")
    assert open_and_claim(page) == item_id
    page.keyboard.press("e")
    expect(page.locator("#decision-escalate")).to_have_class(re.compile("armed"))
    page.keyboard.press("Escape")
    expect(page.locator("#keybar")).to_be_hidden()
    expect(page.locator("form.armed")).to_have_count(0)
    expect(page.locator("#key-status")).to_have_text("Decision cancelled; nothing was sent.")
    page.keyboard.press("Enter")  # disarmed: Enter submits nothing (had it, the steps below would fail)
    page.keyboard.press("2")  # and a number key chooses nothing
    page.keyboard.press("e")  # arming again after Escape shows reason 1
    expect(page.locator("#keybar li[aria-current=true]")).to_have_text("1 Needs a second opinion")
    page.keyboard.press("d")  # a different decision key re-arms instead of submitting
    expect(page.locator("#decision-dismiss")).to_have_class(re.compile("armed"))
    expect(page.locator("form.armed")).to_have_count(1)
    page.keyboard.press("d")
    assert back_on_the_queue(page, service, item_id) == ("dismissed", ["legitimate-offer"])
    assert page.errors == []


def test_the_pager_reaches_all_250_queued_items(workspace):
    service, url, browser = workspace
    ids = queue_items(service, 250, source="demo")
    person(service, "ana", "analyst")
    page = log_in(browser, url, "ana")
    expect(page.locator('[data-count="queued"]')).to_have_text("250")
    seen: list[int] = []
    rows = page.locator("tbody tr")
    selected = False  # the first page starts with no row selected; a page turned by j selects its first
    while True:
        count = rows.count()
        seen += [int(rows.nth(i).get_attribute("data-item")) for i in range(count)]
        if page.locator("a[rel=next]").count() == 0:
            break
        with page.expect_navigation():
            for _ in range(count if selected else count + 1):  # j to the last row, then once more
                page.keyboard.press("j")
        selected = True
        expect(rows.first).to_have_class("current")
    expect(page.locator("[data-range]")).to_have_text("Items 201–250 of 250")
    page.screenshot(path=str(ARTEFACTS / "queue-last-page.png"), full_page=True)
    assert sorted(seen) == sorted(ids) and len(seen) == 250
    last_of_page_four = seen[199]
    with page.expect_navigation():  # k before the first row goes back, selecting the last row there
        page.keyboard.press("k")
    expect(page.locator("tr.current")).to_have_attribute("data-item", str(last_of_page_four))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/items/{last_of_page_four}")
    assert page.errors == []
