"""The registry: versions copied in once, a conflicting copy refused, promotion that resolution sees."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from baliza.errors import InputError
from models import registry
from models.modeldir import load_model, save_model, write_manifest
from models.pipeline import ModelSpec
from models.resolve import resolve_model
from models.train import train
from tests.factories import small_corpus, write_jsonl


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory, encoders) -> Path:
    base = tmp_path_factory.mktemp("registry")
    data = write_jsonl(base / "small.jsonl", small_corpus(per_family=2))
    fitted, manifest = train([data], ModelSpec(kind="lexical", folds=3), encoders, quiet=True)
    save_model(base / "model", fitted.pipeline, fitted.calibrator, manifest)
    return base / "model"


def _renamed(source: Path, target: Path, version: str) -> Path:
    """A copy of a model under another version (a stand-in for a second training run)."""
    shutil.copytree(source, target)
    manifest = json.loads((target / "manifest.json").read_text())
    manifest["model_version"] = version
    write_manifest(target, manifest)
    return target


def test_file_names_agree_with_modeldir():
    from models import modeldir

    assert (registry.MANIFEST_FILE, registry.HEAD_FILE, registry.CARD_FILE) == (
        modeldir.MANIFEST_FILE,
        modeldir.HEAD_FILE,
        modeldir.CARD_FILE,
    )


def test_add_copies_once_with_its_card(model_dir, tmp_path, encoders):
    data_dir = tmp_path / "data"
    entry, added = registry.add(model_dir, data_dir)
    version = load_model(model_dir, encoders).version
    assert added and entry.version == version
    assert entry.path == data_dir / "models" / version and entry.path != model_dir
    assert (entry.path / "README.md").read_text() == (model_dir / "README.md").read_text()
    assert f"`{version}`" in registry.card(entry)
    again, added_again = registry.add(model_dir, data_dir)
    assert not added_again and again.path == entry.path
    assert [p.name for p in (data_dir / "models").iterdir()] == [version]  # no staging left behind


def test_a_different_model_under_a_taken_version_is_refused(model_dir, tmp_path):
    data_dir = tmp_path / "data"
    registry.add(model_dir, data_dir)
    tampered = tmp_path / "tampered"
    shutil.copytree(model_dir, tampered)
    manifest = json.loads((tampered / "manifest.json").read_text())
    manifest["threshold"] = 0.5
    write_manifest(tampered, manifest)
    with pytest.raises(InputError, match="different model under version"):
        registry.add(tampered, data_dir)


def test_add_refuses_what_is_not_a_model(tmp_path):
    with pytest.raises(InputError, match="not a Baliza model directory"):
        registry.add(tmp_path, tmp_path / "data")


def test_promote_list_and_resolution(model_dir, tmp_path):
    data_dir = tmp_path / "data"
    first, _ = registry.add(model_dir, data_dir)
    second, _ = registry.add(_renamed(model_dir, tmp_path / "v2", "lexical-lexical-second"), data_dir)
    assert registry.promoted_version(data_dir) is None
    assert registry.promote(second.version, data_dir) == (None, second.version)
    assert resolve_model(None, None, data_dir) == second.path
    assert registry.promote(first.version, data_dir) == (second.version, first.version)
    assert resolve_model(None, None, data_dir) == first.path
    listed = registry.entries(data_dir)
    assert {e.version for e in listed} == {first.version, second.version}
    assert [e.version for e in listed if e.promoted] == [first.version]
    summary = next(e for e in listed if e.promoted).summary()
    assert summary["kind"] == "lexical" and summary["out_of_fold"]["pr_auc"] is not None
    assert summary["training_files"] == ["small.jsonl"]
    assert registry.get(first.version, data_dir).promoted


def test_promote_unknown_version(tmp_path):
    with pytest.raises(InputError, match="unknown version 'nope'"):
        registry.promote("nope", tmp_path / "data")
    with pytest.raises(InputError, match="unknown version"):
        registry.promote("../escape", tmp_path / "data")
