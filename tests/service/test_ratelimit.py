"""The per-key limits, on a clock the test moves: requests and characters per minute.

Every rule is checked on each of the three bucket stores — in memory, in a real PostgreSQL and in
a real redis-server — because they must answer alike; then what only the shared ones promise:
two processes' worth of limiters on one store share one bucket, and concurrent takes lose no count.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
import redis

from service.db.engine import make_engine
from service.ratelimit import BucketStore, MemoryBuckets, PostgresBuckets, RateLimiter, RedisBuckets
from tests.crawler import test_scale_out
from tests.service.api import conftest as api

# Fixtures of other test modules: a redis-server for the module, a fresh PostgreSQL database per test.
redis_url = test_scale_out.redis_url
postgres_template, postgres_url = api.postgres_template, api.postgres_url

KINDS = ["memory", "postgresql", "redis"]


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


StoreOn = Callable[[Clock], BucketStore]


@pytest.fixture(params=KINDS)
def store_on(request: pytest.FixtureRequest) -> Iterator[StoreOn]:
    """Make a store of one kind on the given clock; PostgreSQL and Redis ones share one backend."""
    if request.param == "memory":
        yield MemoryBuckets
        return
    if request.param == "postgresql":
        engine = make_engine(request.getfixturevalue("postgres_url"))
        yield lambda clock: PostgresBuckets(engine, clock)
        engine.dispose()
        return
    client = redis.Redis.from_url(request.getfixturevalue("redis_url"))
    client.flushdb()  # the module's one server: every test starts from no buckets
    yield lambda clock: RedisBuckets(client, clock)
    client.close()


def test_a_bucket_holds_a_minute_and_says_how_long_to_wait(store_on):
    clock = Clock()
    store = store_on(clock)  # 60 a minute: one token a second
    assert [store.take("requests", 1, 1, 60) for _ in range(60)] == [0] * 60
    assert store.take("requests", 1, 1, 60) == 1
    assert store.take("requests", 2, 1, 60) == 0  # every key has its own bucket ...
    assert store.take("chars", 1, 1, 60) == 0  # ... and every kind
    clock.now += 1
    assert store.take("requests", 1, 1, 60) == 0
    assert store.take("requests", 1, 1, 60) == 1


def test_a_cost_larger_than_the_bucket_passes_from_full_and_leaves_a_debt(store_on):
    clock = Clock()
    store = store_on(clock)  # 600 a minute: ten a second
    assert store.take("chars", 1, 1500, 600) == 0  # more than a minute's worth: let through from full
    assert store.take("chars", 1, 1, 600) == 91  # 900 owed plus the one asked for, at ten a second
    clock.now += 90
    assert store.take("chars", 1, 1500, 600) == 60  # the debt is repaid; a full bucket takes a minute
    clock.now += 60
    assert store.take("chars", 1, 1500, 600) == 0


def test_a_clock_behind_the_bucket_refills_nothing(store_on):
    clock = Clock()
    store = store_on(clock)
    assert [store.take("requests", 1, 1, 60) for _ in range(60)] == [0] * 60
    clock.now -= 30  # another host's clock, half a minute behind
    assert store.take("requests", 1, 1, 60) == 1
    clock.now += 31  # one second after the bucket's own time
    assert store.take("requests", 1, 1, 60) == 0


def test_the_limiter_counts_requests_and_characters_apart_and_refusals_cost_nothing(store_on):
    limiter = RateLimiter(store_on(Clock()), per_minute=2, chars_per_minute=1000)
    assert limiter.take_chars(7, 800) == 0
    assert limiter.take_chars(7, 300) == 6  # 100 more characters needed, at 1000 a minute
    assert limiter.take_chars(7, 200) == 0  # the refused 300 were not counted
    assert limiter.take_chars(7, 0) == 0  # nothing to score costs nothing, even with no budget left
    assert (limiter.take_request(7), limiter.take_request(7), limiter.take_request(7) > 0) == (0, 0, True)


@pytest.mark.parametrize("store_on", KINDS[1:], indirect=True)
def test_limiters_of_two_processes_on_one_shared_store_share_each_bucket(store_on):
    clock = Clock()
    first, second = (RateLimiter(store_on(clock), per_minute=10, chars_per_minute=100) for _ in range(2))
    answers = [(first if i % 2 else second).take_request(3) for i in range(20)]
    assert answers.count(0) == 10  # not 10 each
    assert first.take_chars(3, 60) == 0 and second.take_chars(3, 60) > 0


@pytest.mark.parametrize("store_on", KINDS[1:], indirect=True)
def test_concurrent_takes_on_a_shared_store_lose_no_count(store_on):
    clock = Clock()  # never moves: exactly a bucket's worth may pass, whoever asks
    stores = [store_on(clock) for _ in range(8)]
    passed: list[int] = []
    lock = threading.Lock()

    def hammer(store: BucketStore) -> None:
        mine = sum(store.take("requests", 9, 1, 100) == 0 for _ in range(40))
        with lock:
            passed.append(mine)

    threads = [threading.Thread(target=hammer, args=(store,)) for store in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(passed) == 100  # 320 takes by 8 threads with their own stores: the bucket's 100, exactly
