"""The case pages over HTTP, on both database backends: the list offers confirmed items (a cluster's
ids preselected by `?items=`), a refused step is a message in the reader's language and changes
nothing, the sign-off button is offered only to a second supervisor, and the report downloads with
its four-eyes record. Each person has their own client (own cookie jar)."""

from __future__ import annotations

from sqlalchemy import select

from service.db.models import AuditEvent, CaseDocument
from tests.service.api.helpers import claim, decide, queue_items
from tests.service.ui.test_supervisor_pages import csrf_of, person, post_form


def confirmed_items(service, n: int) -> list[int]:  # type: ignore[no-untyped-def]
    ids = queue_items(service, n + 1)
    analyst = service.user("analyst")
    done = []
    for _ in range(n):
        item_id = claim(service, analyst)
        assert decide(service, analyst, item_id, "confirm", "indicators-present").status_code == 200
        done.append(item_id)
    return done + [i for i in ids if i not in done]  # the last one stays queued


def build(client, item_ids: list[int], title: str = "Ring"):  # type: ignore[no-untyped-def]
    token = csrf_of(client.get("/supervisor/cases").text)
    form = {"csrf": token, "title": title, "item": [str(i) for i in item_ids]}
    return client.post("/supervisor/cases", data=form, follow_redirects=False)


def test_a_case_is_built_from_the_form_and_only_a_second_supervisor_signs_it_off(service):
    *confirmed, queued = confirmed_items(service, 2)
    sam, sol = person(service, "supervisor", "sam"), person(service, "supervisor", "sol")
    listing = sam.get(f"/supervisor/cases?items={confirmed[1]},{queued}")
    assert f'value="{confirmed[1]}" id="pick-{confirmed[1]}" checked' in listing.text
    assert f'value="{confirmed[0]}" id="pick-{confirmed[0]}">' in listing.text  # not preselected
    assert f'id="pick-{queued}"' not in listing.text  # only confirmed items are offered

    refused = build(sam, [confirmed[0], queued])
    assert refused.status_code == 303 and "case.error.invalid" in refused.headers["location"]
    made = build(sam, confirmed)
    assert made.status_code == 303
    case_page = made.headers["location"].split("?")[0]
    case_id = int(case_page.rsplit("/", 1)[1])

    own = sam.get(case_page)
    assert "Sign off the case report" not in own.text and "You drafted this" in own.text
    forced = post_form(sam, case_page, f"{case_page}/signoff", document="report")
    assert forced.status_code == 303
    shown = sam.get(forced.headers["location"], headers={"Accept-Language": "es"})
    assert "un supervisor distinto del que lo redactó" in shown.text and "Borrador" in shown.text
    early = post_form(sam, case_page, f"{case_page}/send", document="report")
    assert "case.error.conflict" in early.headers["location"]
    odd = post_form(sam, case_page, f"{case_page}/publish", document="report")
    assert "case.error.step" in odd.headers["location"]

    other = sol.get(case_page)
    assert "Sign off the case report" in other.text and "Sign off the takedown" in other.text
    signed = post_form(sol, case_page, f"{case_page}/signoff", document="report")
    assert "case.done.signoff" in signed.headers["location"]
    with service.state.sessions() as session:
        states = dict(session.execute(select(CaseDocument.kind, CaseDocument.state)).all())
        assert states == {"report": "signed_off", "takedown": "draft"}
        steps = session.scalars(
            select(AuditEvent.action).where(AuditEvent.target == f"case:{case_id}").order_by(AuditEvent.id)
        ).all()
    assert steps[0] == "case.create" and "case.signoff" in steps and "case.view" in steps

    download = sol.get(f"{case_page}/report.json")
    assert download.status_code == 200 and "attachment" in download.headers["content-disposition"]
    body = download.json()
    assert body["four_eyes"]["drafted_by"] == "sam" and body["four_eyes"]["signed_off_by"] == "sol"
    assert [i["item_id"] for i in body["items"]] == confirmed
    assert {d["reviewer"] for i in body["items"] for d in i["decisions"]} == {"analyst1"}
    assert sol.get("/supervisor/cases").text.count(f'data-case="{case_id}"') == 1


def test_analysts_cannot_see_or_build_cases(service):
    [item_id, _] = confirmed_items(service, 1)
    analyst = person(service, "analyst", "ana")
    assert analyst.get("/supervisor/cases").status_code == 403
    token = csrf_of(analyst.get("/queue").text)
    refused = analyst.post(
        "/supervisor/cases",
        data={"csrf": token, "title": "x", "item": [str(item_id)]},
        follow_redirects=False,
    )
    assert refused.status_code == 403
    with service.state.sessions() as session:
        assert session.scalars(select(CaseDocument)).all() == []
