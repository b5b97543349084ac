"""rate_buckets (per-key limits shared by worker processes) and epochs (cross-process invalidation)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 10:00:00.000000

`baliza serve --workers N` runs N processes on one PostgreSQL: a partner's token buckets must be
one row per key and kind, not one per process, or every limit would be N times larger; and a model
reload in one process must reach the others, which compare the `model` epoch before use.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rate_buckets",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("key_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("tokens", sa.Float(), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "key_id"),
    )
    op.create_table(
        "epochs",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("epochs")
    op.drop_table("rate_buckets")
