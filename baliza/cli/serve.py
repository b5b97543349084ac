"""`baliza serve`: the review service in the foreground (uvicorn; one process, or `--workers N`).

Everything that can fail for a reason a person can fix happens before uvicorn starts, so it ends
as one line on stderr instead of a server traceback: the port is bound first (busy → exit 1), the
database is migrated, and the model is loaded. The bound socket is then handed to uvicorn, so no
other process can take the port in between. Logs carry method, path and status — never bodies,
and never query strings (`PathOnly`): the queue's and the audit log's filters hold sources, names
and e-mail addresses. A partner's own ad id in a status path (`/v1/items/{external_id}`) is logged
as that placeholder, since an id can be an e-mail address or a phone number too.

Partners' ads are scored in a child process at a lower CPU priority (`service.scoring_process`,
one per serving process; `BALIZA_SCORING_PROCESS=false` scores in the request's thread).

With `--workers N` (N > 1) uvicorn's own supervisor starts N worker processes on that one socket,
each building its app from the parent's settings (`service.app.worker_app`); the parent migrates
once before any starts and keeps them running (a worker that dies is replaced). uvicorn's
supervisor rather than gunicorn's: it is already a dependency, takes the socket bound here, and
restarts workers alike. Several processes need PostgreSQL: SQLite has one writer, and the order
in which writers take their turn (`service/db/engine.py`) is kept in one process's memory.
"""

from __future__ import annotations

import copy
import errno
import logging
import os
import re
import socket
from typing import TYPE_CHECKING, Annotated, Any

import typer

from baliza.cli._context import settings_of

if TYPE_CHECKING:
    from types import FrameType

    from uvicorn import Config, Server
    from uvicorn.supervisors import Multiprocess

    from baliza.settings import Settings


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on (host, port), or a one-line error naming the busy address."""
    from baliza.errors import BalizaError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto must say TCP: asyncio sets TCP_NODELAY only on sockets whose proto is IPPROTO_TCP, and
    # without it every keep-alive response waited ~40 ms for a delayed ACK (Nagle).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a restart may reuse TIME_WAIT
    try:
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        reason = "is already in use" if exc.errno == errno.EADDRINUSE else f"cannot be bound ({exc.strerror})"
        raise BalizaError(
            f"port {port} on {host} {reason}; stop what holds it or pass --port / set BALIZA_PORT"
        ) from None
    sock.set_inheritable(True)
    return sock


class PathOnly(logging.Filter):
    """Cut the query string from uvicorn's access lines (`'%s - "%s %s HTTP/%s" %d'`, the path third),
    and log a partner's status path `/v1/items/{external_id}` as that template: under `/v1/items/`
    only `<n>/report|release|decision` are our own ids."""

    OWN_ITEM = re.compile(r"/v1/items/\d+/(report|release|decision)")
    PARTNER_ID = re.compile(r"/v1/items/.+")

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 5 and isinstance(args[2], str):
            path = args[2].split("?", 1)[0]
            if self.PARTNER_ID.fullmatch(path) and not self.OWN_ITEM.fullmatch(path):
                path = "/v1/items/{external_id}"
            record.args = (args[0], args[1], path, *args[3:])
        return True


def log_config() -> dict[str, Any]:
    """uvicorn's own logging configuration, with `PathOnly` on its access logger."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["path_only"] = {"()": PathOnly}
    config["loggers"]["uvicorn.access"]["filters"] = ["path_only"]
    return config


def serve(
    ctx: typer.Context,
    host: Annotated[str | None, typer.Option(help="Address to listen on (default BALIZA_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default BALIZA_PORT).")] = None,
    workers: Annotated[
        int, typer.Option(help="Worker processes; more than 1 needs PostgreSQL (BALIZA_DATABASE_URL).")
    ] = 1,
) -> None:
    """Run the review service: migrate the database, load the model, serve the API until Ctrl-C."""
    from baliza.errors import InputError

    overrides = {k: v for k, v in (("host", host), ("port", port)) if v is not None}
    settings = settings_of(ctx).with_changes(**overrides)
    if workers < 1:
        raise InputError(f"--workers must be 1 or more, not {workers}")
    if workers > 1 and _is_sqlite(settings.resolved_database_url):
        raise InputError(
            "--workers above 1 needs PostgreSQL (set BALIZA_DATABASE_URL=postgresql+psycopg://...): "
            "SQLite has one writer, and its write turns are kept in one process"
        )
    sock = bind(settings.host, settings.port)  # before the slow imports: a busy port fails at once
    try:
        if workers == 1:
            _serve_one(settings, sock)
        else:
            _serve_many(settings, sock, workers)
    finally:
        sock.close()


