"""items.decisive and items.contributions: a score analysts can read (issue 15, item 4)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 21:40:00.000000

`decisive` is whether a decisive indicator flagged the item ("indicator:CODE" in `flag_reasons`);
the queue serves those right after child-risk items. Stored, not derived per listing, because the
queue's tiers group every matching item by it (a JSON LIKE per row would keep no index in play);
it is backfilled from `flag_reasons`. `contributions` holds, per indicator code found, how much it
moved the score in log-odds (`models/explain.py`); items scored before this migration have none
(the item page then orders indicators by severity).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("decisive", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column("contributions", sa.JSON(), nullable=True))
        batch_op.create_index(
            "ix_items_risk_queue",
            ["state", "child_risk", "decisive", "linked_confirmed", "score"],
            unique=False,
        )
    items = sa.table("items", sa.column("decisive", sa.Boolean()), sa.column("flag_reasons", sa.JSON()))
    op.execute(
        items.update()
        .where(sa.cast(items.c.flag_reasons, sa.Text).like('%"indicator:%'))
        .values(decisive=sa.true())
    )


def downgrade() -> None:
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_index("ix_items_risk_queue")
        batch_op.drop_column("contributions")
        batch_op.drop_column("decisive")
