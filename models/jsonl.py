"""Reading JSONL ad records, with errors that name the file and line.

Every line is checked before any work starts, so a bad line fails the command up front instead of
leaving half an output behind.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from baliza.errors import InputError
from models.ad import API_ID


def _open(path: Path | str | None) -> tuple[TextIO, str, bool]:
    if path is None or str(path) == "-":
        return sys.stdin, "<stdin>", False
    path = Path(path)
    if not path.is_file():
        raise InputError(f"file not found: {path}")
    return path.open(encoding="utf-8"), str(path), True


def read_records(path: Path | str | None, require_label: bool = False) -> list[dict]:
    """Parse and validate every line: an object with a string `id` (or int) and a string `text`."""
    return list(iter_records(path, require_label))


def iter_records(path: Path | str | None, require_label: bool = False) -> Iterator[dict]:
    """`read_records` one line at a time, for input too large to hold (`models.batch`); a bad line
    raises when the iteration reaches it, so a caller that promises to fail up front reads twice."""
    stream, name, close = _open(path)
    try:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{name}:{number}: not valid JSON ({exc.msg})") from None
            yield _check(record, name, number, require_label)
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text") from None
    finally:
        if close:
            stream.close()


def _check(record: object, name: str, number: int, require_label: bool) -> dict:
    where = f"{name}:{number}"
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object")
    if "id" not in record and API_ID in record:  # an API item (`external_id`) scores as well
        record["id"] = record[API_ID]
    if not isinstance(record.get("id"), str | int) or isinstance(record.get("id"), bool):
        raise InputError(f"{where}: missing or invalid 'id'")
    if not isinstance(record.get("text"), str):
        raise InputError(f"{where}: missing or invalid 'text' (a string)")
    if record.get("lang") is not None and not isinstance(record["lang"], str):
        raise InputError(f"{where}: 'lang' must be a string")
    if require_label and record.get("label") not in (0, 1):
        raise InputError(f"{where}: 'label' must be 0 or 1")
    return record


def read_labelled(paths: Iterable[Path | str]) -> list[dict]:
    """Read several labelled files; each record remembers the file it came from."""
    records: list[dict] = []
    for path in paths:
        for record in read_records(path, require_label=True):
            record.setdefault("_file", Path(path).name)
            records.append(record)
    if not records:
        raise InputError("no labelled records in the given data")
    return records


def file_sha256(path: Path | str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def to_line(record: dict) -> str:
    """One JSONL line, newline included: the one spelling of every line Baliza writes."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def write_jsonl(records: Iterable[dict], stream: TextIO) -> None:
    for record in records:
        stream.write(to_line(record))


def write_output(records: Iterable[dict], out: Path | None) -> None:
    """Write JSONL to `out`, or to stdout when no file is given (the CLI convention)."""
    if out is None:
        write_jsonl(records, sys.stdout)
        return
    with Path(out).open("w", encoding="utf-8") as stream:
        write_jsonl(records, stream)
