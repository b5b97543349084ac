"""A cluster decided in one action, in Chromium as a person does it: the queue's clusters toggle,
the cluster page with its ads blurred side by side, one untick, one submit; then one decision and
one audit row per decided ad. Screenshots of the clusters view and the cluster page land in
build/screenshots/."""

from __future__ import annotations

from sqlalchemy import select

from service.db.models import AuditEvent, Decision, Item
from tests.service.api.test_clusters import network
from tests.service.ui.browser import ARTEFACTS
from tests.service.ui.test_browser import log_in, person


def test_a_cluster_is_decided_in_one_action_with_an_audit_row_per_ad(workspace):
    service, url, browser = workspace
    ids = sorted(network(service, 4))
    person(service, "carla", "analyst")
    page = log_in(browser, url, "carla")
    page.get_by_role("link", name="Clusters").click()
    page.wait_for_url("**/queue/clusters*")
    row = page.locator(f'tr[data-cluster="{ids[0]}"]')
    assert row.locator("[data-size]").inner_text() == "4"
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "clusters.png"), full_page=True)
    row.get_by_role("link", name=f"#{ids[0]}").click()
    page.wait_for_url(f"**/clusters/{ids[0]}")

    texts = page.locator(".cluster-ads .adtext")
    assert texts.count() == 4 and all("blurred" in texts.nth(i).get_attribute("class") for i in range(4))
    page.keyboard.press("r")  # reveal, as on the item page
    assert all("blurred" not in texts.nth(i).get_attribute("class") for i in range(4))
    assert page.locator(".cluster-ads .chip.shared").count() == 4  # the shared phone, in every ad
    page.screenshot(path=str(ARTEFACTS / "cluster.png"), full_page=True)

    page.get_by_label(f"Include #{ids[3]}").uncheck()  # keep one ad out of the decision
    page.get_by_label("Decision").select_option("dismiss")
    page.get_by_label("Reason").select_option("duplicate")
    page.get_by_role("button", name="Decide selected ads").click()
    page.wait_for_url("**/queue/clusters*")
    assert "each on its own record" in page.locator(".notice").inner_text()
    assert page.errors == []

    with service.state.sessions() as session:
        decided = session.scalars(select(Decision.item_id).order_by(Decision.item_id)).all()
        audited = session.execute(
            select(AuditEvent.target, AuditEvent.detail).where(AuditEvent.action == "item.decision")
        ).all()
        states = dict(session.execute(select(Item.id, Item.state).where(Item.id.in_(ids))).all())
    assert decided == ids[:3]
    assert sorted(target for target, _ in audited) == [f"item:{i}" for i in ids[:3]]
    assert {detail["via"] for _, detail in audited} == {f"cluster:{ids[0]}"}
    assert states == {ids[0]: "dismissed", ids[1]: "dismissed", ids[2]: "dismissed", ids[3]: "queued"}
