"""Token buckets in Redis (`BALIZA_REDIS_URL`): one hash per key and kind, shared by every worker.

A take reads the hash under WATCH and writes the new count in MULTI/EXEC; if another process wrote
the hash in between, EXEC fails and the take runs again on the fresh count, so the arithmetic stays
in one place (`bucket.take`) and no count is lost. Each hash expires once its bucket would be full
again, so Redis forgets idle keys without changing any answer. Redis out of reach is
`DatabaseBusy` (503 with `Retry-After`): a limit that cannot be checked is not waved through.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import redis

from service.db.engine import DatabaseBusy
from service.ratelimit.bucket import Bucket, seconds_to_full, take

PREFIX = "baliza:bucket"
TIMEOUT_S = 5.0


class RedisBuckets:
    def __init__(self, client: redis.Redis, clock: Callable[[], float] = time.time) -> None:
        self._redis = client
        self._clock = clock

    @classmethod
    def connect(cls, url: str) -> RedisBuckets:
        """A store on the Redis at `url`; connections open on first use."""
        return cls(redis.Redis.from_url(url, socket_timeout=TIMEOUT_S, socket_connect_timeout=TIMEOUT_S))

    def take(self, kind: str, key: int, cost: int, per_minute: int) -> int:
        name = f"{PREFIX}:{kind}:{key}"
        try:
            with self._redis.pipeline() as pipe:
                while True:
                    try:
                        return self._attempt(pipe, name, cost, per_minute)
                    except redis.WatchError:
                        continue  # another process took from this bucket meanwhile: read it again
        except redis.RedisError as exc:
            raise DatabaseBusy() from exc

    def _attempt(self, pipe: redis.client.Pipeline, name: str, cost: int, per_minute: int) -> int:
        pipe.watch(name)
        tokens, at = pipe.hmget(name, ["tokens", "at"])
        stored = Bucket(float(tokens), float(at)) if tokens is not None and at is not None else None
        after, wait = take(stored, self._clock(), cost, per_minute)
        if after is None:
            pipe.unwatch()
            return wait
        pipe.multi()
        pipe.hset(name, mapping={"tokens": repr(after.tokens), "at": repr(after.at)})
        pipe.expire(name, seconds_to_full(after, per_minute))
        pipe.execute()
        return 0
