"""A value the database cannot hold is the caller's error (422 `{"detail"}`), never a 500: PostgreSQL
refuses a NUL character in text wherever it arrives (a login name, a filter, an external id, an ad);
SQLite stores it, and the request is answered as any other."""

from __future__ import annotations

NUL = "0\x00"


def test_a_nul_character_is_422_on_postgresql_and_ordinary_on_sqlite(service):
    postgres = service.state.engine.dialect.name == "postgresql"
    supervisor = service.user("supervisor")
    key = service.partner()
    calls = [
        (service.client.post("/v1/auth/login", json={"username": NUL, "password": "x" * 8}), 401),
        (service.client.get("/v1/queue", params={"lang": NUL}, headers=supervisor), 200),
        (service.client.get("/v1/audit", params={"actor": NUL}, headers=supervisor), 200),
        (service.client.get("/v1/items/%00", headers=key), 404),
        (
            service.client.post(
                "/v1/score", json={"items": [{"external_id": NUL, "text": NUL}]}, headers=key
            ),
            200,
        ),
    ]
    for response, on_sqlite in calls:
        expected = 422 if postgres else on_sqlite
        where = f"{response.request.method} {response.request.url}"
        assert response.status_code == expected, (where, response.text[:200])
        if expected == 422:
            assert set(response.json()) == {"detail"} and "cannot be stored" in response.json()["detail"]
