"""The queue's pager and filtered counts, "Claim this item", the claim chip, chip anchors and the key
help, over HTTP (the browser tests drive the same pages by keyboard)."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from baliza.errors import Conflict, Forbidden
from service.db.models import AuditEvent, Item, User
from service.review import claims
from service.ui.i18n import CATALOGUE
from service.ui.routes.review import PAGE_SIZE
from tests.service.api.helpers import claim, decide, queue_items
from tests.service.api.test_concurrency import _run, _users
from tests.service.ui.test_pages import csrf_of, login

APP_JS = Path(__file__).resolve().parents[3] / "service" / "ui" / "static" / "app.js"


def rows(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'<tr data-href="/items/\d+" data-item="(\d+)"', html)]


def count(html: str, state: str) -> int:
    return int(re.search(rf'data-count="{state}">(\d+)<', html).group(1))


def next_link(html: str) -> str | None:
    found = re.search(r'<a rel="next" href="([^"]+)"', html)
    return found.group(1).replace("&amp;", "&") if found else None


def test_the_pager_reaches_every_item_and_keeps_the_filters(service):
    key = service.partner()
    demo = queue_items(service, PAGE_SIZE + 7, key=key, source="demo")
    queue_items(service, 2, key=key, prefix="other", source="elsewhere")
    login(service, "analyst")
    url: str | None = "/queue?source=demo&sort=priority"
    seen: list[int] = []
    while url:
        html = service.client.get(url).text
        assert "source=demo" in url
        seen += rows(html)
        url = next_link(html)
    assert sorted(seen) == sorted(demo) and len(seen) == len(demo)
    assert f"Items {PAGE_SIZE + 1}–{PAGE_SIZE + 7} of {PAGE_SIZE + 7}" in html and "page 2 of 2" in html
    assert rows(service.client.get("/queue?source=demo&page=nonsense").text) == seen[:PAGE_SIZE]
    assert rows(service.client.get("/queue?source=demo&page=99").text) == seen[PAGE_SIZE:]  # the last page


def test_state_counts_follow_the_filters(service):
    key = service.partner()
    headers = service.user("analyst")
    demo = queue_items(service, 3, key=key, source="demo")
    queue_items(service, 2, key=key, prefix="other", source="elsewhere")
    got = claim(service, headers, source="demo")
    assert decide(service, headers, got, "dismiss", "duplicate").status_code == 200
    login(service, "analyst")
    everything = service.client.get("/queue").text
    assert (count(everything, "queued"), count(everything, "dismissed")) == (4, 1)
    filtered = service.client.get("/queue?source=demo").text
    assert (count(filtered, "queued"), count(filtered, "dismissed")) == (2, 1)
    assert got in demo
    elsewhere = service.client.get("/queue?source=elsewhere").text
    assert (count(elsewhere, "queued"), count(elsewhere, "dismissed")) == (2, 0)


def test_claim_this_item_claims_exactly_it_and_the_chip_says_until_when(service):
    ids = queue_items(service, 3)
    chosen = ids[-1]
    login(service, "analyst")
    page = service.client.get(f"/items/{chosen}").text
    assert 'id="claim-this"' in page and "data-state-chip>Queued<" in page
    form = {"csrf": csrf_of(page)}
    response = service.client.post(f"/items/{chosen}/claim", data=form, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/items/{chosen}"
    with service.state.sessions() as session:
        item = session.get(Item, chosen)
        holder = session.scalar(select(User.name).where(User.id == item.claimed_by))
        lease = item.lease_until
        detail = session.scalars(select(AuditEvent.detail).where(AuditEvent.action == "queue.claim")).one()
    assert holder == "ui-analyst" and detail["chosen"] is True and detail["uncertainty_sampled"] is False
    mine = service.client.get(f"/items/{chosen}").text
    assert f"Claimed by you until {lease:%H:%M} UTC" in mine and "decision-confirm" in mine
    assert 'id="claim-this"' not in mine
    other = service.client.post(f"/items/{ids[0]}/claim", data=form)  # one claim per person
    assert f"you hold item {chosen}; decide or release it first" in other.text

    theirs = claim(service, service.user("analyst", name="bea"))
    assert theirs not in (None, chosen)
    shown = service.client.get(f"/items/{theirs}").text
    assert "Claimed by bea until" in shown and 'id="claim-this"' not in shown


def test_claim_item_keeps_the_rules_of_claim_next(service):
    ids = queue_items(service, 2)
    ana, sofia = service.user("analyst", name="ana"), service.user("supervisor", name="sofia")
    service.user("supervisor", name="samuel")
    with service.state.sessions() as session:
        people = {u.name: u for u in session.scalars(select(User))}
        first = claims.claim_item(session, service.state, people["ana"], ids[0])
        assert first.id == ids[0] and not first.uncertainty_sampled
        again = claims.claim_item(session, service.state, people["ana"], ids[0])  # renewing is fine
        assert again.lease_until >= first.lease_until
        with pytest.raises(Conflict, match="claimed by someone else"):
            claims.claim_item(session, service.state, people["sofia"], ids[0])
    assert decide(service, ana, ids[0], "escalate", "needs-second-opinion").status_code == 200
    with service.state.sessions() as session:
        people = {u.name: u for u in session.scalars(select(User))}
        with pytest.raises(Forbidden):  # escalations are for supervisors
            claims.claim_item(session, service.state, people["ana"], ids[0])
        assert claims.claim_item(session, service.state, people["samuel"], ids[0]).state == "escalated"
    assert decide(service, sofia, ids[1], "dismiss", "duplicate").status_code == 409  # no claim, no decision
    with service.state.sessions() as session:
        sofia_user = session.scalar(select(User).where(User.name == "sofia"))
        claims.claim_item(session, service.state, sofia_user, ids[1])
    assert decide(service, sofia, ids[1], "escalate", "possible-minor").status_code == 200
    with service.state.sessions() as session:
        people = {u.name: u for u in session.scalars(select(User))}
        with pytest.raises(Forbidden, match="other than the one who escalated"):
            claims.claim_item(session, service.state, people["sofia"], ids[1])
        with pytest.raises(Conflict, match="you hold item"):
            claims.claim_item(session, service.state, people["samuel"], ids[1])


def test_pseudonym_chips_link_to_anchors_on_the_page(service):
    ids = queue_items(service, 12)
    login(service, "analyst")
    checked = 0
    for item_id in ids:
        html = service.client.get(f"/items/{item_id}").text
        targets = re.findall(r'<a class="chip" href="#([^"]+)" data-token=', html)
        for target in targets:
            assert f'id="{target}"' in html, target
        checked += len(targets)
    assert checked > 0, "no test ad carried a contact token"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_help_lists_every_key_the_pages_answer(service, lang):
    names = {"Enter": CATALOGUE[lang]["keys.name.enter"], "Escape": CATALOGUE[lang]["keys.name.escape"]}
    handled = set(re.findall(r'case "([^"]+)":', APP_JS.read_text(encoding="utf-8")))
    assert {"c", "d", "e", "t", "j", "k", "Enter", "Escape"} <= handled
    [item_id] = queue_items(service, 1)
    login(service, "analyst")
    for path in ("/queue", f"/items/{item_id}"):
        html = service.client.get(path, headers={"Accept-Language": lang}).text
        shown = set(re.findall(r"<dt><kbd>([^<]+)</kbd></dt>", html))
        assert {names.get(key, key) for key in handled} | {"1–9"} <= shown, path


def test_racing_claims_of_one_item_have_one_winner(service):
    [item_id] = queue_items(service, 1)
    user_ids = _users(service, "racer", 8)
    barrier = threading.Barrier(len(user_ids))
    won: list[int] = []
    lost: list[str] = []

    def one(i: int) -> None:
        with service.state.sessions() as session:
            user = session.get(User, user_ids[i])
            session.commit()  # end the read: SQLite's BEGIN IMMEDIATE would hold the lock at the barrier
            barrier.wait(timeout=60)
            try:
                won.append(claims.claim_item(session, service.state, user, item_id).id)
            except Conflict as exc:
                lost.append(str(exc))

    assert _run(one, len(user_ids)) == []
    assert won == [item_id] and lost == [f"item {item_id} is claimed by someone else"] * 7
    with service.state.sessions() as session:
        assert session.get(Item, item_id).claimed_by in user_ids
