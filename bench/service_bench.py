"""The service section of `make bench`: the real review service, measured from outside over HTTP.

The service runs as its own process (`baliza serve`, as deployed) on a free 127.0.0.1 port with an
empty temporary data dir: SQLite, generated keys, and the shipped default model (resolved
automatically from the empty registry). A separate process keeps this script's client threads from
sharing a GIL with the server, which would understate the server. Three figures:

- `/v1/score` throughput with batches of 64 next to the raw model (`score_records`, batch 64) on the
  same texts in the same run. Both sides start with a cold embedding cache for those texts (the
  service's cache lives in its own process and data dir; ours is emptied before the raw run), so
  neither is flattered; rounds on different texts alternate which side goes first, so drift in
  the machine's load hits both sides alike.
- single-item `/v1/score` latency (p50, p99) over fresh texts, so each request really encodes, next
  to the raw model's single-item p50: on a busy machine both grow, and the gap is the service's.
- queue claim+decide operations/s with 16 analysts at once (16 threads, 16 users, 16 clients) on
  SQLite, draining the queue the first two steps filled; no item may be decided twice.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import httpx
import numpy as np

REPO = Path(__file__).resolve().parents[1]
TEST = REPO / "labelled_data" / "synthetic-v1" / "test.jsonl"
BATCH = 64
ROUNDS = 4  # alternating which side goes first, each on texts of its own
ROUND_ADS = int(os.environ.get("BALIZA_BENCH_SERVICE_ADS", "192"))  # per round and side
LATENCY_REQUESTS = int(os.environ.get("BALIZA_BENCH_LATENCY_REQUESTS", "250"))
RAW_LATENCY_ITEMS = 60
ANALYSTS = 16
PASSWORD = "bench-password-1"  # throwaway users in a throwaway data dir
DISMISS = {"decision": "dismiss", "reason": "insufficient-evidence", "note": ""}
NOTE = (
    "The service runs as its own process (baliza serve) with an empty data dir on SQLite; this "
    "process is the client and runs the raw model (models.scoring.score_records, batch 64) on the "
    "same texts. Both embedding caches are cold for those texts: the service's is in its own "
    "process and fresh data dir, ours is emptied before each raw run. Four rounds of different "
    "texts alternate which side goes first, so load drift hits both. The service's extra work per "
    "item: HTTP and JSON, a receipt row, and for flagged items redaction, pseudonyms, near-duplicate "
    "bands, vault encryption and the queue row. Latency: one item per request, sequential, each a "
    "text not seen before (so it is encoded), next to the raw model on one fresh item at a time. "
    "Queue: the items the two steps above flagged, drained by 16 threads, each its own analyst "
    "user and httpx client, claim then dismiss until 204; a claim+decide pair is one operation; "
    "the client threads share the machine's cores with the service."
)


def _texts() -> list[str]:
    with TEST.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _server_command(port: int) -> list[str]:
    return [str(Path(sys.executable).parent / "baliza"), "serve", "--host", "127.0.0.1", "--port", str(port)]


@contextmanager
def running_service(data_dir: Path):
    """Yield the base URL of a service on `data_dir`, once `/healthz` says the model is loaded."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("BALIZA_")}
    env.update(
        BALIZA_DATA_DIR=str(data_dir),
        BALIZA_ENVIRONMENT="dev",
        BALIZA_RATE_LIMIT_PER_MINUTE="1000000",  # the bench measures the service, not its limiter
        HF_HUB_OFFLINE="1",
    )
    log = (data_dir / "service.log").open("w")
    process = subprocess.Popen(_server_command(port), cwd=REPO, env=env, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"service exited with {process.returncode}; see {log.name}")
            try:
                if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("service not healthy after 180 s")
            time.sleep(0.25)
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _accounts(data_dir: Path) -> tuple[str, list[str]]:
    """A partner key and ANALYSTS analyst names, made with the functions `baliza keys/users` use."""
    from baliza.settings import Settings
    from service.db.engine import make_engine, session_factory
    from service.review import accounts
    from service.runtime import AppState

    settings = Settings(data_dir=data_dir, environment="dev")
    engine = make_engine(settings.resolved_database_url)
    state = AppState.build(settings, engine, session_factory(engine))
    names = [f"analyst-{i:02d}" for i in range(ANALYSTS)]
    with state.sessions() as session:
        key, _ = accounts.create_key(session, state, "bench", "bench", scopes=("score", "ingest"))
        for name in names:
            accounts.add_user(session, state, name, "analyst", PASSWORD, "bench")
    engine.dispose()
    return key, names


