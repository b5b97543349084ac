"""items.linked_confirmed: an open item linked to a confirmed one (clusters, issue 15)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 18:30:00.000000

Confirming an item marks the open items that share a pseudonym token or an LSH band with it, and
the queue serves them right after child-risk items (`service/review/clusters.py`). Stored, not
derived per listing, because the queue's tiers group every matching item by it: a join of every
item's tokens and bands against the confirmed items per listing would cost what the link graph
cache exists to avoid. Items confirmed before this migration mark nothing until the next confirm.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("linked_confirmed", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_column("linked_confirmed")
