"""Union-find over positions 0..n-1: connected components of "these two belong together" links.

Linking groups near-duplicate ads into clusters and training groups rows that share a pseudonym
token into one fold group; both are components of a graph given as pairs. `union(a, b)` puts a's
component under b's root, so callers that name a group after its root get the same name as
before this module existed (`models.provenance` does).
"""

from __future__ import annotations


class UnionFind:
    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def __len__(self) -> int:
        return len(self._parent)

    def find(self, i: int) -> int:
        """The root of i's component (path halving keeps later lookups short)."""
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        """Join the components of a and b; the root of b's becomes the root of both."""
        self._parent[self.find(a)] = self.find(b)

    def groups(self) -> dict[int, list[int]]:
        """Root -> members in increasing order, for every component (singletons included)."""
        found: dict[int, list[int]] = {}
        for i in range(len(self._parent)):
            found.setdefault(self.find(i), []).append(i)
        return found
