"""Train → save → reload (skops) → score → eval on a small corpus, with the fake encoder."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from baliza.errors import InputError
from models.ad import Ad
from models.encoders import Encoders
from models.encoders.cache import text_key
from models.evaluate import cross_validate_file, evaluate_file
from models.fingerprint import indicator_fingerprint
from models.modeldir import load_model, save_model
from models.pipeline import ModelSpec
from models.scoring import score_ads, score_records
from models.train import train
from tests.factories import TEST_FILE, FakeEncoder, small_corpus, write_jsonl

SPEC = ModelSpec(kind="hybrid", encoder="fake-hash", folds=3)


@pytest.fixture(scope="module")
def trained(tmp_path_factory, encoders) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("train")
    data = write_jsonl(base / "small.jsonl", small_corpus(per_family=5))
    fitted, manifest = train([data], SPEC, encoders, quiet=True)
    save_model(base / "model", fitted.pipeline, fitted.calibrator, manifest)
    return base / "model", data


def test_model_directory_shape(trained):
    model_dir, data = trained
    assert {p.name for p in model_dir.iterdir()} == {
        "manifest.json",
        "encoder.json",
        "head.skops",
        "README.md",
    }
    manifest = json.loads((model_dir / "manifest.json").read_text())
    assert manifest["encoder"] == "fake-hash"
    assert 0 < manifest["threshold"] < 1
    assert manifest["data"][0]["file"] == data.name and len(manifest["data"][0]["sha256"]) == 64
    assert manifest["metrics"]["out_of_fold"]["pr_auc"] > 0.5
    assert manifest["model_version"] in (model_dir / "README.md").read_text()
    texts = [json.loads(line)["text"] for line in data.read_text().splitlines()]
    assert manifest["indicator_codes_sha256"] == indicator_fingerprint(texts)


def test_training_is_reproducible(trained, encoders):
    model_dir, data = trained
    fitted, manifest = train([data], SPEC, encoders, quiet=True)
    first = json.loads((model_dir / "manifest.json").read_text())
    assert manifest["model_version"] == first["model_version"]
    assert manifest["threshold"] == first["threshold"]
    texts = ["Pasaje pagado, se descuenta del sueldo. Solo WhatsApp.", "Vendo sofá de tres cuerpos"]
    reloaded = load_model(model_dir, encoders)
    again = fitted.calibrator.predict_proba(fitted.pipeline.decision_function(texts).reshape(-1, 1))[:, 1]
    assert np.allclose(reloaded.predict_proba(texts), again)


def test_reload_scores_like_the_contract(trained, encoders):
    model = load_model(trained[0], encoders)
    records = [
        {
            "id": "a",
            "text": "Señoritas de buena presencia para trabajar en Japón. Te pagamos el pasaje y "
            "lo descuentas de tu sueldo. Nosotros guardamos tu pasaporte. Solo WhatsApp.",
        },
        {"id": "b", "text": "Vendo heladera usada, funciona perfecto", "lang": "es"},
    ]
    results = score_records(model, records)
    assert [r["id"] for r in results] == ["a", "b"]
    assert set(results[0]) == {
        "id", "score", "flagged", "flag_reasons", "child_risk", "indicators", "lang", "model_version"
    }  # fmt: skip
    assert results[0]["score"] > results[1]["score"]
    assert results[0]["lang"] == "es"
    codes = {i["code"] for i in results[0]["indicators"]}
    assert {"TRAVEL_DEDUCTED", "DOCUMENT_RETENTION"} <= codes
    for span in results[0]["indicators"]:
        assert 0 <= span["start"] < span["end"] <= len(records[0]["text"])
    assert results[1]["indicators"] == []
    # The overlapped scoring path gives exactly the pipeline's probabilities, in input order.
    many = [{"id": i, "text": r["text"]} for i, r in enumerate(small_corpus(per_family=2))]
    scored = score_records(model, many, batch_size=16)
    expected = model.predict_proba([r["text"] for r in many])
    assert np.allclose([r["score"] for r in scored], expected, atol=1e-6)


def test_eval_on_held_out_families(trained, encoders):
    report = evaluate_file(load_model(trained[0], encoders), TEST_FILE)
    assert report["n"] > 500 and report["positives"] > 100
    assert set(report["per_lang"]) == {"en", "es"}
    assert report["per_source"].keys() == {"synthetic"}
    assert report["pr_auc"] > 0.6


def test_eval_marks_a_training_file_as_in_sample(trained, encoders):
    model_dir, data = trained
    assert evaluate_file(load_model(model_dir, encoders), data)["method"].startswith("in-sample")
    assert evaluate_file(load_model(model_dir, encoders), TEST_FILE)["method"] == "held-out"


def test_eval_file_without_positives(trained, tmp_path, encoders):
    negatives = [
        {"id": i, "text": t, "label": 0, "lang": "es"} for i, t in enumerate(["Vendo bici", "Alquilo depto"])
    ]
    report = evaluate_file(load_model(trained[0], encoders), write_jsonl(tmp_path / "neg.jsonl", negatives))
    assert report["pr_auc"] is None and report["roc_auc"] is None
    assert report["fpr"] is not None


def test_cross_validation_refits_per_fold(trained, tmp_path, encoders):
    model = load_model(trained[0], encoders)
    extra = write_jsonl(tmp_path / "extra.jsonl", small_corpus(TEST_FILE, per_family=2, seed=3))
    report = cross_validate_file(model, extra, k=2)
    assert report["method"] == "cv2" and report["n"] == len(small_corpus(TEST_FILE, per_family=2, seed=3))
    assert report["pr_auc"] is not None


def test_training_needs_both_labels(tmp_path, encoders):
    rows = [{"id": i, "text": f"vendo cosa {i}", "label": 0, "family": f"f{i}"} for i in range(6)]
    with pytest.raises(InputError, match="two groups"):
        train([write_jsonl(tmp_path / "neg.jsonl", rows)], SPEC, encoders, quiet=True)


def test_a_model_embeds_through_the_holder_it_was_loaded_with(trained, encoders):
    own = Encoders(factories={FakeEncoder.name: FakeEncoder})
    model = load_model(trained[0], own)
    assert model.encoders is own
    text = "Texto que ningún otro test puntúa, para ver qué caché lo guarda"
    score_records(model, [{"id": 1, "text": text}])
    key = text_key(FakeEncoder.name, text)
    assert list(own.cache.get_many([key])) == [key]
    assert not encoders.cache.get_many([key])


def test_score_ads_is_what_score_records_writes(trained, encoders):
    model = load_model(trained[0], encoders)
    ads = [
        Ad(id="a", text="Te pagamos el pasaje y lo descuentas de tu sueldo. Solo WhatsApp."),
        Ad(id="b", text="Vendo heladera usada, funciona perfecto", lang="es"),
    ]
    scored = score_ads(model, ads, batch_size=1)
    assert [s.to_json() for s in scored] == score_records(model, [ad.to_json() for ad in ads])
    assert [s.lang for s in scored] == ["es", "es"] and ads[0].lang is None  # detected, input untouched
