"""Screenshots of the four pages analysts and supervisors spend their day on — the queue, a cluster,
an item and a case — in English and in Spanish, saved as build artefacts under
`build/screenshots/<lang>/<page>.png` (issue 15's acceptance; CI keeps `build/`). The world is small
and demo-like: a cluster of four ads sharing a phone, loose ads, and a case of three confirmed ones.
Each page is checked to be in the asked language and free of script errors before it is taken.
"""

from __future__ import annotations

from tests.service.api.helpers import claim, decide, queue_items
from tests.service.api.test_clusters import network
from tests.service.ui.browser import ARTEFACTS
from tests.service.ui.test_browser import log_in, person

PAGES = ("queue", "cluster", "item", "case")


def test_queue_cluster_item_and_case_pages_are_photographed_in_both_languages(workspace):
    service, url, browser = workspace
    cluster = sorted(network(service, 4))
    loose = queue_items(service, 6, source="demo.test", prefix="shot")
    analyst = service.user("analyst")
    confirmed = []
    for _ in range(3):
        item_id = claim(service, analyst)
        assert decide(service, analyst, item_id, "confirm", "indicators-present").status_code == 200
        confirmed.append(item_id)
    supervisor = service.user("supervisor")
    made = service.client.post(
        "/v1/cases", json={"item_ids": confirmed, "title": "Three ads, one network"}, headers=supervisor
    )
    assert made.status_code == 201, made.text
    queued = [i for i in cluster + loose if i not in confirmed]
    person(service, "sara", "supervisor")
    where = {
        "queue": "/queue",
        "cluster": f"/clusters/{queued[0]}",
        "item": f"/items/{queued[-1]}",
        "case": f"/supervisor/cases/{made.json()['id']}",
    }
    for lang in ("en", "es"):
        page = log_in(browser, url, "sara", lang=lang)
        folder = ARTEFACTS / lang
        folder.mkdir(parents=True, exist_ok=True)
        for name in PAGES:
            answer = page.goto(url + where[name])
            assert answer is not None and answer.status == 200, (lang, name)
            assert page.locator("html").get_attribute("lang") == lang
            shot = folder / f"{name}.png"
            shot.unlink(missing_ok=True)
            page.screenshot(path=str(shot), full_page=True)
            assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000, shot
        assert page.errors == [], (lang, page.errors)  # type: ignore[attr-defined]
