"""A missing item or address: people get a page in their language with a way back (404); the API,
the static files and the other machine paths keep `{"detail"}` JSON (`service.ui.errors`)."""

from __future__ import annotations

from service.ui.i18n import CATALOGUE
from tests.service.api.helpers import queue_items
from tests.service.ui.test_pages import login

MISSING = 2**31 - 1  # the largest id a URL may hold; no test creates that many rows


def _is_page(response, lang: str) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert f'<html lang="{lang}">' in response.text
    assert CATALOGUE[lang]["notfound.title"] in response.text and '"detail"' not in response.text


def test_a_missing_item_is_a_page_in_the_readers_language_with_a_way_back(service):
    login(service, "analyst")
    english = service.client.get(f"/items/{MISSING}", headers={"Accept-Language": "en"})
    _is_page(english, "en")
    assert '<a href="/queue">' + CATALOGUE["en"]["notfound.back"] in english.text  # the analyst's start
    assert "ui-analyst" in english.text  # still logged in: the header shows who, and the way out
    spanish = service.client.get(f"/items/{MISSING}", headers={"Accept-Language": "es-ES,es;q=0.9"})
    _is_page(spanish, "es")
    assert CATALOGUE["es"]["notfound.body"] in spanish.text


def test_an_address_with_no_page_is_a_page_too_even_logged_out(service):
    service.client.cookies.clear()
    response = service.client.get("/nowhere/at-all", headers={"Accept-Language": "es"})
    _is_page(response, "es")
    assert '<a href="/login">' in response.text


def test_api_and_machine_paths_keep_json(service):
    [item_id] = queue_items(service, 1)
    analyst = service.user("analyst")
    partner = service.partner()
    answers = {
        "item": service.client.get(f"/v1/queue/{MISSING}", headers=analyst),
        "partner item": service.client.get("/v1/items/never-sent", headers=partner),
        "no route": service.client.get("/v1/nothing-here", headers=analyst),
        "static": service.client.get("/static/nothing.css"),
        "docs asset": service.client.get("/docs-assets/nothing.js"),
    }
    for name, response in answers.items():
        assert response.status_code == 404, name
        assert response.headers["content-type"] == "application/json", name
        assert set(response.json()) == {"detail"}, name
    assert "never-sent" in answers["partner item"].json()["detail"]  # the domain's own sentence
    assert service.client.get(f"/v1/queue/{item_id}", headers=analyst).status_code == 200
