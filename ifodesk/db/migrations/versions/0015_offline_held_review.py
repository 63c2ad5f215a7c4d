"""Offline: the review of a revoked copy's held changes (issue 12): handed back to the handläggare
to check in through the normal merge, or discarded with a reason.

Revision ID: 0015
Revises: 0014
"""
import sqlalchemy as sa
from alembic import op

from ifodesk.db.types import UTCDateTime

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("offline_held_intent") as batch:
        batch.add_column(sa.Column("status", sa.String(20), nullable=False, server_default="held"))
        batch.add_column(sa.Column("decided_at", UTCDateTime()))
        batch.add_column(sa.Column("decided_by", sa.String(60)))
        batch.add_column(sa.Column("decision_reason", sa.String(500)))


def downgrade() -> None:
    with op.batch_alter_table("offline_held_intent") as batch:
        batch.drop_column("decision_reason")
        batch.drop_column("decided_by")
        batch.drop_column("decided_at")
        batch.drop_column("status")
