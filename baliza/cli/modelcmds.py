"""`baliza train`, `baliza eval`, `baliza score`: thin calls into `models`.

`register` also mounts the `baliza models` group (`baliza/cli/registry.py`): the registry commands
belong with the model commands, and `baliza/cli/__init__.py` stays one import line per area.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from baliza.cli import registry
from baliza.cli._context import encoders_of, settings_of
from baliza.cli._models import load_resolved, resolved_path

if TYPE_CHECKING:
    from baliza.settings import Settings

ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model", help="Model directory or registry version (default: BALIZA_MODEL, promoted, shipped)."
    ),
]


def train(
    ctx: typer.Context,
    data: Annotated[list[Path], typer.Option("--data", help="Labelled JSONL file; repeat for several.")],
    out: Annotated[
        Path | None, typer.Option(help="Model directory (default: the registry in the data dir).")
    ] = None,
    kind: Annotated[
        str, typer.Option(help="hybrid (embeddings + lexical + indicators) or lexical.")
    ] = "hybrid",
    encoder: Annotated[str | None, typer.Option(help="Encoder name (default: BALIZA_ENCODER).")] = None,
    target_precision: Annotated[float, typer.Option(help="Precision the threshold is chosen for.")] = 0.9,
    real_weight: Annotated[
        float, typer.Option(help="Loss weight of rows without a template family (real ads) vs synthetic.")
    ] = 1.0,
    real_head: Annotated[
        float, typer.Option(help="Weight of a second head fitted on the real rows only (0: none).")
    ] = 0.0,
    real_head_features: Annotated[
        str, typer.Option(help="Features of that head: all, or word (word n-grams only).")
    ] = "all",
    seed: Annotated[int, typer.Option(help="Seed for folds and the solver.")] = 20261123,
    register_model: Annotated[
        bool, typer.Option("--register", help="With --out: also copy the model into the registry.")
    ] = False,
    quiet: Annotated[bool, typer.Option(help="No progress on stderr.")] = False,
) -> None:
    """Train a model on labelled JSONL files and write its directory (manifest, skops head, card)."""
    from baliza.errors import InputError
    from models.modeldir import save_model
    from models.pipeline import ModelSpec
    from models.resolve import registry_dir
    from models.train import train as run_training

    if kind not in ("hybrid", "lexical"):
        raise InputError(f"--kind must be hybrid or lexical, not {kind!r}")
    if not 0 < target_precision < 1:
        raise InputError("--target-precision must be between 0 and 1")
    if real_weight <= 0:
        raise InputError("--real-weight must be positive")
    if real_head < 0 or real_head_features not in ("all", "word"):
        raise InputError("--real-head must be 0 or more and --real-head-features all or word")
    settings = settings_of(ctx)
    spec = ModelSpec(
        kind=kind,
        encoder=encoder or settings.encoder,
        target_precision=target_precision,
        real_weight=real_weight,
        real_head=real_head,
        real_head_features=real_head_features,
        seed=seed,
    )
    fitted, manifest = run_training(data, spec, encoders_of(ctx), quiet=quiet)
    target = out or registry_dir(settings.data_dir) / manifest["model_version"]
    save_model(target, fitted.pipeline, fitted.calibrator, manifest)
    oof = manifest["metrics"]["out_of_fold"]
    typer.echo(
        f"{manifest['model_version']} -> {target} (threshold {manifest['threshold']:.4f}; out-of-fold "
        f"PR-AUC {oof['pr_auc']}, precision {oof['precision']}, recall {oof['recall']})"
    )
    if out is not None and register_model:
        from models.registry import add

        entry, added = add(target, settings.data_dir)
        typer.echo(f"{'registered' if added else 'already registered'}: {entry.version} -> {entry.path}")


def _print_table(report: dict) -> None:
    keys = ("n", "positives", "pr_auc", "roc_auc", "recall_at_precision_90", "precision", "recall", "fpr")
    head = f"{report['data']}  ({report['method']}, model {report['model_version']}"
    typer.echo(f"{head}, threshold {report['threshold']})")
    rows = {
        "all": report,
        **{f"lang={k}": v for k, v in report["per_lang"].items()},
        **{f"source={k}": v for k, v in report["per_source"].items()},
    }
    first = max(map(len, rows)) + 2
    widths = [max(len(k), 8) + 2 for k in keys]
    typer.echo(" " * first + "".join(f"{k:>{w}}" for k, w in zip(keys, widths, strict=True)))
    for name, block in rows.items():
        cells = "".join(
            f"{'-' if block[k] is None else block[k]:>{w}}" for k, w in zip(keys, widths, strict=True)
        )
        typer.echo(f"{name:<{first}}{cells}")
    typer.echo("flag policy (score or decisive indicator): precision, recall, fpr, flagged")
    for name, block in rows.items():
        policy = block.get("policy") or {}
        cells = "".join(
            f"{'-' if policy.get(k) is None else policy[k]:>12}"
            for k in ("precision", "recall", "fpr", "flagged")
        )
        typer.echo(f"{name:<{first}}{cells}")
    child = report.get("child_risk")
    if child:
        typer.echo(
            f"child_risk recall: {child['recall'] if child['recall'] is not None else '-'} "
            f"({child['child_risk']} of {child['positives']} minor-targeting positives; "
            f"{child['flagged']} flagged; {child['false_child_risk']} negatives marked child_risk)"
        )
    spans = report.get("indicator_spans")
    if spans:
        typer.echo(
            f"{'indicator spans':<28}{'severity':>10}{'gold':>6}{'recall':>9}{'pred':>6}{'precision':>11}"
        )
        for code, row in spans.items():
            recall = "-" if row["recall"] is None else f"{row['recall']:.3f}"
            precision = "-" if row["precision"] is None else f"{row['precision']:.3f}"
            typer.echo(
                f"{code:<28}{row['severity']:>10}{row['gold']:>6}{recall:>9}{row['predicted']:>6}{precision:>11}"
            )


def evaluate(
    ctx: typer.Context,
    data: Annotated[list[Path], typer.Option("--data", help="Labelled JSONL file; repeat for several.")],
    model: ModelOpt = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per data file, one per line.")
    ] = False,
    cv: Annotated[
        int | None, typer.Option(help="K-fold figures of the training recipe (for training data).")
    ] = None,
    record: Annotated[bool, typer.Option(help="Store the figures in the model's manifest and card.")] = False,
    report_dir: Annotated[
        Path | None,
        typer.Option("--report", help="Also write an HTML report (plots, tables, redacted ads) here."),
    ] = None,
) -> None:
    """Measure a model on labelled data: PR-AUC, ROC-AUC, recall at precision 0.9, and at the threshold."""
    from baliza.errors import InputError
    from models.evaluate import cross_validate_file, evaluate_file
    from models.modeldir import write_manifest

    if report_dir is not None and cv is not None:
        raise InputError("--report shows held-out predictions; it cannot be combined with --cv")
    settings = settings_of(ctx)
    loaded = load_resolved(ctx, model)
    sections = []
    for path in data:
        if cv is not None:
            report = cross_validate_file(loaded, path, cv, quiet=as_json)
        else:
            report = evaluate_file(loaded, path)
        if report["method"].startswith("in-sample"):
            typer.echo(
                f"baliza: note: {path} was used to train this model; these figures are in-sample, "
                "use --cv K for cross-validated ones",
                err=True,
            )
        if as_json:
            typer.echo(json.dumps(report, ensure_ascii=False))
        else:
            _print_table(report)
        if record:
            loaded.manifest.setdefault("evaluations", {})[report["data"]] = report
            write_manifest(loaded.path, loaded.manifest)
        if report_dir is not None:
            from models.report import Section, predictions

            records, probs = predictions(loaded, path)
            sections.append(Section(report, records, probs))
    if report_dir is not None:
        from models.report import write_report

        index = write_report(report_dir, loaded, sections, _redactor(settings))
        typer.echo(f"baliza: report written to {index}", err=True)


def _redactor(settings: Settings) -> Callable[[str], str]:
    """Redaction with the data dir's pseudonym key: the report shows ad text only as analysts see it."""
    from service.privacy.keys import load_secret_key
    from service.privacy.redact import redact

    key = load_secret_key(settings)
    return lambda text: redact(text, key).text


