"""Embeddings cached by text hash, in memory and optionally in a SQLite file in the data dir.

Encoding is the slow step (seconds per hundred ads on two cores), and training, cross-validation
and evaluation see the same texts again and again. Keys are SHA-256 of encoder name and text, so
the cache file holds no text; the vectors are still derived from sensitive text, hence mode 0600.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

_MEMORY_LIMIT = 200_000


class EmbeddingCache:
    """Vectors by key; an `Encoders` holder owns one (memory only unless given a file)."""

    def __init__(self, path: Path | None = None) -> None:
        self._memory: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch(mode=0o600, exist_ok=True)
            os.chmod(path, 0o600)
            self._db = sqlite3.connect(path, check_same_thread=False)
            self._db.execute("CREATE TABLE IF NOT EXISTS emb (key TEXT PRIMARY KEY, vec BLOB NOT NULL)")

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        with self._lock:
            found = {k: self._memory[k] for k in keys if k in self._memory}
            missing = [k for k in keys if k not in found]
            if self._db is not None and missing:
                for start in range(0, len(missing), 500):
                    chunk = missing[start : start + 500]
                    marks = ",".join("?" * len(chunk))
                    rows = self._db.execute(f"SELECT key, vec FROM emb WHERE key IN ({marks})", chunk)
                    for key, blob in rows:
                        found[key] = self._memory[key] = np.frombuffer(blob, dtype=np.float32)
            return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        with self._lock:
            if len(self._memory) + len(items) > _MEMORY_LIMIT:
                self._memory.clear()
            self._memory.update(items)
            if self._db is not None:
                self._db.executemany(
                    "INSERT OR REPLACE INTO emb (key, vec) VALUES (?, ?)",
                    [(k, v.astype(np.float32).tobytes()) for k, v in items.items()],
                )
                self._db.commit()


def text_key(encoder_name: str, text: str) -> str:
    return hashlib.sha256(f"{encoder_name}\x00{text}".encode()).hexdigest()
