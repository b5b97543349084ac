"""Per-key rate limits: a token bucket per API key, in memory (one service process per database).

A partner that exceeds its budget gets 429 with `Retry-After` (seconds until one token is back).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable


class RateLimiter:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self._clock = clock
        self._buckets: dict[int, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key_id: int, cost: int = 1) -> int:
        """0 if allowed, else the seconds to wait before retrying."""
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.get(key_id, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens >= cost:
                self._buckets[key_id] = (tokens - cost, now)
                return 0
            self._buckets[key_id] = (tokens, now)
            return max(1, math.ceil((cost - tokens) / self.rate))
