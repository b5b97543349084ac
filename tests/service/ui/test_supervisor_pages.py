"""The supervisor pages over HTTP, on both database backends: roles, escalations, four-eyes unmasking
through the pages, the audit log's filters and chain check, and the case reports.

Each person gets their own client (own cookie jar), so "supervisor A" and "supervisor B" are two
browsers as in real use.
"""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from service.db.models import AuditEvent, Item, UnmaskRequest
from tests.factories import plant_flagged
from tests.service.api.conftest import PASSWORD
from tests.service.api.helpers import claim, decide, form_login, queue_items

SUPERVISOR_PAGES = (
    "/supervisor/escalations",
    "/supervisor/unmask",
    "/supervisor/audit",
    "/supervisor/reports",
    "/supervisor/cases",
)
REASON = "Police request 2026/114: identify the recruiter's contact"


def person(service, role: str, name: str) -> TestClient:  # type: ignore[no-untyped-def]
    """A logged-in browser of a new person with `role`."""
    service.user(role, name=name)
    client = TestClient(service.client.app)
    response = form_login(client, name, PASSWORD, follow_redirects=False)
    assert response.status_code == 303, response.text
    return client


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)


def post_form(client: TestClient, page: str, action: str, **data: str):  # type: ignore[no-untyped-def]
    """Post a form the way a browser does: with the CSRF token of the page it sits on."""
    token = csrf_of(client.get(page).text)
    return client.post(action, data={"csrf": token, **data}, follow_redirects=False)


@pytest.mark.parametrize("path", [*SUPERVISOR_PAGES, "/supervisor/reports/1", "/research"])
def test_analysts_get_the_forbidden_page(service, path):
    analyst = person(service, "analyst", "ana")
    response = analyst.get(path)
    assert response.status_code == 403 and "Not for your role" in response.text


def test_analysts_cannot_post_supervisor_forms(service):
    [item_id] = queue_items(service, 1)
    analyst = person(service, "analyst", "ana")
    refused = post_form(analyst, "/queue", f"/supervisor/unmask/{item_id}", reason=REASON)
    assert refused.status_code == 403 and "Not for your role" in refused.text
    assert post_form(analyst, "/queue", "/supervisor/unmask/requests/1/approve").status_code == 403
    with service.state.sessions() as session:
        assert session.scalar(select(func.count()).select_from(UnmaskRequest)) == 0


def test_researchers_see_only_the_research_page(service):
    researcher = person(service, "researcher", "rita")
    for path in SUPERVISOR_PAGES:
        assert researcher.get(path).status_code == 403, path
    assert researcher.get("/research").status_code == 200
    supervisor = person(service, "supervisor", "sam")
    assert supervisor.get("/research").status_code == 403
    assert supervisor.get("/research/export/decisions.jsonl").status_code == 403
    for path in SUPERVISOR_PAGES:
        assert supervisor.get(path).status_code == 200, path


def test_escalations_show_who_escalated_and_why_and_never_go_back_to_them(service):
    [item_id] = queue_items(service, 1)
    vera = service.user("supervisor", name="vera")
    assert claim(service, vera) == item_id
    escalated = decide(
        service, vera, item_id, "escalate", "possible-minor", note="looks young", lean="confirm"
    )
    assert escalated.status_code == 200, escalated.text

    own = TestClient(service.client.app)
    form_login(own, "vera", PASSWORD)
    page = own.get("/supervisor/escalations")
    row = re.search(rf'<tr data-item="{item_id}">.*?</tr>', page.text, re.S).group(0)
    assert "vera" in row and "Possible minor" in row and "looks young" in row and "Confirm" in row
    assert "another supervisor settles it" in row
    refused = post_form(own, "/supervisor/escalations", "/queue/claim?state=escalated")
    assert refused.headers["location"] == "/queue?message=queue.empty"

    other = person(service, "supervisor", "otto")
    assert "another supervisor settles it" not in other.get("/supervisor/escalations").text
    claimed = post_form(other, "/supervisor/escalations", "/queue/claim?state=escalated")
    assert claimed.headers["location"] == f"/items/{item_id}"


