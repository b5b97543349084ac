"""`baliza serve`: the review service in the foreground (uvicorn, one process).

Everything that can fail for a reason a person can fix happens before uvicorn starts, so it ends
as one line on stderr instead of a server traceback: the port is bound first (busy → exit 1), the
database is migrated, and the model is loaded. The bound socket is then handed to uvicorn, so no
other process can take the port in between. Logs carry method, path and status — never bodies,
and never query strings (`PathOnly`): the queue's and the audit log's filters hold sources, names
and e-mail addresses. A partner's own ad id in a status path (`/v1/items/{external_id}`) is logged
as that placeholder, since an id can be an e-mail address or a phone number too.
"""

from __future__ import annotations

import copy
import errno
import logging
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any

import typer

from baliza.cli._context import settings_of
from baliza.settings import Settings

if TYPE_CHECKING:
    from service.scoring_process import ScoringProcess


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
) -> None:
    """Run the review service: migrate the database, load the model, serve the API until Ctrl-C."""
    overrides = {k: v for k, v in (("host", host), ("port", port)) if v is not None}
    settings = settings_of(ctx).with_changes(**overrides)
    sock = bind(settings.host, settings.port)  # before the slow imports: a busy port fails at once
    try:
        import uvicorn

        from baliza.cli._db import open_state
        from service.app import create_app

        with open_state(settings) as state, _scoring(settings) as analyser:
            model = state.model.get()
            app = create_app(settings, engine=state.engine, model=model, migrate=False, analyser=analyser)
            typer.echo(
                f"baliza: serving on http://{settings.host}:{settings.port} (model {model.version})",
                err=True,
            )
            config = uvicorn.Config(
                app, host=settings.host, port=settings.port, server_header=False, log_config=log_config()
            )
            uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()


@contextmanager
def _scoring(settings: Settings) -> Iterator[ScoringProcess | None]:
    """The scoring process (`service.scoring_process`), started now so it loads while the service
    starts, and closed with it; None when `scoring_process` is off (intake scores in its thread)."""
    if not settings.scoring_process:
        yield None
        return
    from service.scoring_process import ScoringProcess

    process = ScoringProcess()
    process.start()
    try:
        yield process
    finally:
        process.close()


def register(app: typer.Typer) -> None:
    """Add `baliza serve` to `app`."""
    app.command()(serve)
