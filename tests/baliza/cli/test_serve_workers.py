"""`baliza serve --workers 2` on one fresh PostgreSQL database, as a real process on 127.0.0.1.

Which worker answered a request is read from the operating system, not from the service: a client
connection's server-side socket belongs to exactly one worker process, found by its inode in
`/proc/net/tcp` and the workers' `/proc/<pid>/fd`. Each request below goes over a connection whose
worker is known, so the test can show that both workers served, and send a write to one and the
read that must see it to the other. It shows:
- (d) the links an intake through one worker made are in the queue counts and the item view that
  the other worker serves, though that one had its link graph cached before the intake;
- (a) a partner limited to 10 requests a minute gets exactly 10 through, of 30 sent at once over
  connections to both workers (20 would pass if each worker counted alone);
- (b) 16 analysts claiming and deciding at once, each with a client and an account of their own,
  never get the same item twice, and every queued item is claimed exactly once;
- (c) the audit chain verifies afterwards (`baliza audit verify`).
Besides, `--workers 2` on SQLite is refused in one line, and a worker's app never migrates (the
parent has, once, before any worker starts).
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, inspect

from baliza.cli._db import open_state
from baliza.settings import Settings
from models.encoders import Encoders
from models.modeldir import load_model
from models.scoring import score_records
from service.app import WORKER_SETTINGS, worker_app
from service.review import accounts
from tests.baliza.cli import test_serve
from tests.baliza.cli.test_cli import BALIZA, assert_one_line_error, run
from tests.baliza.cli.test_serve import free_port
from tests.factories import TEST_FILE, read_jsonl
from tests.service.api.conftest import PASSWORD
from tests.service.api.helpers import new_database, postgres_admin

lexical_model = test_serve.lexical_model  # the small CLI-trained model, once per module
STARTUP_SECONDS = 240  # a parent and two workers importing and loading on a busy 2-core machine
LIMIT = 10  # requests a minute per partner key
ANALYSTS = 16
SHARED_PHONE = "+34 612 999 888"


@pytest.fixture
def fresh_database() -> Iterator[str]:
    """An empty PostgreSQL database (no schema: the server must migrate it)."""
    with new_database(postgres_admin("the two-worker test"), "baliza_w") as (_, url):
        yield url


# --- which process holds a connection ----------------------------------------------------------


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _inode(server_port: int, client_port: int) -> str | None:
    """The inode of the server's end of the connection from `client_port` (IPv4, established)."""
    wanted = (f"0100007F:{server_port:04X}", f"0100007F:{client_port:04X}")
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if (fields[1], fields[2]) == wanted and fields[3] == "01":
            return fields[9]
    return None


def holder(pids: list[int], server_port: int, client_port: int) -> int | None:
    inode = _inode(server_port, client_port)
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(f"/proc/{pid}/fd/{fd}") == f"socket:[{inode}]":
                    return pid
            except OSError:
                continue
    return None


class Pinned:
    """A keep-alive connection to the server, and the worker process that accepted it; every one
    made is in `OPEN` until `close_all()`."""

    OPEN: ClassVar[list[Pinned]] = []

    def __init__(self, port: int, workers: list[int]) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        Pinned.OPEN.append(self)
        assert self.request("GET", "/healthz")[0] == 200  # accepted, so some worker holds it now
        self.pid = holder(workers, port, self.connection.sock.getsockname()[1])
        assert self.pid in workers, (self.pid, workers)

    def request(
        self, method: str, path: str, body: dict | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict, dict[str, str]]:
        data = json.dumps(body) if body is not None else None
        self.connection.request(
            method, path, body=data, headers={"Content-Type": "application/json", **(headers or {})}
        )
        response = self.connection.getresponse()
        raw = response.read()
        headers_ = {name.lower(): value for name, value in response.getheaders()}
        return response.status, json.loads(raw) if raw else {}, headers_

    def close(self) -> None:
        self.connection.close()

    @classmethod
    def close_all(cls) -> None:
        while cls.OPEN:
            cls.OPEN.pop().close()


def pinned_to_each(port: int, workers: list[int], per_worker: int = 1) -> dict[int, list[Pinned]]:
    """`per_worker` connections to every worker; whichever accepts a new one is up to the kernel."""
    found: dict[int, list[Pinned]] = {pid: [] for pid in workers}
    for _ in range(200):
        if all(len(conns) >= per_worker for conns in found.values()):
            return found
        conn = Pinned(port, workers)
        if len(found[conn.pid]) < per_worker:
            found[conn.pid].append(conn)
        else:
            conn.close()
    pytest.fail(f"200 connections did not reach every worker: {[len(c) for c in found.values()]}")


