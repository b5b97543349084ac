"""Alembic environment: the URL comes from the caller (settings), never from an ini file.

`render_as_batch` lets SQLite alter tables by copy, as it must; the same engine factory as the
service is used so the SQLite pragmas (foreign keys, WAL) hold during migrations too.
"""

from __future__ import annotations

from alembic import context

from service.db.engine import make_engine
from service.db.models import Base

config = context.config
url = config.get_main_option("sqlalchemy.url")
connection = config.attributes.get("connection")


def _run(conn) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=conn, target_metadata=Base.metadata, render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            _run(conn)
    finally:
        engine.dispose()