def _double_decisions(data_dir: Path) -> int:
    """Items with more than one decision row, read from the database file itself."""
    import sqlalchemy as sa

    engine = sa.create_engine(f"sqlite:///{data_dir / 'baliza.sqlite3'}")
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text("SELECT item_id FROM decisions GROUP BY item_id HAVING COUNT(*) > 1")
        ).all()
    engine.dispose()
    return len(rows)


def _raw_seconds(model, texts: list[str]) -> float:
    from models.encoders import EmbeddingCache
    from models.scoring import score_records

    model.encoders.cache = EmbeddingCache()  # cold, as the service's cache is for these texts
    records = [{"id": f"raw-{i}", "text": t} for i, t in enumerate(texts)]
    start = time.perf_counter()
    score_records(model, records, batch_size=BATCH)
    return time.perf_counter() - start


def _service_seconds(client: httpx.Client, texts: list[str], prefix: str) -> float:
    batches = [texts[i : i + BATCH] for i in range(0, len(texts), BATCH)]
    start = time.perf_counter()
    for b, batch in enumerate(batches):
        items = [{"external_id": f"{prefix}-{b}-{i}", "text": t} for i, t in enumerate(batch)]
        response = client.post("/v1/score", json={"items": items})
        response.raise_for_status()
    return time.perf_counter() - start


def _throughput(client: httpx.Client, model, rounds: list[list[str]]) -> dict:
    raw_s = service_s = 0.0
    for r, texts in enumerate(rounds):
        if r % 2 == 0:
            raw_s += _raw_seconds(model, texts)
            service_s += _service_seconds(client, texts, f"tp{r}")
        else:
            service_s += _service_seconds(client, texts, f"tp{r}")
            raw_s += _raw_seconds(model, texts)
    n = sum(map(len, rounds))
    raw_rate, service_rate = n / raw_s, n / service_s
    return {
        "ads": n,
        "batch_size": BATCH,
        "service_throughput": {"value": round(service_rate, 2), "unit": "items/s"},
        "raw_model_throughput": {"value": round(raw_rate, 2), "unit": "items/s"},
        "service_over_raw": {"value": round(service_rate / raw_rate, 3), "unit": "ratio"},
    }


def _latency(client: httpx.Client, model, texts: list[str], raw_texts: list[str]) -> dict:
    """Single-item requests; the raw model on one item each (other fresh texts) for reference."""
    from models.scoring import score_records

    times = []
    for i, text in enumerate(texts):
        start = time.perf_counter()
        response = client.post("/v1/score", json={"items": [{"external_id": f"lat-{i}", "text": text}]})
        times.append(time.perf_counter() - start)
        response.raise_for_status()
    raw = []
    for text in raw_texts:
        start = time.perf_counter()
        score_records(model, [{"id": "raw", "text": text}], batch_size=BATCH)
        raw.append(time.perf_counter() - start)
    ms, raw_ms = np.array(times) * 1000, np.array(raw) * 1000
    return {
        "requests": len(texts),
        "p50": {"value": round(float(np.percentile(ms, 50)), 1), "unit": "ms"},
        "p99": {"value": round(float(np.percentile(ms, 99)), 1), "unit": "ms"},
        "mean": {"value": round(float(ms.mean()), 1), "unit": "ms"},
        "raw_model_single_item_p50": {
            "value": round(float(np.percentile(raw_ms, 50)), 1),
            "unit": f"ms (score_records on one item, in-process, {len(raw_texts)} items)",
        },
    }


def _item_id(body: dict) -> object:
    return body["id"] if "id" in body else body["item"]["id"]


