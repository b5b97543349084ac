"""Epochs: counters that tell a process its in-memory copy of something has gone stale.

With several worker processes on one database (`baliza serve --workers N`), a change one process
makes to state the others hold in memory (the loaded model, on `POST /v1/admin/model/reload`) would
not reach them. So the writer bumps an epoch row in the transaction that records the change, and a
process that holds a copy remembers the epoch it was built at and compares before each use: one
primary-key read, instead of a message bus. An epoch never written reads as 0.
"""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from service.db.engine import READ_ONLY
from service.db.models import Epoch

MODEL = "model"


def bump(session: Session, name: str) -> int:
    """Add one to the epoch `name` in the caller's transaction (the caller commits); its new value.

    One upsert, so two processes bumping at once both count (the row lock orders them)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    upsert = dialect.insert(Epoch).values(name=name, value=1)
    upsert = upsert.on_conflict_do_update(index_elements=["name"], set_={"value": Epoch.value + 1})
    return int(session.execute(upsert.returning(Epoch.value)).scalar_one())


def read(engine: Engine, name: str) -> int:
    """The epoch `name` now, read on a connection of its own (no caller's transaction is needed)."""
    with engine.connect().execution_options(**{READ_ONLY: True}) as connection:
        return int(connection.scalar(select(Epoch.value).where(Epoch.name == name)) or 0)
