"""A live workspace for browser tests: uvicorn on a free 127.0.0.1 port, and Debian's Chromium.

Chromium is started by Playwright from `/usr/bin/chromium` (nothing downloaded), headless, with the
background-networking features off (the machine has no internet; Chromium would try). Under
`CI=true` a missing Chromium fails the test run; on a developer machine it skips.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: How long a browser assertion waits for the page before it fails.
EXPECT_TIMEOUT_MS = 20_000
ARTEFACTS = Path(__file__).resolve().parents[3] / "build" / "screenshots"


def require_chromium() -> None:
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Debian's chromium is missing (/usr/bin/chromium); .ci/run installs it")
        pytest.skip("chromium not installed")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def live_server(app, **config: object) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The app served on a free port; `config` goes to `uvicorn.Config` (quiet unless told)."""
    port = free_port()
    options = {"log_level": "warning", **config}
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, **options))  # type: ignore[arg-type]
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
