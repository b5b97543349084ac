"""The migrations build exactly the schema the models declare, on SQLite and on PostgreSQL: a column
added to a model without its migration (or the other way round) fails here, not in production.
(Here beside the API tests for their two-backend `database_url` fixture.)"""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from service.db.engine import make_engine
from service.db.migrate import upgrade
from service.db.models import Base


def test_the_migrated_schema_is_the_models_schema(database_url):
    engine = make_engine(database_url)
    try:
        upgrade(engine)
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        engine.dispose()
    assert differences == []
