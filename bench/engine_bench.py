"""The engine section of `make bench`: `baliza score` rows/s on the local engine and on Dask with 1
and 2 worker processes, the same 2,000 ads, the shipped default model.

The ads are the v2 test files (synthetic and hand-written), repeated with a copy mark until there
are `BALIZA_BENCH_ENGINE_ADS` of them, so every text is new to every encoder cache and the figures
are of encoding, not of cache hits. Each engine starts cold: the local one loads the model (timed
apart) into a fresh holder; the Dask one starts a `LocalCluster` and loads the model in every
worker (both timed apart), then scores in tasks of one batch (256 ads), so 2,000 ads make 8 tasks
for the workers to share. `score_throughput` counts the scoring alone, `end_to_end_throughput` the
whole run including start and load. Each run also says whether its output was byte-identical to
the local engine's, and the machine's load average before it (the machine is shared).
Run as its own process (`bench/run.py` does): the worker processes then share the cores with
nothing this script built before. The heavy imports sit inside the functions because Dask spawns
its workers by re-importing this script: at the top they would be counted as cluster start.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from models.jsonl import to_line
from models.resolve import DEFAULT_MODEL_DIR

REPO = Path(__file__).resolve().parents[1]
SOURCES = [
    REPO / "labelled_data" / "v2" / "synthetic" / "test.jsonl",
    REPO / "labelled_data" / "v2" / "handwritten" / "handwritten-test.jsonl",
]
N_ADS = int(os.environ.get("BALIZA_BENCH_ENGINE_ADS", "2000"))
BATCH = 256


def _ads(n: int) -> list[dict]:
    rows = [json.loads(line) for path in SOURCES for line in path.read_text(encoding="utf-8").splitlines()]
    ads = []
    for i in range(n):
        row, copy = rows[i % len(rows)], i // len(rows)
        text = row["text"] if copy == 0 else f"{row['text']}\n(copia {copy})"
        ads.append({"id": f"{row['id']}-{copy}", "text": text})
    return ads


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _local(ads: list[dict]) -> tuple[dict, str]:
    from models.encoders import Encoders
    from models.modeldir import load_model
    from models.scoring import score_records, warm_up

    load_before = _load()
    start = time.perf_counter()
    model = load_model(DEFAULT_MODEL_DIR, Encoders())
    warm_up(model)  # as each Dask worker does, so both engines' model_load are the same work
    loaded = time.perf_counter()
    output = "".join(to_line(r) for r in score_records(model, [dict(a) for a in ads], BATCH))
    done = time.perf_counter()
    figures = {
        "model_load": {"value": round(loaded - start, 3), "unit": "s"},
        "score_throughput": {"value": round(len(ads) / (done - loaded), 1), "unit": "rows/s"},
        "end_to_end_throughput": {"value": round(len(ads) / (done - start), 1), "unit": "rows/s"},
        "load_average_before": {"value": load_before, "unit": "1/5/15 min"},
    }
    return figures, output


def _dask(ads: list[dict], workers: int, expected: str) -> dict:
    from models.batch.dask_scorer import score_stream

    load_before = _load()
    parts: list[str] = []
    start = time.perf_counter()
    run = score_stream(
        iter([dict(a) for a in ads]),
        parts.append,
        DEFAULT_MODEL_DIR,
        workers=workers,
        batch_size=BATCH,
        chunk_size=BATCH,
    )
    total = time.perf_counter() - start
    return {
        "workers": workers,
        "cluster_start": {"value": run.cluster_start_s, "unit": "s"},
        "model_load": {"value": run.model_load_s, "unit": "s"},
        "slowest_worker_model_load": {"value": run.slowest_worker_load_s, "unit": "s"},
        "score_throughput": {"value": round(run.rows / run.score_s, 1), "unit": "rows/s"},
        "end_to_end_throughput": {"value": round(run.rows / total, 1), "unit": "rows/s"},
        "identical_to_local": "".join(parts) == expected,
        "load_average_before": {"value": load_before, "unit": "1/5/15 min"},
    }


def _cli(ads: list[dict], expected: str) -> dict:
    """The real command as a process on the same file: imports, cluster, load, scoring, writing."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "ads.jsonl"
        source.write_text("".join(to_line(a) for a in ads), encoding="utf-8")
        command = [str(Path(sys.executable).parent / "baliza"), "score", "--engine", "dask", "--workers", "2"]
        command += ["--chunk-size", str(BATCH), str(source)]
        env = {**os.environ, "BALIZA_DATA_DIR": str(Path(folder) / "data"), "HF_HUB_OFFLINE": "1"}
        env.pop("BALIZA_MODEL", None)
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, env=env, check=True, timeout=600)
        seconds = time.perf_counter() - start
    return {
        "wall": {"value": round(seconds, 2), "unit": "s"},
        "throughput_with_start": {"value": round(len(ads) / seconds, 1), "unit": "rows/s"},
        "identical_to_local": result.stdout == expected,
    }


def main() -> None:
    ads = _ads(N_ADS)
    local, expected = _local(ads)
    results = {
        "ads": N_ADS,
        "mean_chars": {"value": round(sum(len(a["text"]) for a in ads) / len(ads), 1), "unit": "chars"},
        "batch_size": BATCH,
        "cpus": os.cpu_count(),
        "local": local,
        "dask_1_worker": _dask(ads, 1, expected),
        "dask_2_workers": _dask(ads, 2, expected),
        "cli_dask_2_workers": _cli(ads, expected),
    }
    print(json.dumps(results))


if __name__ == "__main__":
    main()
