"""Training from an export of analysts' decisions next to a dataset: provenance, held-out
disagreements, pseudonym-linked fold groups, and the data card of the run."""

from __future__ import annotations

import numpy as np
import pytest

from models.card import render_card
from models.pipeline import ModelSpec
from models.provenance import group_keys, split_held_out
from models.train import fit, train
from tests.factories import TEST_FILE, read_jsonl, small_corpus, write_jsonl

SPEC = ModelSpec(kind="lexical", folds=3)
PHONE = "[PHONE:0123456789ab]"


def decision_rows() -> list[dict]:
    """24 rows shaped like `baliza export decisions`: 3 disagreements, 4 uncertainty-sampled."""
    test = read_jsonl(TEST_FILE)
    picked = [r for r in test if r["label"] == 1][:12] + [r for r in test if r["label"] == 0][:12]
    rows = []
    for i, r in enumerate(picked):
        rows.append(
            {
                "id": f"item-{i + 1}",
                "text": r["text"] + (f"\nLlama al {PHONE}" if i in (0, 1, 2) else ""),
                "label": r["label"],
                "lang": r["lang"],
                "source": "partner:acme" if i % 2 else "crawl:site",
                "indicators": r["indicators"],
                "score": 0.8,
                "model_version": "lexical-lexical-0000000000",
                "decided_by": [{"user": "ana", "role": "analyst", "decision": "confirm"}],
                "disagreement": i in (3, 4, 15),
                "provenance": "analyst-decision",
                "uncertainty_sampled": i in (5, 6, 7, 20),
            }
        )
    return rows


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    base = tmp_path_factory.mktemp("decisions")
    synthetic = write_jsonl(base / "synthetic.jsonl", small_corpus(per_family=3))
    decisions = write_jsonl(base / "decisions.jsonl", decision_rows())
    return synthetic, decisions


@pytest.fixture(scope="module")
def trained(files, encoders):
    return train(list(files), SPEC, encoders, quiet=True)


def test_manifest_keeps_provenance_and_counts_per_file(files, trained):
    synthetic, decisions = files
    _, manifest = trained
    entries = {d["file"]: d for d in manifest["data"]}
    d = entries[decisions.name]
    assert (d["n"], d["positives"], d["trained"]) == (24, 12, 21)
    assert d["provenance"] == {"analyst-decision": 24}
    assert d["sources"] == {"crawl:site": 12, "partner:acme": 12}
    assert (d["held_out_disagreement"], d["held_out_positives"]) == (3, 2)
    assert d["held_out_ids"] == ["item-4", "item-5", "item-16"]
    assert d["uncertainty_sampled"] == 4
    s = entries[synthetic.name]
    assert s["provenance"] == {"dataset": s["n"]} and s["sources"] == {"synthetic": s["n"]}
    assert (s["trained"], s["held_out_disagreement"], s["held_out_ids"]) == (s["n"], 0, [])


def test_held_out_rows_are_not_in_the_figures(trained):
    _, manifest = trained
    entries = {d["file"]: d for d in manifest["data"]}
    trained_rows = sum(d["trained"] for d in manifest["data"])
    metrics = manifest["metrics"]
    assert metrics["out_of_fold"]["n"] == trained_rows
    per_provenance = metrics["out_of_fold_per_provenance"]
    assert per_provenance["analyst-decision"]["n"] == 21
    assert per_provenance["dataset"]["n"] == entries["synthetic.jsonl"]["n"]
    assert metrics["out_of_fold_per_file"]["decisions.jsonl"]["n"] == 21


def test_disagreements_never_reach_the_fit(files, encoders):
    """Fitting with the disagreed rows gives exactly the model fitted without them."""
    rows = small_corpus(per_family=2) + decision_rows()
    kept, held = split_held_out(rows)
    assert len(held) == 3 and all(r["disagreement"] for r in held)
    with_held, without = fit(rows, SPEC, encoders), fit(kept, SPEC, encoders)
    texts = [r["text"] for r in held]
    assert np.allclose(with_held.pipeline.decision_function(texts), without.pipeline.decision_function(texts))
    assert with_held.threshold == without.threshold and len(with_held.oof_probs) == len(kept)


def test_rows_without_family_are_grouped_by_shared_pseudonyms():
    rows = [
        {"id": "a", "_file": "d.jsonl", "text": f"trabajo {PHONE}"},
        {"id": "b", "_file": "d.jsonl", "text": f"otro {PHONE} y [EMAIL:ffffffffffff]"},
        {"id": "c", "_file": "d.jsonl", "text": "escribe a [EMAIL:ffffffffffff]"},
        {"id": "d", "_file": "d.jsonl", "text": "sin contacto"},
        {"id": "e", "_file": "s.jsonl", "text": f"plantilla {PHONE}", "family": "es-pos-x"},
    ]
    keys = group_keys(rows)
    assert keys[0] == keys[1] == keys[2] == "linked:d.jsonl:a"  # a-b by phone, b-c by e-mail
    assert keys[3] == "d.jsonl:d" and keys[4] == "es-pos-x"


def test_data_card_lists_every_source_with_held_out_counts(trained):
    _, manifest = trained
    card = render_card(manifest)
    assert "## Training data (data card of this run)" in card
    row = next(line for line in card.splitlines() if line.startswith("| decisions.jsonl | analyst-decision"))
    assert "crawl:site: 12, partner:acme: 12" in row and "| 24 | 12 | 21 | 3 (2 positive) | 4 |" in row
    assert "| synthetic.jsonl | dataset: " in card
    assert "held out of training (3;" in card and "Per label provenance:" in card


def test_card_renders_manifests_written_before_provenance(trained):
    _, manifest = trained
    old = {
        **manifest,
        "data": [
            {k: d[k] for k in ("path", "file", "sha256", "n", "positives", "langs")} for d in manifest["data"]
        ],
    }
    old["metrics"] = {k: v for k, v in manifest["metrics"].items() if k != "out_of_fold_per_provenance"}
    card = render_card(old)
    assert "| decisions.jsonl | — | — | 24 | 12 | 24 | — | — |" in card
    assert "Per label provenance:" not in card
