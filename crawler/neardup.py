"""Near-duplicate detection: MinHash signatures of character shingles, kept between crawls.

Reposts with small edits (a word added, "URGENT!") share almost all their 5-character shingles;
distinct ads from the same template rarely do. A 128-value MinHash signature estimates the Jaccard
similarity of two shingle sets; comparing one signature with all stored ones is one NumPy step, and
the signatures (no text) persist in the data dir, so a repost is caught in a later crawl too.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np

from crawler.state import open_private_binary

SHINGLE = 5
PERMUTATIONS = 128
PRIME = (1 << 31) - 1  # products of two values below it fit in 64 bits, and wrap well
_rng = np.random.default_rng(20261123)
_A = _rng.integers(1, PRIME, PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, PRIME, PERMUTATIONS, dtype=np.uint64)


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    flat = " ".join(text.lower().split())
    if len(flat) <= size:
        return {flat}
    return {flat[i : i + size] for i in range(len(flat) - size + 1)}


def signature(text: str) -> np.ndarray:
    """MinHash: for each of 128 hash functions, the smallest hash over the text's shingles."""
    hashes = np.fromiter((zlib.crc32(s.encode("utf-8")) % PRIME for s in shingles(text)), dtype=np.uint64)
    return ((np.outer(hashes, _A) + _B) % PRIME).min(axis=0)


class NearDuplicateIndex:
    """Remembers the ads seen so far; `match` names the most similar earlier one above the threshold."""

    def __init__(self, threshold: float = 0.8) -> None:
        self.threshold = threshold
        self.ids: list[str] = []
        self._signatures = np.empty((64, PERMUTATIONS), dtype=np.uint64)

    @property
    def signatures(self) -> np.ndarray:
        return self._signatures[: len(self.ids)]

    def _append(self, ad_id: str, mine: np.ndarray) -> None:
        if len(self.ids) == len(self._signatures):  # grow by doubling, not one copy per ad
            self._signatures = np.concatenate([self._signatures, np.empty_like(self._signatures)])
        self._signatures[len(self.ids)] = mine
        self.ids.append(ad_id)

    def nearest(self, mine: np.ndarray) -> str | None:
        """The id of the most similar ad held so far, if it reaches the threshold."""
        if not self.ids:
            return None
        similarity = (self.signatures == mine).mean(axis=1)
        best = int(similarity.argmax())
        return self.ids[best] if similarity[best] >= self.threshold else None

    def match(self, ad_id: str, text: str) -> str | None:
        mine = signature(text)
        found = self.nearest(mine)
        self._append(ad_id, mine)
        return found

    def save(self, path: Path) -> None:
        """Ids and signatures only (no text), in a file only the owner can read."""
        with open_private_binary(path) as handle:
            np.savez(handle, ids=np.array(self.ids, dtype=str), signatures=self.signatures)

    @classmethod
    def load(cls, path: Path, threshold: float = 0.8) -> NearDuplicateIndex:
        index = cls(threshold)
        if path.exists():
            with np.load(path, allow_pickle=False) as data:
                for ad_id, row in zip(data["ids"], data["signatures"], strict=True):
                    index._append(str(ad_id), row.astype(np.uint64))
        return index
