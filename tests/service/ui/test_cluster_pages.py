"""The cluster page's decision form refuses a tampered selection with a 4xx and a message, never a
500, and decides nothing: ids beyond what the database holds, and more ads than one action takes."""

from __future__ import annotations

from sqlalchemy import func, select

from service.db.models import Decision
from service.edge import MAX_ID
from service.review.bulk import MAX_SELECTION
from tests.service.api.test_clusters import network
from tests.service.ui.test_supervisor_pages import csrf_of, person


def test_a_tampered_selection_is_refused_and_nothing_is_decided(service):
    ids = sorted(network(service, 3))
    ana = person(service, "analyst", "ana")
    page = f"/clusters/{ids[0]}"
    token = csrf_of(ana.get(page).text)
    form = {"csrf": token, "decision": "dismiss", "reason": "duplicate"}
    for items in ([str(MAX_ID + 1)], [str(2**63)], [str(ids[0])] * (MAX_SELECTION + 1), ["0"], ["x"]):
        answer = ana.post(f"{page}/decision", data={**form, "items": items}, follow_redirects=False)
        assert answer.status_code == 422, (items[:1], answer.status_code)
        assert answer.json()["detail"]
    fine = ana.post(f"{page}/decision", data={**form, "items": [str(ids[0])]}, follow_redirects=False)
    assert fine.status_code == 303
    with service.state.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Decision)) == 1
