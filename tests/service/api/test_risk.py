"""Risk bands and score explanations over HTTP: `GET /v1/queue` carries each item's `risk_band`, an
item carries what drove its score (computed at intake by the model that scored it), and migration
0009 backfills `decisive` from `flag_reasons`."""

from __future__ import annotations

from sqlalchemy import inspect, text

from service.db.migrate import alembic_config
from service.review import risk
from tests.service.api.helpers import item, queue_items, unmigrated


def test_the_queue_json_carries_each_items_risk_band(service):
    ids = queue_items(service, 6)
    response = service.client.get("/v1/queue", headers=service.user("analyst"))
    assert response.status_code == 200, response.text
    entries = response.json()["items"]
    assert {e["id"] for e in entries} == set(ids)
    for entry in entries:
        expected = risk.band(
            child_risk=entry["child_risk"], flag_reasons=entry["flag_reasons"], codes=entry["indicators"]
        )
        assert entry["risk_band"] == expected in risk.BANDS
        assert entry["decisive"] is any(r.startswith("indicator:") for r in entry["flag_reasons"])
        assert entry["decisive"] is item(service, entry["id"]).decisive


def test_an_item_says_what_each_indicator_weighed_in_its_score(service):
    ids = queue_items(service, 8)
    weights = service.state.model.get().indicator_weights
    assert weights, "the test model is hybrid: it has indicator columns"
    shown = 0
    for item_id in ids:
        body = service.client.get(f"/v1/queue/{item_id}", headers=service.user("analyst")).json()
        stored = item(service, item_id).contributions
        assert stored is not None
        weighed = body["weighed"]
        codes = [w["code"] for w in weighed]
        assert len(codes) == len(set(codes)) and set(codes) == {s["code"] for s in body["indicators"]}
        figures = [w["contribution"] for w in weighed if w["contribution"] is not None]
        assert figures == sorted(figures, reverse=True)
        for entry in weighed:
            if entry["contribution"] is not None:
                assert entry["contribution"] == round(weights[entry["code"]], 3) == stored[entry["code"]]
            shown += entry["contribution"] is not None
    assert shown > 0


def test_migration_0009_backfills_decisive_from_flag_reasons(database_url):
    from alembic import command

    config = alembic_config()
    insert = text(
        "INSERT INTO items (partner_id, external_id, channel, text, score, uncertainty, indicators, "
        "flag_reasons, model_version, state, created_at) VALUES (1, :x, 'score', 't', 0.9, 0.2, '[]', "
        ":reasons, 'v', 'queued', CURRENT_TIMESTAMP)"
    )
    with unmigrated(database_url) as engine, engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0008")
        conn.execute(text("INSERT INTO partners (id, name, created_at) VALUES (1, 'p', CURRENT_TIMESTAMP)"))
        conn.execute(insert, {"x": "plain", "reasons": '["model"]'})
        conn.execute(insert, {"x": "debt", "reasons": '["model", "indicator:DEBT"]'})
        command.upgrade(config, "head")
        got = dict(conn.execute(text("SELECT external_id, decisive FROM items")).all())
        assert {k: bool(v) for k, v in got.items()} == {"plain": False, "debt": True}
        assert "ix_items_risk_queue" in {i["name"] for i in inspect(conn).get_indexes("items")}
        command.downgrade(config, "0008")
        assert "decisive" not in {c["name"] for c in inspect(conn).get_columns("items")}
