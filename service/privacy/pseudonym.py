"""Keyed pseudonyms: the same normalised value gives the same token in one deployment, and nobody
without the key can test a guessed phone number against a token (unlike a plain hash)."""

from __future__ import annotations

import hashlib
import hmac

TOKEN_HEX = 12


def token(kind: str, value: str, key: bytes) -> str:
    """`[KIND:xxxxxxxxxxxx]`: the first 12 hex characters of HMAC-SHA256(key, "KIND:value")."""
    digest = hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()
    return f"[{kind}:{digest[:TOKEN_HEX]}]"
