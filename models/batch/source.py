"""Input for batch scoring: every line checked before any work starts, then read as a stream.

`baliza score` promises that a bad line fails the command before any output (`models.jsonl`); the
local path keeps that by reading everything first, which a batch of millions cannot afford. So a
file is read twice (a checking pass, then the stream), and standard input, which cannot be read
twice, is copied as it is checked into an anonymous temporary file (mode 0600, gone when closed).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from models.jsonl import iter_records, to_line


def _is_stdin(path: Path | str | None) -> bool:
    return path is None or str(path) == "-"


@contextmanager
def checked_records(path: Path | str | None) -> Iterator[Iterator[dict]]:
    """The records of `path` (None or "-": stdin) as an iterator, once all of them have passed
    `models.jsonl`'s checks; a bad line raises `InputError` here, before anything is yielded."""
    if not _is_stdin(path):
        for _ in iter_records(path):
            pass
        yield iter_records(path)
        return
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        for record in iter_records(None):
            spool.write(to_line(record))
        spool.seek(0)
        yield (json.loads(line) for line in spool)
