"""`baliza score --engine dask`: the scoring path of `models.scoring`, spread over Dask workers.

Dask's distributed scheduler rather than Ray (README, "Scoring millions of ads"): pure-Python
wheels, no usage telemetry to switch off, no dashboard assets, and a `LocalCluster` that starts in
about a second on two cores. This module imports Dask at the top; import it only when the engine is
asked for (the CLI turns the `ImportError` into "install '.[scale]'").

- **The model loads once per worker process.** `ModelPlugin` is registered on the cluster; each
  worker runs its `setup` once (also a worker that joins later), loading the model directory and
  its encoder's weights off the event loop, and keeps the model on the plugin instance — the
  worker's own copy, so nothing is module state. Tasks find it with `get_worker().plugins`.
- **Same bytes as the local path.** A task is `score_ads` on a chunk of whole batches of
  `batch_size`, so each text is embedded beside the same neighbours as on the local path (the
  encoder's floats move in the 7th decimal with the batch around a text, which a rounded score
  could show), and it returns the very JSONL lines `models.jsonl` writes there.
- **Streaming.** Records are read lazily, submitted in chunks, and written in input order with a
  bounded window in flight (`models.batch.window`): the client never holds the input.
- **Local and offline.** A `LocalCluster` listens on 127.0.0.1 only (scheduler, workers, nannies,
  the scheduler's health endpoint on a free port), with the dashboard off; its workers get the
  client's environment plus `HF_HUB_OFFLINE=1`. Nothing is fetched at run time.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dask
from dask.utils import parse_timedelta
from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from baliza.errors import BalizaError, InputError
from models.ad import Ad
from models.batch.window import chunked, in_order
from models.encoders import Encoders
from models.jsonl import to_line
from models.modeldir import Model, load_model, read_model
from models.scoring import score_ads, warm_up

PLUGIN_PREFIX = "baliza-model"
# Workers must never reach for a model hub: encoder weights come from installed packages.
OFFLINE_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}


class ModelPlugin(WorkerPlugin):
    """Loads the model at `model_path` once in each worker process and keeps it there."""

    def __init__(self, model_path: str) -> None:
        self.model_path = model_path
        self.model: Model | None = None
        self.load_s: float | None = None

    async def setup(self, worker: Any) -> None:
        """Runs on the worker's event loop: the seconds of loading go to a thread, so the worker
        keeps answering the scheduler meanwhile."""
        os.environ.update(OFFLINE_ENV)  # before any encoder package reads it (a worker started by hand)
        await asyncio.to_thread(self._load)

    def _load(self) -> None:
        start = time.perf_counter()
        model = load_model(Path(self.model_path), Encoders())
        warm_up(model)  # the encoder's weights etc. now, not in the first task
        self.model, self.load_s = model, time.perf_counter() - start


def score_chunk(ads: list[Ad], batch_size: int, plugin_name: str) -> str:
    """A task: the `baliza score` lines of `ads`, scored by the model this worker's plugin holds."""
    model = get_worker().plugins[plugin_name].model
    return "".join(to_line(result.to_json()) for result in score_ads(model, ads, batch_size))


def _load_seconds(plugin_name: str, dask_worker: Any = None) -> float | None:
    return dask_worker.plugins[plugin_name].load_s


@dataclass(frozen=True)
class EngineRun:
    """What one run did, for `make bench`: rows, workers, and where the seconds went."""

    rows: int
    workers: int
    cluster_start_s: float
    model_load_s: float  # registering the plugin: every worker's load, in parallel
    slowest_worker_load_s: float
    score_s: float


def check_sizes(batch_size: int, chunk_size: int) -> None:
    """A chunk must be whole batches (the module docstring says why)."""
    if batch_size < 1 or chunk_size < 1 or chunk_size % batch_size:
        raise InputError("--chunk-size must be a positive multiple of --batch-size (whole batches per task)")


