"""`baliza score --engine dask`: the CLI's side of `models.batch.dask_scorer` — the missing extra as
one line, and the output written as chunks arrive.

Dask is the optional `scale` extra, so the engine module is imported here, inside the command,
and only for this engine: without the extra, `--engine dask` says what to install and the local
path never notices. Output to `--out` goes to a sibling `.partial` file renamed into place at the
end, so a failed run leaves no half-written file behind — as the local path, which writes only
after scoring everything, leaves none.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from baliza.errors import InputError

INSTALL_HINT = "--engine dask needs the 'scale' extra: pip install -e '.[scale]'"


@contextmanager
def _output(out: Path | None) -> Iterator[Callable[[str], object]]:
    """A function writing text to stdout (flushed, for a pipe reading as it goes) or into `out`."""
    if out is None:

        def write(text: str) -> None:
            sys.stdout.write(text)
            sys.stdout.flush()

        yield write
        return
    partial = out.with_name(out.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8") as stream:
            yield stream.write
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)


def score_on_dask(
    input_file: Path | None,
    out: Path | None,
    model_path: Path,
    *,
    workers: int,
    scheduler: str | None,
    batch_size: int,
    chunk_size: int,
) -> None:
    """Check the input, then score it on Dask and write the lines in input order."""
    try:
        from models.batch.dask_scorer import check_sizes, score_stream
    except ImportError as exc:
        raise InputError(f"{INSTALL_HINT} ({exc})") from None
    from models.batch.source import checked_records

    check_sizes(batch_size, chunk_size)  # before stdin is read to its end
    with checked_records(input_file) as records, _output(out) as write:
        score_stream(
            records,
            write,
            model_path,
            workers=workers,
            scheduler=scheduler,
            batch_size=batch_size,
            chunk_size=chunk_size,
        )
