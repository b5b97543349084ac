"""The database side of CLI commands: engine, migrations and an `AppState`, in one call.

Commands that read or change the review database (`baliza keys`, `baliza users`, `baliza serve`
and the review commands) open it through `open_state()`, so every one of them migrates first —
a fresh data dir works at once — and writes audit rows through the same `AppState` the service
uses. The settings are the run's (`settings_of(ctx)`), passed in. The model is not loaded here:
account commands must stay fast and never need one.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import OperationalError

from baliza.errors import BalizaError
from baliza.settings import Settings, mask_url
from service.runtime import AppState


def cli_actor() -> str:
    """Who an audit row names for a CLI change: the operating-system account that ran it."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no login name in a bare container
        return "cli:unknown"


@contextmanager
def open_state(settings: Settings) -> Iterator[AppState]:
    """Yield an `AppState` on a migrated database; the engine is disposed on exit."""
    from service.db.engine import make_engine, session_factory
    from service.db.migrate import upgrade

    settings.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    url = settings.resolved_database_url
    engine = make_engine(url)
    try:
        try:
            upgrade(engine)
        except OperationalError as exc:
            raise BalizaError(f"cannot open the database {mask_url(url)}: {_first_line(exc.orig)}") from None
        yield AppState.build(settings, engine, session_factory(engine))
    finally:
        engine.dispose()


def _first_line(error: BaseException | None) -> str:
    """SQLAlchemy's messages span lines (and a link); the CLI promises one line."""
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
