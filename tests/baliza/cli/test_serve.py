"""`baliza serve` as a real process: it migrates, loads the model, answers /healthz, and a second
server on the same port fails with one line. The model is a lexical one trained here through the
CLI (no encoder needed), so the test runs offline in seconds.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.baliza.cli.test_cli import BALIZA, assert_one_line_error, run
from tests.factories import small_corpus, write_jsonl

STARTUP_SECONDS = 180  # imports and model load on a busy 2-core CI machine
SENTINEL = "Escribime al +34 612 345 678, sentinel-body-text"
QUERY_SENTINEL = "ana.lopez@example.com"


@pytest.fixture(scope="module")
def lexical_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("serve-model")
    data = write_jsonl(base / "small.jsonl", small_corpus(per_family=3))
    result = run(
        ["train", "--data", str(data), "--kind", "lexical", "--out", str(base / "model"), "--quiet"], base
    )
    assert result.returncode == 0, result.stderr
    return base / "model"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str, headers: dict[str, str] | None = None, body: dict | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        url, data=data, headers={"Content-Type": "application/json", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


@pytest.fixture
def server(tmp_path: Path, lexical_model: Path) -> Iterator[tuple[int, Path, subprocess.Popen]]:
    """A `baliza serve` process on a free port; stopped with SIGINT (Ctrl-C) at the end."""
    port, data_dir = free_port(), tmp_path / "data"
    env = {**os.environ, "BALIZA_DATA_DIR": str(data_dir), "BALIZA_MODEL": str(lexical_model)}
    env.pop("BALIZA_DATABASE_URL", None)
    process = subprocess.Popen(
        [BALIZA, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield port, data_dir, process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
        try:
            process.communicate(timeout=30)  # also closes the pipes
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


def wait_healthy(port: int, process: subprocess.Popen) -> dict:
    """Poll /healthz until 200, the process dies, or the deadline passes."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"baliza serve exited {process.returncode}: {process.stderr.read()}")  # type: ignore[union-attr]
        try:
            status, body = get(f"http://127.0.0.1:{port}/healthz")
            if status == 200:
                return body
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    pytest.fail(f"baliza serve did not answer /healthz within {STARTUP_SECONDS} s")


def test_serve_migrates_loads_the_model_and_refuses_a_busy_port(server, lexical_model):
    port, data_dir, process = server
    health = wait_healthy(port, process)
    manifest = json.loads((lexical_model / "manifest.json").read_text())
    assert health == {"status": "ok", "model_version": manifest["model_version"]}
    assert (data_dir / "baliza.sqlite3").is_file()  # migrated on start

    # A key made by the CLI against the running server's database works at once.
    key = run(["keys", "create", "--partner", "acme"], data_dir).stdout.strip()
    status, body = get(
        f"http://127.0.0.1:{port}/v1/score",
        headers={"X-API-Key": key},
        body={"items": [{"external_id": "s1", "text": SENTINEL}]},
    )
    assert status == 200 and body["model_version"] == manifest["model_version"]
    assert get(f"http://127.0.0.1:{port}/v1/queue")[0] == 401
    assert get(f"http://127.0.0.1:{port}/v1/queue?source={QUERY_SENTINEL}")[0] == 401

    second = run(["serve", "--port", str(port)], data_dir)
    assert_one_line_error(second, 1, f"port {port} on 127.0.0.1 is already in use")

    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130 and "Application shutdown complete" in err, err  # Ctrl-C, graceful
    assert f"serving on http://127.0.0.1:{port}" in err
    assert "POST /v1/score" in out + err  # requests are logged ...
    assert "sentinel-body-text" not in out + err and "612 345 678" not in out + err  # ... bodies never
    assert "GET /v1/queue" in out + err and QUERY_SENTINEL not in out + err  # ... nor query strings


def test_a_missing_model_is_one_line_before_serving(tmp_path):
    env_model = tmp_path / "no-model"
    result = subprocess.run(
        [BALIZA, "serve", "--port", str(free_port())],
        capture_output=True,
        text=True,
        env={**os.environ, "BALIZA_DATA_DIR": str(tmp_path / "data"), "BALIZA_MODEL": str(env_model)},
        timeout=300,
    )
    assert_one_line_error(result, 2, "unknown model")


def test_connections_accepted_on_the_served_socket_have_nagle_off() -> None:
    """Keep-alive partners otherwise wait ~40 ms per response for a delayed ACK: asyncio turns on
    TCP_NODELAY only for sockets created with proto IPPROTO_TCP, so `bind` must create it so."""
    import asyncio

    from baliza.cli.serve import bind

    listener = bind("127.0.0.1", free_port())
    seen: list[int] = []

    async def main() -> None:
        accepted = asyncio.Event()

        def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            sock = writer.get_extra_info("socket")
            seen.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()
            accepted.set()

        server = await asyncio.start_server(on_connect, sock=listener)
        port = listener.getsockname()[1]
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        await asyncio.wait_for(accepted.wait(), 10)
        writer.close()
        server.close()
        await server.wait_closed()

    asyncio.run(main())
    assert seen and seen[0] != 0
