"""Render research/results.jsonl as the Markdown table in research/README.md (last run of each config)."""

import json
from pathlib import Path

rows = {}
for line in (Path(__file__).parent / "results.jsonl").read_text().splitlines():
    r = json.loads(line)
    rows[r["config"]] = {**rows.get(r["config"], {}), **r}


def f(v, p=3):
    return "" if v is None else (f"{v:.{p}f}" if isinstance(v, float) else str(v))


HEAD = "config | DIFrauD CV PR-AUC | ROC-AUC | R@P90 | EURES FPR | synth test PR-AUC | es P/R | en P/R | s"
print(f"| {HEAD} |")
print("|---|---|---|---|---|---|---|---|---|")
for r in rows.values():
    es = f"{f(r.get('test_es_precision'))}/{f(r.get('test_es_recall'))}" if "test_es_recall" in r else ""
    en = f"{f(r.get('test_en_precision'))}/{f(r.get('test_en_recall'))}" if "test_en_recall" in r else ""
    t = r.get("cv_seconds", 0) + r.get("full_seconds", 0)
    print(
        f"| {r['config']} | {f(r['dif_pr_auc'])} | {f(r['dif_roc_auc'])} | {f(r['dif_r_at_p90'])} | "
        f"{f(r.get('eures_fpr'), 4)} | {f(r.get('test_pr_auc'))} | {es} | {en} | {t} |"
    )
