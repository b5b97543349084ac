"""Crawl state shared by several crawler processes through Redis (the scale-out profile).

With one process, the seen-detail URLs, content hashes and MinHash signatures are files in the data
dir, loaded at the start and written at the end. Several processes cannot share such files: each
would miss what the others collected, and the last to finish would overwrite the others' state. In
the scale-out profile they live in Redis instead, under `baliza:<source>:`, and every check-and-add
is one atomic Redis command, so an ad collected by one process is a duplicate for all the others.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import redis

from crawler.neardup import NearDuplicateIndex, check_scheme
from crawler.state import FileSet
from models.minhash import PERMUTATIONS, SCHEME, signature

SIGNATURE_BYTES = PERMUTATIONS * np.dtype(np.uint64).itemsize


def redis_key(source: str, name: str) -> str:
    return f"baliza:{source}:{name}"


def connect(url: str) -> redis.Redis:
    return redis.Redis.from_url(url)


class RedisSet:
    """A set of strings in Redis; `add` says whether the value was new, atomically across processes."""

    def __init__(self, server: redis.Redis, key: str) -> None:
        self.server, self.key = server, key

    def add(self, value: str) -> bool:
        return self.server.sadd(self.key, value) == 1

    def __contains__(self, value: str) -> bool:
        return bool(self.server.sismember(self.key, value))

    def close(self) -> None:
        """Nothing to write: every change is already in Redis."""


class RedisNearDuplicateIndex(NearDuplicateIndex):
    """The MinHash index as a Redis list of (signature, id) entries, in the order they were added.

    `match` appends the ad first, then compares it with every entry before its own position, so the
    list order decides which of two concurrent reposts is the original, as it would in one process.
    This process keeps a copy of the list's prefix and fetches only the entries added since.
    """

    def __init__(self, server: redis.Redis, key: str, threshold: float = 0.8) -> None:
        super().__init__(threshold)
        self.server, self.key = server, key
        # The first process records the list's MinHash scheme; a list from before the record holds
        # signatures of today's scheme (see crawler.neardup).
        scheme_key = key + ":scheme"
        server.set(scheme_key, SCHEME, nx=True)
        check_scheme(server.get(scheme_key).decode("utf-8"), f"Redis key {key}")

    def match(self, ad_id: str, text: str) -> str | None:
        mine = signature(text)
        position = self.server.rpush(self.key, mine.tobytes() + ad_id.encode("utf-8")) - 1
        if position > len(self.ids):
            for entry in self.server.lrange(self.key, len(self.ids), position - 1):
                row = np.frombuffer(entry[:SIGNATURE_BYTES], dtype=np.uint64)
                self._append(entry[SIGNATURE_BYTES:].decode("utf-8"), row)
        found = self.nearest(mine)
        self._append(ad_id, mine)
        return found

    def save(self, path: Path) -> None:
        """Nothing to write: every signature is already in Redis."""


def open_set(redis_url: str | None, source: str, name: str, path: Path) -> FileSet | RedisSet:
    """The named state set: in Redis with the scale-out profile, else the file at `path`."""
    if redis_url:
        return RedisSet(connect(redis_url), redis_key(source, name))
    return FileSet(path)


def open_near_index(redis_url: str | None, source: str, path: Path, threshold: float) -> NearDuplicateIndex:
    if redis_url:
        return RedisNearDuplicateIndex(connect(redis_url), redis_key(source, "near_duplicates"), threshold)
    return NearDuplicateIndex.load(path, threshold)
