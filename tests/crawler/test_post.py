"""`--post`: a service that is down loses nothing; the spool is delivered once it is back, each ad
with its posting date and place."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from crawler.delivery import deliver_spool
from tests.crawler.conftest import read_feed, run_crawl, summary_of


class IngestStub(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), IngestHandler)
        self.batches: list[tuple[str, str | None, list[dict]]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class IngestHandler(BaseHTTPRequestHandler):
    server: IngestStub

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.batches.append((self.path, self.headers.get("X-API-Key"), body["items"]))
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_spool_survives_a_service_that_is_down(site, tmp_path, monkeypatch):
    data_dir, feed = tmp_path / "data", tmp_path / "feed.jsonl"
    monkeypatch.setenv("BALIZA_INGEST_KEY", "partner-key")
    down = f"http://127.0.0.1:{free_port()}"
    extra = ["--source", "demo", "--max-pages", "4", "--out", str(feed), "--post-backoff", "0.01"]
    first = summary_of(run_crawl(site.url, data_dir, *extra, "--post", down))
    spool = data_dir / "spool" / "ingest.jsonl"
    crawled = {row["id"] for row in read_feed(feed)}
    assert first["posted"] == 0 and first["spooled"] == len(crawled) > 0
    assert spool.stat().st_mode & 0o777 == 0o600

    stub = IngestStub()
    thread = threading.Thread(target=stub.serve_forever, daemon=True)
    thread.start()
    try:
        second = summary_of(run_crawl(site.url, data_dir, *extra, "--post", stub.url))
    finally:
        stub.shutdown()
        stub.server_close()
        thread.join(timeout=5)
    delivered = [item for path, key, items in stub.batches for item in items if key == "partner-key"]
    assert {path for path, _, _ in stub.batches} == {"/v1/ingest"}
    assert crawled <= {item["external_id"] for item in delivered}
    assert second["spooled"] == 0 and not spool.exists()
    assert all(set(item) >= {"external_id", "text", "url", "source"} for item in delivered)
    feed_rows = {row["id"]: row for row in read_feed(feed)}
    sent = {item["external_id"]: item for item in delivered}
    assert any(row["posted_at"] and row["location"] for row in feed_rows.values())
    for ad_id, row in feed_rows.items():  # when and for where the site says the ad was posted
        assert sent[ad_id].get("posted_at") == row["posted_at"]
        assert sent[ad_id].get("location") == row["location"]


def test_post_without_key_is_refused(site, tmp_path, monkeypatch):
    monkeypatch.delenv("BALIZA_INGEST_KEY", raising=False)
    result = run_crawl(site.url, tmp_path, "--source", "demo", "--post", "http://127.0.0.1:9")
    assert result.returncode == 2 and "BALIZA_INGEST_KEY" in result.stderr


def test_rejected_batch_stays_spooled(tmp_path):
    spool = tmp_path / "ingest.jsonl"
    spool.write_text(json.dumps({"external_id": "x", "text": "t"}) + "\n", encoding="utf-8")
    assert deliver_spool(spool, f"http://127.0.0.1:{free_port()}", "k", retries=1, backoff=0.01) == (0, 1)
    assert spool.exists()