def test_unmask_through_the_pages_needs_four_eyes_and_shows_values_only_to_the_requester(service):
    planted = plant_flagged(service.client, service.partner(), 1)[0]
    with service.state.sessions() as session:
        item_id = session.scalar(select(Item.id).where(Item.external_id == planted["external_id"]))
    alice = person(service, "supervisor", "alice")
    bob = person(service, "supervisor", "bob")
    secrets = (planted["e164"], planted["email"])

    short = post_form(alice, f"/items/{item_id}", f"/supervisor/unmask/{item_id}", reason="because")
    assert "message=unmask.error.reason" in short.headers["location"]
    made = post_form(alice, f"/items/{item_id}", f"/supervisor/unmask/{item_id}", reason=REASON)
    assert made.headers["location"] == f"/items/{item_id}?message=unmask.requested"
    assert "a second supervisor must approve it" in alice.get(made.headers["location"]).text

    mine = alice.get("/supervisor/unmask").text
    request_id = int(re.search(r'data-request="(\d+)"', mine).group(1))
    assert "/approve" not in mine and "Waiting for a second supervisor" in mine
    own = post_form(alice, "/supervisor/unmask", f"/supervisor/unmask/requests/{request_id}/approve")
    assert "four+eyes" in own.headers["location"]
    early = post_form(alice, "/supervisor/unmask", f"/supervisor/unmask/requests/{request_id}/reveal")
    assert early.status_code == 303 and not any(s in early.text for s in secrets)

    listing = bob.get("/supervisor/unmask").text
    assert f"/supervisor/unmask/requests/{request_id}/approve" in listing and REASON[:20] in listing
    approved = post_form(bob, "/supervisor/unmask", f"/supervisor/unmask/requests/{request_id}/approve")
    assert approved.headers["location"] == "/supervisor/unmask?message=unmask.approved"
    after = bob.get("/supervisor/unmask").text
    assert f"/requests/{request_id}/reveal" not in after
    stolen = post_form(bob, "/supervisor/unmask", f"/supervisor/unmask/requests/{request_id}/reveal")
    assert stolen.status_code == 303 and not any(s in stolen.text for s in secrets)

    listing = alice.get("/supervisor/unmask").text
    assert f"/requests/{request_id}/reveal" in listing and not any(s in listing for s in secrets)
    shown = post_form(alice, "/supervisor/unmask", f"/supervisor/unmask/requests/{request_id}/reveal")
    assert shown.status_code == 200 and shown.headers["cache-control"] == "no-store"
    assert all(s in shown.text for s in secrets)
    for client in (alice, bob):
        for page in ("/supervisor/unmask", f"/items/{item_id}", "/supervisor/audit"):
            assert not any(s in client.get(page).text for s in secrets), page
    with service.state.sessions() as session:
        reveals = session.scalars(select(AuditEvent).where(AuditEvent.action == "unmask.reveal")).all()
    assert [(r.actor, r.target) for r in reveals] == [("user:alice", f"unmask:{request_id}")]


def test_audit_page_filters_and_shows_whether_the_chain_holds(service):
    [item_id] = queue_items(service, 1)
    sam = person(service, "supervisor", "sam")
    ana = service.user("analyst", name="ana")
    assert claim(service, ana) == item_id
    assert decide(service, ana, item_id, "dismiss", "legitimate-offer").status_code == 200

    def rows(**filters: str) -> list[tuple[str, str]]:
        html = sam.get("/supervisor/audit", params=filters).text
        return re.findall(r'<tr data-audit="\d+" data-actor="([^"]*)" data-action="([^"]*)">', html)

    everything = rows()
    assert ("user:ana", "item.decision") in everything and ("user:ana", "queue.claim") in everything
    assert rows(action="item.decision") == [("user:ana", "item.decision")]
    assert set(rows(action="queue.")) == {("user:ana", "queue.claim")}
    assert {actor for actor, _ in rows(actor="ana")} == {"user:ana"}
    assert rows(target=f"item:{item_id}", actor="sam") == []
    assert rows(since="2999-01-01T00:00") == []
    assert "could not be read" in sam.get("/supervisor/audit", params={"since": "yesterday"}).text
    assert ("user:sam", "audit.view") in rows(action="audit.view")  # looking is itself audited

    page = sam.get("/supervisor/audit").text
    assert 'data-chain="intact"' in page
    with service.state.sessions() as session:
        session.execute(update(AuditEvent).where(AuditEvent.action == "item.decision").values(reason="other"))
        session.commit()
    broken = sam.get("/supervisor/audit").text
    assert 'data-chain="broken"' in broken and "row edited" in broken
    sam.cookies.set("baliza_lang", "es")
    roto = sam.get("/supervisor/audit").text
    assert "fila editada" in roto and "row edited" not in roto


def test_case_reports_list_page_and_download(service):
    [confirmed, dismissed] = queue_items(service, 2)
    ana = service.user("analyst", name="ana")
    first = claim(service, ana)
    assert decide(service, ana, first, "confirm", "indicators-present").status_code == 200
    second = claim(service, ana)
    assert decide(service, ana, second, "dismiss", "legitimate-offer").status_code == 200
    assert {first, second} == {confirmed, dismissed}

    sam = person(service, "supervisor", "sam")
    listing = sam.get("/supervisor/reports").text
    assert f'data-report="{first}"' in listing and f'data-report="{second}"' not in listing
    assert "Nothing here is sent" in listing and "ready to send" not in listing  # cases are what is sent
    page = sam.get(f"/supervisor/reports/{first}")
    assert page.status_code == 200 and "BZ-" in page.text and "Indicators present" in page.text
    download = sam.get(f"/supervisor/reports/{first}/report.json")
    assert download.status_code == 200 and download.headers["content-type"].startswith("application/json")
    assert download.headers["content-disposition"].startswith('attachment; filename="BZ-')
    body = json.loads(download.text)
    assert body["schema"] == "baliza.case-report/1" and body["provenance"]["score"] > 0
    assert body["incident"]["summary"] == body["incident"]["summaries"]["en"]
    assert body["incident"]["summaries"]["es"].startswith("Un anuncio de empleo en línea")
    sam.cookies.set("baliza_lang", "es")
    spanish = sam.get(f"/supervisor/reports/{first}").text
    sam.cookies.set("baliza_lang", "en")
    assert body["incident"]["summaries"]["es"] in spanish.replace("&#34;", '"').replace("&#39;", "'")
    missing = sam.get(f"/supervisor/reports/{second}")
    assert missing.status_code == 404 and "only confirmed items have one" in missing.text
    assert sam.get(f"/supervisor/reports/{second}/report.json").status_code == 404
    with service.state.sessions() as session:
        views = session.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == "report.view").order_by(AuditEvent.id)
        ).all()
    assert [v["via"] for v in views] == ["ui", "ui-download", "ui"]  # the last: the Spanish page
