"""The review queue over HTTP: who may read it, filters, priority order, claims, leases, release,
and the redacted item view with its linked ads."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select, update

from service.db.models import AuditEvent, Item, ItemBand, ItemPseudonym, utcnow
from service.privacy.redact import redact
from tests.service.api.helpers import claim, decide, flagged_rows, item, post_ads, queue_items

PHONE = "+34 612 345 678"


def test_only_analysts_and_supervisors_read_the_queue(service):
    queue_items(service, 2)
    for who in (service.partner(), service.user("researcher"), service.user("admin")):
        assert service.client.get("/v1/queue", headers=who).status_code == 403
        assert service.client.post("/v1/queue/claim", headers=who).status_code == 403
    assert service.client.get("/v1/queue").status_code == 401
    for role in ("analyst", "supervisor"):
        response = service.client.get("/v1/queue", headers=service.user(role))
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["total"] == 2 and body["counts"]["queued"] == 2
        entry = body["items"][0]
        assert set(entry) >= {"id", "score", "indicators", "lang", "source", "age_seconds", "linked"}
        assert entry["state"] == "queued" and entry["claimed"] is False
        assert "text" not in entry


def test_filters(service):
    key = service.partner()
    es = flagged_rows(service, 3, lang="es")
    en = flagged_rows(service, 2, lang="en")
    ids_es = post_ads(
        service,
        key,
        [{"external_id": f"es{i}", "text": r["text"], "source": "site-a"} for i, r in enumerate(es)],
    )
    ids_en = post_ads(
        service,
        key,
        [{"external_id": f"en{i}", "text": r["text"], "source": "site-b"} for i, r in enumerate(en)],
    )
    analyst = service.user("analyst")

    def listed(**params) -> set[int]:
        response = service.client.get("/v1/queue", headers=analyst, params=params)
        assert response.status_code == 200, response.text
        return {entry["id"] for entry in response.json()["items"]}

    assert listed(lang="es") == set(ids_es)
    assert listed(source="site-b") == set(ids_en)
    assert listed(lang="es", source="site-b") == set()
    code = item(service, ids_en[0]).indicators[0]["code"]
    with_code = {i for i in ids_es + ids_en if code in {s["code"] for s in item(service, i).indicators}}
    assert listed(indicator=code) == with_code and ids_en[0] in with_code
    with service.state.sessions() as session:
        session.execute(update(Item).where(Item.id == ids_es[0]).values(score=0.99))
        session.execute(update(Item).where(Item.id != ids_es[0]).values(score=0.6))
        session.commit()
    assert listed(min_score="0.9") == {ids_es[0]}
    assert listed(max_score="0.9") == set(ids_es[1:] + ids_en)
    assert service.client.get("/v1/queue", headers=analyst, params={"indicator": "NOPE"}).status_code == 422
    assert service.client.get("/v1/queue", headers=analyst, params={"sort": "random"}).status_code == 422
    assert service.client.get("/v1/queue", headers=analyst, params={"state": "escalated"}).status_code == 403
    # claiming honours the same filters
    assert claim(service, analyst, lang="en", source="site-b") in ids_en


def test_priority_is_rounded_score_then_linked_ads_then_age(service):
    ids = queue_items(service, 6)
    now = utcnow()
    # Fully determined ranks: drop the texts' own links, then set scores, ages and shared tokens (and
    # clear any decisive flag the texts earned, which would rank before every score).
    plan = {  # id: (score, age in minutes, token)
        ids[0]: (0.951, 10, None),  # highest rounded score wins although young
        ids[1]: (0.902, 50, None),  # 0.90 like the next two; no links; oldest of them
        ids[2]: (0.897, 5, "[PHONE:aaaaaaaaaaaa]"),  # 0.90, linked to ids[5]: before ids[1]
        ids[3]: (0.904, 40, None),  # 0.90, no links, younger than ids[1]
        ids[4]: (0.70, 100, None),
        ids[5]: (0.60, 1, "[PHONE:aaaaaaaaaaaa]"),
    }
    with service.state.sessions() as session:
        session.execute(delete(ItemBand))
        session.execute(delete(ItemPseudonym))
        for item_id, (score, minutes, token) in plan.items():
            session.execute(
                update(Item)
                .where(Item.id == item_id)
                .values(score=score, decisive=False, created_at=now - timedelta(minutes=minutes))
            )
            if token:
                session.add(ItemPseudonym(item_id=item_id, kind="PHONE", token=token))
        session.commit()
    analyst = service.user("analyst")
    expected = [ids[0], ids[2], ids[1], ids[3], ids[4], ids[5]]
    body = service.client.get("/v1/queue", headers=analyst).json()
    assert [e["id"] for e in body["items"]] == expected
    assert {e["id"]: e["linked"] for e in body["items"]}[ids[2]] == 1
    by_score = service.client.get("/v1/queue", headers=analyst, params={"sort": "score"}).json()
    assert [e["id"] for e in by_score["items"]] == [ids[0], ids[3], ids[1], ids[2], ids[4], ids[5]]
    by_age = service.client.get("/v1/queue", headers=analyst, params={"sort": "age"}).json()
    assert [e["id"] for e in by_age["items"]] == [ids[4], ids[1], ids[3], ids[0], ids[2], ids[5]]
    page = service.client.get("/v1/queue", headers=analyst, params={"limit": 2, "offset": 1}).json()
    assert [e["id"] for e in page["items"]] == expected[1:3] and page["total"] == 6
    # claims follow the same order, one item per analyst
    claimed = [claim(service, service.user("analyst")) for _ in range(6)]
    assert claimed == expected
    assert claim(service, service.user("analyst")) is None


def test_a_live_claim_is_returned_again_and_shown_as_claimed(service):
    ids = queue_items(service, 3)
    alice, bob = service.user("analyst"), service.user("analyst")
    first = claim(service, alice)
    assert claim(service, alice) == first  # the same item, not a second one
    assert claim(service, bob) not in (None, first)
    listing = {e["id"]: e for e in service.client.get("/v1/queue", headers=alice).json()["items"]}
    assert listing[first]["claimed"] and listing[first]["claimed_by_me"]
    others = [listing[i] for i in ids if i != first and listing[i]["claimed"]]
    assert len(others) == 1 and not others[0]["claimed_by_me"]
    counts = service.client.get("/v1/queue", headers=alice).json()["counts"]
    assert counts["in_review"] == 2 and counts["queued"] == 3


def test_an_expired_lease_returns_the_item_to_the_queue(service):
    (only,) = queue_items(service, 1)
    alice, bob = service.user("analyst"), service.user("analyst")
    assert claim(service, alice) == only
    assert claim(service, bob) is None  # held
    with service.state.sessions() as session:
        session.execute(
            update(Item).where(Item.id == only).values(lease_until=utcnow() - timedelta(seconds=1))
        )
        session.commit()
    listing = service.client.get("/v1/queue", headers=bob).json()["items"]
    assert listing[0]["claimed"] is False
    assert claim(service, bob) == only
    late = decide(service, alice, only, "dismiss", "legitimate-offer")
    assert late.status_code == 409 and "claim" in late.json()["detail"]
    assert decide(service, bob, only, "dismiss", "legitimate-offer").status_code == 200


def test_release_by_the_holder_only(service):
    (only,) = queue_items(service, 1)
    alice, bob = service.user("analyst"), service.user("analyst")
    assert claim(service, alice) == only
    refused = service.client.post(f"/v1/items/{only}/release", headers=bob)
    assert refused.status_code == 409 and "claim" in refused.json()["detail"]
    released = service.client.post(f"/v1/items/{only}/release", headers=alice)
    assert released.status_code == 200 and released.json() == {"id": only, "state": "queued"}
    assert item(service, only).claimed_by is None
    assert claim(service, bob) == only
    assert service.client.post("/v1/items/999999/release", headers=bob).status_code == 404
    with service.state.sessions() as session:
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.target == f"item:{only}")).all()
    assert actions.count("queue.claim") == 2 and actions.count("queue.release") == 1


def test_an_analyst_claims_exactly_the_item_she_opened(service):
    first, second, third = queue_items(service, 3)
    alice, bob = service.user("analyst"), service.user("analyst")
    got = service.client.post(f"/v1/items/{third}/claim", headers=alice)
    assert got.status_code == 200, got.text
    assert got.json()["id"] == third and got.json()["state"] == "queued" and got.json()["lease_until"]
    assert item(service, third).claimed_by is not None
    again = service.client.post(f"/v1/items/{third}/claim", headers=alice)
    assert again.status_code == 200 and again.json()["lease_until"] >= got.json()["lease_until"]  # renewed
    taken = service.client.post(f"/v1/items/{third}/claim", headers=bob)
    assert taken.status_code == 409 and taken.json()["detail"]
    one_open = service.client.post(f"/v1/items/{first}/claim", headers=alice)
    assert one_open.status_code == 409 and f"you hold item {third}" in one_open.json()["detail"]
    assert decide(service, alice, third, "dismiss", "legitimate-offer").status_code == 200
    decided = service.client.post(f"/v1/items/{third}/claim", headers=bob)
    assert decided.status_code == 409 and "already dismissed" in decided.json()["detail"]
    assert service.client.post("/v1/items/999999/claim", headers=bob).status_code == 404
    assert service.client.post(f"/v1/items/{second}/claim", headers=service.partner()).status_code in (
        401,
        403,
    )
    with service.state.sessions() as session:
        chosen = session.scalars(
            select(AuditEvent.detail).where(
                AuditEvent.target == f"item:{third}", AuditEvent.action == "queue.claim"
            )
        ).all()
    assert len(chosen) == 2 and all(d.get("chosen") for d in chosen)


def test_item_view_is_redacted_linked_and_audited(service):
    key = service.partner()
    rows = flagged_rows(service, 3)
    ads = [
        {"external_id": "p0", "text": f"{rows[0]['text']}\nWhatsApp {PHONE}", "url": "https://ads.test/1"},
        {"external_id": "p1", "text": f"{rows[1]['text']}\nLlama al {PHONE}"},
        {"external_id": "p2", "text": rows[2]["text"]},
    ]
    first, second, _third = post_ads(service, key, ads)
    analyst = service.user("analyst")
    response = service.client.get(f"/v1/queue/{first}", headers=analyst)
    assert response.status_code == 200, response.text
    body = response.json()
    assert "612" not in body["text"] and "[PHONE:" in body["text"]
    assert PHONE not in response.text
    assert body["url"] == "https://ads.test/1" and body["model_version"] and body["score"] > 0
    for span in body["indicators"]:
        assert 0 <= span["start"] < span["end"] <= len(body["text"])
    token = redact(PHONE, service.state.secret_key).pseudonyms[0].token
    phone = next(p for p in body["pseudonyms"] if p["token"] == token)
    assert phone["kind"] == "PHONE" and token in body["text"] and phone["items"] == [second]
    linked = {link["id"]: link for link in body["linked"]}
    assert second in linked and phone["token"] in linked[second]["shared_tokens"]
    assert 0.0 <= linked[second]["similarity"] <= 1.0
    assert body["decisions"] == [] and body["claimed"] is False
    assert service.client.get("/v1/queue/999999", headers=analyst).status_code == 404
    assert service.client.get(f"/v1/queue/{first}", headers=service.user("researcher")).status_code == 403
    with service.state.sessions() as session:
        views = session.scalars(select(AuditEvent).where(AuditEvent.action == "item.view")).all()
    assert [v.target for v in views] == [f"item:{first}"]


def test_near_duplicates_are_linked_with_their_similarity(service):
    key = service.partner()
    (row,) = flagged_rows(service, 1)
    first, copy = post_ads(
        service,
        key,
        [{"external_id": "orig", "text": row["text"]}, {"external_id": "copy", "text": row["text"] + " !"}],
    )
    body = service.client.get(f"/v1/queue/{first}", headers=service.user("analyst")).json()
    link = next(link for link in body["linked"] if link["id"] == copy)
    assert link["near_duplicate"] is True and link["similarity"] > 0.8
    listing = service.client.get("/v1/queue", headers=service.user("analyst")).json()["items"]
    assert all(e["linked"] >= 1 for e in listing)
