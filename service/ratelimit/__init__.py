"""Per-partner limits: requests per minute and characters of text scored per minute, per API key.

Counting requests alone let one partner hold the model for minutes at will (256 texts of 20,000
characters are one request), so the text a partner has scored is budgeted too. Both are token
buckets that hold a minute's worth and refill continuously (`bucket.take`, the one home of that
arithmetic). A caller over a limit gets the seconds until its request would fit (`Retry-After`);
the API turns that into a 429.

Where the buckets live decides whether a limit holds across processes, so there are three stores
behind one interface (`BucketStore`), chosen once per app in `service/runtime.py`:
- `MemoryBuckets`: in the process (SQLite, one process — SQLite cannot have more);
- `PostgresBuckets`: one row per key and kind in the service's PostgreSQL, taken under its row lock;
- `RedisBuckets`: one hash per key and kind in Redis, taken in WATCH/MULTI (`BALIZA_REDIS_URL`).
"""

from service.ratelimit.bucket import Bucket, BucketStore, MemoryBuckets, take
from service.ratelimit.limiter import RateLimiter
from service.ratelimit.pgstore import PostgresBuckets
from service.ratelimit.redisstore import RedisBuckets

__all__ = [
    "Bucket",
    "BucketStore",
    "MemoryBuckets",
    "PostgresBuckets",
    "RateLimiter",
    "RedisBuckets",
    "take",
]
