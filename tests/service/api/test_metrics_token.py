"""`/metrics` answers only a scraper holding `BALIZA_METRICS_TOKEN`; without the setting it is off (404).

How Prometheus scrapes it (README, Review service):

    scrape_configs:
      - job_name: baliza
        authorization: {type: Bearer, credentials_file: /etc/prometheus/baliza-token}
        static_configs: [{targets: ["127.0.0.1:8000"]}]
"""

from __future__ import annotations

from fastapi.testclient import TestClient

from baliza.settings import Settings
from service.app import create_app


def test_unset_metrics_are_off(service):
    assert service.state.settings.metrics_token is None  # the default
    response = service.client.get("/metrics", headers={"Authorization": "Bearer anything"})
    assert response.status_code == 404 and "BALIZA_METRICS_TOKEN" in response.json()["detail"]


def test_metrics_need_the_token(settings: Settings, service_model):  # type: ignore[no-untyped-def]
    token = "a-long-random-scraper-token"
    app = create_app(settings.with_changes(metrics_token=token), model=service_model, worker=False)
    with TestClient(app) as client:
        for headers in (
            {},
            {"Authorization": "Bearer wrong"},
            {"Authorization": token},
            {"X-API-Key": token},
        ):
            refused = client.get("/metrics", headers=headers)
            assert refused.status_code == 401 and set(refused.json()) == {"detail"}, headers
            assert refused.headers["www-authenticate"] == "Bearer"
        not_ascii = {"Authorization": "Bearer é".encode("latin-1")}
        assert client.get("/metrics", headers=not_ascii).status_code == 401
        scraped = client.get("/metrics", headers={"Authorization": f"Bearer {token}"})
        assert scraped.status_code == 200 and "baliza_requests_total" in scraped.text
    app.state.baliza.engine.dispose()


def test_the_token_is_a_secret_setting():
    shown = Settings(metrics_token="a-long-random-scraper-token").shown()
    assert shown["metrics_token"] == "***"
