"""`baliza eval --report DIR`: an HTML report of a model on labelled files, with PNG plots.

What a researcher needs to judge a model beyond one number: PR, ROC and calibration plots, the
confusion matrix at the model's threshold, per-language and per-source tables, the ads it gets most
wrong, and how precise a flag is among ads showing each indicator. Ad text appears only through
the `redact` function the caller passes (models never import the service, which owns redaction);
without one, text is withheld. Jinja2 autoescaping keeps ad text inert in the page.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from models import report_plots
from models.indicators import detect, load_taxonomy
from models.jsonl import read_labelled
from models.lang import fill_langs
from models.modeldir import Model

TEMPLATE = "report_template.html.j2"
EXTREMES = 20
MAX_TEXT = 1200  # characters of redacted text shown per ad
WITHHELD = "[text withheld: no redaction function given]"

Redactor = Callable[[str], str]


@dataclass
class Section:
    """One data file's part of the report: the eval JSON plus what the plots and tables need."""

    report: dict
    records: list[dict]
    probs: np.ndarray
    plots: dict[str, str] = field(default_factory=dict)


def predictions(model: Model, path: Path) -> tuple[list[dict], np.ndarray]:
    """Records (languages filled in) and calibrated scores; embeddings come from the cache."""
    records = read_labelled([path])
    fill_langs(records)
    return records, model.predict_proba([r["text"] for r in records])


def confusion(y: np.ndarray, probs: np.ndarray, threshold: float) -> dict[str, int]:
    flagged = probs >= threshold
    return {
        "tp": int((flagged & (y == 1)).sum()),
        "fp": int((flagged & (y == 0)).sum()),
        "fn": int((~flagged & (y == 1)).sum()),
        "tn": int((~flagged & (y == 0)).sum()),
    }


def indicator_precision(records: list[dict], probs: np.ndarray, threshold: float) -> list[dict]:
    """Per indicator code the detector found in a flagged ad: the flag's precision among ads showing it.

    Why: a code whose flagged ads are mostly negatives is a phrase rule that fires on legitimate
    text (e.g. URGENCY on "incorporación inmediata"), which is where a model's false positives hide.
    """
    names = {code: indicator.name_en for code, indicator in load_taxonomy().items()}
    showing: dict[str, list[int]] = defaultdict(list)
    for i, record in enumerate(records):
        for code in {span.code for span in detect(record["text"])}:
            showing[code].append(i)
    y = np.array([int(r["label"]) for r in records])
    rows = []
    for code, members in showing.items():
        idx = np.asarray(members)
        flagged = probs[idx] >= threshold
        if not flagged.any():
            continue
        tp = int((flagged & (y[idx] == 1)).sum())
        rows.append(
            {
                "code": code,
                "name": names.get(code, code),
                "ads": len(idx),
                "positives": int(y[idx].sum()),
                "flagged": int(flagged.sum()),
                "true_positives": tp,
                "precision": round(tp / int(flagged.sum()), 4),
            }
        )
    rows.sort(key=lambda r: (r["precision"], -r["flagged"], r["code"]))
    return rows


def _shown(record: dict, prob: float, redact: Redactor | None) -> dict:
    text = redact(record["text"]) if redact else WITHHELD
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT] + "…"
    return {"id": record["id"], "score": round(float(prob), 4), "lang": record.get("lang"), "text": text}


def extremes(records: list[dict], probs: np.ndarray, redact: Redactor | None, k: int = EXTREMES) -> dict:
    """The k highest-scored negatives and the k lowest-scored positives (redacted text)."""
    y = np.array([int(r["label"]) for r in records])
    negatives = [i for i in np.argsort(-probs, kind="stable") if y[i] == 0][:k]
    positives = [i for i in np.argsort(probs, kind="stable") if y[i] == 1][:k]
    return {
        "negatives": [_shown(records[i], probs[i], redact) for i in negatives],
        "positives": [_shown(records[i], probs[i], redact) for i in positives],
    }


def _plots(out_dir: Path, number: int, section: Section, threshold: float) -> dict[str, str]:
    y = np.array([int(r["label"]) for r in section.records])
    prefix = f"{number:02d}-"
    plots = {"calibration": report_plots.calibration(y, section.probs, out_dir / f"{prefix}calibration.png")}
    if 0 < y.sum() < len(y):  # PR and ROC need both labels
        report = section.report
        plots["pr"] = report_plots.pr_curve(
            y, section.probs, threshold, report["pr_auc"], out_dir / f"{prefix}pr.png"
        )
        plots["roc"] = report_plots.roc(
            y, section.probs, threshold, report["roc_auc"], out_dir / f"{prefix}roc.png"
        )
    return plots


def _context(model: Model, sections: list[Section], out_dir: Path, redact: Redactor | None) -> dict:
    parts = []
    for number, section in enumerate(sections, start=1):
        threshold = float(section.report["threshold"])
        y = np.array([int(r["label"]) for r in section.records])
        report = section.report
        tables = {"all": report, **{f"lang={k}": v for k, v in report["per_lang"].items()}}
        tables |= {f"source={k}": v for k, v in report["per_source"].items()}
        parts.append(
            {
                "anchor": f"data-{number}",
                "report": report,
                "rows": tables,
                "plots": _plots(out_dir, number, section, threshold),
                "confusion": confusion(y, section.probs, threshold),
                "indicators": indicator_precision(section.records, section.probs, threshold),
                "extremes": extremes(section.records, section.probs, redact),
                "calibration": report_plots.calibration_bins(y, section.probs),
            }
        )
    return {
        "model": {
            "version": model.version,
            "kind": model.manifest.get("kind"),
            "encoder": model.manifest.get("encoder"),
            "threshold": model.threshold,
        },
        "sections": parts,
        "metrics": (
            "n",
            "positives",
            "pr_auc",
            "roc_auc",
            "recall_at_precision_90",
            "precision",
            "recall",
            "fpr",
            "flagged",
        ),
        "redacted": redact is not None,
        "k": EXTREMES,
    }


def _fmt(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.4f}" if 0 < abs(value) < 0.01 else f"{value:.3f}"
    return str(value)


def write_report(out_dir: Path, model: Model, sections: list[Section], redact: Redactor | None) -> Path:
    """Write `index.html`, its PNGs and `report.json` (the eval JSON of each file) into `out_dir`."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    env = Environment(
        loader=FileSystemLoader(Path(__file__).resolve().parent),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["fmt"] = _fmt
    html = env.get_template(TEMPLATE).render(**_context(model, sections, out_dir, redact))
    (out_dir / "index.html").write_text(html, encoding="utf-8")
    (out_dir / "report.json").write_text(
        json.dumps([s.report for s in sections], indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return out_dir / "index.html"
