"""Intake's CPU work in a child process at a lower CPU priority, for `baliza serve`.

A partner's maximal request (256 ads of 20,000 characters) is minutes of model and redaction time on
two cores. Run in the service's own process, it took the cores and Python's interpreter lock from
the analysts' requests beside it: with one partner sending such requests back to back, analysts'
median latency tripled. In a child at `nice` `NICE`, the same work (`service.review.analysis.
analyse`: the same answers) gets the cores only when the service's own threads leave them idle, and
shares no interpreter lock with them.

One request at a time goes to the child (more would only split the same cores); other partners'
requests wait their turn here. The child is started with `spawn` (a process whose torch threads are
running must not be forked), loads the model on first use and again when the path or version sent
with a request changes (a reload in the service). If it dies — killed, out of memory — the request
that saw it is refused as unavailable (503, nothing was written) and the next request starts a new
child. It ends when the service closes it, or on its own when the service's end of the pipe closes.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING

from baliza.errors import BalizaError
from baliza.settings import Settings
from models.ad import Ad
from models.encoders import Encoders
from service.review.analysis import Analyser, Analysis, InProcess, analyse

if TYPE_CHECKING:
    from models.modeldir import Model

NICE = 10
RETRY_AFTER_S = 5
STOP_WAIT_S = 5.0


def analyser_for(settings: Settings) -> Analyser:
    """What `baliza serve` (each of its processes) scores with: a `ScoringProcess` unless
    `scoring_process` is off. (An app built directly, as in tests, scores in its threads.)"""
    return ScoringProcess() if settings.scoring_process else InProcess()


class ScoringUnavailable(BalizaError):
    """The scoring process ended during a request; retry after `retry_after` seconds."""

    def __init__(self, retry_after: int = RETRY_AFTER_S) -> None:
        super().__init__(f"scoring is restarting; retry in {retry_after} s")
        self.retry_after = retry_after


class ScoringProcess:
    """An `Analyser` that runs `analyse` in a child process at `nice` (see the module docstring)."""

    def __init__(self, nice: int = NICE, encoders: Callable[[], Encoders] = Encoders) -> None:
        """`encoders` builds the child's holder (a top-level callable: it is sent by name)."""
        self._nice = nice
        self._encoders = encoders
        self._turn = threading.Lock()
        self._child: tuple[BaseProcess, Connection] | None = None

    @property
    def pid(self) -> int | None:
        return self._child[0].pid if self._child is not None else None

    def start(self) -> None:
        """Start the child now (it imports and loads while the service starts), not at first use."""
        with self._turn:
            self._running()

    def analyse(self, model: Model, ads: Sequence[Ad], secret_key: bytes) -> Analysis:
        with self._turn:
            _process, connection = self._running()
            try:
                connection.send((str(model.path), model.version, list(ads), secret_key))
                status, payload = connection.recv()
            except (EOFError, OSError) as exc:
                self._stop()
                raise ScoringUnavailable() from exc
        if status != "ok":
            raise RuntimeError(f"the scoring process failed: {payload}")
        return payload

    def close(self) -> None:
        with self._turn:
            self._stop()

    def _running(self) -> tuple[BaseProcess, Connection]:
        if self._child is not None and not self._child[0].is_alive():
            self._stop()
        if self._child is None:
            ours, theirs = multiprocessing.get_context("spawn").Pipe()
            process = multiprocessing.get_context("spawn").Process(
                target=serve, args=(theirs, self._nice, self._encoders), name="baliza-scoring", daemon=True
            )
            process.start()
            theirs.close()
            self._child = (process, ours)
        return self._child

    def _stop(self) -> None:
        if self._child is None:
            return
        process, connection = self._child
        self._child = None
        with contextlib.suppress(OSError):
            connection.send(None)
        connection.close()
        process.join(STOP_WAIT_S)
        if process.is_alive():
            process.kill()
            process.join()


def serve(connection: Connection, nice: int, make_encoders: Callable[[], Encoders]) -> None:
    """The child: answer `(model path, version, ads, key)` with `("ok", analysis)` until told to stop
    (None) or the service's end closes. An error in one request is answered, not fatal."""
    from models.modeldir import load_model
    from models.scoring import warm_up

    os.nice(nice)
    encoders = make_encoders()
    loaded: tuple[str, str, Model] | None = None
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        path, version, ads, secret_key = message
        try:
            if loaded is None or loaded[:2] != (path, version):
                model = load_model(Path(path), encoders)
                warm_up(model)
                loaded = (path, version, model)
            answer: tuple[str, object] = ("ok", analyse(loaded[2], ads, secret_key))
        except Exception as exc:  # answered; the service raises it
            answer = ("error", f"{type(exc).__name__}: {exc}")
        try:
            connection.send(answer)
        except OSError:
            return