def _analyst(url: str, name: str, start: threading.Barrier, out: dict) -> None:
    """One analyst: log in, then claim and dismiss until the queue answers 204."""
    decided: list[object] = []
    errors: Counter[str] = Counter()
    with httpx.Client(base_url=url, timeout=60) as client:
        token = client.post("/v1/auth/login", json={"username": name, "password": PASSWORD})
        token.raise_for_status()
        client.headers["Authorization"] = f"Bearer {token.json()['token']}"
        start.wait()
        while True:
            claim = client.post("/v1/queue/claim")
            if claim.status_code == 204:
                break
            if claim.status_code != 200:
                errors[f"claim {claim.status_code}"] += 1
                if sum(errors.values()) > 50:
                    break
                continue
            item = _item_id(claim.json())
            decision = client.post(f"/v1/items/{item}/decision", json=DISMISS)
            if decision.is_success:
                decided.append(item)
            else:
                errors[f"decision {decision.status_code}"] += 1
    out[name] = (decided, errors)


def _queue(url: str, names: list[str], data_dir: Path) -> dict:
    out: dict[str, tuple[list[object], Counter[str]]] = {}
    barrier = threading.Barrier(len(names) + 1)
    threads = [threading.Thread(target=_analyst, args=(url, n, barrier, out)) for n in names]
    for thread in threads:
        thread.start()
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    decided = [item for items, _ in out.values() for item in items]
    errors = sum((e for _, e in out.values()), Counter())
    # Seen twice by the clients, or holding two decision rows in the database: either is a failure.
    twice = max(len([i for i, c in Counter(decided).items() if c > 1]), _double_decisions(data_dir))
    return {
        "analysts": len(names),
        "database": "sqlite",
        "items_decided": {"value": len(decided), "unit": "items"},
        "claim_decide_throughput": {"value": round(len(decided) / seconds, 2), "unit": "ops/s"},
        "seconds": {"value": round(seconds, 2), "unit": "s"},
        "items_decided_twice": {"value": twice, "unit": "items"},
        "errors": dict(errors),
    }


def bench_service() -> dict:
    from models.encoders import Encoders
    from models.modeldir import load_model
    from models.resolve import DEFAULT_MODEL_DIR

    texts = _texts()
    rounds = [texts[r * ROUND_ADS : (r + 1) * ROUND_ADS] for r in range(ROUNDS)]
    single = texts[ROUNDS * ROUND_ADS : ROUNDS * ROUND_ADS + LATENCY_REQUESTS]
    raw_single = texts[ROUNDS * ROUND_ADS + LATENCY_REQUESTS :][:RAW_LATENCY_ITEMS]
    model = load_model(DEFAULT_MODEL_DIR, Encoders())
    if model.manifest["encoder"]:
        model.encoders.get(model.manifest["encoder"])
    warm = [{"id": "warm-up", "text": texts[-1]}]
    from models.scoring import score_records

    score_records(model, warm)
    load_before = os.getloadavg()[0]
    data_dir = Path(tempfile.mkdtemp(prefix="baliza-service-bench-"))
    try:
        start = time.perf_counter()
        with running_service(data_dir) as url:
            startup_s = time.perf_counter() - start
            key, names = _accounts(data_dir)
            with httpx.Client(base_url=url, headers={"X-API-Key": key}, timeout=120) as client:
                client.post("/v1/score", json={"items": [{"external_id": "warm-up", "text": texts[-1]}]})
                throughput = _throughput(client, model, rounds)
                latency = _latency(client, model, single, raw_single)
            queue = _queue(url, names, data_dir)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    return {
        "model_version": model.version,
        "machine_load": {  # on a shared machine these say whether the figures are comparable
            "value": [round(load_before, 1), round(os.getloadavg()[0], 1)],
            "unit": "1-minute load average at start and end",
        },
        "service_start_to_healthy": {"value": round(startup_s, 2), "unit": "s"},
        "score_batch_64": throughput,
        "score_single_item_latency": latency,
        "queue_16_analysts": queue,
        "note": NOTE,
    }


if __name__ == "__main__":
    print(json.dumps(bench_service(), indent=2))