def _is_sqlite(url: str) -> bool:
    from service.db.engine import is_sqlite  # SQLAlchemy: imported by the commands that need it

    return is_sqlite(url)


def _serve_one(settings: Settings, sock: socket.socket) -> None:
    import uvicorn

    from baliza.cli._db import open_state
    from service.app import create_app
    from service.scoring_process import analyser_for

    with open_state(settings) as state:
        model = state.model.get()
        analyser = analyser_for(settings)
        app = create_app(settings, engine=state.engine, model=model, migrate=False, analyser=analyser)
        _announce(settings, f"model {model.version}")
        config = uvicorn.Config(
            app, host=settings.host, port=settings.port, server_header=False, log_config=log_config()
        )
        server = _server(config)
        server.run(sockets=[sock])
    if server.interrupted:
        # uvicorn re-raises the captured SIGINT inside asyncio.run, where it may or may not become a
        # KeyboardInterrupt (one fresh-clone run exited 0 after Ctrl-C): decide it here, as for workers.
        raise KeyboardInterrupt


def _serve_many(settings: Settings, sock: socket.socket, workers: int) -> None:
    """Migrate and check the model here, once; then let uvicorn's supervisor run the workers."""
    import uvicorn
    from uvicorn.config import STARTUP_FAILURE

    from baliza.errors import BalizaError
    from service.app import WORKER_SETTINGS

    _announce(settings, f"model {_prepare(settings)}, {workers} workers")
    os.environ[WORKER_SETTINGS] = settings.model_dump_json()  # the spawned workers inherit it
    config = uvicorn.Config(
        "service.app:worker_app",
        factory=True,
        workers=workers,
        host=settings.host,
        port=settings.port,
        server_header=False,
        log_config=log_config(),
    )
    supervisor = _supervisor(config, sock)
    supervisor.run()
    if any(process.exitcode == STARTUP_FAILURE for process in supervisor.processes):
        raise BalizaError("a worker process failed to start; its error is in the log above")
    if supervisor.interrupted:
        raise KeyboardInterrupt  # Ctrl-C ends like the one-process server's


def _prepare(settings: Settings) -> str:
    """Migrate, generate any missing keys and load the model once, before any worker starts; the
    model's version. Nothing is kept: the parent only supervises, the workers load their own."""
    from baliza.cli._db import open_state

    with open_state(settings) as state:
        return state.model.get().version


def _server(config: Config) -> Server:
    """uvicorn's server, remembering whether Ctrl-C (SIGINT) stopped it."""
    import signal

    from uvicorn import Server

    class Remembering(Server):
        interrupted = False

        def handle_exit(self, sig: int, frame: FrameType | None) -> None:
            self.interrupted = self.interrupted or sig == signal.SIGINT
            super().handle_exit(sig, frame)

    return Remembering(config)


def _supervisor(config: Config, sock: socket.socket) -> Multiprocess:
    """uvicorn's supervisor, remembering whether Ctrl-C (SIGINT) stopped it."""
    from uvicorn.supervisors import Multiprocess

    class Workers(Multiprocess):
        interrupted = False

        def handle_int(self) -> None:
            self.interrupted = True
            super().handle_int()

    return Workers(config, sockets=[sock])


def _announce(settings: Settings, what: str) -> None:
    typer.echo(f"baliza: serving on http://{settings.host}:{settings.port} ({what})", err=True)


def register(app: typer.Typer) -> None:
    """Add `baliza serve` to `app`."""
    app.command()(serve)
