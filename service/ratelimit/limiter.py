"""A partner key's two limits, over whichever bucket store the app chose."""

from __future__ import annotations

from service.ratelimit.bucket import BucketStore

REQUESTS = "requests"
CHARS = "chars"


class RateLimiter:
    """Requests per minute and characters of text per minute, per API key."""

    def __init__(self, store: BucketStore, per_minute: int, chars_per_minute: int) -> None:
        self.store = store
        self.per_minute = per_minute
        self.chars_per_minute = chars_per_minute

    def take_request(self, key_id: int) -> int:
        """0 if the key may make one more request now, else the seconds to wait."""
        return self.store.take(REQUESTS, key_id, 1, self.per_minute)

    def take_chars(self, key_id: int, chars: int) -> int:
        """0 if the key may have `chars` characters scored now (they are counted), else the seconds
        to wait; nothing is counted for a refused request, and nothing to score costs nothing."""
        return self.store.take(CHARS, key_id, chars, self.chars_per_minute) if chars else 0
