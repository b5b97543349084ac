"""Concurrent analysts on a real database (SQLite file in WAL mode, and PostgreSQL): 16 threads, each
with its own session or its own HTTP client, so claims really race. Nobody ever holds an item
another holds, and when 16 analysts work the queue empty every item is decided exactly once."""

from __future__ import annotations

import threading
from collections import Counter

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from service.audit import verify
from service.db.models import CaseReport, Decision, Item, User
from service.review import accounts, claims, queue
from tests.service.api.conftest import PASSWORD
from tests.service.api.helpers import queue_items

THREADS = 16


def _run(target, n: int = THREADS) -> list[BaseException]:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []

    def guarded(i: int) -> None:
        try:
            target(i)
        except BaseException as exc:  # reported by the test, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=guarded, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "a thread hung"
    return errors


def _users(service, stem: str, n: int = THREADS) -> list[int]:  # type: ignore[no-untyped-def]
    with service.state.sessions() as session:
        return [
            accounts.add_user(session, service.state, f"{stem}{i}", "analyst", PASSWORD, actor="test").id
            for i in range(n)
        ]


def _claim_all(service, user_ids: list[int]) -> list[int | None]:  # type: ignore[no-untyped-def]
    """Every user claims at the same moment, each in its own session (own connection)."""
    barrier = threading.Barrier(len(user_ids))
    got: list[int | None] = [None] * len(user_ids)

    def one(i: int) -> None:
        with service.state.sessions() as session:
            user = session.get(User, user_ids[i])
            session.commit()  # end the read: SQLite's BEGIN IMMEDIATE would hold the lock at the barrier
            barrier.wait(timeout=60)
            item = claims.claim(session, service.state, user, queue.Filters())
            got[i] = item.id if item is not None else None

    assert _run(one, len(user_ids)) == []
    return got


def test_16_concurrent_claims_never_hand_one_item_to_two_analysts(service):
    ids = queue_items(service, 20)
    first = _claim_all(service, _users(service, "first"))
    assert None not in first and len(set(first)) == THREADS and set(first) <= set(ids)
    # 16 more analysts race for the 4 items left: exactly 4 win, all different, nobody steals
    second = _claim_all(service, _users(service, "second"))
    won = [i for i in second if i is not None]
    assert len(won) == 4 and len(set(won)) == 4 and not set(won) & set(first)
    with service.state.sessions() as session:
        holders = session.execute(select(Item.id, Item.claimed_by)).all()
        assert len({holder for _, holder in holders}) == 20  # 20 items, 20 different holders
        assert verify(session) == []  # the audit chain did not fork under concurrent appends


def test_16_analysts_empty_the_queue_and_each_item_is_decided_once(service):
    ids = queue_items(service, 40)
    headers = [service.user("analyst") for _ in range(THREADS)]
    app = service.client.app
    decided: list[list[int]] = [[] for _ in range(THREADS)]
    failures: list[str] = []

    def work(i: int) -> None:
        client = TestClient(app)  # its own client: requests run concurrently in the app's threads
        while True:
            response = client.post("/v1/queue/claim", headers=headers[i])
            if response.status_code == 204:
                return
            if response.status_code != 200:
                failures.append(f"claim {response.status_code}: {response.text}")
                return
            item_id = response.json()["id"]
            choice = ("confirm", "indicators-present") if item_id % 2 else ("dismiss", "legitimate-offer")
            body = {"decision": choice[0], "reason": choice[1], "note": f"thread {i}"}
            answer = client.post(f"/v1/items/{item_id}/decision", json=body, headers=headers[i])
            if answer.status_code != 200:
                failures.append(f"decision {answer.status_code}: {answer.text}")
                return
            decided[i].append(item_id)

    assert _run(work) == []
    assert failures == []
    flat = [item_id for per_thread in decided for item_id in per_thread]
    assert sorted(flat) == sorted(ids)  # every item once, none twice
    assert sum(1 for per_thread in decided if per_thread) > 1  # the work really was shared
    with service.state.sessions() as session:
        per_item = Counter(session.scalars(select(Decision.item_id)).all())
        assert per_item == Counter(ids)
        states = Counter(session.scalars(select(Item.state)).all())
        assert states == Counter("confirmed" if i % 2 else "dismissed" for i in ids)
        reports = session.scalar(select(func.count()).select_from(CaseReport))
        assert reports == sum(1 for i in ids if i % 2)
        assert verify(session) == []
