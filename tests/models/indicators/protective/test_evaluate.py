"""The scorer's arithmetic on tiny hand-made records, with a finder that says what it is told to."""

from __future__ import annotations

import json

import pytest

from baliza.errors import InputError
from models.indicators.protective import ProtectiveSpan
from models.indicators.protective.evaluate import evaluate_file, read_protective, score_records


def _gold(kind: str, start: int, end: int) -> dict:
    return {"type": kind, "start": start, "end": end}


def _finder(answers: dict[str, list[ProtectiveSpan]]):
    return lambda text: answers[text]


RECORDS = [
    # one hit, one miss (a gold span nobody found)
    {"text": "A" * 40, "kind": "fair", "protective": [_gold("pay", 0, 10), _gold("pay", 20, 30)]},
    # two found spans on one gold span: one hit, one extra found span; and a type confusion
    {"text": "B" * 40, "kind": "deceptive", "protective": [_gold("fees", 5, 15)]},
    # a false alarm in a neutral ad, and one in a negated ad beside its genuine gold span
    {"text": "C" * 40, "kind": "neutral", "protective": []},
    {"text": "D" * 40, "kind": "negated", "protective": [_gold("hours", 0, 5)]},
]
ANSWERS = {
    "A" * 40: [ProtectiveSpan("pay", 2, 4)],
    "B" * 40: [ProtectiveSpan("fees", 5, 8), ProtectiveSpan("fees", 10, 12), ProtectiveSpan("pay", 5, 15)],
    "C" * 40: [ProtectiveSpan("age", 0, 3), ProtectiveSpan("legal", 10, 20)],
    "D" * 40: [ProtectiveSpan("hours", 4, 6), ProtectiveSpan("hours", 30, 35)],
}


def test_precision_recall_and_f1_per_type_and_overall():
    report = score_records(RECORDS, _finder(ANSWERS))
    assert report["n"] == 4
    pay = report["per_type"]["pay"]
    assert (pay["gold"], pay["found"], pay["hits"]) == (2, 2, 1)
    assert pay["precision"] == 0.5 and pay["recall"] == 0.5 and pay["f1"] == 0.5
    fees = report["per_type"]["fees"]
    assert (fees["gold"], fees["found"], fees["hits"], fees["recall"], fees["precision"]) == (
        1,
        2,
        1,
        1.0,
        0.5,
    )
    assert report["per_type"]["contract"] == {
        "gold": 0, "found": 0, "hits": 0, "precision": None, "recall": None, "f1": None,
    }  # fmt: skip
    age = report["per_type"]["age"]
    assert (age["precision"], age["recall"], age["f1"]) == (0.0, None, None)
    overall = report["overall"]
    assert (overall["gold"], overall["found"], overall["hits"]) == (4, 8, 3)
    assert overall["precision"] == 0.375 and overall["recall"] == 0.75
    assert overall["f1"] == round(2 * 0.375 * 0.75 / (0.375 + 0.75), 4)


def test_false_alarms_count_unmatched_spans_in_neutral_and_negated_ads_only():
    report = score_records(RECORDS, _finder(ANSWERS))
    # neutral: both spans; negated: the span at 30-35 (4-6 overlaps its gold); the fair ad's and the
    # deceptive ad's wrong spans are precision errors, not false alarms
    assert report["false_alarms"] == {"spans": 3, "ads": 2}


def test_each_gold_span_is_matched_at_most_once_and_the_matching_is_largest():
    records = [
        {"text": "x" * 30, "kind": "fair", "protective": [_gold("legal", 0, 10), _gold("legal", 11, 20)]}
    ]
    # [0,30) overlaps both gold spans, [1,2) and [3,4) only the first: the first gold span counts once,
    # and [0,30) is paired with the second although it is looked at first
    found = {
        "x" * 30: [
            ProtectiveSpan("legal", 0, 30),
            ProtectiveSpan("legal", 1, 2),
            ProtectiveSpan("legal", 3, 4),
        ]
    }
    legal = score_records(records, _finder(found))["per_type"]["legal"]
    assert (legal["hits"], legal["found"], legal["recall"], legal["precision"]) == (2, 3, 1.0, 0.6667)


def test_no_finder_finds_nothing_and_recalls_nothing():
    report = score_records(RECORDS, lambda text: [])
    assert report["overall"]["found"] == 0 and report["overall"]["recall"] == 0.0
    assert report["overall"]["precision"] is None and report["false_alarms"] == {"spans": 0, "ads": 0}


def test_evaluate_file_uses_the_real_finder_and_names_the_file(tmp_path):
    text = "Pago quincenal en tu cuenta a tu nombre. Traer DNI."
    path = tmp_path / "tiny.jsonl"
    path.write_text(
        json.dumps({"id": "t-1", "text": text, "kind": "fair", "protective": [_gold("pay", 0, 39)]}) + "\n"
    )
    report = evaluate_file(path)
    assert report["data"] == str(path)
    assert report["per_type"]["pay"]["hits"] == 1 and report["overall"]["found"] == 1


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("not json\n", "tiny.jsonl:1: not valid JSON"),
        ('{"text": 5}\n', "string 'text'"),
        ('{"text": "abc", "protective": {}}\n', "must be a list"),
        ('{"text": "abc", "protective": [{"type": "wages", "start": 0, "end": 2}]}\n', "one of pay"),
        ('{"text": "abc", "protective": [{"type": "pay", "start": 2, "end": 9}]}\n', "len(text)"),
        ("\n", "no records"),
    ],
)
def test_a_malformed_file_is_refused_with_its_line(tmp_path, content, fragment):
    path = tmp_path / "tiny.jsonl"
    path.write_text(content)
    with pytest.raises(InputError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        read_protective(path)


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        read_protective(tmp_path / "nope.jsonl")
