"""`baliza data …`: build the labelled datasets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="Labelled datasets: generate the synthetic ads.", no_args_is_help=True)

LABELLED = Path(__file__).resolve().parents[2] / "labelled_data"
REPO_DATA = LABELLED / "synthetic-v1"
REPO_DATA_V2 = LABELLED / "v2" / "synthetic"


@app.command()
def generate(
    out: Annotated[
        Path | None,
        typer.Option(help="Directory for train.jsonl, test.jsonl and manifest.json (one rule only)."),
    ] = None,
    seed: Annotated[
        int | None, typer.Option(help="Random seed; the default rebuilds the committed files.")
    ] = None,
    rule: Annotated[
        str | None,
        typer.Option(help="v1 (combinations only) or v2 (severity); default: both, into the repository."),
    ] = None,
) -> None:
    """Write the seeded synthetic dataset (split by template family); same seed, same bytes.

    Without options it rebuilds both committed copies: labelled_data/synthetic-v1 (v1 rule) and
    labelled_data/v2/synthetic (the same ads under the v2 severity rule). The hand-written part of
    labelled_data/v2 is data, never regenerated.
    """
    from baliza.errors import InputError
    from models.synth import DEFAULT_SEED, write_dataset

    if rule not in (None, "v1", "v2"):
        raise InputError(f"--rule must be v1 or v2, not {rule!r}")
    if out is not None and rule is None:
        rule = "v1"
    targets = [(out, rule)] if out is not None else [(REPO_DATA, "v1"), (REPO_DATA_V2, "v2")]
    if out is None and rule is not None:
        targets = [t for t in targets if t[1] == rule]
    for target, which in targets:
        manifest = write_dataset(target, seed if seed is not None else DEFAULT_SEED, which)
        typer.echo(f"wrote {target} ({which} rule): {manifest['counts']}", err=True)
