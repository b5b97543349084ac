"""user_prefs (a reviewer's wellbeing preferences) and the indexes of the exposure counter (issue 15, item 6)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 14:45:00.000000

The blur preference lived in a cookie (one browser's, lost with it); it moves here with the new
ones: greyscale ad content (off unless chosen) and a break reminder every N decisions. No row means
the defaults, so existing reviewers need no backfill (a cookie's old "always reveal" is not carried
over: everyone starts blurred again, the safe side). The header of every page counts the ads a
reviewer opened today and the decisions they made: two indexes keep those counts to index scans.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "user_prefs",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("blur_text", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("greyscale", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("break_every", sa.Integer(), server_default="25", nullable=False),
        sa.Column("break_taken_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id"),
    )
    # Plain CREATE INDEX on both backends: nothing here needs SQLite's batch table copy.
    op.create_index("ix_decisions_user_created", "decisions", ["user_id", "created_at"], unique=False)
    op.create_index("ix_audit_log_viewer", "audit_log", ["actor", "action", "at", "target"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_audit_log_viewer", table_name="audit_log")
    op.drop_index("ix_decisions_user_created", table_name="decisions")
    op.drop_table("user_prefs")
