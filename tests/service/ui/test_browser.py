"""The workspace in a real browser (Playwright driving Debian's Chromium).

Covers what a person does: log in, filter the queue, claim with the keyboard, reveal the blurred
text, decide and see the item leave the queue; an escalation settled by a second supervisor in a
second browser context; the language switch; and hostile ad markup that must never run.
Screenshots of the queue and item pages land in build/screenshots/ (a build artefact).
"""

from __future__ import annotations

from service.review import accounts
from tests.service.api.conftest import PASSWORD, Service
from tests.service.api.helpers import flagged_rows, post_ads, queue_items
from tests.service.ui.browser import (
    ARTEFACTS,
)


def person(service: Service, name: str, role: str) -> None:
    with service.state.sessions() as session:
        accounts.add_user(session, service.state, name, role, PASSWORD, actor="test")


def log_in(browser, url: str, name: str, lang: str = "en"):  # type: ignore[no-untyped-def]
    context = browser.new_context(locale=lang, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{url}/login")
    page.get_by_label("User name" if lang == "en" else "Usuario").fill(name)
    page.get_by_label("Password" if lang == "en" else "Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Log in" if lang == "en" else "Entrar").click()
    page.wait_for_load_state()
    page.errors = errors  # type: ignore[attr-defined]
    return page


def test_analyst_works_an_item_with_the_keyboard(workspace):
    service, url, browser = workspace
    key = service.partner()
    queue_items(service, 3, key=key, source="demo")
    queue_items(service, 2, key=key, prefix="other", source="elsewhere")
    person(service, "ana", "analyst")
    page = log_in(browser, url, "ana")
    assert page.url.endswith("/queue")
    page.get_by_label("Source").select_option("demo")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()
    rows = page.locator("tbody tr")
    assert rows.count() == 3
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "queue.png"), full_page=True)

    page.keyboard.press("n")  # claim the next item, with the filters applied
    page.wait_for_url("**/items/*")
    item_id = int(page.url.rsplit("/", 1)[1])
    text = page.locator("#adtext")
    assert "blurred" in text.get_attribute("class")
    page.keyboard.press("r")
    assert "blurred" not in text.get_attribute("class")
    page.screenshot(path=str(ARTEFACTS / "item.png"), full_page=True)

    page.keyboard.press("d")  # arms the dismiss form; the focus stays on the page, not in a field
    assert "armed" in page.locator("#decision-dismiss").get_attribute("class")
    page.keyboard.press("d")  # the second press, straight after, submits
    page.wait_for_url("**/queue*")
    assert page.locator(f'tr[data-item="{item_id}"]').count() == 0
    assert page.locator('[data-count="dismissed"]').inner_text() == "1"
    with service.state.sessions() as session:  # "d d" no longer types the second d into the reason list
        from service.db.models import Decision

        assert session.query(Decision.reason).filter_by(item_id=item_id).scalar() == "legitimate-offer"
    assert page.errors == []


def test_escalation_is_settled_by_a_second_supervisor(workspace):
    service, url, browser = workspace
    [item_id] = queue_items(service, 1)
    person(service, "sofia", "supervisor")
    person(service, "samuel", "supervisor")
    first = log_in(browser, url, "sofia")
    first.keyboard.press("n")
    first.wait_for_url(f"**/items/{item_id}")
    first.get_by_label("Reason (Escalate)").select_option("needs-second-opinion")
    first.locator("#decision-escalate button").click()
    first.wait_for_url("**/queue*")

    second = log_in(browser, url, "samuel")  # a second browser context: its own cookies
    second.goto(f"{url}/queue?state=escalated")
    assert second.locator(f'tr[data-item="{item_id}"]').count() == 1
    second.get_by_role("button", name="Claim next item").click()
    second.wait_for_url(f"**/items/{item_id}")
    second.get_by_label("Reason (Confirm)").select_option("indicators-present")
    second.locator("#decision-confirm button").click()
    second.wait_for_url("**/queue*")
    with service.state.sessions() as session:
        from service.db.models import Item

        assert session.get(Item, item_id).state == "confirmed"

    # The escalating supervisor cannot settle her own escalation.
    [other] = queue_items(service, 1, prefix="again")
    first.goto(f"{url}/queue")
    first.keyboard.press("n")
    first.wait_for_url(f"**/items/{other}")
    first.locator("#decision-escalate button").click()
    first.goto(f"{url}/queue?state=escalated")
    first.get_by_role("button", name="Claim next item").click()
    first.wait_for_load_state()
    assert f"/items/{other}" not in first.url


def test_language_switch(workspace):
    service, url, browser = workspace
    person(service, "rosa", "analyst")
    page = log_in(browser, url, "rosa", lang="es")
    assert page.locator("h1").inner_text() == "Cola de revisión"
    page.get_by_label("Idioma de la interfaz").select_option("en")
    page.get_by_role("button", name="Aceptar").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Review queue"
    assert page.locator("html").get_attribute("lang") == "en"


def test_hostile_markup_in_an_ad_never_runs(workspace):
    service, url, browser = workspace
    row = flagged_rows(service, 1)[0]
    hostile = '<script>window.pwned = 1</script><img src="x" onerror="window.pwned = 2"> '
    [item_id] = post_ads(service, service.partner(), [{"external_id": "xss", "text": hostile + row["text"]}])
    person(service, "ana", "analyst")
    page = log_in(browser, url, "ana")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{url}/items/{item_id}")
    page.keyboard.press("r")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert "<script>window.pwned = 1</script>" in page.locator("#adtext").inner_text()
    assert page.locator("#adtext script, #adtext img").count() == 0
    assert dialogs == [] and page.errors == []
