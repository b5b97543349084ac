"""Load: a partner sending maximal requests back to back while 16 analysts work the queue.

The question (issue 14): does any partner stall an analyst? Per backend — SQLite in a fresh data dir,
and PostgreSQL when an admin URL is given (`BALIZA_BENCH_POSTGRES_URL`, else
`BALIZA_TEST_POSTGRES_URL`; a fresh database is created and dropped) — the real service runs as its
own process (`baliza serve` on a free 127.0.0.1 port, the shipped default model, its background
worker on), with the partner limits raised so that the limiter lets the heaviest load through: the
bench measures the service, not its budget. Then, for `BALIZA_LOAD_SECONDS`:

- one partner posts `/v1/score` requests of 256 items of 20,000 characters (`source` "bulk"), back
  to back (a new request as soon as the last is answered). The texts are synthetic positives run
  together, so every item is flagged and queued and each request is the whole path: receipts,
  scoring, redaction of 5.12 M characters, 256 queue rows with their pseudonyms, bands and vault
  entries. Each request holds `BALIZA_LOAD_DISTINCT` texts never sent before (digits and e-mail
  names made unique to each), each under 256 / DISTINCT ids: a fully fresh maximal request is about
  three minutes of encoder time on two cores, which would leave no completed request — and no
  write — inside a bounded window; the rest of the path runs for all 256 items;
- 16 analysts (own users, own httpx clients, threads of this process) each loop: list the queue,
  claim, open the item, then dismiss it (one in four) or release it, waiting 0.25–0.75 s between
  requests: about two requests a second each, faster than people read ads, so the queue's write
  path stays busy. They work the whole queue: the ordinary ads queued before the window (`source`
  "queue") and, as they arrive, the partner's long ones (the queue serves child-risk ads first,
  then by score), whose item view lists their linked copies.

After one unmeasured queue listing per analyst (connections opened, link graph built), the
analysts first work alone for `BALIZA_LOAD_ALONE_SECONDS` (the baseline on the same machine
and database), then with the partner. Reported per backend and phase: every analyst request's
latency (p50, p95, p99, max; overall and per operation), 5xx and dropped requests, the partner's
completed requests and their seconds, and the queue at the end. The acceptance line is analyst
p99 <= 1 s with 0 5xx while the partner sends. The service and this client share the machine's
cores, and the load average is reported: figures from a busy machine are not comparable.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import numpy as np

REPO = Path(__file__).resolve().parents[1]
TEST = REPO / "labelled_data" / "synthetic-v1" / "test.jsonl"
SECONDS = float(os.environ.get("BALIZA_LOAD_SECONDS", "180"))
ALONE_SECONDS = float(os.environ.get("BALIZA_LOAD_ALONE_SECONDS", "20"))
DISTINCT = int(os.environ.get("BALIZA_LOAD_DISTINCT", "32"))
ITEMS, CHARS = 256, 20_000
ANALYSTS = 16
SEED_ITEMS = 400  # queued before the window (`source` "queue"): analysts' work for both phases
QUEUE = {"source": "queue"}
THINK_S = (0.25, 0.75)  # between an analyst's requests
PASSWORD = "load-bench-password-1"  # throwaway users in a throwaway database
DISMISS = {"decision": "dismiss", "reason": "insufficient-evidence", "note": ""}
P99_LIMIT_MS = 1000.0


def _positives() -> list[str]:
    with TEST.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    return [r["text"] for r in rows if r["label"] == 1]


def _long_text(ads: list[str], rng: random.Random, nonce: str) -> str:
    """20,000 characters of job ads (positives of the synthetic set, shuffled), never sent before:
    digits and e-mail names are drawn anew, so its contacts are its own, as another ad's would be."""
    parts = [nonce]
    while sum(map(len, parts)) < CHARS:
        parts.append(rng.choice(ads))
    text = re.sub(r"\d", lambda _: str(rng.randrange(10)), "\n".join(parts))
    return re.sub(r"([\w.]+)@", lambda m: f"{m.group(1)}{rng.randrange(10**6)}@", text)[:CHARS]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(data_dir: Path, database_url: str | None) -> Iterator[str]:
    """The base URL of `baliza serve` on `data_dir` (and `database_url`), once `/healthz` is 200."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("BALIZA_")}
    env.update(
        BALIZA_DATA_DIR=str(data_dir),
        BALIZA_ENVIRONMENT="dev",
        BALIZA_RATE_LIMIT_PER_MINUTE="1000000",
        BALIZA_CHAR_BUDGET_PER_MINUTE=str(10**12),
        HF_HUB_OFFLINE="1",
    )
    if database_url:
        env["BALIZA_DATABASE_URL"] = database_url
    baliza = Path(sys.executable).parent / "baliza"
    command = [str(baliza), "serve", "--host", "127.0.0.1", "--port", str(port)]
    with (data_dir / "service.log").open("w") as log:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=log)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 180
            while not _healthy(url):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the service did not become healthy; see {log.name}")
                time.sleep(0.25)
            yield url
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _healthy(url: str) -> bool:
    try:
        return httpx.get(url + "/healthz", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def _accounts(data_dir: Path, database_url: str | None) -> tuple[str, list[str]]:
    """A partner key and the analysts, made with the functions `baliza keys/users` use."""
    from baliza.settings import Settings
    from service.db.engine import make_engine, session_factory
    from service.review import accounts
    from service.runtime import AppState

    settings = Settings(data_dir=data_dir, database_url=database_url, environment="dev")
    engine = make_engine(settings.resolved_database_url)
    state = AppState.build(settings, engine, session_factory(engine))
    names = [f"analyst-{i:02d}" for i in range(ANALYSTS)]
    with state.sessions() as session:
        key, _ = accounts.create_key(session, state, "load", "bench", scopes=("score", "ingest"))
        for name in names:
            accounts.add_user(session, state, name, "analyst", PASSWORD, "bench")
    engine.dispose()
    return key, names


class Log:
    """Samples from many threads: (operation, seconds, status)."""

    def __init__(self) -> None:
        self.samples: list[tuple[str, float, int]] = []
        self._lock = threading.Lock()

    def timed(self, operation: str, call) -> httpx.Response | None:  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            response = call()
            status = response.status_code
        except httpx.HTTPError:
            response, status = None, 0  # a timeout or dropped connection
        with self._lock:
            self.samples.append((operation, time.perf_counter() - start, status))
        return response


def _partner(url: str, key: str, stop: threading.Event, log: Log, ads: list[str]) -> None:
    rng = random.Random(7)
    with httpx.Client(base_url=url, headers={"X-API-Key": key}, timeout=900) as client:
        n = 0
        while not stop.is_set():
            texts = [_long_text(ads, rng, f"load {n}-{d} {uuid.uuid4().hex}") for d in range(DISTINCT)]
            items = [
                {"external_id": f"big-{n}-{i}", "text": texts[i % DISTINCT], "source": "bulk"}
                for i in range(ITEMS)
            ]
            log.timed("score_256x20k", lambda items=items: client.post("/v1/score", json={"items": items}))
            n += 1


def _analyst(url: str, bearer: dict[str, str], stop: threading.Event, log: Log, seed: int) -> None:
    rng = random.Random(seed)

    def step(operation: str, send, path: str, **kwargs: object) -> httpx.Response | None:  # type: ignore[no-untyped-def]
        response = log.timed(operation, lambda: send(path, **kwargs))
        time.sleep(rng.uniform(*THINK_S))
        return response

    with httpx.Client(base_url=url, timeout=60) as client:
        client.headers.update(bearer)
        while not stop.is_set():
            step("list", client.get, "/v1/queue", params={"limit": 50})
            claim = step("claim", client.post, "/v1/queue/claim")
            if claim is None or claim.status_code != 200:
                continue
            item = claim.json()["id"]
            step("open", client.get, f"/v1/queue/{item}")
            if rng.random() < 0.25:
                step("decide", client.post, f"/v1/items/{item}/decision", json=DISMISS)
            else:
                step("release", client.post, f"/v1/items/{item}/release")


def _latency(seconds: list[float]) -> dict:
    ms = np.array(seconds) * 1000
    if not len(ms):
        return {"requests": 0}
    figure = {q: round(float(np.percentile(ms, q)), 1) for q in (50, 95, 99)}
    return {
        "requests": len(ms),
        **{f"p{q}": {"value": v, "unit": "ms"} for q, v in figure.items()},
        "max": {"value": round(float(ms.max()), 1), "unit": "ms"},
    }


def _seed(url: str, key: str, ads: list[str]) -> None:
    items = [{"external_id": f"seed-{i}", "text": ads[i % len(ads)], **QUEUE} for i in range(SEED_ITEMS)]
    with httpx.Client(base_url=url, headers={"X-API-Key": key}, timeout=300) as client:
        for start in range(0, len(items), 64):
            client.post("/v1/score", json={"items": items[start : start + 64]}).raise_for_status()


def _warm(url: str, bearers: list[dict]) -> None:
    """One queue listing per analyst at once, not measured: the service's pool opens its database
    connections and builds its link graph here, not inside the first phase's figures."""
    threads = [
        threading.Thread(target=httpx.get, args=(url + "/v1/queue",), kwargs={"headers": b, "timeout": 60})
        for b in bearers
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def bench_backend(database_url: str | None) -> dict:
    """The figures of one backend (SQLite when `database_url` is None): analysts alone, then with
    the partner."""
    ads = _positives()
    data_dir = Path(tempfile.mkdtemp(prefix="baliza-load-bench-"))
    phases: dict = {}
    try:
        with serving(data_dir, database_url) as url:
            key, names = _accounts(data_dir, database_url)
            bearers = [_bearer(url, name) for name in names]  # once: a login is no analyst's work
            _seed(url, key, ads)
            _warm(url, bearers)
            for phase, seconds, partner in (
                ("analysts_alone", ALONE_SECONDS, False),
                ("with_partner", SECONDS, True),
            ):
                phases[phase] = _phase(url, key, bearers, ads, seconds, partner)
        phases["service_errors"] = _errors(data_dir / "service.log")
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    return phases


def _errors(log: Path) -> dict[str, int]:
    """The service log's warnings and errors, and exceptions by their last line, so a 5xx says what
    it was (access lines are left out: the client counted those)."""
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    kinds = ("WARNING", "ERROR", "Error:", "Exception:", "Timeout")
    wanted = [line for line in lines if line[:1].strip() and '" ' not in line]
    found = Counter(line[:200] for line in wanted if any(k in line for k in kinds))
    return dict(found.most_common(10))


def _phase(url: str, key: str, bearers: list[dict], ads: list[str], seconds: float, partner: bool) -> dict:
    log = Log()
    stop = threading.Event()
    threads = [threading.Thread(target=_analyst, args=(url, b, stop, log, i)) for i, b in enumerate(bearers)]
    if partner:
        threads.append(threading.Thread(target=_partner, args=(url, key, stop, log, ads), daemon=True))
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads[:ANALYSTS]:
        thread.join()
    window = time.perf_counter() - start
    queued = httpx.get(url + "/v1/queue", headers=bearers[0], params={"limit": 1}, timeout=60)
    # A partner request still in the model is left to the service's shutdown (its thread is a daemon).
    return _report(log, window, queued.json()["counts"], partner)


def _bearer(url: str, name: str) -> dict[str, str]:
    token = httpx.post(url + "/v1/auth/login", json={"username": name, "password": PASSWORD}, timeout=60)
    return {"Authorization": f"Bearer {token.json()['token']}"}


def _report(log: Log, window: float, queued: dict, partner_sent: bool) -> dict:
    analyst = [s for s in log.samples if s[0] != "score_256x20k"]
    sent = [s for s in log.samples if s[0] == "score_256x20k" and s[2]]
    partner = [s for s in sent if s[2] == 200]
    failures = Counter(f"{op} {status}" for op, _, status in analyst if status >= 500 or status == 0)
    refused = Counter(f"{op} {status}" for op, _, status in analyst if 400 <= status < 500 and status != 409)
    overall = _latency([s[1] for s in analyst])
    return {
        "window": {"value": round(window, 1), "unit": "s"},
        "analysts": ANALYSTS,
        "analyst_requests": overall,
        "analyst_per_operation": {
            op: _latency([s[1] for s in analyst if s[0] == op])
            for op in ("list", "claim", "open", "decide", "release")
        },
        "analyst_5xx_or_dropped": {"value": sum(failures.values()), "unit": "requests", "by": dict(failures)},
        "analyst_4xx_other_than_409": {
            "value": sum(refused.values()),
            "unit": "requests",
            "by": dict(refused),
        },
        "partner_requests_completed": {
            "value": len(partner),
            "unit": f"requests of {ITEMS} x {CHARS} chars ({DISTINCT} fresh texts each)",
            "other_answers": dict(Counter(s[2] for s in sent if s[2] != 200)),
        },
        "partner_request_seconds": [round(s[1], 1) for s in partner],
        "items_queued_at_end": queued,
        "meets_p99_1s_and_no_5xx": bool(
            overall.get("p99", {}).get("value", 0) <= P99_LIMIT_MS
            and not failures
            and (partner or not partner_sent)
        ),
    }


@contextmanager
def postgres_database() -> Iterator[str | None]:
    """A fresh database on the admin URL from the environment, dropped afterwards; None without one."""
    admin = os.environ.get("BALIZA_BENCH_POSTGRES_URL") or os.environ.get("BALIZA_TEST_POSTGRES_URL")
    if not admin:
        yield None
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"baliza_load_{uuid.uuid4().hex[:8]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


def bench_load() -> dict:
    backends = os.environ.get("BALIZA_LOAD_BACKENDS", "sqlite,postgresql").split(",")
    load_before = os.getloadavg()[0]
    results: dict = {}
    if "sqlite" in backends:
        results["sqlite"] = bench_backend(None)
    if "postgresql" in backends:
        with postgres_database() as url:
            results["postgresql"] = bench_backend(url) if url else {"skipped": "no PostgreSQL admin URL"}
    results["machine_load"] = {
        "value": [round(load_before, 1), round(os.getloadavg()[0], 1)],
        "unit": "1-minute load average at start and end",
    }
    results["note"] = (__doc__ or "").split("\n\n", 1)[1].strip()
    return results


if __name__ == "__main__":
    print(json.dumps(bench_load(), indent=2))
