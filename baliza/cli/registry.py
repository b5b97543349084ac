"""`baliza models list|show|add|promote|compare`: the model registry in the data dir.

The registry is `<data dir>/models/<version>/` plus a `PROMOTED` file; the service loads the
promoted version at start and on reload. These commands only read and copy model directories and
rewrite that one file, so they are safe to run while the service is up.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from baliza.cli._context import settings_of
from baliza.cli._models import load_resolved

app = typer.Typer(
    help="The model registry: list, show, add, promote and compare model versions.",
    no_args_is_help=True,
)

JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON instead of a table.")]


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


@app.command("list")
def list_models(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Registered versions, oldest first; `*` marks the promoted one."""
    from models.registry import entries

    found = [e.summary() for e in entries(settings_of(ctx).data_dir)]
    if as_json:
        typer.echo(json.dumps(found, ensure_ascii=False))
        return
    if not found:
        typer.echo("no models registered (baliza train, or baliza models add DIR)")
        return
    header = ("", "version", "created", "kind", "encoder", "oof PR-AUC", "precision", "recall", "evaluations")
    rows = [
        (
            "*" if e["promoted"] else "",
            e["version"],
            e["created"],
            _cell(e["kind"]),
            _cell(e["encoder"]),
            _cell(e["out_of_fold"]["pr_auc"]),
            _cell(e["out_of_fold"]["precision"]),
            _cell(e["out_of_fold"]["recall"]),
            str(len(e["evaluations"])),
        )
        for e in found
    ]
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    for row in (header, *rows):
        typer.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


@app.command()
def show(
    ctx: typer.Context, version: Annotated[str, typer.Argument(help="Registry version or model directory.")]
) -> None:
    """A model's summary (version, kind, threshold, training files, key metrics) and its model card."""
    from models.registry import card, get

    entry = get(version, settings_of(ctx).data_dir)
    summary = entry.summary()
    oof = summary["out_of_fold"]
    typer.echo(f"version:    {summary['version']}{'  (promoted)' if summary['promoted'] else ''}")
    typer.echo(f"path:       {summary['path']}")
    typer.echo(f"created:    {summary['created']}")
    typer.echo(f"kind:       {summary['kind']} (encoder {summary['encoder'] or 'none'})")
    typer.echo(f"threshold:  {_cell(summary['threshold'])}")
    typer.echo(f"trained on: {', '.join(summary['training_files']) or '-'}")
    typer.echo("out of fold: " + ", ".join(f"{k} {_cell(v)}" for k, v in oof.items()))
    typer.echo(f"evaluations: {', '.join(summary['evaluations']) or 'none recorded'}")
    typer.echo("")
    typer.echo(card(entry).rstrip())


@app.command()
def add(
    ctx: typer.Context,
    model_dir: Annotated[Path, typer.Argument(help="A model directory (baliza train --out DIR).")],
) -> None:
    """Copy a model directory into the registry under its version (a no-op if already there)."""
    from models.registry import add as add_model

    entry, added = add_model(model_dir, settings_of(ctx).data_dir)
    typer.echo(f"{'registered' if added else 'already registered'}: {entry.version} -> {entry.path}")


@app.command()
def promote(
    ctx: typer.Context, version: Annotated[str, typer.Argument(help="A registered version.")]
) -> None:
    """Make a version the promoted model (used when neither --model nor BALIZA_MODEL is given)."""
    from models.registry import promote as promote_version

    previous, current = promote_version(version, settings_of(ctx).data_dir)
    if previous == current:
        typer.echo(f"promoted: {current} (unchanged)")
    else:
        typer.echo(f"promoted: {previous or 'none (shipped default)'} -> {current}")
    typer.echo("a running service picks it up on restart or POST /v1/admin/reload", err=True)


COMPARE_KEYS = (
    "pr_auc",
    "roc_auc",
    "recall_at_precision_90",
    "threshold",
    "precision",
    "recall",
    "fpr",
    "flagged",
)


def _print_comparison(result: dict) -> None:
    a, b = result["a"], result["b"]
    typer.echo(f"{result['data']}  ({result['n']} ads, {result['positives']} positives)")
    typer.echo(f"  A = {a['model_version']}")
    typer.echo(f"  B = {b['model_version']}")
    rows = [(key, _cell(a[key]), _cell(b[key])) for key in COMPARE_KEYS]
    for side, block in (("A", a), ("B", b)):
        ci = block["pr_auc_ci95"]
        rows.append((f"pr_auc 95% CI {side}", f"[{ci[0]:.3f}, {ci[1]:.3f}]" if ci else "-", ""))
    diff = result["pr_auc_b_minus_a"]
    if diff:
        ci = diff["ci95"]
        span = f"[{ci[0]:+.3f}, {ci[1]:+.3f}]" if ci else "-"
        rows.append(("pr_auc B-A", f"{diff['value']:+.3f}", span))
    width = max(len(r[0]) for r in rows) + 2
    typer.echo(f"  {'':<{width}}{'A':>16}{'B':>18}")
    for name, left, right in rows:
        typer.echo(f"  {name:<{width}}{left:>16}{right:>18}")
    boot = result["bootstrap"]
    if boot:
        typer.echo(f"  (paired bootstrap, {boot['used']}/{boot['resamples']} resamples, seed {boot['seed']})")


@app.command()
def compare(
    ctx: typer.Context,
    model_a: Annotated[str, typer.Argument(metavar="A", help="Version or model directory.")],
    model_b: Annotated[str, typer.Argument(metavar="B", help="Version or model directory.")],
    data: Annotated[list[Path], typer.Option("--data", help="Labelled JSONL file; repeat for several.")],
    as_json: JsonOpt = False,
    resamples: Annotated[int, typer.Option(help="Bootstrap resamples for the PR-AUC intervals.")] = 1000,
    seed: Annotated[int, typer.Option(help="Bootstrap seed.")] = 20261123,
) -> None:
    """Both models on the same data: metric table with paired bootstrap 95% intervals for PR-AUC."""
    from baliza.errors import InputError
    from models.compare import compare_file
    from models.jsonl import read_labelled

    if resamples < 100:
        raise InputError("--resamples must be at least 100")
    for path in data:
        read_labelled([path])  # a bad file fails before the models load
    first, second = load_resolved(ctx, model_a), load_resolved(ctx, model_b)
    for path in data:
        result = compare_file(first, second, path, resamples=resamples, seed=seed)
        if as_json:
            typer.echo(json.dumps(result, ensure_ascii=False))
        else:
            _print_comparison(result)
