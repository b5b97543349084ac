"""Random credentials and their stored form.

API keys and bearer tokens are 256-bit random strings, so a plain SHA-256 is a safe stored form (no
dictionary to attack) and allows a lookup by hash. A key carries a short public prefix so logs and
admins can name a key without holding it.
"""

from __future__ import annotations

import hashlib
import secrets

KEY_PREFIX = "bz_"
PREFIX_CHARS = 8


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def new_api_key() -> tuple[str, str, str]:
    """(key shown once, public prefix, stored hash)."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    return key, key[: len(KEY_PREFIX) + PREFIX_CHARS], sha256_hex(key)


def new_token() -> tuple[str, str]:
    """(bearer token shown once, stored hash)."""
    token = secrets.token_urlsafe(32)
    return token, sha256_hex(token)
