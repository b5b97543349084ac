"""items.minhash: each queued ad's MinHash signature, stored when it is queued

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 15:00:00.000000

An item's page lists its linked ads with their similarity, which the service estimated by computing
the MinHash signature of every linked ad's text on every view. A partner sending many long ads that
share a phone number made one page view cost seconds of CPU; the signature is now computed once, at
intake (the bands are cut from it anyway). Items queued before keep NULL and are signed on view.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("minhash", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_column("minhash")
