"""The pseudonym and vault keys: the setting if set, else one generated into the data dir and kept.

Keeping it in `<data dir>/keys/secret_key` (mode 0600, directory 0700) is what makes pseudonyms
stable: the same data dir gives the same key, so the same phone gets the same token next week.
Placeholder keys outside dev mode are refused by `Settings` itself, before this code runs.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from baliza.errors import BalizaError
from baliza.settings import Settings

KEY_FILE = Path("keys") / "secret_key"
VAULT_KEY_FILE = Path("keys") / "vault_key"


def key_path(settings: Settings) -> Path:
    return settings.data_dir / KEY_FILE


def load_secret_key(settings: Settings) -> bytes:
    """The HMAC key as bytes; generated on first use when the setting is absent."""
    return _load(settings.secret_key, key_path(settings))


def load_vault_key(settings: Settings) -> bytes:
    """Key material for the vault (the vault derives its Fernet key from it)."""
    return _load(settings.vault_key, settings.data_dir / VAULT_KEY_FILE)


def _load(configured: str | None, path: Path) -> bytes:
    if configured:
        return configured.encode()
    if not path.exists():
        _create(path)
    key = path.read_text(encoding="ascii").strip()
    if not key:
        raise BalizaError(f"empty key file: {path}")
    return key.encode()


def _create(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process won the race; its key is the key
        return
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(secrets.token_hex(32) + "\n")
