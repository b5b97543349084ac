"""The Spanish workspace in Chromium: a supervisor's header stays on one line at 1440 px (the longest
nav, in the longer language), and a rendered item page — as the browser shows it, with the
decision bar's texts — has none of the English catalogue's strings."""

from __future__ import annotations

from tests.service.api.helpers import queue_items
from tests.service.ui.browser import ARTEFACTS
from tests.service.ui.test_browser import log_in, person
from tests.service.ui.test_spanish_pages import english_fragments, english_left


def test_the_supervisor_header_is_one_line_at_1440_px(workspace):
    service, url, browser = workspace
    person(service, "sara", "supervisor")
    for lang in ("es", "en"):
        page = log_in(browser, url, "sara", lang=lang)
        page.set_viewport_size({"width": 1440, "height": 900})
        page.goto(f"{url}/supervisor/escalations")
        header = page.locator("header.top")
        parts = [
            header.locator(".brand"),
            *header.locator("nav a").all(),
            *header.locator(".tools > *").all(),
        ]
        assert len(parts) > 9
        boxes = [part.bounding_box() for part in parts]
        row = boxes[1]  # the first nav link: every other part must share its line
        assert all(b["y"] < row["y"] + row["height"] and row["y"] < b["y"] + b["height"] for b in boxes), (
            lang,
            boxes,
        )
        assert len({round(b["y"]) for b in boxes[1 : 1 + header.locator("nav a").count()]}) == 1
        assert max(b["x"] + b["width"] for b in boxes) <= 1440  # on one line by fitting, not by overflowing
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTEFACTS / f"header-1440-{lang}.png"), clip=header.bounding_box())
        page.context.close()


def test_no_page_is_wider_than_a_laptop_screen(workspace):
    """At 1280 and 1024 px the header wraps instead of pushing the page wider than the window (it
    did at 1280 in Spanish: the one-line header is for 1440 px)."""
    service, url, browser = workspace
    person(service, "sara", "supervisor")
    for lang in ("es", "en"):
        page = log_in(browser, url, "sara", lang=lang)
        for width in (1280, 1024):
            page.set_viewport_size({"width": width, "height": 900})
            for path in ("/queue", "/supervisor/escalations", "/supervisor/cases"):
                page.goto(url + path)
                wide = page.evaluate("document.documentElement.scrollWidth")
                assert wide <= width, (lang, width, path, wide)
        page.context.close()


def test_a_spanish_item_page_in_the_browser_has_no_english(workspace):
    service, url, browser = workspace
    [item_id] = queue_items(service, 1)
    person(service, "ines", "analyst")
    page = log_in(browser, url, "ines", lang="es")
    page.get_by_role("button", name="Tomar el siguiente").click()
    page.wait_for_url(f"**/items/{item_id}")
    page.keyboard.press("c")  # the decision bar shows its reasons, read from the page's data-
    assert page.locator("#keybar").is_visible()
    ad = page.locator("#adtext").inner_text()
    text = page.locator("body").inner_text().replace(ad, " ")
    assert english_left(text, english_fragments()) == []
    assert page.errors == []  # type: ignore[attr-defined]
