"""`baliza serve` killed with SIGKILL while a crawl posts to it loses and duplicates nothing.

Intake writes a request's receipts and items in one transaction, and the crawler keeps every ad in
its spool until the service has acknowledged the batch holding it. So a kill leaves each batch either
committed or not at all; the crawler re-sends whatever was not acknowledged, including a batch that
was committed but whose answer never arrived, and the stored receipt answers that retry (same
partner, same id, same text) instead of a second row. This test kills a real server as soon as the
first batch's receipts are committed (the next batch is then on the wire or being scored), restarts
it on the same data dir and re-runs the crawl; then every crawled ad has exactly one receipt, every
flagged one exactly one queued item, SQLite's integrity check passes and the audit chain verifies.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import threading
import time
from contextlib import closing
from pathlib import Path

from tests.baliza.cli import test_serve
from tests.baliza.cli.test_cli import BALIZA, run
from tests.baliza.cli.test_serve import free_port, wait_healthy
from tests.crawler import conftest as crawler_tests
from tests.crawler.conftest import read_feed, run_crawl, summary_of

# Fixtures of other test modules, used here as they are: the small CLI-trained model, and the
# synthetic site on a free port (both once per module).
lexical_model = test_serve.lexical_model
site = crawler_tests.site
KILL_WAIT_SECONDS = 90  # the crawl (~700 pages) and its first batch on a busy 2-core CI machine
POLL_SECONDS = 0.01


class Service:
    """`baliza serve` on one data dir and port, started again after a kill as an operator would."""

    def __init__(self, data_dir: Path, model: Path) -> None:
        self.data_dir, self.port = data_dir, free_port()
        self.env = {**os.environ, "BALIZA_DATA_DIR": str(data_dir), "BALIZA_MODEL": str(model)}
        self.env.pop("BALIZA_DATABASE_URL", None)
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def database(self) -> Path:
        return self.data_dir / "baliza.sqlite3"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [BALIZA, "serve", "--port", str(self.port)],
            env=self.env,
            stdout=subprocess.DEVNULL,  # access lines only; a pipe nobody reads could fill and block
            stderr=subprocess.PIPE,
            text=True,
        )
        wait_healthy(self.port, self.process)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.communicate(timeout=30)
        assert self.process.returncode == -signal.SIGKILL

    def stop(self) -> None:
        """Ctrl-C, as at the end of any session; a server that hangs is killed."""
        process = self.process
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGINT)
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


def receipts(database: Path) -> int:
    """Committed receipts, read the way a second process sees them (WAL: never blocks the writer)."""
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5)) as conn:
        return int(conn.execute("SELECT count(*) FROM receipts").fetchone()[0])


def kill_after_first_receipts(service: Service, killed: list[int]) -> None:
    """SIGKILL the server as soon as any receipt is committed; record how many there were."""
    deadline = time.monotonic() + KILL_WAIT_SECONDS
    while time.monotonic() < deadline and service.running:
        try:
            seen = receipts(service.database)
        except sqlite3.OperationalError:  # a writer's checkpoint holds the file for a moment
            seen = 0
        if seen:
            service.kill()
            killed.append(seen)
            return
        time.sleep(POLL_SECONDS)


def test_a_server_killed_during_a_posting_crawl_loses_and_duplicates_no_ad(
    site, lexical_model, tmp_path, monkeypatch
):
    service = Service(tmp_path / "service", lexical_model)
    crawl_dir, feed = tmp_path / "crawl", tmp_path / "feed.jsonl"
    crawl = ["--source", "demo", "--out", str(feed), "--post-backoff", "0.05"]
    try:
        service.start()
        key = run(["keys", "create", "--partner", "crawler", "--scope", "ingest"], service.data_dir)
        assert key.returncode == 0, key.stderr
        monkeypatch.setenv("BALIZA_INGEST_KEY", key.stdout.strip())

        killed: list[int] = []
        killer = threading.Thread(target=kill_after_first_receipts, args=(service, killed), daemon=True)
        killer.start()
        first = summary_of(run_crawl(site.url, crawl_dir, *crawl, "--post", service.url))
        killer.join()
        crawled = [row["id"] for row in read_feed(feed)]
        assert killed, "the server was never killed: no receipt appeared"
        # The kill fell inside the delivery: some batches were still to be sent or answered.
        assert 0 < killed[0] < len(crawled) and first["spooled"] > 0, (killed, first)

        service.start()
        again = summary_of(run_crawl(site.url, crawl_dir, *crawl, "--post", service.url))
        assert again["spooled"] == 0 and again["posted"] == first["spooled"], again
    finally:
        service.stop()

    with closing(sqlite3.connect(service.database)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored, ids, flagged = conn.execute(
            "SELECT count(*), count(DISTINCT external_id), sum(flagged) FROM receipts"
        ).fetchone()
        items, linked = conn.execute(
            "SELECT (SELECT count(*) FROM items), (SELECT count(DISTINCT item_id) FROM receipts)"
        ).fetchone()
        orphans = conn.execute(
            "SELECT count(*) FROM items WHERE id NOT IN "
            "(SELECT item_id FROM receipts WHERE item_id IS NOT NULL)"
        ).fetchone()[0]
    # Only crawled ads were sent, and a receipt names its ad by one value per id (a keyed hash of it):
    # as many receipts, all for distinct ids, as crawled ads means every crawled ad has exactly one.
    assert len(crawled) == len(set(crawled)) and stored == ids == len(crawled), (stored, ids, len(crawled))
    assert items == flagged == linked > 0 and orphans == 0, (items, flagged, linked, orphans)

    verified = run(["audit", "verify"], service.data_dir)
    assert verified.returncode == 0 and "audit log intact" in verified.stdout, verified.stderr
