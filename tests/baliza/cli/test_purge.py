"""`baliza purge` removes feeds and spool files past retention, and nothing younger."""

import os
import time

from tests.baliza.cli.test_cli import assert_one_line_error, run


def _file(path, age_days: float):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"id": "x", "text": "collected text"}\n')
    stamp = time.time() - age_days * 86_400
    os.utime(path, (stamp, stamp))
    return path


def test_purge_respects_retention(tmp_path):
    old_feed = _file(tmp_path / "feeds" / "old.jsonl", 100)
    old_spool = _file(tmp_path / "spool" / "ingest.jsonl", 95)
    fresh = _file(tmp_path / "feeds" / "fresh.jsonl", 3)
    result = run(["purge"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "purged 2 file(s) older than 90 day(s)" in result.stderr
    assert not old_feed.exists() and not old_spool.exists() and fresh.exists()


def test_purge_everything_and_bad_value(tmp_path):
    fresh = _file(tmp_path / "feeds" / "fresh.jsonl", 0)
    assert run(["purge", "--older-than", "0"], tmp_path).returncode == 0
    assert not fresh.exists()
    assert_one_line_error(run(["purge", "--older-than", "-1"], tmp_path), 2, "--older-than must be 0 or more")
