"""Storage of the review service: SQLAlchemy 2 typed models, engine set-up, Alembic migrations."""
