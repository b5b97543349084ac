"""The researchers' page over HTTP, on both database backends: decision statistics and the export.

Three settled items with known outcomes: one confirmed by an analyst alone, one escalated leaning to
confirm and dismissed by a supervisor (reviewers disagree), one escalated leaning to dismiss and
dismissed (they agree), and one escalated without a lean and confirmed (no second view).
"""

from __future__ import annotations

import json
import re

from sqlalchemy import select

from service.db.models import AuditEvent
from tests.service.api.helpers import claim, decide, queue_items
from tests.service.ui.test_supervisor_pages import person


def settle(service) -> list[int]:  # type: ignore[no-untyped-def]
    ids = queue_items(service, 4, lang="es")
    ana, sam = service.user("analyst", name="ana"), service.user("supervisor", name="sam")
    plans = [
        ("confirm", "indicators-present", None, None),
        ("escalate", "needs-second-opinion", "confirm", "dismiss"),
        ("escalate", "needs-second-opinion", "dismiss", "dismiss"),
        ("escalate", "other", None, "confirm"),
    ]
    for decision, reason, lean, settled in plans:
        item_id = claim(service, ana)
        extra = {"lean": lean} if lean else {}
        assert decide(service, ana, item_id, decision, reason, **extra).status_code == 200
        if settled:
            assert claim(service, sam, state="escalated") == item_id
            why = "indicators-present" if settled == "confirm" else "insufficient-evidence"
            assert decide(service, sam, item_id, settled, why).status_code == 200
    return ids


def stat(html: str, name: str) -> str:
    return re.search(rf'data-stat="{name}">([^<]*)<', html).group(1)


def test_statistics_count_outcomes_languages_and_agreement(service):
    settle(service)
    researcher = person(service, "researcher", "rita")
    html = researcher.get("/research").text
    assert "4 settled items" in html
    assert stat(html, "multi") == "3" and stat(html, "voted") == "2" and stat(html, "agreement") == "50%"
    assert stat(html, "uncertainty") == "0"
    lang_row = re.search(r'<tr data-per-lang="es">.*?</tr>', html, re.S).group(0)
    assert re.findall(r"<td>([^<]*)</td>", lang_row) == ["2", "2", "50%"]
    assert 'data-per-indicator="' in html


def test_statistics_page_is_in_spanish_too(service):
    researcher = person(service, "researcher", "rita")
    html = researcher.get("/research", headers={"Accept-Language": "es"}).text
    assert 'lang="es"' in html and "Estadísticas de decisiones" in html
    assert "Todavía no hay elementos resueltos." in html


def test_export_download_is_jsonl_and_audited(service):
    ids = settle(service)
    researcher = person(service, "researcher", "rita")
    response = researcher.get("/research/export/decisions.jsonl")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    assert response.headers["content-disposition"] == 'attachment; filename="decisions.jsonl"'
    rows = [json.loads(line) for line in response.text.splitlines()]
    assert sorted(r["id"] for r in rows) == sorted(f"item-{i}" for i in ids)
    assert sorted(r["label"] for r in rows) == [0, 0, 1, 1]
    assert sum(r["disagreement"] for r in rows) == 1
    with service.state.sessions() as session:
        audited = session.execute(
            select(AuditEvent.actor, AuditEvent.detail).where(AuditEvent.action == "export.decisions")
        ).all()
    assert [(actor, detail["rows"]) for actor, detail in audited] == [("user:rita", 4)]
