"""CSRF tokens for cookie sessions: HMAC of the session token under the secret key.

Bound to the session (a token from another session is useless), stateless (nothing to store), and
checked on every unsafe request that authenticates with the cookie — forms send it as a hidden
field, scripts as the `X-CSRF-Token` header. Bearer-token API calls need none: a browser never
attaches an Authorization header on its own.

The login form comes before any session, so it is a signed double submit: the login page sets a
random nonce in a `SameSite=Strict` cookie and puts the HMAC of that nonce in the form. A
cross-site form can neither make the browser send the cookie nor compute the field, so it cannot
log a browser into another account (login CSRF). The two tokens are keyed for different purposes,
so neither is ever accepted as the other.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
HEADER = "x-csrf-token"
FIELD = "csrf"
LOGIN_COOKIE = "baliza_login"
TOKEN_CHARS = 40


def _mac(secret_key: bytes, purpose: bytes, value: str) -> str:
    return hmac.new(secret_key, purpose + b":" + value.encode(), hashlib.sha256).hexdigest()[:TOKEN_CHARS]


def _same(expected: str, presented: str | None) -> bool:
    return presented is not None and hmac.compare_digest(expected, presented)


def csrf_token(secret_key: bytes, session_token: str) -> str:
    return _mac(secret_key, b"csrf", session_token)


def csrf_ok(secret_key: bytes, session_token: str, presented: str | None) -> bool:
    return _same(csrf_token(secret_key, session_token), presented)


def login_nonce() -> str:
    """A fresh value for the login page's cookie."""
    return secrets.token_urlsafe(32)


def login_token(secret_key: bytes, nonce: str) -> str:
    """The login form's hidden field for the nonce in the browser's cookie."""
    return _mac(secret_key, b"login", nonce)


def login_ok(secret_key: bytes, nonce: str | None, presented: str | None) -> bool:
    return nonce is not None and _same(login_token(secret_key, nonce), presented)
