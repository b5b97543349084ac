"""`baliza protective`: measure the protective-wording finder on labelled files (a thin call into
`models.indicators.protective.evaluate`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer


def _print_table(report: dict) -> None:
    typer.echo(f"{report['data']}  ({report['n']} ads)")
    typer.echo(f"{'type':<12}{'gold':>6}{'found':>7}{'hits':>6}{'P':>8}{'R':>8}{'F1':>8}")
    rows = {**report["per_type"], "overall": report["overall"]}
    for name, row in rows.items():
        cells = "".join(
            f"{'-' if row[k] is None else f'{row[k]:.3f}':>8}" for k in ("precision", "recall", "f1")
        )
        typer.echo(f"{name:<12}{row['gold']:>6}{row['found']:>7}{row['hits']:>6}{cells}")
    alarms = report["false_alarms"]
    typer.echo(f"false alarms (neutral and negated ads): {alarms['spans']} span(s) in {alarms['ads']} ad(s)")


def protective(
    data: Annotated[
        list[Path],
        typer.Option("--data", help="JSONL of the blind-protect card's format; repeat for several."),
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per data file, one per line.")
    ] = False,
) -> None:
    """Span precision, recall and F1 of the protective-wording finder, per type, and its false alarms."""
    from models.indicators.protective.evaluate import evaluate_file, read_protective

    for path in data:
        read_protective(path)  # every file is checked before any figure is printed
    for path in data:
        report = evaluate_file(path)
        if as_json:
            typer.echo(json.dumps(report, ensure_ascii=False))
        else:
            _print_table(report)


def register(app: typer.Typer) -> None:
    app.command()(protective)
