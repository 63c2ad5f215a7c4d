"""Offline copies: checked-out cases, intents applied at check-in, intents held after a revoke.

Revision ID: 0010
Revises: 0009
"""
import sqlalchemy as sa
from alembic import op

from ifodesk.db.types import JSONType, UTCDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "offline_checkout",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("copy_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("laptop", sa.String(100), nullable=False),
        sa.Column("checked_out_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("reason", sa.String(500)),
        sa.Column("revoked_at", UTCDateTime()),
        sa.Column("revoked_by", sa.String(60)),
        sa.Column("checked_in_at", UTCDateTime()),
        sa.ForeignKeyConstraint(["case_id"], ["case_file.id"], name="fk_offline_checkout_case_id_case_file"),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name="fk_offline_checkout_user_id_app_user"),
        sa.PrimaryKeyConstraint("id", name="pk_offline_checkout"),
    )
    op.create_index("ix_offline_checkout_copy_id", "offline_checkout", ["copy_id"])
    op.create_index("ix_offline_checkout_case_id", "offline_checkout", ["case_id"])
    op.create_index("ix_offline_checkout_user_id", "offline_checkout", ["user_id"])
    op.create_index("ix_offline_checkout_open", "offline_checkout", ["case_id", "checked_in_at"])
    op.create_table(
        "checkin_applied",
        sa.Column("intent_id", sa.Uuid(), nullable=False),
        sa.Column("copy_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("call", sa.String(100), nullable=False),
        sa.Column("outcome", sa.String(30), nullable=False),
        sa.Column("detail", JSONType, nullable=False),
        sa.Column("applied_at", UTCDateTime(), nullable=False),
        sa.Column("applied_by", sa.Uuid()),
        sa.PrimaryKeyConstraint("intent_id", name="pk_checkin_applied"),
    )
    op.create_index("ix_checkin_applied_copy_id", "checkin_applied", ["copy_id"])
    op.create_table(
        "offline_held_intent",
        sa.Column("intent_id", sa.Uuid(), nullable=False),
        sa.Column("copy_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid()),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("call", sa.String(100), nullable=False),
        sa.Column("payload", JSONType, nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("intent_id", name="pk_offline_held_intent"),
    )
    op.create_index("ix_offline_held_intent_copy_id", "offline_held_intent", ["copy_id"])


def downgrade() -> None:
    op.drop_table("offline_held_intent")
    op.drop_table("checkin_applied")
    op.drop_table("offline_checkout")
