"""What the OpenAPI document tells a partner or a script: the two credentials as security schemes
(the API key on partner routes, the bearer token on people's), descriptions and examples on the
models of /v1/score, /v1/ingest and /v1/items/{external_id} (an example that does not match what
the service answers fails), and the taxonomy at GET /v1/indicators for every caller."""

from __future__ import annotations

from models.indicators import load_taxonomy
from service.api.routes.score import EXAMPLE_AD, EXAMPLE_SCORED

PARTNER_ROUTES = {("post", "/v1/score"), ("post", "/v1/ingest"), ("get", "/v1/items/{external_id}")}
PEOPLE_ROUTES = {("get", "/v1/queue"), ("post", "/v1/items/{item_id}/decision"), ("get", "/v1/audit")}
UNSECURED = {("get", "/healthz"), ("get", "/metrics"), ("post", "/v1/auth/login")}


def _document(service) -> dict:  # type: ignore[no-untyped-def]
    return service.client.get("/openapi.json").json()


def _schema(document: dict, ref: dict) -> dict:
    return document["components"]["schemas"][ref["$ref"].rsplit("/", 1)[1]]


def test_the_document_declares_the_api_key_and_the_bearer_token(service):
    document = _document(service)
    schemes = document["components"]["securitySchemes"]
    assert schemes["ApiKey"] == {**schemes["ApiKey"], "type": "apiKey", "in": "header", "name": "X-API-Key"}
    assert schemes["Bearer"] == {**schemes["Bearer"], "type": "http", "scheme": "bearer"}
    for path, item in document["paths"].items():
        for method, operation in item.items():
            security = operation.get("security")
            if (method, path) in PARTNER_ROUTES:
                assert security == [{"ApiKey": []}], path
            elif (method, path) in PEOPLE_ROUTES:
                assert security == [{"Bearer": []}], path
            elif (method, path) == ("get", "/v1/indicators"):
                assert security == [{"ApiKey": []}, {"Bearer": []}]  # either one
            elif (method, path) in UNSECURED:
                assert security is None, path
            else:
                assert security in ([{"ApiKey": []}], [{"Bearer": []}]), (method, path)


def test_partner_models_have_descriptions_and_examples(service):
    document = _document(service)
    score = document["paths"]["/v1/score"]["post"]
    batch = _schema(document, score["requestBody"]["content"]["application/json"]["schema"])
    assert batch["examples"] == [{"items": [EXAMPLE_AD]}]
    status = document["paths"]["/v1/items/{external_id}"]["get"]["responses"]["200"]
    scored = _schema(document, score["responses"]["200"]["content"]["application/json"]["schema"])
    models = ["AdIn", "ScoredAd", "Span", "StatusOut"]
    assert _schema(document, status["content"]["application/json"]["schema"])["title"] == "StatusOut"
    assert document["paths"]["/v1/ingest"]["post"]["requestBody"] == score["requestBody"]
    for name in models:
        undescribed = [
            f
            for f, spec in document["components"]["schemas"][name]["properties"].items()
            if not spec.get("description")
        ]
        assert undescribed == [], name
    for name in ("AdIn", "ScoredAd", "StatusOut"):
        assert document["components"]["schemas"][name]["examples"], name
    assert scored["properties"]["model_version"]["description"]


def test_the_score_example_is_what_the_service_answers(service):
    """The documented answer to the documented ad: the same spans and decisive reason (the score
    itself is the model's)."""
    response = service.client.post("/v1/score", json={"items": [EXAMPLE_AD]}, headers=service.partner())
    assert response.status_code == 200, response.text
    [answer] = response.json()["items"]
    assert answer["indicators"] == EXAMPLE_SCORED["indicators"]
    assert answer["flagged"] and "indicator:TRAVEL_DEDUCTED" in answer["flag_reasons"]
    assert set(answer) == set(EXAMPLE_SCORED)
    assert answer["lang"] == EXAMPLE_SCORED["lang"] and answer["child_risk"] is EXAMPLE_SCORED["child_risk"]


def test_the_taxonomy_is_listed_for_partners_and_people_alike(service):
    partner, analyst = service.partner(scopes=("score",)), service.user("analyst")
    answers = [service.client.get("/v1/indicators", headers=who) for who in (partner, analyst)]
    assert [a.status_code for a in answers] == [200, 200]
    assert answers[0].json() == answers[1].json()
    listed = answers[0].json()["indicators"]
    taxonomy = load_taxonomy()
    assert [entry["code"] for entry in listed] == list(taxonomy)
    travel = next(entry for entry in listed if entry["code"] == "TRAVEL_DEDUCTED")
    indicator = taxonomy["TRAVEL_DEDUCTED"]
    assert travel == {
        "code": "TRAVEL_DEDUCTED",
        "name": {"es": indicator.name_es, "en": indicator.name_en},
        "definition": indicator.definition,
        "definition_es": indicator.definition_es,
        "ilo": "Debt bondage",
        "ilo_es": "Servidumbre por deudas",
        "severity": "decisive",
    }
    assert {entry["severity"] for entry in listed} == {"decisive", "strong", "weak"}


def test_the_taxonomy_needs_a_credential(service):
    anonymous = service.client.get("/v1/indicators")
    assert anonymous.status_code == 401 and "detail" in anonymous.json()
    bad_key = service.client.get("/v1/indicators", headers={"X-API-Key": "bz_not-a-key"})
    assert bad_key.status_code == 401
