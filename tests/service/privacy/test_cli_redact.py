"""`baliza redact` as a real process: JSONL round trip, stable tokens per data dir, one-line errors."""

from __future__ import annotations

import json

from tests.baliza.cli.test_cli import assert_one_line_error, run

ADS = [
    {"id": "a", "text": "Bogotá, llama 300 1234567 o ana (arroba) correo . com"},
    {"id": 2, "text": "Colombia: +57 300 123 4567, IG: @Reclutador"},
]


def test_round_trip_and_stable_tokens(tmp_path):
    stdin = "".join(json.dumps(ad, ensure_ascii=False) + "\n" for ad in ADS)
    first = run(["redact"], tmp_path, stdin=stdin)
    assert first.returncode == 0, first.stderr
    rows = [json.loads(line) for line in first.stdout.splitlines()]
    assert [row["id"] for row in rows] == ["a", 2]
    for row in rows:
        assert set(row) == {"id", "text", "pseudonyms"}
        for p in row["pseudonyms"]:
            assert (
                set(p) == {"kind", "token", "start", "end"}
                and row["text"][p["start"] : p["end"]] == p["token"]
            )
    assert rows[0]["pseudonyms"][0]["token"] == rows[1]["pseudonyms"][0]["token"]
    assert "1234567" not in first.stdout and "correo" not in first.stdout and "eclutador" not in first.stdout

    source = tmp_path / "ads.jsonl"
    source.write_text(stdin, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    again = run(["redact", str(source), "--out", str(out)], tmp_path)
    assert again.returncode == 0 and again.stdout == ""
    assert out.read_text(encoding="utf-8") == first.stdout


def test_missing_file_and_bad_line(tmp_path):
    assert_one_line_error(run(["redact", str(tmp_path / "nope.jsonl")], tmp_path), 2, "file not found")
    assert_one_line_error(
        run(["redact"], tmp_path, stdin='{"id": 1}\n'), 2, "<stdin>:1: missing or invalid 'text'"
    )


def test_help(tmp_path):
    result = run(["redact", "--help"], tmp_path)
    assert result.returncode == 0 and "Usage" in result.stdout and "pseudonym" in result.stdout
