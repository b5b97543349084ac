"""Per-partner limits, in memory (one service process per database): requests per minute and
characters of text scored per minute, per API key.

Counting requests alone let one partner hold the model for minutes at will (256 texts of 20,000
characters are one request), so the text a partner has scored is budgeted too. Both are token
buckets that hold a minute's worth and refill continuously. A cost larger than a whole bucket (one
maximal request against a budget smaller than it) is let through from a full bucket and leaves it
in debt, so every legal request eventually passes and the average stays within the budget.

A caller over a limit gets the seconds until its request would fit (`Retry-After`); the API turns
that into a 429. Both limits live here so that one step can move them to a shared store.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable


class Buckets:
    """A token bucket per key holding `per_minute` tokens, refilled at `per_minute` a minute."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self._clock = clock
        self._buckets: dict[int, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: int, cost: int = 1) -> int:
        """0 if allowed (the tokens are taken), else the seconds to wait before retrying."""
        now = self._clock()
        needed = min(float(cost), self.capacity)
        with self._lock:
            tokens, last = self._buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens >= needed:
                self._buckets[key] = (tokens - cost, now)
                return 0
            self._buckets[key] = (tokens, now)
            return max(1, math.ceil((needed - tokens) / self.rate))


class RateLimiter:
    """A partner key's two limits: requests per minute and characters of text per minute."""

    def __init__(
        self, per_minute: int, chars_per_minute: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.requests = Buckets(per_minute, clock)
        self.chars = Buckets(chars_per_minute, clock)

    def take_request(self, key_id: int) -> int:
        """0 if the key may make one more request now, else the seconds to wait."""
        return self.requests.take(key_id)

    def take_chars(self, key_id: int, chars: int) -> int:
        """0 if the key may have `chars` characters scored now (they are counted), else the seconds
        to wait; nothing is counted for a refused request."""
        return self.chars.take(key_id, chars) if chars else 0
