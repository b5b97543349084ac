"""A model is a directory: `manifest.json`, `encoder.json`, `head.skops` and a `README.md` card.

The head (vectorisers, indicator and embedding feature steps, logistic regression, calibrator) is
saved with skops and loaded only after checking every type it holds against an explicit allow-list:
a model file from elsewhere can never run code on load, as a pickle could.
"""

from __future__ import annotations

import functools
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import skops.io as sio
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from baliza.errors import InputError
from models.card import render_card
from models.encoders import PACKAGES, Encoders
from models.explain import per_code
from models.pipeline import bind_encoders
from models.threshold import calibrated

HEAD_FILE = "head.skops"
MANIFEST_FILE = "manifest.json"
ENCODER_FILE = "encoder.json"
CARD_FILE = "README.md"

# Types skops may rebuild from a Baliza head; anything else in a file is refused.
TRUSTED_TYPES = frozenset(
    {
        "builtins.dict",
        "builtins.list",
        "builtins.tuple",
        "builtins.float",
        "builtins.int",
        "builtins.str",
        "builtins.slice",
        "models.features.EmbeddingFeatures",
        "models.features.IndicatorFeatures",
        "numpy.dtype",
        "numpy.float32",
        "numpy.float64",
        "numpy.int64",
        "numpy.ndarray",
        "scipy.sparse._csr.csr_matrix",
        "sklearn.feature_extraction.text.HashingVectorizer",
        "sklearn.feature_extraction.text.TfidfTransformer",
        "sklearn.linear_model._logistic.LogisticRegression",
        "sklearn.pipeline.FeatureUnion",
        "sklearn.pipeline.Pipeline",
    }
)


@dataclass
class Model:
    """A loaded model; its pipeline embeds through `encoders`, the holder it was loaded with."""

    path: Path
    manifest: dict
    pipeline: Pipeline
    calibrator: LogisticRegression
    encoders: Encoders

    @property
    def version(self) -> str:
        return self.manifest["model_version"]

    @property
    def threshold(self) -> float:
        return float(self.manifest["threshold"])

    @functools.cached_property
    def indicator_weights(self) -> dict[str, float]:
        """Per indicator code, how much its presence moves the score in log-odds (`models.explain`);
        {} for a model without indicator features. Computed once per loaded model."""
        return per_code(self.pipeline, self.calibrator)

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        """Calibrated probability that each text is a trafficking-recruitment ad."""
        if not texts:
            return np.zeros(0)
        return calibrated(self.calibrator, self.pipeline.decision_function(texts))


def save_model(out_dir: Path, pipeline: Pipeline, calibrator: LogisticRegression, manifest: dict) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    sio.dump(
        {"pipeline": pipeline, "calibrator": calibrator},
        out_dir / HEAD_FILE,
        compression=zipfile.ZIP_DEFLATED,
    )
    untrusted = set(sio.get_untrusted_types(file=out_dir / HEAD_FILE)) - TRUSTED_TYPES
    if untrusted:
        raise RuntimeError(f"model head holds types outside the allow-list: {sorted(untrusted)}")
    encoder = manifest.get("encoder")
    (out_dir / ENCODER_FILE).write_text(
        json.dumps({"name": encoder, "package": PACKAGES.get(encoder or "")}, indent=2) + "\n",
        encoding="utf-8",
    )
    write_manifest(out_dir, manifest)


def write_manifest(out_dir: Path, manifest: dict) -> None:
    """Write the manifest and re-render the card from it, so the two never disagree."""
    (out_dir / MANIFEST_FILE).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (out_dir / CARD_FILE).write_text(render_card(manifest), encoding="utf-8")


def read_model(path: Path) -> tuple[dict, Pipeline, LogisticRegression]:
    """A model directory's manifest, pipeline and calibrator, every type in its head checked against
    the allow-list; the pipeline is not bound to any `Encoders` yet.

    `load_model` binds it to score; the registry calls this alone, because vouching that a model
    loads needs no encoder.
    """
    path = Path(path)
    manifest_path = path / MANIFEST_FILE
    if not manifest_path.is_file() or not (path / HEAD_FILE).is_file():
        raise InputError(f"not a Baliza model directory (needs {MANIFEST_FILE} and {HEAD_FILE}): {path}")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{manifest_path}: invalid JSON ({exc.msg})") from None
    if manifest.get("format") != "baliza-model/1":
        raise InputError(f"{manifest_path}: unsupported model format {manifest.get('format')!r}")
    untrusted = set(sio.get_untrusted_types(file=path / HEAD_FILE))
    refused = untrusted - TRUSTED_TYPES
    if refused:
        raise InputError(f"{path / HEAD_FILE}: refusing to load untrusted types {sorted(refused)}")
    head = sio.load(path / HEAD_FILE, trusted=sorted(untrusted))
    if not (
        isinstance(head, dict)
        and isinstance(head.get("pipeline"), Pipeline)
        and isinstance(head.get("calibrator"), LogisticRegression)
    ):
        raise InputError(f"{path / HEAD_FILE}: not a Baliza model head (pipeline + calibrator)")
    return manifest, head["pipeline"], head["calibrator"]


def load_model(path: Path, encoders: Encoders) -> Model:
    """Load a model directory (`read_model`'s checks); its embedding step embeds through `encoders`,
    the caller's holder, so the caller decides which cache and which encoder instances it uses."""
    manifest, pipeline, calibrator = read_model(path)
    return Model(
        path=Path(path),
        manifest=manifest,
        pipeline=bind_encoders(pipeline, encoders),
        calibrator=calibrator,
        encoders=encoders,
    )
