"""The item page's metadata (address as text, posting date, place), the queue's age from the posting,
the search page and the watch-list forms over HTTP; the browser test drives the same in Chromium."""

from __future__ import annotations

import re

from service.ui.i18n import CATALOGUE
from tests.service.api.helpers import flagged_rows, post_ads
from tests.service.ui.test_pages import csrf_of, login

PHONE = "+34 612 345 678"
URL = "http://127.0.0.1:8765/ad/a00451"


def _ads(service, n: int, prefix: str, **fields) -> list[dict]:  # type: ignore[no-untyped-def]
    return [
        {"external_id": f"{prefix}-{i}", "text": f"{r['text']} Llamar al {PHONE}", **fields}
        for i, r in enumerate(flagged_rows(service, n))
    ]


def test_the_item_page_shows_the_address_as_text_the_posting_date_and_the_place(service):
    key = service.partner()
    first, second = _ads(service, 2, "m")
    ids = post_ads(
        service, key, [{**first, "url": URL, "posted_at": "2026-10-03", "location": "Sevilla"}, second]
    )
    login(service, "analyst")
    page = service.client.get(f"/items/{ids[0]}").text
    assert re.search(r"data-url><code>" + re.escape(URL) + "</code>", page) and f'href="{URL}"' not in page
    assert "<dd data-posted-at>Oct 3, 2026</dd>" in page and "<dd data-location>Sevilla</dd>" in page
    queue = service.client.get("/queue").text
    rows = {int(m.group(1)): m.group(0) for m in re.finditer(r'data-item="(\d+)">.*?</tr>', queue, re.S)}
    assert 'data-age-since="posted"' in rows[ids[0]] and "since posted" in rows[ids[0]]
    assert 'data-age-since="received"' in rows[ids[1]] and "since received" in rows[ids[1]]
    assert re.search(r'data-age-since="posted">\d+ d<', rows[ids[0]])  # two months: in days


def test_search_and_watch_through_the_pages_flag_new_items_in_the_queue(service):
    key = service.partner()
    (first,) = post_ads(service, key, _ads(service, 1, "p"))
    login(service, "analyst")
    text = service.client.get(f"/v1/queue/{first}").json()["text"]
    token = text.rsplit(" ", 1)[1]
    page = service.client.get("/search", params={"q": token})
    assert page.status_code == 200 and f'href="/items/{first}"' in page.text
    assert 'data-search-total="1"' in page.text
    refused = service.client.get("/search", params={"q": PHONE}).text
    assert CATALOGUE["en"]["search.error.query"] in refused
    watched = service.client.post(
        "/watches", data={"csrf": csrf_of(page.text), "token": token, "q": token}, follow_redirects=False
    )
    assert watched.status_code == 303 and watched.headers["location"].startswith("/search?q=")
    later = post_ads(service, key, _ads(service, 2, "q")[1:])
    queue = service.client.get("/queue").text
    assert "data-watch-hits" in queue and f'href="/items/{later[0]}"' in queue.split("data-watch-hits")[1]
    marked = re.search(rf'data-item="{later[0]}">.*?</tr>', queue, re.S).group(0)
    assert "data-watched" in marked
    assert "data-watched" not in re.search(rf'data-item="{first}">.*?</tr>', queue, re.S).group(0)
    listing = service.client.get("/search").text
    watch_id = re.search(r'action="/watches/(\d+)/delete"', listing).group(1)
    service.client.post(f"/watches/{watch_id}/delete", data={"csrf": csrf_of(listing)})
    assert "data-watched" not in service.client.get("/queue").text


def test_the_search_page_speaks_spanish(service):
    login(service, "analyst")
    service.client.cookies.set("baliza_lang", "es")
    page = service.client.get("/search").text
    for key in ("search.title", "search.label", "watch.title", "watch.none"):
        assert CATALOGUE["es"][key] in page and CATALOGUE["en"][key] != CATALOGUE["es"][key]
