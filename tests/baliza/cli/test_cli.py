"""The `baliza` front door, run as a real process: formats, help, and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import TEST_FILE, small_corpus, write_jsonl

BALIZA = str(Path(sys.executable).parent / "baliza")
COMMANDS = [[], ["data"], ["data", "generate"], ["train"], ["eval"], ["score"]]


def run(args: list[str], data_dir: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "BALIZA_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1"}
    env.pop("BALIZA_MODEL", None)
    return subprocess.run([BALIZA, *args], input=stdin, capture_output=True, text=True, env=env, timeout=600)


def assert_one_line_error(result: subprocess.CompletedProcess, code: int, fragment: str) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], result.stderr


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "baliza")
def test_help_on_every_command(command, tmp_path):
    result = run([*command, "--help"], tmp_path)
    assert result.returncode == 0 and "Usage" in result.stdout


def test_missing_file(tmp_path):
    assert_one_line_error(run(["score", str(tmp_path / "nope.jsonl")], tmp_path), 2, "file not found")


def test_bad_jsonl_line_names_the_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "hola"}\n{"id": 2, "text": \n')
    assert_one_line_error(run(["score", str(bad)], tmp_path), 2, "bad.jsonl:2: not valid JSON")


def test_missing_text_field(tmp_path):
    assert_one_line_error(
        run(["score"], tmp_path, stdin='{"id": "x"}\n'), 2, "<stdin>:1: missing or invalid 'text'"
    )


def test_unknown_model(tmp_path):
    result = run(["score", "--model", "no-such-version"], tmp_path, stdin='{"id": 1, "text": "hola"}\n')
    assert_one_line_error(result, 2, "unknown model 'no-such-version'")


def test_eval_needs_labels(tmp_path):
    unlabelled = write_jsonl(tmp_path / "u.jsonl", [{"id": 1, "text": "hola"}])
    assert_one_line_error(run(["eval", "--data", str(unlabelled)], tmp_path), 2, "'label' must be 0 or 1")


def test_bad_setting_is_one_line(tmp_path):
    env_result = subprocess.run(
        [BALIZA, "score"],
        input="",
        capture_output=True,
        text=True,
        env={**os.environ, "BALIZA_PORT": "not-a-port", "BALIZA_DATA_DIR": str(tmp_path)},
        timeout=120,
    )
    assert_one_line_error(env_result, 2, "bad setting port")


@pytest.mark.encoder
def test_score_and_eval_with_the_shipped_default_on_an_empty_data_dir(tmp_path):
    """The real packaged encoder end to end; a fresh data dir works at once and trains nothing."""
    data_dir = tmp_path / "fresh"
    ads = [
        {
            "id": "p1",
            "text": "URGENTE!! Chicas de buena presencia p/ trabajar en España 💰 te pagamos el pasaje "
            "y lo descontás de tu sueldo, nosotros guardamos tu pasaporte. Solo WhatsApp.",
        },
        {"id": "n1", "text": "Vendo mesa de comedor de roble con 6 sillas, retiro en Palermo."},
    ]
    result = run(["score"], data_dir, stdin="".join(json.dumps(a) + "\n" for a in ads))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["p1", "n1"]
    assert set(rows[0]) == {
        "id",
        "score",
        "flagged",
        "flag_reasons",
        "child_risk",
        "indicators",
        "lang",
        "model_version",
    }
    assert rows[0]["flagged"] and not rows[1]["flagged"]
    assert rows[0]["score"] > rows[1]["score"] and rows[0]["lang"] == "es"
    assert not (data_dir / "models").exists()

    sample = write_jsonl(
        tmp_path / "sample.jsonl", [json.loads(x) for x in TEST_FILE.read_text().splitlines()[:150]]
    )
    result = run(["eval", "--data", str(sample), "--json"], data_dir)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    keys = {
        "data",
        "n",
        "positives",
        "pr_auc",
        "roc_auc",
        "recall_at_precision_90",
        "threshold",
        "precision",
        "recall",
        "fpr",
        "per_lang",
        "per_source",
    }
    assert keys <= set(report) and report["data"] == "sample.jsonl" and report["n"] == 150


def test_data_generate_rebuilds_the_committed_files(tmp_path, repo):
    result = run(["data", "generate", "--out", str(tmp_path / "v1")], tmp_path)
    assert result.returncode == 0, result.stderr
    for name in ("train.jsonl", "test.jsonl", "manifest.json"):
        committed = repo / "labelled_data" / "synthetic-v1" / name
        assert (tmp_path / "v1" / name).read_bytes() == committed.read_bytes(), name


def test_train_then_score_and_eval_through_the_cli(tmp_path):
    data = write_jsonl(tmp_path / "small.jsonl", small_corpus(per_family=4))
    model_dir = tmp_path / "lexical-model"
    result = run(
        ["train", "--data", str(data), "--kind", "lexical", "--out", str(model_dir), "--quiet"], tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "lexical-lexical-" in result.stdout and (model_dir / "head.skops").is_file()

    result = run(["score", "--model", str(model_dir)], tmp_path, stdin='{"id": 7, "text": "Vendo auto"}\n')
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == 7

    result = run(["eval", "--model", str(model_dir), "--data", str(TEST_FILE), "--record"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "test.jsonl" in result.stdout and "lang=es" in result.stdout
    manifest = json.loads((model_dir / "manifest.json").read_text())
    assert manifest["evaluations"]["test.jsonl"]["n"] > 500
    assert "### test.jsonl" in (model_dir / "README.md").read_text()


def test_train_into_the_registry_by_default(tmp_path):
    data = write_jsonl(tmp_path / "small.jsonl", small_corpus(per_family=3))
    result = run(["train", "--data", str(data), "--kind", "lexical", "--quiet"], tmp_path / "dd")
    assert result.returncode == 0, result.stderr
    versions = list((tmp_path / "dd" / "models").iterdir())
    assert len(versions) == 1 and (versions[0] / "manifest.json").is_file()
    result = run(["score", "--model", versions[0].name], tmp_path / "dd", stdin='{"id": 1, "text": "hola"}\n')
    assert result.returncode == 0, result.stderr


def test_bad_option_value_is_one_line(tmp_path):
    data = write_jsonl(tmp_path / "small.jsonl", small_corpus(per_family=1))
    result = run(["train", "--data", str(data), "--kind", "nonsense"], tmp_path)
    assert_one_line_error(result, 2, "--kind must be hybrid or lexical")
