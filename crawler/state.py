"""Crawl state kept between runs in the data dir: detail pages seen, content hashes, MinHash signatures.

This is what makes crawls incremental. Files are written whole and replaced atomically, mode 0600,
because URLs and hashes of collected ads are still collected data.
"""

from __future__ import annotations

import json
import os
from pathlib import Path


def state_dir(data_dir: Path | str, source: str) -> Path:
    return Path(data_dir) / "crawl" / source


def load_set(path: Path) -> set[str]:
    if not path.exists():
        return set()
    return set(json.loads(path.read_text(encoding="utf-8")))


def save_set(path: Path, values: set[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(sorted(values), handle)
    os.replace(tmp, path)


class FileSet:
    """A set of strings kept in a JSON file: read when opened, written whole by `close` (one process)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.values = load_set(path)

    def add(self, value: str) -> bool:
        """Add the value; True if it was not there yet."""
        if value in self.values:
            return False
        self.values.add(value)
        return True

    def __contains__(self, value: str) -> bool:
        return value in self.values

    def close(self) -> None:
        save_set(self.path, self.values)


def open_private(path: Path):
    """A text file only the owner can read, created (or truncated) for writing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.chmod(path, 0o600)
    return os.fdopen(fd, "w", encoding="utf-8")


def open_private_binary(path: Path):
    """A binary file only the owner can read, created (or truncated) for writing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.chmod(path, 0o600)
    return os.fdopen(fd, "wb")
