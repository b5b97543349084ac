"""The wellbeing preferences over HTTP: the /prefs form kept per person in the database, greyscale
only when chosen, the header's counter of today's ads opened and decisions made, the break reminder
after N decisions and gone after "I took a break", the item page's reveal form, and a wrong interval
answered with the form and a message. The Spanish pages carry no English of these."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import select

from service.db.models import User, UserPrefs
from service.ui.i18n import CATALOGUE
from tests.service.api.helpers import queue_items
from tests.service.ui.test_spanish_pages import english_fragments, english_left, visible
from tests.service.ui.test_supervisor_pages import csrf_of, person, post_form

GREYSCALE_BODY = re.compile(r'<body [^>]*class="greyscale"')
WELLBEING_KEYS = [
    k for k in CATALOGUE["en"] if k.startswith(("prefs.", "exposure.", "break.")) or k == "nav.prefs"
]


def counter(html: str) -> tuple[int, int]:
    """(opened, decided) as the header shows them."""
    found = re.search(r'data-exposure data-opened="(\d+)" data-decided="(\d+)"', html)
    assert found, "no exposure counter in the header"
    return int(found.group(1)), int(found.group(2))


def save(client: TestClient, **fields: str):  # type: ignore[no-untyped-def]
    return post_form(client, "/prefs", "/prefs", **fields)


def claim_and_dismiss(client: TestClient) -> int:
    claimed = post_form(client, "/queue", "/queue/claim")
    item = claimed.headers["location"]
    decided = post_form(
        client, item, f"{item}/decision", decision="dismiss", reason="legitimate-offer", note=""
    )
    assert decided.status_code == 303 and decided.headers["location"].startswith("/queue")
    return int(item.rsplit("/", 1)[1])


def test_the_form_shows_the_defaults_and_keeps_what_was_saved(service):
    ana = person(service, "analyst", "ana")
    form = ana.get("/prefs")
    assert form.status_code == 200 and 'href="/prefs" aria-current="page"' in form.text
    assert re.search(r'name="blur_text" value="1" checked', form.text)
    assert not re.search(r'name="greyscale" value="1" checked', form.text)
    assert 'name="break_every" type="number" min="0" max="500"' in form.text and 'value="25"' in form.text

    saved = save(ana, greyscale="1", break_every="40")  # the blur box unticked: not sent
    assert saved.status_code == 303 and saved.headers["location"] == "/prefs?message=prefs.saved"
    again = ana.get(saved.headers["location"])
    assert "Preferences saved." in again.text and 'value="40"' in again.text
    assert re.search(r'name="greyscale" value="1" checked', again.text)
    assert not re.search(r'name="blur_text" value="1" checked', again.text)
    with service.state.sessions() as session:
        row = session.scalar(
            select(UserPrefs).join(User, User.id == UserPrefs.user_id).where(User.name == "ana")
        )
        assert (row.blur_text, row.greyscale, row.break_every) == (False, True, 40)


def test_greyscale_is_on_the_body_only_for_the_person_who_chose_it(service):
    [item_id] = queue_items(service, 1)
    ana, bea = person(service, "analyst", "ana"), person(service, "supervisor", "bea")
    before = ana.get(f"/items/{item_id}").text
    assert not GREYSCALE_BODY.search(before) and 'class="adtext blurred"' in before
    save(ana, blur_text="1", greyscale="1", break_every="25")
    after = ana.get(f"/items/{item_id}").text
    assert GREYSCALE_BODY.search(after) and 'class="adtext blurred"' in after
    assert GREYSCALE_BODY.search(ana.get("/queue").text)
    assert not GREYSCALE_BODY.search(bea.get(f"/items/{item_id}").text)


def test_the_item_pages_reveal_form_writes_the_preference_not_a_cookie(service):
    [item_id] = queue_items(service, 1)
    ana = person(service, "analyst", "ana")
    shown = post_form(ana, f"/items/{item_id}", "/prefs/reveal", always="1", next=f"/items/{item_id}")
    assert shown.status_code == 303 and shown.headers["location"] == f"/items/{item_id}"
    assert "baliza_reveal" not in shown.headers.get("set-cookie", "")
    assert 'class="adtext"' in ana.get(f"/items/{item_id}").text
    assert not re.search(r'name="blur_text" value="1" checked', ana.get("/prefs").text)
    elsewhere = person(service, "analyst", "ana2")  # another person keeps the blur
    assert 'class="adtext blurred"' in elsewhere.get(f"/items/{item_id}").text
    hidden = post_form(ana, f"/items/{item_id}", "/prefs/reveal", next="//evil.example/")
    assert hidden.headers["location"] == "/queue"  # not another site
    assert 'class="adtext blurred"' in ana.get(f"/items/{item_id}").text


def test_the_counter_moves_when_an_ad_is_opened_and_decided(service):
    ids = queue_items(service, 2)
    ana = person(service, "analyst", "ana")
    assert counter(ana.get("/queue").text) == (0, 0)
    item = ana.get(f"/items/{ids[0]}").text
    assert counter(item) == (1, 0)  # the page counts its own ad
    assert "Today: 1 opened · 0 decided" in item
    ana.get(f"/items/{ids[0]}")
    assert counter(ana.get("/queue").text) == (1, 0)  # the same ad again is not a second one
    claim_and_dismiss(ana)
    assert counter(ana.get("/queue").text) == (1, 1)
    assert counter(person(service, "supervisor", "sam").get("/queue").text) == (0, 0)


def test_the_break_reminder_comes_after_n_decisions_and_goes_after_a_break(service):
    queue_items(service, 4)
    ana = person(service, "analyst", "ana")
    save(ana, blur_text="1", break_every="2")
    claim_and_dismiss(ana)
    assert "data-break-due" not in ana.get("/queue").text
    claim_and_dismiss(ana)
    due = ana.get("/queue").text
    assert "You have decided 2 items since your last break. Consider a short pause." in due
    assert 'action="/prefs/break"' in due and "I took a break" in due
    other_page = ana.get("/prefs").text
    assert "data-break-due" in other_page and 'name="next" value="/prefs"' in other_page  # every page
    rested = post_form(ana, "/queue", "/prefs/break", next="/queue")
    assert rested.status_code == 303 and rested.headers["location"] == "/queue"
    after = ana.get("/queue").text
    assert "data-break-due" not in after and counter(after) == (2, 2)  # the day's counts stay
    claim_and_dismiss(ana)
    assert "data-break-due" not in ana.get("/queue").text
    claim_and_dismiss(ana)
    assert "data-break-due" in ana.get("/queue").text
    save(ana, blur_text="1", break_every="0")  # never remind
    assert "data-break-due" not in ana.get("/queue").text


def test_a_wrong_interval_shows_the_form_again_with_a_message(service):
    ana = person(service, "analyst", "ana")
    for typed in ("501", "-3", "many", "9" * 60):
        refused = save(ana, greyscale="1", break_every=typed)
        assert refused.status_code == 422, typed
        assert "Give a whole number of decisions from 0 (no reminder) to 500." in refused.text
        assert f'value="{typed}"' in refused.text and 'aria-invalid="true"' in refused.text
        assert re.search(r'name="greyscale" value="1" checked', refused.text)  # what was typed is kept
    assert 'value="25"' in ana.get("/prefs").text and not GREYSCALE_BODY.search(ana.get("/prefs").text)


def test_prefs_are_for_reviewers_and_their_forms_need_the_csrf_token(service):
    rita = person(service, "researcher", "rita")
    assert rita.get("/prefs").status_code == 403
    assert (
        "data-exposure" not in rita.get("/research").text
        and 'href="/prefs"' not in rita.get("/research").text
    )
    ana = person(service, "analyst", "ana")
    assert ana.post("/prefs", data={"greyscale": "1", "break_every": "5"}).status_code == 403
    assert ana.post("/prefs/break", data={}).status_code == 403
    assert csrf_of(ana.get("/prefs").text)


def test_the_wellbeing_strings_are_spanish_on_spanish_pages(service):
    queue_items(service, 2)
    ana = person(service, "analyst", "ana")
    ana.cookies.set("baliza_lang", "es")
    save(ana, blur_text="1", break_every="1")
    claim_and_dismiss(ana)
    pages = {
        "queue with reminder": ana.get("/queue").text,
        "prefs": ana.get("/prefs?message=prefs.saved").text,
        "prefs refused": save(ana, break_every="x").text,
    }
    assert "Hoy: 1 abierto · 1 decidido" in pages["queue with reminder"]
    assert "Ha decidido 1 elemento desde su último descanso." in pages["queue with reminder"]
    # The scan of every page is test_spanish_pages.py's; here, the English of what this feature shows.
    ours = [f for f in english_fragments() if any(f in CATALOGUE["en"][key] for key in WELLBEING_KEYS)]
    assert "item since your last break. Consider a short pause" in ours and "Wellbeing preferences" in ours
    left = {label: english_left(visible(html), ours) for label, html in pages.items()}
    assert not any(left.values()), left
