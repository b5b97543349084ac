"""The admin API: model reload, partners' keys and people's accounts, each change audited.

Runs on SQLite (file, WAL) and PostgreSQL. Audit rows are read back to check the actor and that no
secret (a key, a password, a webhook secret) ever reaches the log.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from service.audit import verify
from service.db.models import AuditEvent
from tests.service.api.conftest import PASSWORD

AD = {"items": [{"external_id": "admin-1", "text": "Vendo bicicleta usada, buen estado."}]}


@pytest.fixture
def admin(service) -> dict[str, str]:
    return service.user("admin", name="root")


def audit_rows(service, action: str) -> list[AuditEvent]:  # type: ignore[no-untyped-def]
    with service.state.sessions() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_reload_answers_the_model_version_and_is_audited(service, admin):
    model = service.state.model.get()
    service.state.settings.model = str(model.path)  # what the settings resolve to now
    response = service.client.post("/v1/admin/reload", headers=admin)
    assert response.status_code == 200, response.text
    assert response.json() == {"model_version": model.version}
    assert service.state.model.get() is not model  # a fresh load, swapped in whole
    [row] = audit_rows(service, "model.reload")
    assert row.actor == "user:root" and row.target == f"model:{model.version}"


def test_a_failed_reload_keeps_the_serving_model(service, admin):
    model = service.state.model.get()
    service.state.settings.model = "no-such-version"
    response = service.client.post("/v1/admin/reload", headers=admin)
    assert response.status_code == 400 and "unknown model" in response.json()["detail"]
    assert service.state.model.get() is model
    assert service.client.get("/healthz").json()["model_version"] == model.version


def test_create_list_and_revoke_a_key(service, admin):
    created = service.client.post(
        "/v1/admin/keys",
        json={"partner": "acme", "scopes": ["score"], "webhook": "https://acme.example/hook"},
        headers=admin,
    )
    assert created.status_code == 201, created.text
    assert created.headers["Cache-Control"] == "no-store"
    body = created.json()
    key, secret = body["key"], body["webhook_secret"]
    assert key.startswith(body["prefix"]) and body["scopes"] == ["score"] and len(secret) == 64
    assert service.client.post("/v1/score", json=AD, headers={"X-API-Key": key}).status_code == 200

    listed = service.client.get("/v1/admin/keys", headers=admin)
    assert listed.status_code == 200
    [row] = listed.json()
    assert row["prefix"] == body["prefix"] and row["partner"] == "acme" and row["revoked_at"] is None
    assert key not in listed.text and secret not in listed.text

    revoked = service.client.post(f"/v1/admin/keys/{body['prefix']}/revoke", headers=admin)
    assert revoked.status_code == 200 and revoked.json()["revoked_at"] is not None
    assert service.client.post("/v1/score", json=AD, headers={"X-API-Key": key}).status_code == 401
    again = service.client.post(f"/v1/admin/keys/{body['prefix']}/revoke", headers=admin)
    assert again.status_code == 200 and again.json()["revoked_at"] == revoked.json()["revoked_at"]

    [create_row] = audit_rows(service, "key.create")
    [revoke_row] = audit_rows(service, "key.revoke")
    assert create_row.actor == revoke_row.actor == "user:root"
    for row in (create_row, revoke_row):
        assert key not in str(row.detail) and secret not in str(row.detail)


def test_key_defaults_and_refusals(service, admin):
    default = service.client.post("/v1/admin/keys", json={"partner": "beta"}, headers=admin)
    assert default.status_code == 201 and default.json()["scopes"] == ["score", "ingest"]
    assert default.json()["webhook_secret"] is None
    bad_scope = service.client.post(
        "/v1/admin/keys", json={"partner": "beta", "scopes": ["x"]}, headers=admin
    )
    assert bad_scope.status_code == 400 and "scope" in bad_scope.json()["detail"]
    bad_hook = service.client.post(
        "/v1/admin/keys", json={"partner": "beta", "webhook": "ftp://x"}, headers=admin
    )
    assert bad_hook.status_code == 400 and "webhook" in bad_hook.json()["detail"]
    missing = service.client.post("/v1/admin/keys/bz_nothere/revoke", headers=admin)
    assert missing.status_code == 404 and missing.json() == {"detail": "no API key with prefix 'bz_nothere'"}


def test_add_list_and_disable_users(service, admin):
    added = service.client.post(
        "/v1/admin/users", json={"name": "ana", "role": "analyst", "password": PASSWORD}, headers=admin
    )
    assert added.status_code == 201, added.text
    assert added.json()["name"] == "ana" and added.json()["active"] is True
    login = service.client.post("/v1/auth/login", json={"username": "ana", "password": PASSWORD})
    token = {"Authorization": f"Bearer {login.json()['token']}"}
    assert service.client.get("/v1/queue", headers=token).status_code == 200

    listed = service.client.get("/v1/admin/users", headers=admin).json()
    assert {(u["name"], u["role"], u["active"]) for u in listed} == {
        ("ana", "analyst", True),
        ("root", "admin", True),
    }
    assert "password" not in str(listed)

    disabled = service.client.post("/v1/admin/users/ana/disable", headers=admin)
    assert disabled.status_code == 200 and disabled.json()["active"] is False
    assert service.client.get("/v1/queue", headers=token).status_code == 401
    relogin = service.client.post("/v1/auth/login", json={"username": "ana", "password": PASSWORD})
    assert relogin.status_code == 401

    enabled = service.client.post("/v1/admin/users/ana/enable", headers=admin)
    assert enabled.status_code == 200 and enabled.json()["active"] is True
    actions = [row.action for row in audit_rows(service, "user.disable") + audit_rows(service, "user.enable")]
    assert actions == ["user.disable", "user.enable"]
    assert all(row.actor == "user:root" for row in audit_rows(service, "user.add")[1:])
    with service.state.sessions() as session:
        assert PASSWORD not in str([(r.detail, r.reason) for r in session.scalars(select(AuditEvent))])
        assert verify(session) == []


def test_user_refusals(service, admin):
    body = {"name": "ana", "role": "analyst", "password": PASSWORD}
    assert service.client.post("/v1/admin/users", json=body, headers=admin).status_code == 201
    duplicate = service.client.post("/v1/admin/users", json=body, headers=admin)
    assert duplicate.status_code == 409 and "exists" in duplicate.json()["detail"]
    bad_role = service.client.post(
        "/v1/admin/users", json={**body, "name": "bo", "role": "god"}, headers=admin
    )
    assert bad_role.status_code == 400 and "role" in bad_role.json()["detail"]
    short = service.client.post(
        "/v1/admin/users", json={**body, "name": "bo", "password": "x"}, headers=admin
    )
    assert short.status_code == 400 and "password" in short.json()["detail"]
    missing = service.client.post("/v1/admin/users/nobody/disable", headers=admin)
    assert missing.status_code == 404 and missing.json() == {"detail": "no user named 'nobody'"}
    itself = service.client.post("/v1/admin/users/root/disable", headers=admin)
    assert itself.status_code == 409 and "own account" in itself.json()["detail"]


def test_only_admins(service):
    supervisor = service.user("supervisor")
    refused = service.client.get("/v1/admin/users", headers=supervisor)
    assert refused.status_code == 403 and refused.json() == {"detail": "this needs the role admin"}
