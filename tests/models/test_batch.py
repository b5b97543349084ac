"""`models.batch`: input checked up front then streamed, results in order with a bounded window,
and the Dask engine's cluster — loopback only, offline workers, one model per worker process."""

from __future__ import annotations

import importlib.util
import io
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

from baliza.errors import InputError
from models.batch.source import checked_records
from models.batch.window import chunked, in_order
from models.resolve import DEFAULT_MODEL_DIR


def test_chunked_reads_lazily_in_lists_of_the_size():
    seen: list[int] = []

    def numbers():
        for n in range(7):
            seen.append(n)
            yield n

    chunks = chunked(numbers(), 3)
    assert next(chunks) == [0, 1, 2] and seen == [0, 1, 2]
    assert list(chunks) == [[3, 4, 5], [6]]
    with pytest.raises(ValueError):
        next(chunked([1], 0))


def test_in_order_keeps_input_order_and_at_most_window_in_flight():
    """Items run three at a time and each waits for the next one to finish, so within a window the
    last finishes first; results still come back in input order, and never more than `window` are
    submitted and not yet given back."""
    window, total, lock = 3, 10, threading.Lock()
    done = [threading.Event() for _ in range(total)]
    in_flight, peak, finished = 0, 0, []

    def work(n: int) -> int:
        if n % window != window - 1 and n + 1 < total:
            assert done[n + 1].wait(timeout=30), "the next item was never submitted"
        with lock:
            finished.append(n)
        done[n].set()
        return n * n

    with ThreadPoolExecutor(max_workers=window) as pool:

        def submit(n: int) -> Future:
            nonlocal in_flight, peak
            with lock:
                in_flight += 1
                peak = max(peak, in_flight)
            return pool.submit(work, n)

        results = []
        for value in in_order(range(total), submit, window):
            with lock:
                in_flight -= 1
            results.append(value)
    assert results == [n * n for n in range(total)]
    assert finished[:3] == [2, 1, 0]
    assert peak == window


def test_checked_records_fail_up_front_for_a_file(tmp_path):
    path = tmp_path / "ads.jsonl"
    path.write_text('{"id": 1, "text": "a"}\n\n{"id": 2, "text": "b"}\n{"id": 3}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"ads\.jsonl:4: missing or invalid 'text'"), checked_records(path):
        pytest.fail("a bad line must fail before the records are handed out")
    path.write_text('{"id": 1, "text": "a"}\n\n{"external_id": "x", "text": "b"}\n', encoding="utf-8")
    with checked_records(path) as records:
        assert list(records) == [{"id": 1, "text": "a"}, {"external_id": "x", "text": "b", "id": "x"}]


def test_checked_records_spool_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": 1, "text": "ñandú"}\n{"id": 2, "text": "b"}\n'))
    with checked_records(None) as records:
        assert [r["text"] for r in records] == ["ñandú", "b"]
    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": 1, "text": "a"}\n{"id": 2, "text": 3}\n'))
    with pytest.raises(InputError, match="<stdin>:2: missing or invalid 'text'"), checked_records("-"):
        pytest.fail("a bad line must fail before the records are handed out")


@pytest.fixture
def dask_scorer():
    if importlib.util.find_spec("distributed") is None:
        message = "Dask is not installed (pip install -e '.[scale]'; make test installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from models.batch import dask_scorer

    return dask_scorer


def _listening(psutil) -> set[tuple[str, int]]:
    me = psutil.Process()
    return {
        (sock.laddr.ip, sock.laddr.port)
        for process in (me, *me.children(recursive=True))
        for sock in process.net_connections(kind="inet")
        if sock.status == psutil.CONN_LISTEN
    }


def _model_of(plugin_name: str, dask_worker=None) -> tuple[int, int]:
    return os.getpid(), id(dask_worker.plugins[plugin_name].model)


def _model_in_task(plugin_name: str) -> tuple[int, int]:
    from distributed import get_worker

    return os.getpid(), id(get_worker().plugins[plugin_name].model)


def test_local_cluster_listens_on_loopback_only_and_each_worker_holds_one_model(dask_scorer, monkeypatch):
    """Also: the workers run offline with the client's environment (no thread caps of Dask's)."""
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    import psutil

    before = _listening(psutil)
    with dask_scorer.connect(2, None) as client:
        opened = _listening(psutil) - before
        assert len(opened) >= 5  # scheduler, its HTTP endpoint, two workers, two nannies
        assert {ip for ip, _ in opened} == {"127.0.0.1"}
        names = (
            "HF_HUB_OFFLINE",
            "TRANSFORMERS_OFFLINE",
            "OMP_NUM_THREADS",
            "MALLOC_TRIM_THRESHOLD_",
            "PATH",
        )
        envs = client.run(lambda: [os.environ.get(n) for n in names])
        client_env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
        assert list(envs.values()) == [[client_env.get(n) for n in names]] * 2  # offline, else the client's

        name = "baliza-model-test"
        client.register_plugin(dask_scorer.ModelPlugin(str(DEFAULT_MODEL_DIR)), name=name)
        held = client.run(_model_of, name)
        assert len({pid for pid, _ in held.values()}) == 2
        for address, model in held.items():
            tasks = [client.submit(_model_in_task, name, workers=[address], pure=False) for _ in range(3)]
            assert {f.result() for f in tasks} == {model}
        loads = client.run(lambda dask_worker: dask_worker.plugins[name].load_s)
        assert all(seconds > 0 for seconds in loads.values())
