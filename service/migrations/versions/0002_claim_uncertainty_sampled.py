"""items.uncertainty_sampled (active learning) and an index for the most-uncertain claim

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 08:15:00.000000

A claim picked by uncertainty sampling marks its item, so the decision that follows can record
`uncertainty_sampled` (see service/review/queue.py). Existing rows were never sampled: the server
default `false` fills them. Written for batch mode, so SQLite alters the table by copy if needed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("uncertainty_sampled", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.create_index("ix_items_uncertainty", ["state", "uncertainty"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_index("ix_items_uncertainty")
        batch_op.drop_column("uncertainty_sampled")
