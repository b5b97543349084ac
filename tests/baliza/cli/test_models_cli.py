"""`baliza models ...`, `train --register` and `eval --report`, run as real processes."""

from __future__ import annotations

import json

import pytest

from tests.baliza.cli.test_cli import assert_one_line_error, run
from tests.factories import TEST_FILE, read_jsonl, small_corpus, write_jsonl

PLANTED_EMAIL = "reclutadora.planted@ejemplo-correo.com"


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> dict:
    """Two lexical models: one trained into a directory and registered, one straight into the registry."""
    base = tmp_path_factory.mktemp("models-cli")
    data_dir = base / "data"
    first = write_jsonl(base / "small.jsonl", small_corpus(per_family=2, seed=1))
    second = write_jsonl(base / "other.jsonl", small_corpus(per_family=3, seed=2))
    out = base / "model-a"
    result = run(
        ["train", "--data", str(first), "--kind", "lexical", "--out", str(out), "--register", "--quiet"],
        data_dir,
    )
    assert result.returncode == 0, result.stderr
    assert "registered: lexical-lexical-" in result.stdout
    version_a = json.loads((out / "manifest.json").read_text())["model_version"]
    result = run(["train", "--data", str(second), "--kind", "lexical", "--quiet"], data_dir)
    assert result.returncode == 0, result.stderr
    version_b = result.stdout.split(" -> ")[0].strip()
    rows = read_jsonl(TEST_FILE)[:60]
    rows[0] = {**rows[0], "text": rows[0]["text"] + f"\nEscribe a {PLANTED_EMAIL}"}
    held_out = write_jsonl(base / "held_out.jsonl", rows)
    return {
        "base": base,
        "data_dir": data_dir,
        "a": version_a,
        "b": version_b,
        "out": out,
        "held_out": held_out,
    }


def test_list_show_promote(trained):
    data_dir, a, b = trained["data_dir"], trained["a"], trained["b"]
    assert a != b
    listed = run(["models", "list"], data_dir)
    assert listed.returncode == 0, listed.stderr
    assert a in listed.stdout and b in listed.stdout and "oof PR-AUC" in listed.stdout
    assert not any(line.startswith("*") for line in listed.stdout.splitlines())

    promoted = run(["models", "promote", b], data_dir)
    assert promoted.returncode == 0, promoted.stderr
    assert f"none (shipped default) -> {b}" in promoted.stdout
    promoted = run(["models", "promote", a], data_dir)
    assert f"{b} -> {a}" in promoted.stdout
    entries = json.loads(run(["models", "list", "--json"], data_dir).stdout)
    assert [e["version"] for e in entries if e["promoted"]] == [a]
    assert {e["kind"] for e in entries} == {"lexical"}

    shown = run(["models", "show", a], data_dir)
    assert shown.returncode == 0, shown.stderr
    assert f"version:    {a}  (promoted)" in shown.stdout
    assert f"# Baliza model `{a}`" in shown.stdout and "small.jsonl" in shown.stdout

    scored = run(["score"], data_dir, stdin='{"id": 1, "text": "Vendo auto"}\n')
    assert json.loads(scored.stdout)["model_version"] == a  # the promoted one, with no --model

    again = run(["models", "add", str(trained["out"])], data_dir)
    assert again.returncode == 0 and "already registered" in again.stdout


def test_registry_errors_are_one_line(trained, tmp_path):
    data_dir = trained["data_dir"]
    assert_one_line_error(run(["models", "promote", "no-such"], data_dir), 2, "unknown version 'no-such'")
    assert_one_line_error(run(["models", "show", "no-such"], data_dir), 2, "unknown model 'no-such'")
    assert_one_line_error(run(["models", "add", str(tmp_path)], data_dir), 2, "not a Baliza model directory")
    empty = run(["models", "list"], tmp_path / "empty")
    assert empty.returncode == 0 and "no models registered" in empty.stdout


def test_compare_table_and_json(trained):
    data_dir, a, b = trained["data_dir"], trained["a"], trained["b"]
    args = [
        "models",
        "compare",
        a,
        str(trained["out"].parent / "data" / "models" / b),
        "--data",
        str(trained["held_out"]),
    ]
    table = run([*args, "--resamples", "200"], data_dir)
    assert table.returncode == 0, table.stderr
    assert f"A = {a}" in table.stdout and f"B = {b}" in table.stdout
    assert "pr_auc 95% CI A" in table.stdout and "pr_auc B-A" in table.stdout
    lines = run([*args, "--resamples", "200", "--json"], data_dir).stdout.splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert result["data"] == "held_out.jsonl" and result["bootstrap"]["resamples"] == 200
    assert result["a"]["model_version"] == a and len(result["a"]["pr_auc_ci95"]) == 2
    assert_one_line_error(run([*args, "--resamples", "5"], data_dir), 2, "--resamples must be at least 100")


def test_eval_report_is_redacted(trained):
    data_dir, base = trained["data_dir"], trained["base"]
    report = base / "report"
    result = run(
        [
            "eval",
            "--model",
            trained["a"],
            "--data",
            str(trained["held_out"]),
            "--json",
            "--report",
            str(report),
        ],
        data_dir,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["n"] == 60  # stdout stays the contract's JSON
    assert "report written to" in result.stderr
    html = (report / "index.html").read_text(encoding="utf-8")
    assert PLANTED_EMAIL not in html and "[EMAIL:" in html
    assert (report / "01-pr.png").stat().st_size > 1000
    refused = run(
        ["eval", "--data", str(trained["held_out"]), "--cv", "2", "--report", str(report)], data_dir
    )
    assert_one_line_error(refused, 2, "cannot be combined with --cv")


@pytest.mark.parametrize("command", ["list", "show", "add", "promote", "compare"])
def test_models_help(command, tmp_path):
    result = run(["models", command, "--help"], tmp_path)
    assert result.returncode == 0 and "Usage" in result.stdout