# --- the server --------------------------------------------------------------------------------


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    data_dir: Path
    database: str
    log: Path

    @property
    def workers(self) -> list[int]:
        """The worker processes: the parent's children that hold sockets (not its resource tracker)."""
        return [pid for pid in children(self.process.pid) if _holds_a_socket(pid)]

    def settings(self) -> Settings:
        return Settings(data_dir=self.data_dir, database_url=self.database)


def _holds_a_socket(pid: int) -> bool:
    try:
        return any(
            os.readlink(f"/proc/{pid}/fd/{fd}").startswith("socket:") for fd in os.listdir(f"/proc/{pid}/fd")
        )
    except OSError:
        return False


@pytest.fixture
def server(tmp_path: Path, lexical_model: Path, fresh_database: str) -> Iterator[Server]:
    port, data_dir, log = free_port(), tmp_path / "data", tmp_path / "serve.log"
    env = {
        **os.environ,
        "BALIZA_DATA_DIR": str(data_dir),
        "BALIZA_MODEL": str(lexical_model),
        "BALIZA_DATABASE_URL": fresh_database,
        "BALIZA_RATE_LIMIT_PER_MINUTE": str(LIMIT),
    }
    env.pop("BALIZA_REDIS_URL", None)  # the buckets under test are PostgreSQL's
    with log.open("w") as sink:  # files, not pipes: the access log of ~200 requests must not block it
        process = subprocess.Popen(
            [BALIZA, "serve", "--workers", "2", "--port", str(port)], env=env, stdout=sink, stderr=sink
        )
    running = Server(process, port, data_dir, fresh_database, log)
    try:
        _wait_for_two_workers(running)
        yield running
    finally:
        Pinned.close_all()
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_for_two_workers(server: Server) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"baliza serve exited {server.process.returncode}: {server.log.read_text()}")
        if server.log.read_text().count("Application startup complete") == 2 and len(server.workers) == 2:
            return
        time.sleep(0.25)
    pytest.fail(f"two workers did not start within {STARTUP_SECONDS} s: {server.log.read_text()}")


# --- what the test sends -----------------------------------------------------------------------


def flagged_texts(model_dir: Path, n: int) -> list[str]:
    """`n` synthetic positives the model flags, the first two carrying one phone number."""
    model = load_model(model_dir, Encoders())

    def flagged(texts: list[str]) -> list[str]:
        scored = score_records(model, [{"id": str(i), "text": t} for i, t in enumerate(texts)])
        return [t for t, s in zip(texts, scored, strict=True) if s["flagged"]]

    plain = flagged([r["text"] for r in read_jsonl(TEST_FILE) if r["label"] == 1])
    linked = flagged([f"{t} Escribime al {SHARED_PHONE}" for t in plain])[:2]
    rest = [t for t in plain if not any(other.startswith(t) for other in linked)]
    assert len(linked) == 2 and len(rest) >= n - 2, f"the model flags only {len(plain)} positives"
    return linked + rest[: n - 2]


def people_and_partners(server: Server, analysts: int) -> tuple[list[str], list[str]]:
    """(analyst names, partner keys: feeder, limited), made in the server's database directly."""
    with open_state(server.settings()) as state, state.sessions() as session:
        names = [f"analyst{i}" for i in range(analysts)] + ["reader"]
        for name in names:
            accounts.add_user(session, state, name, "analyst", PASSWORD, actor="test")
        keys = [accounts.create_key(session, state, name, "test")[0] for name in ("feeder", "limited")]
    return names, keys


def login(conn: Pinned, name: str) -> dict[str, str]:
    status, body, _ = conn.request("POST", "/v1/auth/login", {"username": name, "password": PASSWORD})
    assert status == 200, body
    return {"Authorization": f"Bearer {body['token']}"}


def ingest(conn: Pinned, key: str, ads: list[tuple[str, str]]) -> None:
    items = [{"external_id": external_id, "text": text_} for external_id, text_ in ads]
    status, body, _ = conn.request("POST", "/v1/ingest", {"items": items}, {"X-API-Key": key})
    assert status == 200 and all(item["flagged"] for item in body["items"]), body


def queue(conn: Pinned, headers: dict[str, str]) -> dict[int, int]:
    status, body, _ = conn.request("GET", "/v1/queue?limit=200", headers=headers)
    assert status == 200, body
    return {entry["id"]: entry["linked"] for entry in body["items"]}


# --- the test ------------------------------------------------------------------------------------


