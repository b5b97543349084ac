"""`baliza data …`: build the labelled datasets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="Labelled datasets: generate the synthetic ads.", no_args_is_help=True)

REPO_DATA = Path(__file__).resolve().parents[2] / "labelled_data" / "synthetic-v1"


@app.command()
def generate(
    out: Annotated[
        Path, typer.Option(help="Directory for train.jsonl, test.jsonl and manifest.json.")
    ] = REPO_DATA,
    seed: Annotated[
        int | None, typer.Option(help="Random seed; the default rebuilds the committed files.")
    ] = None,
) -> None:
    """Write the seeded synthetic dataset (split by template family); same seed, same bytes."""
    from models.synth import DEFAULT_SEED, write_dataset

    manifest = write_dataset(out, seed if seed is not None else DEFAULT_SEED)
    counts = manifest["counts"]
    typer.echo(f"wrote {out}: {counts}", err=True)
