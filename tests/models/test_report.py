"""`eval --report`: the HTML report's parts, escaping and redaction, and that Chromium renders it cleanly."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np
import pytest

from models.evaluate import evaluate_file
from models.modeldir import load_model, save_model
from models.pipeline import ModelSpec
from models.report import (
    WITHHELD,
    Section,
    confusion,
    extremes,
    indicator_precision,
    predictions,
    write_report,
)
from models.train import train
from tests.factories import TEST_FILE, read_jsonl, small_corpus, write_jsonl

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)> Pasaje pagado, se descuenta del sueldo"


def fake_redact(text: str) -> str:
    return text.replace("maria@example.com", "[EMAIL:000000000000]")


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory, encoders) -> Path:
    base = tmp_path_factory.mktemp("report")
    data = write_jsonl(base / "small.jsonl", small_corpus(per_family=2))
    fitted, manifest = train([data], ModelSpec(kind="lexical", folds=3), encoders, quiet=True)
    save_model(base / "model", fitted.pipeline, fitted.calibrator, manifest)
    model = load_model(base / "model", encoders)
    rows = read_jsonl(TEST_FILE)[:30]  # fewer than 20 negatives: every one is listed
    rows.append({"id": "hostile", "text": HOSTILE + " Escribe a maria@example.com", "label": 0, "lang": "es"})
    held_out = write_jsonl(base / "held_out.jsonl", rows)
    negatives_only = write_jsonl(
        base / "negatives.jsonl",
        [
            {"id": f"n{i}", "text": t, "label": 0, "source": "manual"}
            for i, t in enumerate(["Vendo bici", "Alquilo"])
        ],
    )
    sections = []
    for path in (held_out, negatives_only):
        records, probs = predictions(model, path)
        sections.append(Section(evaluate_file(model, path), records, probs))
    write_report(base / "out", model, sections, fake_redact)
    return base / "out"


def test_confusion_and_extremes():
    y = np.array([1, 1, 0, 0, 0])
    probs = np.array([0.9, 0.2, 0.8, 0.1, 0.5])
    assert confusion(y, probs, 0.5) == {"tp": 1, "fp": 2, "fn": 1, "tn": 1}
    records = [{"id": i, "text": f"ad {i}", "label": int(v), "lang": "es"} for i, v in enumerate(y)]
    shown = extremes(records, probs, str.upper, k=2)
    assert [a["id"] for a in shown["negatives"]] == [2, 4] and shown["negatives"][0]["text"] == "AD 2"
    assert [a["id"] for a in shown["positives"]] == [1, 0]
    assert extremes(records, probs, None)["positives"][0]["text"] == WITHHELD


def test_indicator_precision():
    fee = "Pagas una cuota de inscripción de 200 dólares para el puesto."
    passport = "Nosotros guardamos tu pasaporte mientras trabajas."
    records = [
        {"id": 1, "text": fee, "label": 1},
        {"id": 2, "text": fee, "label": 0},
        {"id": 3, "text": passport, "label": 1},
        {"id": 4, "text": "Vendo bicicleta", "label": 0},
    ]
    rows = {r["code"]: r for r in indicator_precision(records, np.array([0.9, 0.8, 0.1, 0.9]), 0.5)}
    assert rows["RECRUITMENT_FEE"]["flagged"] == 2 and rows["RECRUITMENT_FEE"]["precision"] == 0.5
    assert "DOCUMENT_RETENTION" not in rows  # shown only by an ad that was not flagged
    assert rows["RECRUITMENT_FEE"]["name"] != "RECRUITMENT_FEE"


def test_report_files_escaping_and_redaction(report_dir):
    names = {p.name for p in report_dir.iterdir()}
    assert {
        "index.html",
        "report.json",
        "01-pr.png",
        "01-roc.png",
        "01-calibration.png",
        "02-calibration.png",
    } == names
    assert "02-pr.png" not in names  # one label only: no curves, and the page says so
    html = (report_dir / "index.html").read_text(encoding="utf-8")
    assert "<script" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "maria@example.com" not in html and "[EMAIL:000000000000]" in html
    for heading in (
        "Confusion matrix",
        "Per-indicator precision",
        "highest-scored negatives",
        "lowest-scored positives",
    ):
        assert heading in html
    assert "lang=es" in html and "source=synthetic" in html and "source=manual" in html


def _chromium_or_skip(path: str = CHROMIUM) -> None:
    """Under CI=true a missing browser fails the test (the contract); locally it skips."""
    if Path(path).exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"Chromium is required under CI=true and is missing at {path}")
    pytest.skip(f"Chromium not installed at {path}")


def test_missing_chromium_fails_under_ci(monkeypatch, tmp_path):
    missing = str(tmp_path / "no-chromium")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="required under CI=true"):
        _chromium_or_skip(missing)
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        _chromium_or_skip(missing)


def test_report_opens_in_chromium_without_errors(report_dir, tmp_path):
    _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    site = tmp_path / "site"
    shutil.copytree(report_dir, site)
    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.on(
                "console",
                lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
            )
            page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
            page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url}"))
            page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
            page.goto((site / "index.html").as_uri(), wait_until="load")
            images = page.eval_on_selector_all(
                "img", "imgs => imgs.map(i => [i.getAttribute('src'), i.complete, i.naturalWidth])"
            )
            title = page.title()
            hostile_cell = page.inner_text("text=Pasaje pagado, se descuenta del sueldo >> nth=0")
        finally:
            browser.close()
    assert problems == []
    assert len(images) == 4, images
    assert all(complete and width > 0 for _, complete, width in images), images
    assert title.startswith("Baliza evaluation")
    assert "<script>alert('x')</script>" in hostile_cell  # shown as text, never run
