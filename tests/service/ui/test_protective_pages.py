"""The item page shows the protective wording found in an ad — marked in the text and listed with
its type and words, in the reader's language — and says so when there is none; the JSON item
carries the same spans."""

from __future__ import annotations

import html
import re

import pytest

from tests.factories import START, add_item, add_partner
from tests.service.ui.test_pages import login

TEXT = (
    "Hotel staff wanted in Leeds. We charge no fees to applicants. You keep your passport at all "
    "times. Call [PHONE:aaaaaaaaaaaa]."
)
WORDS = {
    "en": ("Protective wording", "No fees for the worker", "Worker keeps documents", "None found."),
    "es": (
        "Redacción protectora",
        "Sin cobros al trabajador",
        "El trabajador conserva sus documentos",
        "No se encontró",
    ),
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_item_page_marks_and_lists_protective_wording(service, lang):
    with service.state.sessions() as session:
        partner = add_partner(session, f"protect-{lang}")
        item = add_item(session, partner, START, text=TEXT)
        bare = add_item(session, partner, START, text="Hotel staff wanted. Call [PHONE:bbbbbbbbbbbb].")
        session.commit()
        ids = item.id, bare.id
    login(service, "analyst")
    heading, fees, documents, none = WORDS[lang]
    page = service.client.get(f"/items/{ids[0]}", headers={"Accept-Language": lang}).text
    listed = dict(re.findall(r'data-protective-type="(\w+)">.*?<q[^>]*>(.*?)</q>', page, re.S))
    assert set(listed) == {"fees", "documents"}
    assert "no fees" in html.unescape(listed["fees"]) and "passport" in html.unescape(listed["documents"])
    assert heading in page and fees in page and documents in page
    marked = re.findall(r'<mark class="protect" data-protects="(\w+)"', page)
    assert sorted(marked) == ["documents", "fees"]
    other = service.client.get(f"/items/{ids[1]}", headers={"Accept-Language": lang}).text
    assert "data-protective-none" in other and none in other and 'class="protect"' not in other


def test_the_json_item_carries_the_protective_spans(service):
    with service.state.sessions() as session:
        item = add_item(session, add_partner(session, "protect-json"), START, text=TEXT)
        session.commit()
        item_id = item.id
    got = service.client.get(f"/v1/queue/{item_id}", headers=service.user("analyst")).json()
    assert {p["type"] for p in got["protective"]} == {"fees", "documents"}
    assert all(TEXT[p["start"] : p["end"]] for p in got["protective"])