def test_two_workers_share_limits_claims_links_and_one_audit_chain(server, lexical_model, monkeypatch):
    texts = flagged_texts(lexical_model, 40)
    names, (feeder, limited) = people_and_partners(server, ANALYSTS)
    workers = server.workers
    (writer,), (reader,) = pinned_to_each(server.port, workers).values()

    # (d) An intake through one worker; the other has its link graph cached before it, and must see it.
    ingest(writer, feeder, [("linked-1", texts[0])])
    analyst = login(reader, "reader")
    before = queue(reader, analyst)
    (first,) = before
    assert before == {first: 0}
    ingest(writer, feeder, [("linked-2", texts[1])])
    counts = queue(reader, analyst)
    (second,) = set(counts) - {first}
    assert counts == {first: 1, second: 1}
    status, detail, _ = reader.request("GET", f"/v1/queue/{first}", headers=analyst)
    assert status == 200 and [link["id"] for link in detail["linked"]] == [second], detail

    # (a) 30 requests at once over six connections to the two workers: the key's 10 pass, in all.
    by_worker = pinned_to_each(server.port, workers, per_worker=3)
    answers: list[tuple[int, int, str | None]] = []
    lock = threading.Lock()

    def send(conn: Pinned) -> None:
        for i in range(5):
            status, _, headers = conn.request("GET", f"/v1/items/none-{i}", headers={"X-API-Key": limited})
            with lock:
                answers.append((conn.pid, status, headers.get("retry-after")))

    threads = [threading.Thread(target=send, args=(c,)) for conns in by_worker.values() for c in conns]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    refilled = int((time.monotonic() - started) * LIMIT / 60)  # a token comes back every 6 s
    statuses = Counter(status for _, status, _ in answers)
    assert len(answers) == 30 and set(statuses) <= {404, 429}, statuses
    assert LIMIT <= statuses[404] <= LIMIT + refilled, statuses  # not 2 x 10: one bucket for both workers
    assert all(int(wait) >= 1 for _, status, wait in answers if status == 429 and wait is not None)
    assert all(wait is not None for _, status, wait in answers if status == 429)
    assert Counter(pid for pid, _, _ in answers) == {pid: 15 for pid in workers}  # both answered

    # (b) 16 analysts, each with a client and an account, claim and decide until the queue is empty.
    ingest(Pinned(server.port, workers), feeder, [(f"ad-{i}", t) for i, t in enumerate(texts[2:])])
    queued = 40
    claimed: dict[str, list[int]] = {}

    def work(name: str) -> None:
        url = f"http://127.0.0.1:{server.port}"
        with httpx.Client(base_url=url, timeout=60) as client:
            token = client.post("/v1/auth/login", json={"username": name, "password": PASSWORD}).json()[
                "token"
            ]
            headers = {"Authorization": f"Bearer {token}"}
            mine: list[int] = []
            while True:
                got = client.post("/v1/queue/claim", headers=headers)
                if got.status_code == 204:
                    break
                assert got.status_code == 200, got.text
                mine.append(got.json()["id"])
                decision = {"decision": "dismiss", "reason": "legitimate-offer", "note": ""}
                done = client.post(f"/v1/items/{mine[-1]}/decision", json=decision, headers=headers)
                assert done.status_code == 200, done.text
            claimed[name] = mine

    analysts = [threading.Thread(target=work, args=(name,)) for name in names[:ANALYSTS]]
    for thread in analysts:
        thread.start()
    for thread in analysts:
        thread.join()
    every = [item_id for mine in claimed.values() for item_id in mine]
    assert len(claimed) == ANALYSTS, "an analyst's thread failed"
    assert len(every) == len(set(every)) == queued, Counter(every).most_common(3)

    # (c) The chain of every audit row both workers wrote holds.
    monkeypatch.setenv("BALIZA_DATABASE_URL", server.database)
    verified = run(["audit", "verify"], server.data_dir)
    assert verified.returncode == 0 and "audit log intact" in verified.stdout, verified.stderr

    server.process.send_signal(signal.SIGINT)
    assert server.process.wait(timeout=60) == 130  # Ctrl-C, as with one process
    log = server.log.read_text()
    assert log.count("Application shutdown complete") == 2 and "Traceback" not in log, log


def test_more_than_one_worker_on_sqlite_is_refused_in_one_line(tmp_path):
    result = run(["serve", "--workers", "2", "--port", str(free_port())], tmp_path)
    assert_one_line_error(result, 2, "--workers above 1 needs PostgreSQL")
    assert not (tmp_path / "baliza.sqlite3").exists()  # refused before anything was opened


def test_a_worker_process_app_never_migrates(tmp_path, lexical_model, monkeypatch):
    """The parent migrates once before starting workers; N workers migrating at once would race."""
    database = tmp_path / "empty.sqlite3"
    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{database}", model=str(lexical_model))
    monkeypatch.setenv(WORKER_SETTINGS, settings.model_dump_json())
    app = worker_app()
    assert app.state.baliza.settings == settings  # the parent's settings, exactly
    with TestClient(app) as client:
        assert client.get("/healthz").status_code == 200
    engine = create_engine(f"sqlite:///{database}")
    assert inspect(engine).get_table_names() == []
    engine.dispose()
