"""`baliza site`: serves on the port asked for; a busy port is a one-line error."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BALIZA = str(Path(sys.executable).parent / "baliza")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_site_serves_on_the_port_given():
    port = free_port()
    process = subprocess.Popen(
        [BALIZA, "site", "--port", str(port)], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=1) as response:
                    assert "Disallow: /private/" in response.read().decode()
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
    finally:
        process.terminate()
        process.communicate(timeout=10)


def test_busy_port_is_one_line_error():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = {**os.environ, "BALIZA_SITE_URL": f"http://127.0.0.1:{port}"}
        result = subprocess.run([BALIZA, "site"], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"cannot serve on 127.0.0.1:{port}" in lines[0]
