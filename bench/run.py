"""`make bench`: throughput figures as JSON in bench/results.json (not a test; numbers vary by machine).

model: the encoder alone on N ads, then the whole `baliza score` path (language, indicators,
lexical features, embeddings, head, calibration) on the same ads with an empty embedding cache;
model load is timed apart. crawler: bench/crawl_bench.py. service: bench/service_bench.py, run as
its own process so nothing the model section built (its encoders, one on one thread, and their
warm caches) weighs on the service figures. linking: bench/linking_bench.py (100,000 synthetic ads).
load: bench/load_bench.py, the real `baliza serve` as its own process on SQLite and on PostgreSQL
(when BALIZA_BENCH_POSTGRES_URL or BALIZA_TEST_POSTGRES_URL names an admin URL): 16 analysts alone,
then while a partner sends 256 x 20,000-character requests back to back (issue 14's acceptance).
engine: bench/engine_bench.py, also its own process (`baliza score` rows/s, local vs Dask workers).
The model section also times indicator detection alone (rules plus sentence detector) and redaction
alone (`service.privacy.redact`, the service's door) on the same ads, in ads/s, and the
protective-wording finder (ads/s, and ms for one 20,000-character ad).
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from crawl_bench import bench_crawler
from linking_bench import run as bench_linking
from load_bench import bench_load

from models.encoders import EmbeddingCache, Encoders
from models.encoders.use import UseEncoder
from models.modeldir import load_model
from models.resolve import DEFAULT_MODEL_DIR
from models.scoring import score_records

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "labelled_data" / "synthetic-v1"
N_ADS = int(os.environ.get("BALIZA_BENCH_ADS", "2000"))


def _ads(n: int) -> list[dict]:
    rows = []
    for name in ("test.jsonl", "train.jsonl"):
        with (DATA / name).open(encoding="utf-8") as handle:
            rows += [json.loads(line) for line in handle]
    return [{"id": r["id"], "text": r["text"]} for r in rows[:n]]


def _throughputs(model, encoder_name: str | None, ads: list[dict]) -> tuple[float, float]:
    """Seconds for the encoder alone, then for the whole scoring path; empty cache for each (the
    model's holder keeps its built encoders, only its cache is replaced)."""
    texts = [a["text"] for a in ads]
    encoders = model.encoders
    encoders.cache = EmbeddingCache()
    score_records(model, [{"id": "warm-up", "text": texts[0]}])  # first-call allocations
    encoders.cache = EmbeddingCache()
    start = time.perf_counter()
    if encoder_name:
        encoders.embed(encoder_name, texts)
    encoder_s = time.perf_counter() - start
    encoders.cache = EmbeddingCache()
    start = time.perf_counter()
    score_records(model, [dict(a) for a in ads])
    return encoder_s, time.perf_counter() - start


def _indicator_and_redaction_rates(texts: list[str]) -> tuple[float, float]:
    """Ads/s of indicator detection alone (rules + sentence detector, batches of 64, cold cache)
    and of redaction alone (`service.privacy.redact`, the service's door), on the same ads."""
    from models.indicators.detector import _default, _Detector
    from service.privacy.redact import redact

    shipped = _default()
    detector = _Detector(shipped.registry, shipped.sentences)  # a fresh cache: nothing precomputed
    detector.many(["warm up"])
    start = time.perf_counter()
    for i in range(0, len(texts), 64):
        detector.many(texts[i : i + 64])
    detect_rate = len(texts) / (time.perf_counter() - start)
    key = b"bench-key-" * 4
    redact("warm up 300 123 4567", key)
    start = time.perf_counter()
    for text in texts:
        redact(text, key)
    return detect_rate, len(texts) / (time.perf_counter() - start)


def _protective_rates(texts: list[str]) -> tuple[float, float]:
    """Ads/s of the protective-wording finder (what the item page runs on the redacted text), and
    milliseconds for one 20,000-character ad (the longest a partner sends), best of five."""
    from models.indicators.protective import find_protective

    find_protective("warm up: no fees")
    start = time.perf_counter()
    for text in texts:
        find_protective(text)
    rate = len(texts) / (time.perf_counter() - start)
    long = " ".join(texts)[:20_000]
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        find_protective(long)
        best = min(best, time.perf_counter() - start)
    return rate, best * 1000


def bench_model() -> dict:
    ads = _ads(N_ADS)
    texts = [a["text"] for a in ads]
    start = time.perf_counter()
    model = load_model(DEFAULT_MODEL_DIR, Encoders())
    encoder_name = model.manifest["encoder"]
    if encoder_name:
        model.encoders.get(encoder_name)
    load_s = time.perf_counter() - start
    encoder_s, e2e_s = _throughputs(model, encoder_name, ads)
    single = None
    if encoder_name == "use-m3":
        # The same with the encoder on one thread: the other core then hides the lexical, language
        # and indicator work behind encoding, which shows how much of the gap is core contention.
        one_thread = Encoders(factories={"use-m3": lambda: UseEncoder(threads=1)})
        enc1_s, e2e1_s = _throughputs(load_model(DEFAULT_MODEL_DIR, one_thread), encoder_name, ads)
        single = {
            "encoder_throughput": {"value": round(N_ADS / enc1_s, 2), "unit": "texts/s"},
            "score_end_to_end_throughput": {"value": round(N_ADS / e2e1_s, 2), "unit": "texts/s"},
            "end_to_end_over_encoder": {"value": round(enc1_s / e2e1_s, 3), "unit": "ratio"},
        }

    # The real command as a process, load included, for reference.
    feed = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ads[:200])
    start = time.perf_counter()
    subprocess.run(
        [str(Path(sys.executable).parent / "baliza"), "score"],
        input=feed,
        text=True,
        capture_output=True,
        check=True,
        env={**os.environ, "BALIZA_DATA_DIR": "/tmp/baliza-bench"},
    )
    cli_s = time.perf_counter() - start

    encoder_rate = N_ADS / encoder_s if encoder_name else None
    e2e_rate = N_ADS / e2e_s
    detect_rate, redact_rate = _indicator_and_redaction_rates(texts)
    protective_rate, protective_long_ms = _protective_rates(texts)
    return {
        "model_version": model.version,
        "encoder": encoder_name,
        "ads": N_ADS,
        "mean_chars": {"value": round(sum(map(len, texts)) / len(texts), 1), "unit": "chars"},
        "model_load": {"value": round(load_s, 3), "unit": "s"},
        "encoder_throughput": {"value": round(encoder_rate, 2) if encoder_rate else None, "unit": "texts/s"},
        "score_end_to_end_throughput": {"value": round(e2e_rate, 2), "unit": "texts/s"},
        "end_to_end_over_encoder": {
            "value": round(e2e_rate / encoder_rate, 3) if encoder_rate else None,
            "unit": "ratio",
        },
        "cli_score_200_ads_with_load": {"value": round(cli_s, 2), "unit": "s"},
        "indicator_detection_throughput": {"value": round(detect_rate, 1), "unit": "ads/s"},
        "redaction_throughput": {"value": round(redact_rate, 1), "unit": "ads/s"},
        "protective_wording_throughput": {"value": round(protective_rate, 1), "unit": "ads/s"},
        "protective_wording_20k_chars": {"value": round(protective_long_ms, 2), "unit": "ms"},
        "encoder_one_thread": single,
    }


def _own_process(script: str, timeout: int) -> dict:
    """The JSON a bench script prints, run from a fresh interpreter (see the module docstring)."""
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / script)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        check=True,
        timeout=timeout,
    )
    return json.loads(result.stdout)


def bench_service() -> dict:
    """The service section from a fresh interpreter (see the module docstring)."""
    return _own_process("service_bench.py", timeout=600)


def bench_engine() -> dict:
    """`baliza score` on the local engine and on Dask with 1 and 2 workers; needs the `scale` extra."""
    return _own_process("engine_bench.py", timeout=900)


def main() -> None:
    results = {
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "model": bench_model(),
        "crawler": bench_crawler(),
        "service": bench_service(),
        "linking": bench_linking(),
        "load": bench_load(),
        "engine": bench_engine(),
    }
    out = REPO / "bench" / "results.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
