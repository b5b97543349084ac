"""The scoring API: scores with spans into the caller's text, flagged ads queued redacted, nothing
else stored, idempotency, limits and errors."""

from __future__ import annotations

from sqlalchemy import func, select

from service.db.models import Item, Receipt
from tests.factories import TEST_FILE, read_jsonl

ROWS = read_jsonl(TEST_FILE)
POSITIVE = next(r for r in ROWS if r["label"] == 1 and "@" in r["text"])
NEGATIVE = next(r for r in ROWS if r["label"] == 0)


def _items(*rows: dict) -> dict:
    return {"items": [{"external_id": r["id"], "text": r["text"]} for r in rows]}


def test_score_flags_and_queues_only_flagged(service):
    key = service.partner()
    response = service.client.post("/v1/score", json=_items(POSITIVE, NEGATIVE), headers=key)
    assert response.status_code == 200, response.text
    body = response.json()
    by_id = {item["external_id"]: item for item in body["items"]}
    assert by_id[POSITIVE["id"]]["flagged"] is True
    assert by_id[NEGATIVE["id"]]["flagged"] is False
    assert body["model_version"]
    for span in by_id[POSITIVE["id"]]["indicators"]:
        assert 0 <= span["start"] < span["end"] <= len(POSITIVE["text"])
        assert set(span) == {"code", "start", "end"}
    with service.state.sessions() as session:
        items = session.scalars(select(Item)).all()
        assert [i.external_id for i in items] == [POSITIVE["id"]]
        assert "@" not in items[0].text.replace("[EMAIL:", "")
        assert session.scalar(select(func.count()).select_from(Receipt)) == 2


def test_same_id_same_text_is_idempotent_and_changed_text_conflicts(service):
    key = service.partner()
    first = service.client.post("/v1/score", json=_items(POSITIVE), headers=key).json()
    again = service.client.post("/v1/score", json=_items(POSITIVE), headers=key).json()
    assert first == again
    changed = {"items": [{"external_id": POSITIVE["id"], "text": POSITIVE["text"] + " changed"}]}
    conflict = service.client.post("/v1/score", json=changed, headers=key)
    assert conflict.status_code == 409 and "different text" in conflict.json()["detail"]
    with service.state.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Item)) == 1


def test_limits_are_clear_422s(service):
    key = service.partner()
    too_many = {"items": [{"external_id": str(i), "text": "x"} for i in range(257)]}
    too_long = {"items": [{"external_id": "a", "text": "x" * 20_001}]}
    for body in (too_many, too_long, {"items": []}, {"nope": 1}):
        response = service.client.post("/v1/score", json=body, headers=key)
        assert response.status_code == 422
        assert isinstance(response.json()["detail"], str)


def test_scope_and_credentials(service):
    assert service.client.post("/v1/score", json=_items(NEGATIVE)).status_code == 401
    bad = service.client.post("/v1/score", json=_items(NEGATIVE), headers={"X-API-Key": "bz_nope"})
    assert bad.status_code == 401
    ingest_only = service.partner(scopes=("ingest",))
    assert service.client.post("/v1/score", json=_items(NEGATIVE), headers=ingest_only).status_code == 403
    assert service.client.post("/v1/ingest", json=_items(NEGATIVE), headers=ingest_only).status_code == 200
    analyst = service.user("analyst")
    assert service.client.post("/v1/score", json=_items(NEGATIVE), headers=analyst).status_code == 403
