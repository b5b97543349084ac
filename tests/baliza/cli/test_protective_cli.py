"""`baliza protective`: JSON per file in-process, and a bad file as one line and exit 2 in a real process
(the console script runs the installed checkout, so the process is started on this tree's code)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from baliza.cli import app
from tests.baliza.cli.test_cli import assert_one_line_error
from tests.conftest import REPO

TEXT = "Pago quincenal en tu cuenta a tu nombre. No se pagan horas extras. Solo mayores de 18 años."


def _write(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _run(args: list[str]) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    code = "from baliza.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture
def labelled(tmp_path):
    pay_end = TEXT.index(".")
    age_start = TEXT.index("Solo")
    return _write(
        tmp_path / "tiny.jsonl",
        [
            {
                "id": "t-1",
                "text": TEXT,
                "kind": "fair",
                "protective": [
                    {"type": "pay", "start": 0, "end": pay_end},
                    {"type": "age", "start": age_start, "end": len(TEXT) - 1},
                ],
            },
            {"id": "t-2", "text": "Traer DNI y CV. Pasaporte vigente.", "kind": "neutral", "protective": []},
        ],
    )


def test_json_prints_one_object_per_file(labelled, tmp_path):
    other = _write(tmp_path / "other.jsonl", [{"id": "o", "text": "Nothing here.", "kind": "neutral"}])
    result = CliRunner().invoke(app, ["protective", "--data", str(labelled), "--data", str(other), "--json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["data"] for line in lines] == [str(labelled), str(other)]
    first = lines[0]
    assert set(first) >= {"data", "overall", "per_type", "false_alarms"}
    assert set(first["overall"]) >= {"precision", "recall", "f1", "gold", "found"}
    assert first["overall"]["gold"] == 2 and first["overall"]["recall"] == 1.0
    assert first["per_type"]["pay"]["hits"] == 1 and first["per_type"]["age"]["hits"] == 1
    assert first["false_alarms"] == {"spans": 0, "ads": 0}
    assert lines[1]["overall"]["found"] == 0 and lines[1]["overall"]["recall"] is None


def test_the_table_names_every_type_and_the_false_alarms(labelled):
    result = CliRunner().invoke(app, ["protective", "--data", str(labelled)])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split() for line in result.output.splitlines()[2:] if line.strip()}
    assert rows["pay"][1:4] == ["1", "1", "1"] and rows["contract"][1:] == ["0", "0", "0", "-", "-", "-"]
    assert rows["overall"][1:4] == ["2", "2", "2"]
    assert "false alarms (neutral and negated ads): 0 span(s) in 0 ad(s)" in result.output


def test_a_malformed_file_is_one_line_and_exit_2(tmp_path, labelled):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok", "protective": []}\n{oops\n', encoding="utf-8")
    # the good file comes first: nothing is printed for it before the bad one is refused
    result = _run(["protective", "--data", str(labelled), "--data", str(bad), "--json"])
    assert_one_line_error(result, 2, "bad.jsonl:2: not valid JSON")
    assert result.stdout == ""


def test_a_missing_file_is_one_line_and_exit_2(tmp_path):
    assert_one_line_error(_run(["protective", "--data", str(tmp_path / "nope.jsonl")]), 2, "file not found")
