"""The token bucket's arithmetic, the store interface, and the in-process store.

A bucket holds `per_minute` tokens and refills at `per_minute` a minute. A cost larger than a whole
bucket (one maximal request against a budget smaller than it) is let through from a full bucket and
leaves it in debt, so every legal request eventually passes and the average stays within the
budget. A refused take changes nothing: the refill is a function of the time alone, so a store
need not write anything for a refusal (which is also why refusals cost nothing).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Bucket:
    """`tokens` (negative: a debt) as counted at `at` seconds on the store's clock."""

    tokens: float
    at: float


def take(bucket: Bucket | None, now: float, cost: int, per_minute: int) -> tuple[Bucket | None, int]:
    """(the bucket after taking `cost` tokens, 0) if they may be taken at `now`, else (None, the
    seconds to wait before the take would pass). No bucket yet means a full one.

    A clock that reads earlier than the bucket's `at` (another host's, slightly behind) refills
    nothing and never moves `at` back.
    """
    capacity, rate = float(per_minute), per_minute / 60.0
    needed = min(float(cost), capacity)
    if bucket is None:
        tokens, at = capacity, now
    else:
        tokens = min(capacity, bucket.tokens + max(0.0, now - bucket.at) * rate)
        at = max(bucket.at, now)
    if tokens >= needed:
        return Bucket(tokens - cost, at), 0
    return None, max(1, math.ceil((needed - tokens) / rate))


def seconds_to_full(bucket: Bucket, per_minute: int) -> int:
    """How long until `bucket` is full again: after that, forgetting it changes nothing."""
    return max(1, math.ceil((per_minute - bucket.tokens) / (per_minute / 60.0)))


class BucketStore(Protocol):
    """Where the buckets of every key live; `kind` names the limit ("requests", "chars")."""

    def take(self, kind: str, key: int, cost: int, per_minute: int) -> int:
        """0 if `cost` tokens were taken from the bucket (`kind`, `key`), else the seconds to wait."""
        ...


class MemoryBuckets:
    """Buckets in this process's memory: right for one process (SQLite), wrong for several."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._buckets: dict[tuple[str, int], Bucket] = {}
        self._lock = threading.Lock()

    def take(self, kind: str, key: int, cost: int, per_minute: int) -> int:
        with self._lock:
            after, wait = take(self._buckets.get((kind, key)), self._clock(), cost, per_minute)
            if after is not None:
                self._buckets[(kind, key)] = after
            return wait
