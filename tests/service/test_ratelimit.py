"""The per-key limits on their own, on a clock the test moves: requests and characters per minute."""

from __future__ import annotations

from service.ratelimit import Buckets, RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_holds_a_minute_and_says_how_long_to_wait():
    clock = Clock()
    buckets = Buckets(60, clock)  # one token a second
    assert [buckets.take(1) for _ in range(60)] == [0] * 60
    assert buckets.take(1) == 1
    assert buckets.take(2) == 0  # every key has its own bucket
    clock.now += 1
    assert buckets.take(1) == 0


def test_a_cost_larger_than_the_bucket_passes_from_full_and_leaves_a_debt():
    clock = Clock()
    buckets = Buckets(600, clock)  # ten a second
    assert buckets.take(1, 1500) == 0  # more than a minute's worth: let through from a full bucket
    assert buckets.take(1, 1) == 91  # 900 owed plus the one asked for, at ten a second
    clock.now += 90
    assert buckets.take(1, 1500) == 60  # the debt is repaid; a full bucket again takes a minute
    clock.now += 60
    assert buckets.take(1, 1500) == 0


def test_the_limiter_counts_requests_and_characters_apart_and_refusals_cost_nothing():
    clock = Clock()
    limiter = RateLimiter(per_minute=2, chars_per_minute=1000, clock=clock)
    assert limiter.take_chars(7, 800) == 0
    assert limiter.take_chars(7, 300) == 6  # 100 more characters needed, at 1000 a minute
    assert limiter.take_chars(7, 200) == 0  # the refused 300 were not counted
    assert limiter.take_chars(7, 0) == 0  # nothing to score costs nothing, even with no budget left
    assert (limiter.take_request(7), limiter.take_request(7), limiter.take_request(7) > 0) == (0, 0, True)
