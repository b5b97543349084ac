"""Union-find: components, and which root names a component (fold group names depend on it)."""

from __future__ import annotations

from models.provenance import group_keys
from models.unionfind import UnionFind


def test_components_and_roots():
    components = UnionFind(6)
    components.union(0, 1)
    components.union(3, 4)
    components.union(4, 1)
    assert components.find(3) == components.find(0) == components.find(1)
    assert components.groups() == {components.find(0): [0, 1, 3, 4], 2: [2], 5: [5]}
    fresh = UnionFind(3)
    fresh.union(2, 0)
    assert fresh.find(2) == 0  # the second argument's root becomes the root of both


def test_rows_bridging_two_pseudonym_clusters_keep_their_group_name():
    """Row c shares a token with row a, then (in token order) one with row b: one group, named after
    b's root, as before union-find had its own module (a smallest-root rule would name it after a)."""
    rows = [
        {"id": "a", "text": "escribir [EMAIL:222222222222]"},
        {"id": "b", "text": "llamar [PHONE:111111111111]"},
        {"id": "c", "text": "[PHONE:111111111111] o [EMAIL:222222222222]"},
        {"id": "d", "text": "sin datos"},
        {"id": "e", "text": "familia", "family": "es-pos-x"},
    ]
    assert group_keys(rows) == ["linked::b", "linked::b", "linked::b", ":d", "es-pos-x"]
