"""The audit log: supervisors read it (and that read is recorded); any edited or deleted row is caught."""

from __future__ import annotations

from sqlalchemy import select, text

from service.audit import verify
from service.db.models import AuditEvent


def test_supervisors_read_the_log_with_filters_and_the_read_is_audited(service):
    boss = service.user("supervisor")
    service.user("analyst")
    everything = service.client.get("/v1/audit", headers=boss)
    assert everything.status_code == 200, everything.text
    events = everything.json()["events"]
    assert [e["id"] for e in events] == sorted((e["id"] for e in events), reverse=True)
    assert {"user.add", "login"} <= {e["action"] for e in events}

    adds = service.client.get("/v1/audit", params={"action": "user.add"}, headers=boss).json()["events"]
    assert len(adds) == 2 and {e["action"] for e in adds} == {"user.add"}
    prefix = service.client.get("/v1/audit", params={"action": "login."}, headers=boss).json()["events"]
    assert prefix == []  # "login." matches login.failed / login.locked, not plain "login"
    mine = service.client.get("/v1/audit", params={"actor": "user:supervisor1", "limit": 2}, headers=boss)
    assert len(mine.json()["events"]) == 2 and {e["actor"] for e in mine.json()["events"]} == {
        "user:supervisor1"
    }
    first = events[-1]
    window = {"since": first["at"], "until": first["at"].replace("+00:00", "Z")}
    same_instant = service.client.get("/v1/audit", params=window, headers=boss).json()["events"]
    assert same_instant == []  # `until` is exclusive
    later = service.client.get(
        "/v1/audit", params={"since": first["at"], "target": first["target"]}, headers=boss
    )
    assert first["id"] in [e["id"] for e in later.json()["events"]]
    paged = service.client.get("/v1/audit", params={"before": first["id"] + 1, "limit": 1}, headers=boss)
    assert [e["id"] for e in paged.json()["events"]] == [first["id"]]

    with service.state.sessions() as session:
        views = session.scalars(select(AuditEvent).where(AuditEvent.action == "audit.view")).all()
    assert len(views) == 7 and views[1].detail == {"filters": {"action": "user.add"}, "rows": 2}
    assert views[0].actor == "user:supervisor1"


def test_only_supervisors_read_the_log(service):
    for role in ("analyst", "researcher", "admin"):
        assert service.client.get("/v1/audit", headers=service.user(role)).status_code == 403
    assert service.client.get("/v1/audit", headers=service.partner()).status_code == 403
    assert service.client.get("/v1/audit").status_code == 401
    bad = service.client.get("/v1/audit", params={"limit": 0}, headers=service.user("supervisor"))
    assert bad.status_code == 422 and isinstance(bad.json()["detail"], str)


def test_verify_catches_an_edited_row_and_a_deleted_row(service):
    for role in ("analyst", "analyst", "supervisor", "researcher"):
        service.user(role)
    with service.state.sessions() as session:
        ids = list(session.scalars(select(AuditEvent.id).order_by(AuditEvent.id)))
        assert len(ids) >= 8 and verify(session) == []
        edited, deleted = ids[2], ids[5]
        session.execute(text("UPDATE audit_log SET actor = 'user:nobody' WHERE id = :i"), {"i": edited})
        session.commit()
        assert [(b.row_id, "edited" in b.problem) for b in verify(session)] == [(edited, True)]
        session.execute(text("DELETE FROM audit_log WHERE id = :i"), {"i": deleted})
        session.commit()
        breaks = verify(session)
    after_deleted = ids[ids.index(deleted) + 1]
    assert [b.row_id for b in breaks] == [edited, after_deleted]
    assert "deleted" in breaks[1].problem
