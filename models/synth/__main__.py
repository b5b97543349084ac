"""``python -m models.synth [--out DIR] [--seed N]``: rebuild the synthetic dataset files."""

from __future__ import annotations

import argparse
import pathlib
import sys

from .generate import DEFAULT_SEED, write_dataset

DEFAULT_OUT = pathlib.Path("labelled_data") / "synthetic-v1"


def main(argv: list[str] | None = None) -> int:
    """Write the dataset and print a one-line summary."""
    parser = argparse.ArgumentParser(prog="python -m models.synth", description=__doc__)
    parser.add_argument("--out", type=pathlib.Path, default=DEFAULT_OUT, help="output directory")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="generator seed")
    args = parser.parse_args(argv)
    manifest = write_dataset(args.out, args.seed)
    counts = manifest["counts"]
    print(
        f"wrote {counts['total']} ads to {args.out} "
        f"(train {counts['per_split']['train']['total']}, test {counts['per_split']['test']['total']})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
