"""Legal correctness 2: competence and urgent-decider facts on users; the protocol's justering
and anslag, and which body (utskott or nämnd) a meeting is.

Revision ID: 0008
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("app_user") as batch:
        # "Tillräcklig erfarenhet" is its own fact beside the degree (SoL's competence rule).
        batch.add_column(sa.Column("experienced", sa.Boolean(), nullable=False, server_default=sa.true()))
        # A ledamot the nämnd has appointed to take urgent decisions.
        batch.add_column(sa.Column("urgent_appointed", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("meeting") as batch:
        batch.add_column(sa.Column("body", sa.String(10), nullable=False, server_default="utskott"))
        batch.add_column(sa.Column("justerare_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("justerad_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("anslag_on", sa.Date(), nullable=True))
        batch.create_foreign_key("fk_meeting_justerare", "app_user", ["justerare_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        batch.drop_constraint("fk_meeting_justerare", type_="foreignkey")
        batch.drop_column("anslag_on")
        batch.drop_column("justerad_on")
        batch.drop_column("justerare_id")
        batch.drop_column("body")
    with op.batch_alter_table("app_user") as batch:
        batch.drop_column("urgent_appointed")
        batch.drop_column("experienced")
