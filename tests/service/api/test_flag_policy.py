"""The flag policy through the service: flag_reasons and child_risk in /v1/score, /v1/ingest, the
queue rows and item detail; child-risk items served first; a decisive indicator alone flags an ad
the model scores low, a weak one alone does not."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select, update

from service.db.models import Item, ItemBand, ItemPseudonym, utcnow
from tests.service.api.helpers import claim, queue_items, scrape_metrics

#: An ordinary-looking job ad whose only sign is decisive: a job offered to 14-year-olds.
CHILD_AD = (
    "Heladería en Valparaíso busca ayudantes para la temporada de verano. Atención en mostrador y "
    "limpieza. Pueden postular chicos y chicas desde 14 años. Turnos de tarde, pago semanal."
)
#: An ordinary job ad with one weak sign (urgency) only.
WEAK_AD = "URGENTE: panadería en Quito busca ayudante de cocina con experiencia. Contrato y seguro social."


def test_a_decisive_indicator_alone_flags_an_ad_the_model_scores_low(service):
    key = service.partner()
    body = {"items": [{"external_id": "child", "text": CHILD_AD}, {"external_id": "weak", "text": WEAK_AD}]}
    response = service.client.post("/v1/score", json=body, headers=key)
    assert response.status_code == 200, response.text
    items = {i["external_id"]: i for i in response.json()["items"]}
    threshold = service.state.model.get().threshold
    child, weak = items["child"], items["weak"]
    assert child["score"] < threshold  # the model alone would not flag it
    assert child["flagged"] is True and child["child_risk"] is True
    assert child["flag_reasons"] == ["indicator:MINORS_TARGETED"]
    assert weak["flagged"] is False and weak["flag_reasons"] == [] and weak["child_risk"] is False
    assert "URGENCY" in {s["code"] for s in weak["indicators"]}
    # the receipt answers a retry with the same fields
    again = service.client.post("/v1/score", json=body, headers=key).json()
    assert {i["external_id"]: i for i in again["items"]} == items


def test_ingest_and_queue_rows_and_item_detail_carry_the_reasons(service):
    key = service.partner(scopes=("ingest",))
    response = service.client.post(
        "/v1/ingest", json={"items": [{"external_id": "c1", "text": CHILD_AD}]}, headers=key
    )
    assert response.status_code == 200, response.text
    assert response.json()["items"][0]["child_risk"] is True
    analyst = service.user("analyst")
    rows = service.client.get("/v1/queue", headers=analyst).json()["items"]
    assert rows[0]["flag_reasons"] == ["indicator:MINORS_TARGETED"] and rows[0]["child_risk"] is True
    detail = service.client.get(f"/v1/queue/{rows[0]['id']}", headers=analyst).json()
    assert detail["flag_reasons"] == ["indicator:MINORS_TARGETED"] and detail["child_risk"] is True


def test_openapi_declares_the_fields(service):
    schema = service.client.get("/openapi.json").json()["components"]["schemas"]
    assert {"flag_reasons", "child_risk"} <= set(schema["ScoredAd"]["properties"])
    assert {"flag_reasons", "child_risk"} <= set(schema["Entry"]["properties"])


def test_child_risk_items_are_served_first_whatever_their_score(service):
    ids = queue_items(service, 3)
    now = utcnow()
    with service.state.sessions() as session:
        session.execute(delete(ItemBand))
        session.execute(delete(ItemPseudonym))
        plan = {ids[0]: (0.99, False), ids[1]: (0.12, True), ids[2]: (0.80, False)}
        for item_id, (score, child) in plan.items():
            session.execute(
                update(Item)
                .where(Item.id == item_id)
                .values(score=score, child_risk=child, decisive=False, created_at=now - timedelta(minutes=5))
            )
        session.commit()
    analyst = service.user("analyst")
    listed = [e["id"] for e in service.client.get("/v1/queue", headers=analyst).json()["items"]]
    assert listed == [ids[1], ids[0], ids[2]]
    assert claim(service, service.user("analyst")) == ids[1]


def test_case_report_says_why_and_marks_a_possible_minor(service):
    key = service.partner()
    service.client.post("/v1/score", json={"items": [{"external_id": "c2", "text": CHILD_AD}]}, headers=key)
    analyst, supervisor = service.user("analyst"), service.user("supervisor")
    item_id = claim(service, analyst)
    decided = service.client.post(
        f"/v1/items/{item_id}/decision",
        json={"decision": "confirm", "reason": "indicators-present", "note": ""},
        headers=analyst,
    )
    assert decided.status_code == 200, decided.text
    report = service.client.get(f"/v1/items/{item_id}/report", headers=supervisor).json()
    incident = report["incident"]
    assert incident["child_risk"] is True and incident["possible_minor"] is True
    assert incident["flag_reasons"] == ["indicator:MINORS_TARGETED"]
    assert "targets people under 18" in incident["summary"]
    assert "Minors or very young people targeted" in incident["summary"]


def test_a_value_no_recognizer_knows_is_masked_at_the_door_and_counted(service):
    planted = "luisa.ruiz@correo-interno"  # an address on a host no TLD list or provider knows
    text = f"{CHILD_AD} Escribir a {planted} para la entrevista."
    key = service.partner()
    response = service.client.post(
        "/v1/score", json={"items": [{"external_id": "res", "text": text}]}, headers=key
    )
    assert response.json()["items"][0]["flagged"] is True
    with service.state.sessions() as session:
        stored = session.scalars(select(Item.text)).one()
    assert planted not in stored and "luisa.ruiz" not in stored and "[EMAIL:" in stored
    metrics = scrape_metrics(service).text
    assert 'baliza_redaction_residual_total{kind="EMAIL"} 1.0' in metrics
    assert 'baliza_flags_by_reason_total{reason="indicator:MINORS_TARGETED"} 1.0' in metrics
