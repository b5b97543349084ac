"""Who gets in: people's logins (lockout, deactivation), partners' keys (revocation, rate limits).

Every refusal is checked for its status and for the one error shape the contract promises,
`{"detail": "<string>"}`. Runs on SQLite (file, WAL) and PostgreSQL.
"""

from __future__ import annotations

from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import select

from baliza.settings import Settings
from service.app import create_app
from service.db.models import AuditEvent
from service.review import accounts
from tests.service.api.conftest import PASSWORD

AD = {"items": [{"external_id": "auth-1", "text": "Vendo bicicleta usada, buen estado."}]}


def assert_error(response: Response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"detail"} and isinstance(body["detail"], str) and body["detail"]
    return body["detail"]


def login(client: TestClient, name: str, password: str = PASSWORD) -> Response:
    return client.post("/v1/auth/login", json={"username": name, "password": password})


def test_login_gives_a_working_bearer_token(service):
    service.user("analyst", name="ana")
    response = login(service.client, "ana")
    assert response.status_code == 200
    body = response.json()
    assert body["role"] == "analyst" and body["expires_in"] > 0
    me = service.client.get("/v1/auth/me", headers={"Authorization": f"Bearer {body['token']}"})
    assert me.json() == {"name": "ana", "role": "analyst"}


def test_wrong_password_and_unknown_user_are_the_same_401(service):
    service.user("analyst", name="ana")
    wrong = assert_error(login(service.client, "ana", "not the password"), 401)
    unknown = assert_error(login(service.client, "nobody", "not the password"), 401)
    assert wrong == unknown  # the answer does not tell which names exist


def test_five_failures_lock_the_account_even_for_the_right_password(service):
    service.user("analyst", name="ana")
    unknown = assert_error(login(service.client, "nobody", "guess"), 401)
    for _ in range(accounts.MAX_FAILURES - 1):
        assert_error(login(service.client, "ana", "guess"), 401)
    locked = login(service.client, "ana", "guess")
    right = login(service.client, "ana")
    # Locked, the right password is refused too, with the very answer an unknown name gets: a 429
    # (or any other difference) would tell an attacker which accounts exist.
    assert assert_error(locked, 401) == assert_error(right, 401) == unknown
    assert "retry-after" not in right.headers
    with service.state.sessions() as session:
        assert accounts.is_locked(session, "ana", service.state.now())
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.actor == "user:ana")).all()
    assert actions.count("login.failed") == accounts.MAX_FAILURES and "login.locked" in actions


def test_a_disabled_user_cannot_log_in_and_its_token_stops_working(service):
    headers = service.user("analyst", name="ana")
    assert service.client.get("/v1/queue", headers=headers).status_code == 200
    with service.state.sessions() as session:
        accounts.set_active(session, service.state, "ana", False, actor="test")
    assert_error(service.client.get("/v1/queue", headers=headers), 401)
    assert_error(service.client.get("/v1/auth/me", headers=headers), 401)
    assert_error(login(service.client, "ana"), 401)
    with service.state.sessions() as session:
        accounts.set_active(session, service.state, "ana", True, actor="test")
    assert login(service.client, "ana").status_code == 200


def test_logout_ends_the_session(service):
    headers = service.user("supervisor")
    assert service.client.post("/v1/auth/logout", headers=headers).status_code == 204
    assert_error(service.client.get("/v1/auth/me", headers=headers), 401)


def test_a_bad_bearer_token_or_api_key_is_401(service):
    assert_error(service.client.get("/v1/queue", headers={"Authorization": "Bearer nonsense"}), 401)
    assert_error(service.client.post("/v1/score", json=AD, headers={"X-API-Key": "bz_nonsense"}), 401)
    assert_error(service.client.post("/v1/score", json=AD), 401)


def test_a_revoked_key_gets_401(service):
    key = service.partner(name="acme")
    assert service.client.post("/v1/score", json=AD, headers=key).status_code == 200
    prefix = key["X-API-Key"][:11]
    with service.state.sessions() as session:
        accounts.revoke_key(session, service.state, prefix, actor="test")
    assert "revoked" in assert_error(service.client.post("/v1/score", json=AD, headers=key), 401)


def test_a_key_without_the_scope_is_403(service):
    ingest_only = service.partner(scopes=("ingest",))
    assert "scope" in assert_error(service.client.post("/v1/score", json=AD, headers=ingest_only), 403)
    assert service.client.post("/v1/ingest", json=AD, headers=ingest_only).status_code == 200


def test_validation_and_unknown_routes_keep_the_error_shape(service):
    key = service.partner()
    assert "items" in assert_error(service.client.post("/v1/score", json={"items": []}, headers=key), 422)
    assert_error(service.client.get("/v1/no-such-route"), 404)
    assert_error(service.client.delete("/healthz"), 405)


def test_per_key_rate_limit_is_429_with_retry_after(settings, service_model):
    limited = Settings(
        data_dir=settings.data_dir, database_url=settings.database_url, rate_limit_per_minute=3
    )
    app = create_app(limited, model=service_model, worker=False)
    state = app.state.baliza
    try:
        with TestClient(app) as client:
            with state.sessions() as session:
                first, _ = accounts.create_key(session, state, "busy", "test")
                other, _ = accounts.create_key(session, state, "calm", "test")
            for _ in range(3):
                assert client.post("/v1/score", json=AD, headers={"X-API-Key": first}).status_code == 200
            refused = client.post("/v1/score", json=AD, headers={"X-API-Key": first})
            assert "rate limit" in assert_error(refused, 429)
            assert 1 <= int(refused.headers["Retry-After"]) <= 60
            # The budget is per key: another partner's key is unaffected.
            assert client.post("/v1/score", json=AD, headers={"X-API-Key": other}).status_code == 200
    finally:
        state.engine.dispose()
