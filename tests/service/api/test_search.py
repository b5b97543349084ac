"""Posting time and place through /v1/ingest, the queue's age counted from the posting, search by
token and words, and the watch-list, over HTTP on both backends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from service.db.models import AuditEvent, Item
from tests.service.api.helpers import flagged_rows, post_ads

PHONE = "+34 612 345 678"


def _ingest(service, key, ads):  # type: ignore[no-untyped-def]
    return service.client.post("/v1/ingest", json={"items": ads}, headers=key)


def _item_id(service, external_id: str) -> int:  # type: ignore[no-untyped-def]
    with service.state.sessions() as session:
        return session.scalars(select(Item.id).where(Item.external_id == external_id)).one()


def _ads(service, n: int, prefix: str, **fields) -> list[dict]:  # type: ignore[no-untyped-def]
    return [
        {"external_id": f"{prefix}-{i}", "text": f"{r['text']} Llamar al {PHONE}", **fields}
        for i, r in enumerate(flagged_rows(service, n))
    ]


def _appended_phone(service, headers: dict, item_id: int) -> str:  # type: ignore[no-untyped-def]
    """The token of `PHONE`, which every test ad ends with (the ads hold phones of their own too)."""
    text = service.client.get(f"/v1/queue/{item_id}", headers=headers).json()["text"]
    return text.rsplit(" ", 1)[1]


def test_ingest_stores_the_posting_time_and_place_and_the_queue_ages_from_it(service):
    key, analyst = service.partner(), service.user("analyst")
    posted, plain = _ads(service, 2, "meta", source="demo")
    posted |= {"posted_at": "2026-10-03", "location": "Sevilla", "url": "http://127.0.0.1:8765/ad/a1"}
    before = datetime.now(UTC)
    assert _ingest(service, key, [posted]).json()["items"][0]["flagged"]  # the crawler's door
    ids = [_item_id(service, "meta-0"), *post_ads(service, key, [plain])]  # and the partners'
    after = datetime.now(UTC)
    entries = {e["id"]: e for e in service.client.get("/v1/queue", headers=analyst).json()["items"]}
    since_posting = [int((t - datetime(2026, 10, 3, tzinfo=UTC)).total_seconds()) for t in (before, after)]
    assert entries[ids[0]]["age_since"] == "posted"
    assert since_posting[0] <= entries[ids[0]]["age_seconds"] <= since_posting[1] + 60
    assert entries[ids[1]]["age_since"] == "received" and entries[ids[1]]["age_seconds"] < 3600
    shown = service.client.get(f"/v1/queue/{ids[0]}", headers=analyst).json()
    assert (shown["posted_at"], shown["location"], shown["url"]) == (
        "2026-10-03",
        "Sevilla",
        "http://127.0.0.1:8765/ad/a1",
    )


def test_a_bad_posting_time_is_a_422_and_a_future_one_is_clamped(service):
    key, analyst = service.partner(), service.user("analyst")
    bad = _ingest(service, key, [{**_ads(service, 1, "bad")[0], "posted_at": "hace 3 días"}])
    assert (
        bad.status_code == 422 and "posted_at" in bad.json()["detail"] and "ISO 8601" in bad.json()["detail"]
    )
    long = _ingest(service, key, [{**_ads(service, 1, "long")[0], "location": "x" * 201}])
    assert long.status_code == 422 and "location" in long.json()["detail"]
    future = (datetime.now(UTC) + timedelta(days=30)).isoformat()
    (item_id,) = post_ads(service, key, [{**_ads(service, 1, "future")[0], "posted_at": future}])
    shown = service.client.get(f"/v1/queue/{item_id}", headers=analyst).json()
    assert datetime.fromisoformat(shown["posted_at"]) <= datetime.now(UTC)
    assert shown["age_since"] == "posted" and shown["age_seconds"] < 3600


def test_search_by_token_and_words_is_for_reviewers_and_audited(service):
    key, analyst = service.partner(), service.user("analyst")
    ids = post_ads(service, key, _ads(service, 3, "s"))
    token = _appended_phone(service, analyst, ids[0])
    found = service.client.get("/v1/search", params={"q": token}, headers=analyst).json()
    assert sorted(i["id"] for i in found["items"]) == sorted(ids) and found["total"] == 3
    assert "text" not in found["items"][0]  # no ad text in results
    word = flagged_rows(service, 1)[0]["text"].split()[0]
    narrowed = service.client.get("/v1/search", params={"q": f"{token} {word}"}, headers=analyst).json()
    assert ids[0] in {i["id"] for i in narrowed["items"]} and narrowed["query"] == f"{token} {word.lower()}"
    clear = service.client.get("/v1/search", params={"q": f"{word} {PHONE}"}, headers=analyst).json()
    assert clear["dropped"] == 1 and clear["tokens"] == []
    refused = service.client.get("/v1/search", params={"q": PHONE}, headers=analyst)
    assert refused.status_code == 422 and "token" in refused.json()["detail"]
    for caller in (key, service.user("researcher")):
        assert service.client.get("/v1/search", params={"q": token}, headers=caller).status_code == 403
    assert (
        service.client.get("/v1/search", params={"q": token, "limit": 51}, headers=analyst).status_code == 422
    )
    with service.state.sessions() as session:
        logged = [r.detail["query"] for r in session.query(AuditEvent).filter_by(action="search")]
    assert logged == [token, f"{token} {word.lower()}", word.lower()] and not any("612" in q for q in logged)


def test_a_watcher_sees_new_items_with_the_watched_token(service):
    key, ana, bea = service.partner(), service.user("analyst"), service.user("analyst")
    (first,) = post_ads(service, key, _ads(service, 1, "w1"))
    token = _appended_phone(service, ana, first)
    made = service.client.post("/v1/watches", json={"token": token}, headers=ana)
    assert made.status_code == 201 and made.json()["token"] == token
    bad = service.client.post("/v1/watches", json={"token": PHONE}, headers=ana)
    assert bad.status_code == 422
    assert service.client.get("/v1/watches/hits", headers=ana).json() == []  # first came before
    later = post_ads(service, key, _ads(service, 3, "w2")[1:])
    hits = service.client.get("/v1/watches/hits", headers=ana).json()
    assert sorted(h["id"] for h in hits) == sorted(later) and {h["token"] for h in hits} == {token}
    assert service.client.get("/v1/watches", headers=ana).json()[0]["new_items"] == 2
    assert service.client.get("/v1/watches/hits", headers=bea).json() == []
    watch_id = made.json()["id"]
    assert service.client.delete(f"/v1/watches/{watch_id}", headers=bea).status_code == 404
    assert service.client.delete(f"/v1/watches/{watch_id}", headers=ana).status_code == 204
    assert service.client.get("/v1/watches", headers=ana).json() == []
