"""Search and the watch-list in Chromium, as a person does it: follow the Search link, type a token
into the field and press Enter, search words the same way, watch the token, and find the next ad
holding it marked in the queue. A screenshot of the search page lands in build/screenshots/."""

from __future__ import annotations

from sqlalchemy import select

from service.db.models import Item
from tests.service.api.helpers import flagged_rows, post_ads
from tests.service.ui.browser import ARTEFACTS
from tests.service.ui.test_browser import log_in, person

PHONE = "+34 612 345 678"


def _ads(service, rows: list[dict], prefix: str) -> list[dict]:  # type: ignore[no-untyped-def]
    return [
        {"external_id": f"{prefix}-{i}", "text": f"{r['text']} Llamar al {PHONE}"} for i, r in enumerate(rows)
    ]


def test_an_analyst_searches_a_token_and_words_with_the_keyboard_and_watches_it(workspace):
    service, url, browser = workspace
    key = service.partner()
    rows = flagged_rows(service, 3)
    first, second = post_ads(service, key, _ads(service, rows[:2], "b"))
    with service.state.sessions() as session:
        text = session.scalars(select(Item.text).where(Item.id == first)).one()
    token = text.rsplit(" ", 1)[1]  # the appended phone's pseudonym, as the item page shows it
    word = next(w for w in rows[0]["text"].split() if w.isascii() and w.isalpha() and len(w) > 4)
    person(service, "lucia", "analyst")
    page = log_in(browser, url, "lucia")

    page.get_by_role("link", name="Search").click()
    page.wait_for_url("**/search")
    page.get_by_label("Token or words").click()
    page.keyboard.type(token)
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=*")
    results = page.locator("table tbody tr")
    assert {results.nth(i).get_attribute("data-item") for i in range(results.count())} == {
        str(first),
        str(second),
    }
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "search.png"), full_page=True)

    page.get_by_label("Token or words").click()
    page.keyboard.press("Control+A")
    page.keyboard.type(f"{token} {word}")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(f'tbody tr[data-item="{first}"]').count() == 1
    assert page.locator("[data-search-total]").get_attribute("data-search-total") != "0"

    page.get_by_role("button", name=f"Watch {token}").click()
    page.wait_for_url("**/search?q=*")
    assert page.locator("[data-watches] li").count() == 1
    (later,) = post_ads(service, key, _ads(service, rows[2:], "later"))
    page.get_by_role("link", name="Queue").first.click()
    page.wait_for_url("**/queue*")
    assert page.locator(f'tr[data-item="{later}"] [data-watched]').count() == 1
    assert page.locator(f'tr[data-item="{first}"] [data-watched]').count() == 0
    assert page.locator("[data-watch-hits] a").first.inner_text() == f"#{later}"
    page.screenshot(path=str(ARTEFACTS / "queue-watched.png"), full_page=True)
    assert page.errors == []
