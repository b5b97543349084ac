"""The model card (README.md of a model directory), rendered from the manifest alone.

Every figure in the card comes from the manifest, which `train` and `eval --record` write, so the
card cannot quote a number that no command measured. Its "Training data" section is the data card of
the training run: every file with its provenance, sources and counts, including the analysts'
decisions held out because reviewers disagreed (manifests written before those counts existed
render without them).
"""

from __future__ import annotations

_METRICS = ("n", "positives", "pr_auc", "roc_auc", "recall_at_precision_90", "precision", "recall", "fpr")


def _fmt(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.4f}" if 0 < value < 0.01 else f"{value:.3f}"
    return str(value)


def _table(rows: dict[str, dict], first: str) -> list[str]:
    lines = [f"| {first} | " + " | ".join(_METRICS) + " |", "|" + "---|" * (len(_METRICS) + 1)]
    for name, block in rows.items():
        lines.append(f"| {name} | " + " | ".join(_fmt(block.get(k)) for k in _METRICS) + " |")
    return lines


def _counts(block: dict | None) -> str:
    return ", ".join(f"{k}: {v}" for k, v in (block or {}).items()) or "—"


def _data_card(data: list[dict]) -> list[str]:
    """One row per training file; decisions held out for disagreement are counted, not trained on."""
    lines = [
        "## Training data (data card of this run)",
        "| file | provenance | sources | rows | positives | trained on | held out: reviewers disagreed "
        "| uncertainty-sampled | languages | sha256 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for d in data:
        held = d.get("held_out_disagreement")
        held_cell = "—" if held is None else f"{held} ({d.get('held_out_positives', 0)} positive)"
        lines.append(
            f"| {d['file']} | {_counts(d.get('provenance'))} | {_counts(d.get('sources'))} | {d['n']} "
            f"| {d['positives']} | {_fmt(d.get('trained', d['n']))} | {held_cell} "
            f"| {_fmt(d.get('uncertainty_sampled'))} | {_counts(d['langs'])} | `{d['sha256'][:12]}` |"
        )
    held_total = sum(d.get("held_out_disagreement") or 0 for d in data)
    lines += [
        "",
        "Labels keep their provenance: `dataset` (the label came with the file) or `analyst-decision`",
        "(an export of `baliza export decisions`: confirmed = 1, dismissed = 0, unsettled escalations",
        "left out). Decisions reviewers disagreed on are held out of training"
        + (
            f" ({held_total}; their ids are in `manifest.json`, `data[].held_out_ids`)."
            if held_total
            else "."
        ),
    ]
    return lines


def _policy_lines(block: dict) -> list[str]:
    """The flag policy's figures, child_risk recall and (with gold spans) the span table of one file."""
    lines: list[str] = []
    policy = block.get("policy")
    if policy:
        rows = {
            "all": policy,
            **{k: v["policy"] for k, v in (block.get("per_lang") or {}).items() if "policy" in v},
        }
        lines += ["", "Flag policy (score or decisive indicator):", ""]
        lines += ["| rows | flagged | precision | recall | fpr |", "|---|---|---|---|---|"]
        lines += [
            f"| {k} | {v['flagged']} | {_fmt(v['precision'])} | {_fmt(v['recall'])} | {_fmt(v['fpr'])} |"
            for k, v in rows.items()
        ]
    child = block.get("child_risk")
    if child and child.get("positives"):
        lines += [
            "",
            f"child_risk recall: {_fmt(child['recall'])} ({child['child_risk']} of {child['positives']} "
            f"minor-targeting positives; {child['flagged']} flagged; {child['false_child_risk']} negatives "
            "marked child_risk)",
        ]
    spans = block.get("indicator_spans")
    if spans:
        lines += [
            "",
            "| indicator | severity | gold spans | recall | predicted | precision |",
            "|---|---|---|---|---|---|",
        ]
        for code, r in spans.items():
            lines.append(
                f"| {code} | {r['severity']} | {r['gold']} | {_fmt(r['recall'])} | {r['predicted']} "
                f"| {_fmt(r['precision'])} |"
            )
    return lines


def render_card(manifest: dict) -> str:
    spec = manifest["spec"]
    oof = manifest["metrics"]
    reached = (
        "reached" if manifest.get("threshold_reached_target") else "NOT reached (F1-best threshold used)"
    )
    lines = [
        f"# Baliza model `{manifest['model_version']}`",
        "",
        "Flags likely trafficking-recruitment ads (Spanish and English) and names the risk indicators it",
        "saw. It ranks and explains; people decide. Scores are calibrated probabilities.",
        "",
        "## Flag policy (`models/policy.py`)",
        "`flagged` is true when the score is at or above the threshold (`flag_reasons` holds `model`),",
        "**or** when a decisive indicator (taxonomy severity `decisive`: minors targeted, child domestic",
        "placement, identity documents kept, travel advanced and deducted, debt, wages held back,",
        "irregular entry arranged) is found in an ad that offers work, travel or lodging (`flag_reasons`",
        "holds `indicator:CODE` for each). Strong and weak indicators never flag alone; they feed the",
        "model. `child_risk` is true when the ad targets people under 18 (a child-targeting code was",
        "found); the review queue serves those items first. Indicators come from the rules plus the",
        "sentence-level detector learned from the hand-written ads of labelled_data/v2.",
        "",
        "## Shape",
        f"- kind: `{manifest['kind']}`; encoder: `{manifest.get('encoder') or 'none'}`",
        "- features: hashed TF-IDF of word 1-2-grams and char_wb 3-5-grams"
        + (", indicator flags, sentence embeddings" if manifest["kind"] == "hybrid" else ""),
        f"- head: logistic regression (C={spec['c']}, balanced classes; real ads, i.e. rows without a "
        f"template family, weighted x{spec.get('real_weight', 1.0)}), Platt-calibrated out of fold",
        f"- threshold: {manifest['threshold']:.4f}, chosen out of fold for precision >= "
        f"{manifest['target_precision']} ({reached})",
        f"- seed {spec['seed']}; {spec['folds']}-fold cross-validation grouped by template family "
        "(rows without one: by shared pseudonym tokens, else one by one)",
        "",
    ]
    lines += _data_card(manifest["data"])
    lines += [
        "",
        "",
        "## Out-of-fold figures on the training rows (folds grouped by family; real rows as above)",
        "",
    ]
    lines += _table({"all": oof["out_of_fold"], **oof["out_of_fold_per_lang"]}, "rows")
    lines += ["", "Per training file:", ""]
    lines += _table(oof["out_of_fold_per_file"], "file")
    if oof.get("out_of_fold_per_provenance"):
        lines += ["", "Per label provenance:", ""]
        lines += _table(oof["out_of_fold_per_provenance"], "provenance")
    lines += ["", "## Evaluations", ""]
    evaluations = manifest.get("evaluations") or {}
    if not evaluations:
        lines.append("None recorded yet (`baliza eval --model DIR --data FILE --record`).")
    for name, block in evaluations.items():
        lines += [f"### {name} — {block.get('method', 'held-out')}", ""]
        lines += _table({"all": block, **(block.get("per_lang") or {})}, "rows")
        lines += _policy_lines(block)
        lines.append("")
    lines += [
        "",
        "## Limits",
        "- Synthetic training text is templated; figures on held-out synthetic families are optimistic.",
        "  Real ads (see Evaluations) are the measure that matters.",
        "- A scam is not trafficking and trafficking is not always a scam: a flag is a reason to look,",
        "  never a finding. Indicators (rules plus a sentence detector) still miss paraphrases; see the",
        "  span tables above for how often, per code.",
        "- Never use it to act automatically on a person or an ad.",
        "",
    ]
    return "\n".join(lines)
