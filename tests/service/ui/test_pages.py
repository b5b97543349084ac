"""The workspace pages over HTTP (no browser): login, roles, CSRF, the queue-to-decision loop, i18n.

The browser tests (test_browser.py) drive the same pages in Chromium; these pin the server's side.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from service.db.models import Item
from service.ui.i18n import CATALOGUE, plural_translator
from tests.service.api.conftest import PASSWORD
from tests.service.api.helpers import form_login, queue_items


def login(service, role: str) -> str:
    service.user(role, name=f"ui-{role}")
    client = service.client
    client.cookies.clear()
    response = form_login(client, f"ui-{role}", PASSWORD, follow_redirects=False)
    assert response.status_code == 303
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    return client.cookies["baliza_session"]


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)


def test_pages_need_login_and_the_right_role(service):
    response = service.client.get("/queue", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")
    login(service, "researcher")
    forbidden = service.client.get("/queue")
    assert forbidden.status_code == 403 and "Not for your role" in forbidden.text


def test_wrong_password_shows_a_message(service):
    service.user("analyst", name="ana")
    response = form_login(service.client, "ana", "nope-nope")
    assert response.status_code == 401 and "Wrong user name or password" in response.text


def test_forms_without_csrf_are_refused(service):
    queue_items(service, 1)
    login(service, "analyst")
    response = service.client.post("/queue/claim", data={}, follow_redirects=False)
    assert response.status_code == 403
    api = service.client.post("/v1/queue/claim")  # the JSON API with the cookie needs the header too
    assert api.status_code == 403


def test_claim_reveal_and_decide_loop(service):
    [item_id] = queue_items(service, 1)
    login(service, "analyst")
    page = service.client.get("/queue")
    assert page.status_code == 200 and f"/items/{item_id}" in page.text
    token = csrf_of(page.text)
    claimed = service.client.post("/queue/claim", data={"csrf": token}, follow_redirects=False)
    assert claimed.headers["location"] == f"/items/{item_id}"
    item = service.client.get(f"/items/{item_id}")
    assert 'class="adtext blurred"' in item.text and "decision-confirm" in item.text
    decided = service.client.post(
        f"/items/{item_id}/decision",
        data={"csrf": token, "decision": "dismiss", "reason": "legitimate-offer", "note": ""},
        follow_redirects=False,
    )
    assert decided.status_code == 303
    after = service.client.get("/queue")
    assert f"/items/{item_id}" not in after.text
    with service.state.sessions() as session:
        assert session.scalar(select(Item.state).where(Item.id == item_id)) == "dismissed"


def test_ad_markup_is_shown_as_text(service):
    key = service.partner()
    hostile = "<script>window.pwned=1</script><img src=x onerror=alert(1)> "
    from tests.service.api.helpers import flagged_rows, post_ads

    row = flagged_rows(service, 1)[0]
    [item_id] = post_ads(service, key, [{"external_id": "xss", "text": hostile + row["text"]}])
    login(service, "analyst")
    html = service.client.get(f"/items/{item_id}").text
    assert "<script>window.pwned" not in html and "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html
    assert "<img src=x" not in html


def test_language_follows_browser_then_choice(service):
    page = service.client.get("/login", headers={"Accept-Language": "es-CO,es;q=0.9"})
    assert 'lang="es"' in page.text and "Iniciar sesión" in page.text
    service.client.get("/lang?to=en&next=/login")
    assert "Log in" in service.client.get("/login", headers={"Accept-Language": "es"}).text


def test_catalogues_have_the_same_keys():
    assert set(CATALOGUE["es"]) == set(CATALOGUE["en"])
    assert all(CATALOGUE["es"].values()) and all(CATALOGUE["en"].values())


@pytest.mark.parametrize(
    ("lang", "one", "many"), [("es", "Confirmado", "Confirmados"), ("en", "Confirmed", "Confirmed")]
)
def test_counts_take_the_plural_of_their_language(lang, one, many):
    tn = plural_translator(lang)
    assert (tn("state.count.confirmed", 1), tn("state.count.confirmed", 2)) == (one, many)
    assert tn("state.count.confirmed", 0) == many


def test_queue_and_item_pages_say_why_an_item_is_there(service):
    key = service.partner()
    text = (
        "Heladería busca ayudantes para el verano. Pueden postular chicos y chicas desde 14 años. "
        "Pago semanal."
    )
    service.client.post("/v1/score", json={"items": [{"external_id": "why", "text": text}]}, headers=key)
    login(service, "analyst")
    for lang, reason, child in (
        ("en", "Decisive indicator: Minors or very young people targeted", "Child risk"),
        ("es", "Indicador decisivo: Dirigido a menores o muy jóvenes", "Riesgo infantil"),
    ):
        headers = {"Accept-Language": lang}
        page = service.client.get("/queue", headers=headers)
        assert reason in page.text and child in page.text
        item_id = re.search(r'data-item="(\d+)"', page.text).group(1)
        item = service.client.get(f"/items/{item_id}", headers=headers)
        assert "data-child-risk" in item.text and reason in item.text
