"""The vault: original values of flagged items, encrypted apart from the redacted text.

Fernet (AES-128-CBC + HMAC-SHA256) from `cryptography`; the Fernet key is derived from the vault key
setting (or the generated key file), so any string a deployment sets is usable. Only an approved
unmask and the takedown webhook secret ever decrypt anything.
"""

from __future__ import annotations

import base64
import hashlib
import json

from cryptography.fernet import Fernet, InvalidToken

from baliza.errors import BalizaError
from service.privacy.redact import Original


class Vault:
    def __init__(self, key_material: bytes) -> None:
        digest = hashlib.sha256(b"baliza-vault-v1:" + key_material).digest()
        self._fernet = Fernet(base64.urlsafe_b64encode(digest))

    def seal(self, payload: dict | list) -> bytes:
        return self._fernet.encrypt(json.dumps(payload, ensure_ascii=False).encode())

    def open(self, ciphertext: bytes) -> dict | list:
        try:
            return json.loads(self._fernet.decrypt(ciphertext))
        except InvalidToken as exc:
            raise BalizaError("vault entry cannot be decrypted with this vault key") from exc

    def seal_originals(self, originals: list[Original], tokens: list[str]) -> bytes:
        """The originals of one item, each with the token that replaced it in the text."""
        return self.seal(
            [
                {"kind": o.kind, "token": t, "value": o.value, "raw": o.raw}
                for o, t in zip(originals, tokens, strict=True)
            ]
        )
