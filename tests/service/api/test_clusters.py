"""Clusters through both doors, on SQLite and PostgreSQL: three real ads sharing a phone form one
cluster; the JSON routes list, read and decide it; the pages show the toggle, the side-by-side ads
and decide a selection; a confirm promotes the linked ads in the queue."""

from __future__ import annotations

import re

from sqlalchemy import select

from service.db.models import AuditEvent, Decision, Item
from tests.service.api.conftest import PASSWORD
from tests.service.api.helpers import claim, decide, flagged_rows, form_login, post_ads

PHONE = "+34 612 555 010"


def network(service, n: int = 3) -> list[int]:  # type: ignore[no-untyped-def]
    """`n` flagged ads that share one phone number (and so one pseudonym token)."""
    rows = flagged_rows(service, n)
    ads = [{"external_id": f"net-{i}", "text": f"{r['text']}\nWhatsApp {PHONE}"} for i, r in enumerate(rows)]
    return post_ads(service, service.partner(), ads)


def test_the_json_routes_list_read_and_decide_a_cluster(service):
    ids = network(service)
    other = flagged_rows(service, 4)[3]  # not one of the network's texts
    [alone] = post_ads(service, service.partner(), [{"external_id": "alone", "text": other["text"]}])
    analyst = service.user("analyst")
    listed = service.client.get("/v1/clusters", headers=analyst)
    assert listed.status_code == 200, listed.text
    by_id = {c["id"]: c for c in listed.json()["clusters"]}
    assert by_id[min(ids)]["item_ids"] == sorted(ids) and by_id[min(ids)]["size"] == 3
    assert by_id[alone]["size"] == 1
    detail = service.client.get(f"/v1/clusters/{max(ids)}", headers=analyst).json()
    assert detail["cluster"]["id"] == min(ids)
    assert [t["items"] for t in detail["shared_tokens"]] == [sorted(ids)]
    assert all("[PHONE:" in m["text"] and PHONE not in m["text"] for m in detail["members"])

    body = {"decision": "confirm", "reason": "indicators-present", "items": sorted(ids)[:2]}
    done = service.client.post(f"/v1/clusters/{min(ids)}/decision", json=body, headers=analyst)
    assert done.status_code == 200, done.text
    assert [d["id"] for d in done.json()["decided"]] == sorted(ids)[:2] and done.json()["refused"] == []
    with service.state.sessions() as session:
        decided = session.scalars(select(Decision.item_id).where(Decision.decision == "confirm")).all()
        audited = session.scalars(select(AuditEvent.target).where(AuditEvent.action == "item.decision")).all()
        rest = session.get(Item, max(ids))
        assert sorted(decided) == sorted(ids)[:2]
        assert sorted(audited) == [f"item:{i}" for i in sorted(ids)[:2]]
        assert rest.linked_confirmed and rest.state == "queued"
    queue = service.client.get("/v1/queue", headers=analyst).json()["items"]
    assert (queue[0]["id"], queue[0]["linked_confirmed"]) == (max(ids), True)  # promoted to the top
    late = flagged_rows(service, 5)[4]  # an ad arriving later with the confirmed ads' phone
    ad = {"external_id": "late", "text": f"{late['text']}\nWhatsApp {PHONE}"}
    [arrived] = post_ads(service, service.partner(), [ad])
    with service.state.sessions() as session:
        assert session.get(Item, arrived).linked_confirmed
    missing = service.client.get("/v1/clusters/999999", headers=analyst)
    assert missing.status_code == 404


def test_a_bulk_decision_refuses_an_item_someone_else_holds(service):
    ids = network(service)
    first, second = service.user("analyst"), service.user("analyst")
    held = claim(service, second)
    assert held in ids
    done = service.client.post(
        f"/v1/clusters/{held}/decision", json={"decision": "dismiss", "reason": "duplicate"}, headers=first
    )
    assert [r["id"] for r in done.json()["refused"]] == [held]
    assert done.json()["refused"][0]["kind"] == "conflict"
    assert sorted(d["id"] for d in done.json()["decided"]) == sorted(set(ids) - {held})
    assert decide(service, second, held, "confirm", "indicators-present").status_code == 200
    bad = service.client.post(
        f"/v1/clusters/{held}/decision", json={"decision": "dismiss", "reason": "nope"}, headers=first
    )
    assert bad.status_code == 422


def page_login(service, role: str) -> None:  # type: ignore[no-untyped-def]
    service.user(role, name=f"page-{role}")
    service.client.cookies.clear()
    assert form_login(service.client, f"page-{role}", PASSWORD, follow_redirects=False).status_code == 303


def test_the_pages_show_clusters_side_by_side_and_decide_a_selection(service):
    ids = network(service)
    page_login(service, "analyst")
    queue = service.client.get("/queue")
    assert 'href="/queue/clusters"' in queue.text
    listing = service.client.get("/queue/clusters")
    assert listing.status_code == 200 and f'data-cluster="{min(ids)}"' in listing.text
    page = service.client.get(f"/clusters/{min(ids)}")
    assert page.status_code == 200
    assert page.text.count('class="chip shared"') >= 3 + 1  # each ad's token, and the shared list
    assert page.text.count('class="adtext blurred"') == 3
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text).group(1)
    form = {"csrf": csrf, "decision": "dismiss", "reason": "duplicate", "items": [str(ids[0]), str(ids[1])]}
    done = service.client.post(f"/clusters/{min(ids)}/decision", data=form, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"].startswith(
        "/queue/clusters?message=cluster.decided"
    )
    with service.state.sessions() as session:
        states = dict(session.execute(select(Item.id, Item.state).where(Item.id.in_(ids))).all())
    assert states == {ids[0]: "dismissed", ids[1]: "dismissed", ids[2]: "queued"}
    empty = service.client.post(
        f"/clusters/{ids[2]}/decision", data={**form, "items": []}, follow_redirects=False
    )
    assert "cluster.none_selected" in empty.headers["location"]
