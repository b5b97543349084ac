"""Active learning: a share of claims takes the most uncertain item, and the decision says so.

Every test runs on SQLite and PostgreSQL (the `service` fixture). The share is set on the running
app's settings; the suite's default is 0 (tests/conftest.py), so other tests see the priority order.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace

from sqlalchemy import inspect, select, text

from service.db.migrate import alembic_config
from service.db.models import AuditEvent, Decision, User
from service.review import claims, queue
from service.review.research import uncertainty_count
from tests.service.api.helpers import claim, decide, item, queue_items, unmigrated


def _by_uncertainty(service, ids: list[int]) -> list[int]:  # type: ignore[no-untyped-def]
    """The ids, most uncertain first (ties oldest first), as the sampled claim orders them."""
    rows = [item(service, i) for i in ids]
    return [r.id for r in sorted(rows, key=lambda r: (-r.uncertainty, r.created_at, r.id))]


def _priority(service, headers: dict) -> list[int]:  # type: ignore[no-untyped-def]
    listing = service.client.get("/v1/queue", headers=headers, params={"limit": 200})
    assert listing.status_code == 200, listing.text
    return [entry["id"] for entry in listing.json()["items"]]


def _decisions(service) -> list[Decision]:  # type: ignore[no-untyped-def]
    with service.state.sessions() as session:
        return list(session.scalars(select(Decision).order_by(Decision.id)))


def test_share_one_claims_the_most_uncertain_and_flags_the_decision(service):
    ids = queue_items(service, 6)
    analyst, other = service.user("analyst"), service.user("analyst")
    uncertain, priority = _by_uncertainty(service, ids), _priority(service, analyst)
    assert uncertain[0] != priority[0], "precondition: the two orders must differ to tell them apart"
    service.state.settings.uncertainty_share = 1.0

    first = claim(service, analyst)
    assert first == uncertain[0] and item(service, first).uncertainty_sampled
    assert claim(service, other) == uncertain[1]  # the next most uncertain, not the priority head
    assert decide(service, analyst, first, "confirm", "indicators-present").status_code == 200

    [decision] = _decisions(service)
    assert (decision.item_id, decision.uncertainty_sampled) == (first, True)
    with service.state.sessions() as session:
        audits = session.scalars(select(AuditEvent).where(AuditEvent.action == "queue.claim")).all()
        assert [a.detail["uncertainty_sampled"] for a in audits] == [True, True]
        assert uncertainty_count(session) == 1  # what the researcher page shows
    export = service.client.get("/v1/export/decisions", headers=service.user("researcher"))
    [row] = [json.loads(line) for line in export.text.splitlines()]
    assert (row["id"], row["uncertainty_sampled"]) == (f"item-{first}", True)


def test_share_zero_never_samples(service):
    ids = queue_items(service, 5)
    service.state.settings.uncertainty_share = 0.0
    expected = _priority(service, service.user("analyst"))
    assert sorted(expected) == sorted(ids)
    for want in expected:
        analyst = service.user("analyst")
        got = claim(service, analyst)
        assert got == want
        assert decide(service, analyst, got, "dismiss", "legitimate-offer").status_code == 200
    assert [d.uncertainty_sampled for d in _decisions(service)] == [False] * 5


def test_the_mark_belongs_to_the_claim(service):
    """Renewing keeps the mark; a release and a priority claim clear it; escalations are never sampled."""
    ids = queue_items(service, 3)
    analyst, supervisor = service.user("analyst"), service.user("supervisor")
    service.state.settings.uncertainty_share = 1.0
    first = claim(service, analyst)
    service.state.settings.uncertainty_share = 0.0
    assert claim(service, analyst) == first and item(service, first).uncertainty_sampled  # renewed
    assert service.client.post(f"/v1/items/{first}/release", headers=analyst).status_code == 200
    again = claim(service, analyst)
    assert again == _priority(service, analyst)[0] and not item(service, again).uncertainty_sampled
    assert service.client.post(f"/v1/items/{again}/release", headers=analyst).status_code == 200

    service.state.settings.uncertainty_share = 1.0
    sampled = claim(service, analyst)
    assert sampled == _by_uncertainty(service, ids)[0]
    escalated = decide(service, analyst, sampled, "escalate", "needs-second-opinion", lean="confirm")
    assert escalated.status_code == 200
    assert claim(service, supervisor, state="escalated") == sampled
    assert not item(service, sampled).uncertainty_sampled  # the supervisor's claim was not sampled
    assert decide(service, supervisor, sampled, "confirm", "indicators-present").status_code == 200
    assert [(d.decision, d.uncertainty_sampled) for d in _decisions(service)] == [
        ("escalate", True),
        ("confirm", False),
    ]
    export = service.client.get("/v1/export/decisions", headers=service.user("researcher"))
    assert json.loads(export.text)["uncertainty_sampled"] is True


class _Fixed(random.Random):
    def __init__(self, value: float) -> None:
        super().__init__(0)
        self.value = value

    def random(self) -> float:
        return self.value


def test_claim_draws_from_the_injected_random_source(service):
    ids = queue_items(service, 4)
    uncertain = _by_uncertainty(service, ids)
    priority = _priority(service, service.user("analyst", "al"))
    service.user("analyst", "bo")
    service.state.settings.uncertainty_share = 0.25
    with service.state.sessions() as session:
        al = session.scalar(select(User).where(User.name == "al"))
        bo = session.scalar(select(User).where(User.name == "bo"))
        sampled = claims.claim(session, replace(service.state, sampler=_Fixed(0.2499)), al, queue.Filters())
        assert (sampled.id, sampled.uncertainty_sampled) == (uncertain[0], True)
        ordered = claims.claim(session, replace(service.state, sampler=_Fixed(0.25)), bo, queue.Filters())
        rest = [i for i in priority if i != uncertain[0]]
        assert ordered.id == rest[0] and not ordered.uncertainty_sampled


def test_share_is_a_probability():
    rng = random.Random(20261123)
    queued, escalated = queue.Filters(), queue.Filters(state="escalated")
    draws = [claims.sample_by_uncertainty(0.3, queued, rng) for _ in range(2000)]
    assert 0.27 < sum(draws) / len(draws) < 0.33
    assert not any(claims.sample_by_uncertainty(0.0, queued, rng) for _ in range(200))
    assert all(claims.sample_by_uncertainty(1.0, queued, rng) for _ in range(200))
    assert not any(claims.sample_by_uncertainty(1.0, escalated, rng) for _ in range(200))


def test_migration_0002_on_a_database_with_items(database_url):
    """Upgrade a 0001 database holding an item: the item is unsampled; downgrade drops the column."""
    from alembic import command

    config = alembic_config()
    with unmigrated(database_url) as engine, engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(text("INSERT INTO partners (id, name, created_at) VALUES (1, 'p', :t)"), {"t": _now()})
        conn.execute(
            text(
                "INSERT INTO items (partner_id, external_id, channel, text, score, uncertainty, "
                "indicators, model_version, state, created_at) VALUES (1, 'x', 'score', 't', 0.9, "
                "0.2, '[]', 'v', 'queued', :t)"
            ),
            {"t": _now()},
        )
        command.upgrade(config, "head")
        assert conn.execute(text("SELECT uncertainty_sampled FROM items")).scalar_one() in (False, 0)
        assert "ix_items_uncertainty" in {i["name"] for i in inspect(conn).get_indexes("items")}
        command.downgrade(config, "0001")
        assert "uncertainty_sampled" not in {c["name"] for c in inspect(conn).get_columns("items")}


def _now():  # type: ignore[no-untyped-def]
    from service.db.models import utcnow

    return utcnow()
