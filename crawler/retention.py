"""Collected text does not outlive the retention setting: old feeds and a stale spool are removed.

Runs at the start of every crawl with the retention days the caller passes in (the CLI passes
BALIZA_RETENTION_DAYS); a file's age is its last modification.
"""

from __future__ import annotations

import time
from pathlib import Path

DAY = 86_400


def expire(data_dir: Path, days: int, now: float | None = None) -> list[Path]:
    """Delete feeds and spool files older than `days`; returns what was removed."""
    cutoff = (now if now is not None else time.time()) - days * DAY
    removed = []
    for folder in ("feeds", "spool"):
        for path in sorted((Path(data_dir) / folder).glob("*.jsonl")):
            if path.stat().st_mtime < cutoff:
                path.unlink()
                removed.append(path)
    return removed