class Engine(StrEnum):
    local = "local"
    dask = "dask"


def score(
    ctx: typer.Context,
    input_file: Annotated[
        Path | None, typer.Argument(help="JSONL with id and text (default: stdin).")
    ] = None,
    model: ModelOpt = None,
    out: Annotated[Path | None, typer.Option(help="Write JSONL here instead of stdout.")] = None,
    engine: Annotated[
        Engine,
        typer.Option(help="local: this process. dask: Dask workers, streaming (needs the 'scale' extra)."),
    ] = Engine.local,
    workers: Annotated[
        int, typer.Option(min=1, help="dask: worker processes of the local cluster (not with --scheduler).")
    ] = 2,
    scheduler: Annotated[
        str | None,
        typer.Option(help="dask: a running scheduler (tcp://host:8786) instead of a local cluster."),
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Ads scored (embedded) together.")] = 256,
    chunk_size: Annotated[
        int, typer.Option(min=1, help="dask: ads per task, a multiple of --batch-size.")
    ] = 2048,
) -> None:
    """Score ads (JSONL `id`, `text`, optional `lang`): score, flagged, indicator spans, model version."""
    from baliza.errors import InputError

    if engine is Engine.dask:
        from baliza.cli._scale import score_on_dask

        score_on_dask(
            input_file,
            out,
            resolved_path(ctx, model),
            workers=workers,
            scheduler=scheduler,
            batch_size=batch_size,
            chunk_size=chunk_size,
        )
        return
    if scheduler is not None:
        raise InputError("--scheduler needs --engine dask")
    from models.jsonl import read_records, write_output

    records = read_records(input_file)  # bad input fails before the slow imports below
    from models.scoring import score_records

    loaded = load_resolved(ctx, model)
    results = score_records(loaded, records, batch_size)
    write_output(results, out)


def register(app: typer.Typer) -> None:
    app.command()(train)
    app.command(name="eval")(evaluate)
    app.command()(score)
    app.add_typer(registry.app, name="models")
