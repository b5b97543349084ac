"""items.location (the place an ad names) and watches (reviewers' watch-list of pseudonym tokens)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 10:00:00.000000

The crawler now sends each ad's posting date and place (issue 15): `posted_at` had a column since
0001, the place gets one here. A watch is one reviewer's interest in one token: new items holding
it are flagged to them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("items") as batch:
        batch.add_column(sa.Column("location", sa.String(length=200), nullable=True))
    op.create_table(
        "watches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "token"),
    )
    op.create_index(op.f("ix_watches_user_id"), "watches", ["user_id"], unique=False)
    op.create_index(op.f("ix_watches_token"), "watches", ["token"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_watches_token"), table_name="watches")
    op.drop_index(op.f("ix_watches_user_id"), table_name="watches")
    op.drop_table("watches")
    with op.batch_alter_table("items") as batch:
        batch.drop_column("location")
