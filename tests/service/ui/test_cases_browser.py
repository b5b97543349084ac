"""A case in a real browser, as supervisors build and send one (issue 15's acceptance): three
confirmed items put into a case by one supervisor, who is offered no sign-off of her own draft; a
second supervisor, in a browser of his own, signs off the report and the takedown; the first sends
both; the page shows each state, and the takedown's webhook attempts once the worker delivered them
to a real HTTP server. Screenshots of the case page in English and Spanish go to build/screenshots/.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from service.review import webhooks
from tests.service.api.helpers import claim, decide, queue_items
from tests.service.ui.browser import ARTEFACTS
from tests.service.ui.test_browser import log_in, person


class Accepting(BaseHTTPRequestHandler):
    """A partner's takedown endpoint that accepts every notice."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def partner_endpoint() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Accepting)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/takedown"
    server.shutdown()
    server.server_close()


def chip(page, document: str) -> str:  # type: ignore[no-untyped-def]
    return page.locator(f'[data-document="{document}"] .case-state').inner_text()


def test_a_case_of_three_items_signed_off_by_a_second_supervisor_and_sent(workspace, partner_endpoint):
    service, url, browser = workspace
    service.state.settings.webhook_allow_private = True  # the partner's endpoint listens on 127.0.0.1
    key, _ = service.partner_with_secret(partner_endpoint)
    ids = queue_items(service, 3, key=key, source="demo")
    analyst = service.user("analyst")
    for _ in ids:
        item_id = claim(service, analyst)
        assert decide(service, analyst, item_id, "confirm", "indicators-present").status_code == 200
    person(service, "sara", "supervisor")
    person(service, "saul", "supervisor")

    first = log_in(browser, url, "sara")
    first.get_by_role("link", name="Cases").click()
    first.wait_for_url("**/supervisor/cases")
    first.get_by_label("Title").fill("Same phone on three ads")
    first.get_by_label("Summary").fill("Three ads, one number.")
    for item_id in ids:
        first.locator(f"#pick-{item_id}").check()
    first.get_by_role("button", name="Build the case").click()
    first.wait_for_url("**/supervisor/cases/*")
    case_id = int(first.url.split("?")[0].rsplit("/", 1)[1])
    assert chip(first, "report") == "Draft" and chip(first, "takedown") == "Draft"
    assert first.locator("[data-timeline]").count() == 3
    assert first.get_by_role("button", name="Sign off the case report").count() == 0  # her own draft
    assert first.get_by_text("You drafted this: a second supervisor must sign it off.").count() == 2

    second = log_in(browser, url, "saul")  # a browser context of his own
    second.get_by_role("link", name="Cases").click()
    second.get_by_role("link", name="Same phone on three ads").click()
    second.wait_for_url(f"**/supervisor/cases/{case_id}")
    second.get_by_role("button", name="Sign off the case report").click()
    second.wait_for_url(f"**/supervisor/cases/{case_id}?*")
    second.get_by_role("button", name="Sign off the takedown").click()
    second.wait_for_url(f"**/supervisor/cases/{case_id}?*")
    assert chip(second, "report") == "Signed off" and chip(second, "takedown") == "Signed off"

    first.reload()
    first.get_by_role("button", name="Send the takedown notices").click()
    first.wait_for_url(f"**/supervisor/cases/{case_id}?*")
    assert chip(first, "takedown") == "Sent"
    assert first.locator("[data-delivery]").count() == 3
    assert first.locator('[data-delivery-status="pending"]').count() == 3
    first.get_by_label("Sent to (optional)").fill("UCRIF central")
    first.get_by_role("button", name="Mark the report as sent").click()
    first.wait_for_url(f"**/supervisor/cases/{case_id}?*")
    assert chip(first, "report") == "Sent"

    assert webhooks.deliver_due(service.state) == 3  # what the worker does every few seconds
    first.reload()
    assert chip(first, "takedown") == "Acknowledged"
    assert first.locator('[data-delivery-status="delivered"]').count() == 3
    assert first.locator("[data-delivery] li").filter(has_text="200").count() == 3
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    first.screenshot(path=str(ARTEFACTS / "case.png"), full_page=True)
    second.goto(f"{url}/supervisor/cases")
    assert second.locator(f'tr[data-case="{case_id}"]').inner_text().count("Sent") == 1

    spanish = log_in(browser, url, "saul", lang="es")
    spanish.goto(f"{url}/supervisor/cases/{case_id}")
    assert chip(spanish, "takedown") == "Acuse recibido" and chip(spanish, "report") == "Enviado"
    spanish.screenshot(path=str(ARTEFACTS / "case-es.png"), full_page=True)
    assert first.errors == [] and second.errors == [] and spanish.errors == []  # type: ignore[attr-defined]
