"""Verkställighet of gynnande decisions: uppdrag, queue, verkställt and avbrott (SoL 34 kap.).

Revision ID: 0011
Revises: 0010
"""
import sqlalchemy as sa
from alembic import op

from ifodesk.db.types import UTCDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _tracked() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid()),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid()),
    ]


def upgrade() -> None:
    op.create_table(
        "verkstallighet", *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verkstallighet")),
        sa.Column("municipality_id", sa.Uuid(), sa.ForeignKey("municipality.id", name="fk_verkstallighet_municipality_id_municipality"), nullable=False),
        sa.Column("unit_id", sa.Uuid(), sa.ForeignKey("unit.id", name="fk_verkstallighet_unit_id_unit"), nullable=False),
        sa.Column("case_id", sa.Uuid(), sa.ForeignKey("case_file.id", name="fk_verkstallighet_case_id_case_file"), nullable=False),
        sa.Column("decision_id", sa.Uuid(), sa.ForeignKey("decision.id", name="fk_verkstallighet_decision_id_decision"), nullable=False),
        sa.Column("utforare_kind", sa.String(20)),
        sa.Column("utforare_name", sa.String(200), nullable=False),
        sa.Column("uppdrag_on", sa.Date()),
        sa.UniqueConstraint("decision_id", name=op.f("uq_verkstallighet_decision_id")),
    )
    op.create_index("ix_verkstallighet_case_id", "verkstallighet", ["case_id"])
    op.create_table(
        "verkstallighet_event", *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verkstallighet_event")),
        sa.Column("verkstallighet_id", sa.Uuid(), sa.ForeignKey("verkstallighet.id", name="fk_verkstallighet_event_verkstallighet_id_verkstallighet"), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("reason_id", sa.String(40)),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("utforare_kind", sa.String(20)),
        sa.Column("utforare_name", sa.String(200), nullable=False),
        sa.CheckConstraint("kind in ('uppdrag','verkstallt','avbrutet')", name=op.f("ck_verkstallighet_event_kind")),
    )
    op.create_index("ix_verkstallighet_event_verkstallighet_id", "verkstallighet_event", ["verkstallighet_id"])


def downgrade() -> None:
    op.drop_index("ix_verkstallighet_event_verkstallighet_id", table_name="verkstallighet_event")
    op.drop_table("verkstallighet_event")
    op.drop_index("ix_verkstallighet_case_id", table_name="verkstallighet")
    op.drop_table("verkstallighet")
