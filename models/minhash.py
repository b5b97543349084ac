"""MinHash signatures of character shingles: the one near-duplicate fingerprint of an ad.

The crawler (marking reposts across crawls), the review service (linking queued items) and the
linking index all compare ads by these signatures, so they must agree bit for bit: a signature the
crawler stored is compared with one the service computes. Text is NFC-normalised, lower-cased and
its whitespace collapsed before shingling, so "niña" typed with a combining tilde, "NIÑA" and
"niña  " give one signature. Nothing else is stripped: accents and emojis stay in the shingles,
because in Spanish ads "niña"/"nina" and a row of emojis are part of what makes a template.

A 128-value signature estimates the Jaccard similarity of two ads' 5-character shingle sets.
`SCHEME` names these choices; anything that stores signatures records it, so signatures of an
older scheme are never silently compared with new ones.
"""

from __future__ import annotations

import unicodedata
import zlib
from collections.abc import Sequence

import numpy as np

SHINGLE = 5
PERMUTATIONS = 128
PRIME = (1 << 31) - 1  # products of two values below it fit in 64 bits
SEED = 20261123
SCHEME = f"minhash/nfc-lower-ws/shingle{SHINGLE}/crc32/perm{PERMUTATIONS}/seed{SEED}"


def _coefficients() -> tuple[np.ndarray, np.ndarray]:
    """The 128 hash functions h(x) = (a*x + b) mod PRIME, fixed by the seed (read-only arrays)."""
    rng = np.random.default_rng(SEED)
    a = rng.integers(1, PRIME, PERMUTATIONS, dtype=np.uint64)
    b = rng.integers(0, PRIME, PERMUTATIONS, dtype=np.uint64)
    a.setflags(write=False)
    b.setflags(write=False)
    return a, b


_A, _B = _coefficients()


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    flat = " ".join(unicodedata.normalize("NFC", text).lower().split())
    if len(flat) <= size:
        return {flat}
    return {flat[i : i + size] for i in range(len(flat) - size + 1)}


def _shingle_hashes(text: str) -> np.ndarray:
    """CRC-32 of each distinct shingle's UTF-8 bytes, modulo PRIME (map() keeps the loop in C)."""
    found = shingles(text)
    crcs = np.fromiter(map(zlib.crc32, map(_utf8, found)), dtype=np.uint64, count=len(found))
    return crcs % np.uint64(PRIME)


def _utf8(shingle: str) -> bytes:
    return shingle.encode("utf-8")


def signature(text: str) -> np.ndarray:
    """For each of 128 hash functions, the smallest hash over the text's shingles."""
    return ((np.outer(_shingle_hashes(text), _A) + _B) % PRIME).min(axis=0)


def signatures(texts: Sequence[str], chunk: int = 1024) -> np.ndarray:
    """Row i equals `signature(texts[i])`, computed in blocks of about `chunk` shingles.

    One permutation pass over many ads' shingles at once, then a per-ad minimum (`reduceat`),
    costs a fraction of calling `signature` per ad; the values are identical.
    """
    hashed = [_shingle_hashes(t) for t in texts]
    out = np.empty((len(texts), PERMUTATIONS), dtype=np.uint64)
    start = 0
    while start < len(hashed):
        end, total = start, 0
        while end < len(hashed) and (total == 0 or total + len(hashed[end]) <= chunk):
            total += len(hashed[end])
            end += 1
        block = np.concatenate(hashed[start:end])
        offsets = np.cumsum([0] + [len(h) for h in hashed[start : end - 1]])
        out[start:end] = np.minimum.reduceat((np.outer(block, _A) + _B) % PRIME, offsets, axis=0)
        start = end
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The MinHash estimate of the Jaccard similarity of two ads: the share of equal values."""
    return float(np.mean(a == b))


def to_bytes(sig: np.ndarray) -> bytes:
    """A signature as stored (little-endian 32-bit values: every value is below PRIME < 2**31)."""
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    """The signature `to_bytes` stored, as `signature` returns it."""
    return np.frombuffer(data, dtype="<u4").astype(np.uint64)
