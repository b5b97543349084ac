"""The researchers' loop end to end: analysts decide in the queue, a researcher exports the
decisions, `baliza train` (the real console script) retrains on them next to synthetic data into the
registry, and `baliza models list` / `show` show the new version with its provenance.

Runs once per database backend, like the API tests whose fixtures it borrows.
"""

from __future__ import annotations

import json

from tests.baliza.cli.test_cli import run
from tests.factories import small_corpus, write_jsonl
from tests.service.api import conftest as api
from tests.service.api.helpers import claim, decide, queue_items

# The API tests' fixtures (a live service per database backend), found by pytest by these names.
database_url, postgres_template, settings = api.database_url, api.postgres_template, api.settings
postgres_url = api.postgres_url
service, service_model = api.service, api.service_model


def _decide_in_the_queue(service) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Six settled items (one reviewers disagreed on, one uncertainty-sampled) and one open escalation."""
    queue_items(service, 7)
    analyst, supervisor = service.user("analyst"), service.user("supervisor")
    for decision, reason in [
        ("confirm", "indicators-present"),
        ("confirm", "indicators-present"),
        ("dismiss", "legitimate-offer"),
        ("dismiss", "insufficient-evidence"),
    ]:
        item_id = claim(service, analyst)
        assert decide(service, analyst, item_id, decision, reason).status_code == 200
    contested = claim(service, analyst)
    assert (
        decide(service, analyst, contested, "escalate", "possible-minor", lean="confirm").status_code == 200
    )
    assert claim(service, supervisor, state="escalated") == contested
    assert decide(service, supervisor, contested, "dismiss", "insufficient-evidence").status_code == 200
    open_one = claim(service, analyst)  # escalated and never settled: not in the export
    assert decide(service, analyst, open_one, "escalate", "needs-second-opinion").status_code == 200
    service.state.settings.uncertainty_share = 1.0
    sampled = claim(service, analyst)
    assert decide(service, analyst, sampled, "confirm", "indicators-present").status_code == 200
    return {"contested": contested, "open": open_one, "sampled": sampled}


def test_retrain_from_a_decisions_export_into_the_registry(service, tmp_path):
    ids = _decide_in_the_queue(service)
    export = service.client.get("/v1/export/decisions", headers=service.user("researcher"))
    assert export.status_code == 200, export.text
    rows = [json.loads(line) for line in export.text.splitlines()]
    assert len(rows) == 6 and f"item-{ids['open']}" not in {r["id"] for r in rows}
    decisions = tmp_path / "decisions.jsonl"
    decisions.write_text(export.text, encoding="utf-8")
    synthetic = write_jsonl(tmp_path / "synthetic.jsonl", small_corpus(per_family=2, seed=5))
    data_dir = service.state.settings.data_dir

    trained = run(
        ["train", "--data", str(synthetic), "--data", str(decisions), "--kind", "lexical", "--quiet"],
        data_dir,
    )
    assert trained.returncode == 0, trained.stderr
    version = trained.stdout.split(" -> ")[0].strip()
    assert version.startswith("lexical-lexical-")

    listed = json.loads(run(["models", "list", "--json"], data_dir).stdout)
    [entry] = [e for e in listed if e["version"] == version]
    assert entry["training_files"] == ["synthetic.jsonl", "decisions.jsonl"]
    manifest = json.loads((data_dir / "models" / version / "manifest.json").read_text(encoding="utf-8"))
    d = manifest["data"][1]
    assert (d["file"], d["provenance"], d["n"], d["positives"], d["trained"]) == (
        "decisions.jsonl",
        {"analyst-decision": 6},
        6,
        3,
        5,
    )
    assert (d["held_out_disagreement"], d["held_out_ids"]) == (1, [f"item-{ids['contested']}"])
    assert d["uncertainty_sampled"] == 1 and set(d["sources"]) == {r["source"] for r in rows}
    assert manifest["metrics"]["out_of_fold_per_provenance"]["analyst-decision"]["n"] == 5

    shown = run(["models", "show", version], data_dir)
    assert shown.returncode == 0, shown.stderr
    assert f"version:    {version}" in shown.stdout and "synthetic.jsonl, decisions.jsonl" in shown.stdout
    card_row = next(line for line in shown.stdout.splitlines() if line.startswith("| decisions.jsonl |"))
    assert "analyst-decision: 6" in card_row and "| 6 | 3 | 5 | 1 (0 positive) | 1 |" in card_row
    assert "held out of training (1;" in shown.stdout
