"""Score the protective finder on labelled ads (the `blind-protect-v1` card's record format).

A found span is a hit when it overlaps a gold span of the same type; each gold span is matched at
most once, and each found span too (the largest such matching, per ad and type). Per type and
overall: gold, found,
hits, precision = hits / found, recall = hits / gold, F1; ``None`` where a ratio is undefined.

False alarms are what an analyst would see on an ad with nothing protective to show: found spans in
``neutral`` and ``negated`` ads that overlap no gold span of their type, and how many such ads
have at least one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

from baliza.errors import InputError
from models.indicators.protective.finder import find_protective
from models.indicators.protective.registry import TYPES
from models.indicators.protective.span import ProtectiveSpan

#: Ads that should show nothing beyond their gold spans.
FALSE_ALARM_KINDS = ("neutral", "negated")

Finder = Callable[[str], list[ProtectiveSpan]]


def score_records(records: Iterable[dict], finder: Finder = find_protective) -> dict:
    """Span-level figures of ``finder`` on records with ``text``, ``kind`` and gold ``protective``."""
    counts = {t: {"gold": 0, "found": 0, "hits": 0} for t in TYPES}
    alarm_spans = alarm_ads = n = 0
    for record in records:
        n += 1
        gold = [(g["type"], g["start"], g["end"]) for g in record.get("protective", [])]
        found = [(s.type, s.start, s.end) for s in finder(record["text"])]
        unmatched = 0
        for kind in TYPES:
            gold_t = sorted((s, e) for t, s, e in gold if t == kind)
            found_t = sorted((s, e) for t, s, e in found if t == kind)
            hits = _matches(found_t, gold_t)
            counts[kind]["gold"] += len(gold_t)
            counts[kind]["found"] += len(found_t)
            counts[kind]["hits"] += hits
            unmatched += sum(1 for span in found_t if not any(_overlap(span, g) for g in gold_t))
        if record.get("kind") in FALSE_ALARM_KINDS and unmatched:
            alarm_spans += unmatched
            alarm_ads += 1
    total = {key: sum(c[key] for c in counts.values()) for key in ("gold", "found", "hits")}
    return {
        "n": n,
        "overall": _ratios(total),
        "per_type": {t: _ratios(c) for t, c in counts.items()},
        "false_alarms": {"spans": alarm_spans, "ads": alarm_ads},
    }


def evaluate_file(path: Path | str, finder: Finder = find_protective) -> dict:
    """`score_records` on one JSONL file, with its path as ``data``."""
    report = score_records(read_protective(path), finder)
    return {"data": str(path), **report}


def read_protective(path: Path | str) -> list[dict]:
    """Every record of a labelled file, checked first: a bad line names the file and line."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"file not found: {path}")
    records = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    for number, line in enumerate(lines, start=1):
        if line.strip():
            records.append(_check(line, f"{path}:{number}"))
    if not records:
        raise InputError(f"{path}: no records")
    return records


def _check(line: str, where: str) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg})") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f"{where}: expected an object with a string 'text'")
    if record.get("kind") is not None and not isinstance(record["kind"], str):
        raise InputError(f"{where}: 'kind' must be a string")
    spans = record.get("protective", [])
    if not isinstance(spans, list):
        raise InputError(f"{where}: 'protective' must be a list of spans")
    for span in spans:
        if not (
            isinstance(span, dict)
            and span.get("type") in TYPES
            and all(
                isinstance(span.get(k), int) and not isinstance(span.get(k), bool) for k in ("start", "end")
            )
            and 0 <= span["start"] < span["end"] <= len(record["text"])
        ):
            raise InputError(
                f"{where}: each protective span needs 'type' (one of {', '.join(TYPES)}) and "
                "0 <= 'start' < 'end' <= len(text)"
            )
    return record


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _matches(found: list[tuple[int, int]], gold: list[tuple[int, int]]) -> int:
    """The largest number of (found, gold) pairs that overlap, each span in one pair at most.

    Augmenting paths (Kuhn): a found span may take a gold span from another found span that can
    move to a different one, so the count never depends on the order spans are looked at.
    """
    owner: dict[int, int] = {}  # gold index -> found index

    def claim(i: int, seen: set[int]) -> bool:
        for j, target in enumerate(gold):
            if j not in seen and _overlap(found[i], target):
                seen.add(j)
                if j not in owner or claim(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(claim(i, set()) for i in range(len(found)))


def _ratios(c: dict[str, int]) -> dict:
    precision = c["hits"] / c["found"] if c["found"] else None
    recall = c["hits"] / c["gold"] if c["gold"] else None
    f1 = (
        2 * precision * recall / (precision + recall)
        if precision is not None and recall is not None and precision + recall > 0
        else (0.0 if precision is not None and recall is not None else None)
    )
    return {
        "gold": c["gold"],
        "found": c["found"],
        "hits": c["hits"],
        "precision": _round(precision),
        "recall": _round(recall),
        "f1": _round(f1),
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
