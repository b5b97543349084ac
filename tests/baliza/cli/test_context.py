"""The run's `Encoders`: one per run of `baliza`, on the data dir's embedding cache, so a second run
on the same ads reads their vectors instead of encoding them again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from baliza.cli import app
from baliza.cli._context import CliContext
from baliza.settings import Settings
from models.modeldir import save_model
from models.pipeline import ModelSpec
from models.train import train
from tests.factories import TEST_FILE, FakeEncoder, read_jsonl, small_corpus, write_jsonl


@pytest.fixture(scope="module")
def fake_model(tmp_path_factory, encoders) -> Path:
    base = tmp_path_factory.mktemp("context-model")
    data = write_jsonl(base / "small.jsonl", small_corpus(per_family=2))
    fitted, manifest = train(
        [data], ModelSpec(kind="hybrid", encoder="fake-hash", folds=3), encoders, quiet=True
    )
    save_model(base / "model", fitted.pipeline, fitted.calibrator, manifest)
    return base / "model"


def _run(settings: Settings) -> CliContext:
    """A run's context whose holder also knows the fake encoder (registered before first use)."""
    context = CliContext(settings)
    context.encoders.register(FakeEncoder.name, FakeEncoder)
    return context


def test_the_encoders_are_built_once_per_run_on_the_data_dirs_cache(tmp_path):
    settings = Settings(data_dir=tmp_path / "data")
    context = CliContext(settings)
    assert context.encoders is context.encoders
    assert settings.embedding_cache.is_file() and settings.embedding_cache.stat().st_mode & 0o777 == 0o600


def test_a_second_score_run_reads_the_cache_instead_of_encoding(tmp_path, fake_model):
    settings = Settings(data_dir=tmp_path / "data", model=str(fake_model))
    ads = write_jsonl(
        tmp_path / "ads.jsonl", [{"id": r["id"], "text": r["text"]} for r in read_jsonl(TEST_FILE)[:40]]
    )
    before = FakeEncoder.calls
    first = CliRunner().invoke(app, ["score", str(ads)], obj=_run(settings))
    assert first.exit_code == 0, first.output
    assert FakeEncoder.calls > before
    size, calls = settings.embedding_cache.stat().st_size, FakeEncoder.calls
    second = CliRunner().invoke(app, ["score", str(ads)], obj=_run(settings))
    assert second.exit_code == 0, second.output
    assert FakeEncoder.calls == calls and settings.embedding_cache.stat().st_size == size
    assert [json.loads(line) for line in second.stdout.splitlines()] == [
        json.loads(line) for line in first.stdout.splitlines()
    ]