@contextmanager
def connect(workers: int, scheduler: str | None) -> Iterator[Client]:
    """A client on the scheduler at `scheduler`, else on a fresh `LocalCluster` of `workers`
    processes on 127.0.0.1 (one thread each, dashboard off), closed on exit."""
    if scheduler:
        # How long to wait for the scheduler and for a first worker: Dask's own setting
        # (`distributed.comm.timeouts.connect`, env DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT), so a
        # cluster's operator tunes it where they tune the rest of Dask.
        wait = parse_timedelta(dask.config.get("distributed.comm.timeouts.connect"), default="seconds")
        try:
            client = Client(scheduler, timeout=wait)
        except ValueError as exc:
            raise InputError(f"--scheduler {scheduler!r} is not a dask scheduler address: {exc}") from None
        except OSError as exc:
            raise BalizaError(f"cannot reach the dask scheduler at {scheduler}: {exc}") from None
        with client:
            try:
                client.wait_for_workers(1, timeout=wait)
            except TimeoutError:
                raise BalizaError(f"the dask scheduler at {scheduler} has no workers") from None
            yield client
        return
    if workers < 1:
        raise InputError("--workers must be at least 1")
    # The workers' environment is the client's plus OFFLINE_ENV, without the caps a nanny adds by
    # default (OMP_NUM_THREADS=1, MALLOC_TRIM_THRESHOLD_, ...): scoring then runs as on the local
    # path, where the encoder sets its own BLAS threads.
    with dask.config.set({"distributed.nanny.pre-spawn-environ": {}}):
        cluster = LocalCluster(
            n_workers=workers,
            processes=True,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
            # The scheduler still serves /health and /metrics over HTTP: on a free loopback port,
            # not on 8787 (a second run would collide there and warn).
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            env=OFFLINE_ENV,
            silence_logs=logging.ERROR,
        )
    with cluster, Client(cluster) as client:
        yield client


def score_stream(
    records: Iterable[dict],
    write: Callable[[str], object],
    model_path: Path,
    *,
    workers: int = 2,
    scheduler: str | None = None,
    batch_size: int = 256,
    chunk_size: int = 2048,
) -> EngineRun:
    """Score checked `baliza score` records on Dask and `write` their output lines, in input order,
    one chunk at a time; the same bytes as `models.scoring.score_records` gives for them.

    The plugin's name is this run's own, so two runs on one shared scheduler never see each
    other's model; on a shared scheduler the workers drop it again at the end."""
    check_sizes(batch_size, chunk_size)
    read_model(model_path)  # a broken model fails here, in one line, not in every worker's log
    name = f"{PLUGIN_PREFIX}-{uuid.uuid4().hex[:12]}"
    start = time.perf_counter()
    with connect(workers, scheduler) as client:
        started = time.perf_counter()
        client.register_plugin(ModelPlugin(str(model_path.resolve())), name=name)
        try:
            loaded = time.perf_counter()
            slowest = max(filter(None, client.run(_load_seconds, name).values()), default=0.0)
            threads = client.nthreads()

            def submit(chunk: list[Ad]) -> Any:
                # The chunk goes to a worker as data, not inside the task through the scheduler
                # (long texts would make it a "large graph"); the task then runs where it lies.
                [data] = client.scatter([chunk], hash=False)
                return client.submit(score_chunk, data, batch_size, name, pure=False)

            rows = 0
            ads = (Ad.from_json(record) for record in records)
            for lines in in_order(chunked(ads, chunk_size), submit, window=2 * sum(threads.values())):
                write(lines)
                rows += lines.count("\n")
            done = time.perf_counter()
        finally:
            if scheduler:
                with suppress(OSError):  # the scheduler is gone: so is the plugin
                    client.unregister_worker_plugin(name)
    return EngineRun(
        rows=rows,
        workers=len(threads),
        cluster_start_s=round(started - start, 3),
        model_load_s=round(loaded - started, 3),
        slowest_worker_load_s=round(slowest, 3),
        score_s=round(done - loaded, 3),
    )
