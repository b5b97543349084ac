"""items.flag_reasons and items.child_risk (the flag policy), and the queue index that leads with risk

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 09:30:00.000000

Why an item was flagged ("model", "indicator:CODE") and whether it targets people under 18 are
stored with the item, so the queue can serve child-risk items first and every page can say why an
item is there. Items queued before the policy existed were flagged by the model alone: their
`flag_reasons` is filled with ["model"] and `child_risk` from their indicator codes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("flag_reasons", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("child_risk", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.create_index("ix_items_child_queue", ["state", "child_risk", "score"], unique=False)
    items = sa.table(
        "items",
        sa.column("flag_reasons", sa.JSON()),
        sa.column("child_risk", sa.Boolean()),
        sa.column("indicators", sa.Text()),
    )
    # An untyped literal: SQLite stores JSON as text, PostgreSQL casts it to json.
    op.execute(sa.text("UPDATE items SET flag_reasons = '[\"model\"]'"))
    op.execute(
        items.update()
        .where(
            sa.or_(
                sa.cast(items.c.indicators, sa.Text).like('%"MINORS_TARGETED"%'),
                sa.cast(items.c.indicators, sa.Text).like('%"CHILD_DOMESTIC_PLACEMENT"%'),
            )
        )
        .values(child_risk=sa.true())
    )


def downgrade() -> None:
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_index("ix_items_child_queue")
        batch_op.drop_column("child_risk")
        batch_op.drop_column("flag_reasons")
