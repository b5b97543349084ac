"""Language codes are shown as the reader's language names them; the code stays the data."""

from __future__ import annotations

import re

import pytest

from service.ui.languages import language_name
from tests.service.api.helpers import queue_items
from tests.service.ui.test_pages import login


@pytest.mark.parametrize(
    ("code", "en", "es"),
    [
        ("es", "Spanish", "español"),
        ("en", "English", "inglés"),
        ("pt", "Portuguese", "portugués"),
        ("und", "Unknown language", "lengua desconocida"),  # what the detector says of a bare text
    ],
)
def test_a_language_code_reads_as_its_name_in_the_readers_language(code, en, es):
    assert language_name(code, "en") == en and language_name(code, "es") == es


def test_no_code_is_a_question_mark_and_an_unknown_code_is_shown_as_stored():
    assert language_name(None, "es") == "?" and language_name("", "en") == "?"
    assert language_name("xx", "es") == "xx"


@pytest.mark.parametrize(("lang", "spanish"), [("en", "Spanish"), ("es", "español")])
def test_the_queue_and_item_pages_name_the_language(service, lang, spanish):
    [item_id] = queue_items(service, 1, lang="es")
    login(service, "analyst")
    queue = service.client.get("/queue", headers={"Accept-Language": lang}).text
    assert re.search(rf"<td>{spanish}</td>", queue)  # the row's column
    assert re.search(rf'<option value="es"[^>]*>{spanish}</option>', queue)  # the filter keeps the code
    item = service.client.get(f"/items/{item_id}", headers={"Accept-Language": lang}).text
    assert f"· {spanish} ·" in item
    assert 'lang="es"' in item  # the ad text's own attribute stays the code
