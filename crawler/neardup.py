"""Near-duplicate detection between crawls: the MinHash signatures of the ads seen so far.

Reposts with small edits (a word added, "URGENT!") share almost all their 5-character shingles;
distinct ads from the same template rarely do. Signatures come from `models.minhash`, the same
function the review service links items with; comparing one with all stored ones is one NumPy
step, and the signatures (no text) persist in the data dir, so a repost is caught in a later crawl.

The index file records the MinHash scheme its signatures were made with. A file of another scheme
is refused (its signatures cannot be recomputed: no text is kept); a file without the record was
written before the crawler shared the service's MinHash, and holds signatures equal to today's,
because the crawler only ever signed NFC text (`NormalisePipeline`), the one difference then.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from crawler.state import open_private_binary
from models.minhash import PERMUTATIONS, SCHEME, signature


class IndexSchemeError(ValueError):
    """Stored signatures were made with another MinHash scheme than this crawler's."""


def check_scheme(found: str, where: str) -> None:
    if found != SCHEME:
        raise IndexSchemeError(
            f"{where}: near-duplicate signatures of MinHash scheme {found!r}, but this crawler uses "
            f"{SCHEME!r}; delete it to start a new index"
        )


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
        """Ids, signatures and their scheme only (no text), in a file only the owner can read."""
        with open_private_binary(path) as handle:
            np.savez(handle, ids=np.array(self.ids, dtype=str), signatures=self.signatures, scheme=SCHEME)

    @classmethod
    def load(cls, path: Path, threshold: float = 0.8) -> NearDuplicateIndex:
        index = cls(threshold)
        if path.exists():
            with np.load(path, allow_pickle=False) as data:
                if "scheme" in data.files:
                    check_scheme(str(data["scheme"]), str(path))
                for ad_id, row in zip(data["ids"], data["signatures"], strict=True):
                    index._append(str(ad_id), row.astype(np.uint64))
        return index
