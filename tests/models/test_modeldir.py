"""Model directories load only with skops and an explicit allow-list of types."""

import json
import shutil

import pytest
import skops.io as sio
from sklearn.svm import SVC

from baliza.errors import InputError
from models.modeldir import load_model
from models.resolve import DEFAULT_MODEL_DIR, resolve_model
from tests.factories import FakeEncoder


def test_untrusted_type_in_head_is_refused(tmp_path, encoders):
    target = tmp_path / "evil"
    shutil.copytree(DEFAULT_MODEL_DIR, target)
    sio.dump({"pipeline": FakeEncoder(), "calibrator": SVC()}, target / "head.skops")
    with pytest.raises(InputError, match=r"untrusted types \['tests.factories.FakeEncoder'\]"):
        load_model(target, encoders)


def test_trusted_but_wrong_head_is_refused(tmp_path, encoders):
    target = tmp_path / "odd"
    shutil.copytree(DEFAULT_MODEL_DIR, target)
    sio.dump({"pipeline": SVC(), "calibrator": SVC()}, target / "head.skops")
    with pytest.raises(InputError, match="not a Baliza model head"):
        load_model(target, encoders)


def test_not_a_model_directory(tmp_path, encoders):
    with pytest.raises(InputError, match="not a Baliza model directory"):
        load_model(tmp_path, encoders)


def test_unknown_format_is_refused(tmp_path, encoders):
    target = tmp_path / "old"
    shutil.copytree(DEFAULT_MODEL_DIR, target)
    manifest = json.loads((target / "manifest.json").read_text())
    manifest["format"] = "something-else"
    (target / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(InputError, match="unsupported model format"):
        load_model(target, encoders)


def test_resolution_order(tmp_path):
    data_dir = tmp_path / "data"
    assert resolve_model(None, None, data_dir) == DEFAULT_MODEL_DIR
    promoted = data_dir / "models" / "v-promoted"
    shutil.copytree(DEFAULT_MODEL_DIR, promoted)
    (data_dir / "models" / "PROMOTED").write_text("v-promoted\n")
    assert resolve_model(None, None, data_dir) == promoted
    other = tmp_path / "other"
    shutil.copytree(DEFAULT_MODEL_DIR, other)
    assert resolve_model(None, str(other), data_dir) == other
    assert resolve_model(str(DEFAULT_MODEL_DIR), str(other), data_dir) == DEFAULT_MODEL_DIR
    assert resolve_model("v-promoted", None, data_dir) == promoted
    with pytest.raises(InputError, match="unknown model"):
        resolve_model("nope", None, data_dir)


def test_shipped_default_is_small_and_loads(encoders):
    size = sum(p.stat().st_size for p in DEFAULT_MODEL_DIR.iterdir())
    assert size < 25 * 1024 * 1024
    model = load_model(DEFAULT_MODEL_DIR, encoders)
    assert model.manifest["encoder"] in ("use-m3", "e5-small", "minilm", None)
