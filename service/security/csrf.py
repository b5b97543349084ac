"""CSRF tokens for cookie sessions: HMAC of the session token under the secret key.

Bound to the session (a token from another session is useless), stateless (nothing to store), and
checked on every unsafe request that authenticates with the cookie — forms send it as a hidden
field, scripts as the `X-CSRF-Token` header. Bearer-token API calls need none: a browser never
attaches an Authorization header on its own.
"""

from __future__ import annotations

import hashlib
import hmac

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
HEADER = "x-csrf-token"
FIELD = "csrf"


def csrf_token(secret_key: bytes, session_token: str) -> str:
    return hmac.new(secret_key, b"csrf:" + session_token.encode(), hashlib.sha256).hexdigest()[:40]


def csrf_ok(secret_key: bytes, session_token: str, presented: str | None) -> bool:
    return presented is not None and hmac.compare_digest(csrf_token(secret_key, session_token), presented)
