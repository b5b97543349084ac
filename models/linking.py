"""Linking near-duplicate ads: LSH band keys over MinHash signatures, an index, and clusters.

Signatures come from `models.minhash` (the one MinHash, shared with the crawler). Two ads whose
band keys meet are candidates; their signatures then estimate the Jaccard similarity.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import numpy as np

from models.minhash import PERMUTATIONS, signature, signatures, similarity
from models.unionfind import UnionFind

# `signature` and `similarity` stay importable from here for research/dup_measure.py, which must
# also run on checkouts older than models.minhash (the "before" figures of a blind set).
__all__ = ["BANDS", "NEAR_DUPLICATE", "LinkIndex", "Match", "band_keys", "signature", "similarity"]

BANDS = 16  # 16 bands x 8 rows: P(candidate) is 0.94 at Jaccard 0.8 and 0.06 at 0.5
ROWS = PERMUTATIONS // BANDS
# Estimated Jaccard from which two ads count as linked. Measured on the synthetic data: distinct ads
# of one template family reach p99 0.38 (max 0.53); reposts with 1-3 small edits, median 0.94.
NEAR_DUPLICATE = 0.6


def band_keys(sig: np.ndarray) -> list[str]:
    """One short key per band; equal keys mean the band's rows are all equal."""
    return [
        f"{b:02d}" + hashlib.blake2b(sig[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).hexdigest()
        for b in range(BANDS)
    ]


@dataclass(frozen=True)
class Match:
    """An indexed ad found for a query, with the MinHash estimate of their Jaccard similarity."""

    id: Hashable
    similarity: float


class LinkIndex:
    """Near-duplicate and template index over many ads: LSH band keys → positions, plus signatures.

    The signatures are the ones the review service stores per item (`signature`), but the index
    bands them finer: `rows` = 4 gives 32 bands, so a pair at Jaccard 0.7 becomes a candidate with
    probability 0.9998 instead of 0.5 with the service's 16 x 8 keys. Short reposts (under ~150
    characters) with a couple of edits fall in that range; measured recall of reposts went from
    0.978 to above 0.99. More candidates cost little, because every candidate is then checked with
    the full signature: only ads whose estimated Jaccard similarity of 5-character shingles (accents
    and emojis kept) reaches `threshold` are returned or linked.
    """

    def __init__(self, threshold: float = NEAR_DUPLICATE, rows: int = 4) -> None:
        if PERMUTATIONS % rows:
            raise ValueError(f"rows must divide {PERMUTATIONS}")
        self.threshold = threshold
        self.rows = rows
        self._ids: list[Hashable] = []
        self._positions: dict[Hashable, int] = {}
        self._chunks: list[np.ndarray] = []
        self._buckets: dict[bytes, list[int]] = defaultdict(list)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, ad_id: object) -> bool:
        return ad_id in self._positions

    def add(self, ad_id: Hashable, text: str) -> None:
        self.add_many([(ad_id, text)])

    def add_many(self, items: Iterable[tuple[Hashable, str]], batch: int = 4096) -> None:
        """Index `(id, text)` pairs; ids must be new (re-adding an id is a caller's bug)."""
        pending: list[tuple[Hashable, str]] = []
        for item in items:
            pending.append(item)
            if len(pending) == batch:
                self._add_batch(pending)
                pending = []
        if pending:
            self._add_batch(pending)

    def _add_batch(self, items: list[tuple[Hashable, str]]) -> None:
        ids = [ad_id for ad_id, _ in items]
        repeated = next((i for i in ids if i in self._positions), None)
        if repeated is not None or len(set(ids)) != len(ids):  # checked first: never half a batch
            raise ValueError(
                f"ad {repeated!r} is already indexed" if repeated is not None else "repeated ids"
            )
        sigs = signatures([text for _, text in items])
        first = len(self._ids)
        for offset, ((ad_id, _), sig) in enumerate(zip(items, sigs, strict=True)):
            self._positions[ad_id] = first + offset
            self._ids.append(ad_id)
            for key in self._keys(sig):
                self._buckets[key].append(first + offset)
        self._chunks.append(sigs)

    def _keys(self, sig: np.ndarray) -> list[bytes]:
        """Band number + the band's raw values: cheaper than hashing, and exact."""
        raw = sig.tobytes()
        width = self.rows * sig.itemsize
        return [bytes((b,)) + raw[b * width : (b + 1) * width] for b in range(PERMUTATIONS // self.rows)]

    @property
    def _sigs(self) -> np.ndarray:
        """All signatures as one array; batches are joined lazily, once per burst of additions."""
        if len(self._chunks) != 1:
            joined = np.concatenate(self._chunks) if self._chunks else np.empty((0, PERMUTATIONS), np.uint64)
            self._chunks = [joined]
        return self._chunks[0]

    def query(self, text: str, limit: int | None = None) -> list[Match]:
        """Indexed ads near `text`, most similar first."""
        return self._matches(signature(text), limit, exclude=None)

    def neighbours(self, ad_id: Hashable, limit: int | None = None) -> list[Match]:
        """Indexed ads near an indexed one (itself left out)."""
        position = self._positions[ad_id]
        return self._matches(self._sigs[position], limit, exclude=position)

    def _matches(self, sig: np.ndarray, limit: int | None, exclude: int | None) -> list[Match]:
        candidates = {p for key in self._keys(sig) for p in self._buckets.get(key, ())}
        candidates.discard(exclude)  # type: ignore[arg-type]
        if not candidates:
            return []
        rows = np.fromiter(candidates, dtype=np.int64, count=len(candidates))
        sims = (self._sigs[rows] == sig).mean(axis=1)
        keep = np.flatnonzero(sims >= self.threshold)
        order = keep[np.lexsort((rows[keep], -sims[keep]))][:limit]
        return [Match(self._ids[rows[i]], round(float(sims[i]), 3)) for i in order]

    def pairs(self, max_bucket: int = 200) -> set[tuple[int, int]]:
        """Positions `(i, j)`, i < j, of near-duplicate pairs found through shared band keys.

        A bucket larger than `max_bucket` (a heavily reused template) is checked as a chain of
        neighbours instead of all its pairs, which keeps clusters connected at linear cost.
        """
        found: set[tuple[int, int]] = set()
        for members in self._buckets.values():
            if len(members) < 2:
                continue
            rows = np.asarray(members, dtype=np.int64)
            sigs = self._sigs[rows]
            if len(rows) <= max_bucket:
                sims = (sigs[:, None, :] == sigs[None, :, :]).mean(axis=2)
                left, right = np.nonzero(np.triu(sims >= self.threshold, k=1))
            else:
                left = np.flatnonzero((sigs[:-1] == sigs[1:]).mean(axis=1) >= self.threshold)
                right = left + 1
            for a, b in zip(rows[left], rows[right], strict=True):
                found.add((int(min(a, b)), int(max(a, b))))
        return found

    def clusters(self, min_size: int = 2) -> list[list[Hashable]]:
        """Connected components over near-duplicate pairs: reposts and template families.

        Largest first; within a cluster, ids in indexing order. The queue shows a cluster's members
        as linked ads.
        """
        components = UnionFind(len(self._ids))
        for a, b in self.pairs():
            components.union(a, b)
        found = [members for members in components.groups().values() if len(members) >= min_size]
        found.sort(key=lambda members: (-len(members), members[0]))
        return [[self._ids[i] for i in members] for members in found]
