"""`baliza score --engine dask`, run as a real process on a real `LocalCluster`: the same bytes as
the local path, and one-line errors for a missing extra, a bad scheduler and bad input.

The tests that start a cluster skip when Dask is not importable, except under CI=true (where
`make test` installs the `scale` extra), where they fail.
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.baliza.cli.test_cli import assert_one_line_error
from tests.factories import REPO, read_jsonl

BALIZA = str(Path(sys.executable).parent / "baliza")
V2 = REPO / "labelled_data" / "v2"


@pytest.fixture
def needs_dask() -> None:
    if importlib.util.find_spec("distributed") is None:
        message = "Dask is not installed (pip install -e '.[scale]'; make test installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


# Dask's connect timeout (30 s by default): how long a missing scheduler or a scheduler without
# workers is waited for before the one-line error; shortened so those tests do not sit idle.
CONNECT_WAIT = {"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "3s"}


def run(args: list[str], data_dir: Path, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "BALIZA_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1", **CONNECT_WAIT, **env}
    full_env.pop("BALIZA_MODEL", None)
    return subprocess.run(
        [BALIZA, "score", *args], input=stdin, capture_output=True, text=True, env=full_env, timeout=600
    )


def forty_ads() -> list[dict]:
    """40 distinct ads, es and en, positives and negatives; half without `lang` (detected), one
    named by `external_id` as an API item is."""
    rows = (
        read_jsonl(V2 / "synthetic" / "test.jsonl")[:20]
        + read_jsonl(V2 / "handwritten" / "handwritten-test.jsonl")[:20]
    )
    ads = [
        {"id": r["id"], "text": r["text"], **({"lang": r["lang"]} if i % 2 else {})}
        for i, r in enumerate(rows)
    ]
    ads[5] = {"external_id": ads[5]["id"], "text": ads[5]["text"]}
    assert len({a["text"] for a in ads}) == 40
    return ads


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def forty(tmp_path_factory) -> tuple[Path, str]:
    """The 40 ads as a file, and what the local engine writes for them in batches of 8."""
    ads = forty_ads()
    base = tmp_path_factory.mktemp("forty")
    source = base / "ads.jsonl"
    source.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ads), encoding="utf-8")
    local = run(["--batch-size", "8", str(source)], base / "local")
    assert local.returncode == 0, local.stderr
    assert [json.loads(line)["id"] for line in local.stdout.splitlines()] == [
        a.get("id", a.get("external_id")) for a in ads
    ]
    return source, local.stdout


def test_dask_engine_writes_the_bytes_of_the_local_engine(tmp_path, needs_dask, forty):
    """Two worker processes, five chunks of one batch each: output identical to the local path
    (same batches), in input order, streamed from stdin into --out."""
    source, expected = forty
    out = tmp_path / "dask.jsonl"
    args = ["--engine", "dask", "--workers", "2", "--batch-size", "8", "--chunk-size", "8", "--out", str(out)]
    dask = run(args, tmp_path / "dask", stdin=source.read_text(encoding="utf-8"))
    assert dask.returncode == 0, dask.stderr
    assert dask.stdout == "" and "Traceback" not in dask.stderr
    assert out.read_text(encoding="utf-8") == expected
    assert not (tmp_path / "dask.jsonl.partial").exists()


def _start(command: list[str], log: Path) -> subprocess.Popen:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    with log.open("w") as handle:
        return subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT, env=env)


def test_an_existing_scheduler_scores_the_same_bytes(tmp_path, needs_dask, forty):
    """A scheduler and a worker started by hand (`dask scheduler`, `dask worker`) on 127.0.0.1:
    without a worker the command says so; with one it writes the local engine's bytes to stdout."""
    source, expected = forty
    dask = str(Path(sys.executable).parent / "dask")
    port = _closed_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = _start(
        [
            dask,
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-dashboard",
            "--dashboard-address",
            "127.0.0.1:0",
        ],
        tmp_path / "scheduler.log",
    )
    worker = None
    try:
        args = ["--engine", "dask", "--scheduler", address, "--batch-size", "8", "--chunk-size", "16"]
        alone = run(args, tmp_path / "dd", stdin=source.read_text(encoding="utf-8"))
        assert_one_line_error(alone, 1, f"the dask scheduler at {address} has no workers")

        worker = _start(
            [
                dask,
                "worker",
                address,
                "--host",
                "127.0.0.1",
                "--nthreads",
                "1",
                "--nworkers",
                "1",
                "--no-dashboard",
            ],
            tmp_path / "worker.log",
        )
        # A worker just started may take seconds to register: wait for it as long as a user would.
        result = run([*args, str(source)], tmp_path / "dd", DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="120s")
        assert result.returncode == 0, result.stderr
        assert result.stdout == expected
    finally:
        for process in (worker, scheduler):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)


def test_missing_extra_is_one_line_naming_the_extra(tmp_path):
    """Dask made unimportable (a `distributed` package that fails on import, first on the path):
    the command says what to install, exits 2, prints no traceback and no output."""
    blocker = tmp_path / "blocker" / "distributed"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError(\"No module named 'distributed'\")\n")
    path = os.pathsep.join(filter(None, [str(blocker.parent), os.environ.get("PYTHONPATH")]))
    result = run(["--engine", "dask"], tmp_path, stdin='{"id": 1, "text": "hola"}\n', PYTHONPATH=path)
    assert_one_line_error(result, 2, "pip install -e '.[scale]'")
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("address", "code", "fragment"),
    [
        ("nonsense://somewhere:1", 2, "not a dask scheduler address"),
        ("127.0.0.1:not-a-port", 2, "not a dask scheduler address"),
        (f"tcp://127.0.0.1:{_closed_port()}", 1, "cannot reach the dask scheduler at tcp://127.0.0.1:"),
    ],
)
def test_bad_scheduler_address_is_one_line(tmp_path, needs_dask, address, code, fragment):
    result = run(["--engine", "dask", "--scheduler", address], tmp_path, stdin='{"id": 1, "text": "hola"}\n')
    assert_one_line_error(result, code, fragment)
    assert result.stdout == ""


def test_a_bad_line_fails_before_any_output(tmp_path, needs_dask):
    """Standard input is checked to its end before a cluster starts: nothing is written."""
    stdin = '{"id": 1, "text": "hola"}\n' * 3 + '{"id": 2}\n'
    out = tmp_path / "out.jsonl"
    result = run(["--engine", "dask", "--out", str(out)], tmp_path, stdin=stdin)
    assert_one_line_error(result, 2, "<stdin>:4: missing or invalid 'text'")
    assert not out.exists() and not (tmp_path / "out.jsonl.partial").exists()


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
        (["--engine", "ray"], "'ray' is not one of"),
    ],
)
def test_options_that_do_not_fit_are_usage_errors(tmp_path, args, fragment):
    result = run(args, tmp_path, stdin='{"id": 1, "text": "hola"}\n')
    assert result.returncode == 2 and fragment in result.stderr and "Traceback" not in result.stderr


def test_a_chunk_of_part_batches_is_refused_before_stdin_is_read(tmp_path, needs_dask):
    args = ["--engine", "dask", "--batch-size", "8", "--chunk-size", "12"]
    result = run(args, tmp_path, stdin='{"id": 1, "text": "hola"}\n{"id": 2}\n')
    assert_one_line_error(result, 2, "--chunk-size must be a positive multiple of --batch-size")
