"""The court's ruling in its own columns: court, målnummer, date, outcome, the day vård began and
the insats it concerns (LVU 4 § application, LVU 6 § / LVM 13 § underställning).

Rulings recorded before this revision lived only in the audit trail (action 'court_ruling',
detail 'YYYY-MM-DD [outcome]'); the latest per decision is copied into the new table.

Revision ID: 0014
Revises: 0013
"""
import uuid
from datetime import date, datetime, timezone

import sqlalchemy as sa
from alembic import op

from ifodesk.db.types import UTCDateTime

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "court_ruling",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid()),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid()),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_court_ruling")),
        sa.Column("municipality_id", sa.Uuid(), sa.ForeignKey("municipality.id", name="fk_court_ruling_municipality_id_municipality"), nullable=False),
        sa.Column("unit_id", sa.Uuid(), sa.ForeignKey("unit.id", name="fk_court_ruling_unit_id_unit"), nullable=False),
        sa.Column("case_id", sa.Uuid(), sa.ForeignKey("case_file.id", name="fk_court_ruling_case_id_case_file"), nullable=False),
        sa.Column("person_id", sa.Uuid(), sa.ForeignKey("person.id", name="fk_court_ruling_person_id_person"), nullable=False),
        sa.Column("decision_id", sa.Uuid(), sa.ForeignKey("decision.id", name="fk_court_ruling_decision_id_decision"), nullable=False),
        sa.Column("insats_id", sa.Uuid(), sa.ForeignKey("insats.id", name="fk_court_ruling_insats_id_insats")),
        sa.Column("court", sa.String(200), nullable=False),
        sa.Column("court_case_number", sa.String(40), nullable=False),
        sa.Column("ruled_on", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(12), nullable=False),
        sa.Column("care_began_on", sa.Date()),
        sa.Column("granted_lagrum", sa.JSON()),
        sa.UniqueConstraint("decision_id", name=op.f("uq_court_ruling_decision_id")),
        sa.CheckConstraint("outcome in ('faststallt','upphavt','bifall','avslag','delvis')",
                           name=op.f("ck_court_ruling_outcome")),
    )
    op.create_index("ix_court_ruling_case_id", "court_ruling", ["case_id"])
    op.create_index("ix_court_ruling_insats_id", "court_ruling", ["insats_id"])
    _copy_from_audit()


def _copy_from_audit() -> None:
    conn = op.get_bind()
    audit = sa.table("audit_log", sa.column("seq", sa.Integer), sa.column("action", sa.String),
                     sa.column("entity", sa.String), sa.column("entity_id", sa.String),
                     sa.column("detail", sa.Text))
    decision = sa.table("decision", sa.column("id", sa.Uuid), sa.column("municipality_id", sa.Uuid),
                        sa.column("unit_id", sa.Uuid), sa.column("case_id", sa.Uuid),
                        sa.column("person_id", sa.Uuid), sa.column("template_id", sa.String))
    latest: dict[str, tuple[date, str]] = {}
    rows = conn.execute(sa.select(audit.c.entity_id, audit.c.detail)
                        .where(audit.c.action == "court_ruling", audit.c.entity == "decision")
                        .order_by(audit.c.seq))
    for entity_id, detail in rows:
        parts = (detail or "").split()
        try:
            ruled = date.fromisoformat(parts[0])
        except (IndexError, ValueError):
            continue
        outcome = parts[1] if len(parts) > 1 and parts[1] in ("faststallt", "upphavt") else "faststallt"
        latest[entity_id] = (ruled, outcome)
    if not latest:
        return
    table = sa.table("court_ruling", *(sa.column(c, t) for c, t in (
        ("id", sa.Uuid), ("version", sa.Integer), ("created_at", UTCDateTime), ("updated_at", UTCDateTime),
        ("municipality_id", sa.Uuid), ("unit_id", sa.Uuid), ("case_id", sa.Uuid), ("person_id", sa.Uuid),
        ("decision_id", sa.Uuid), ("court", sa.String), ("court_case_number", sa.String),
        ("ruled_on", sa.Date), ("outcome", sa.String))))
    now = datetime.now(timezone.utc)
    for entity_id, (ruled, outcome) in latest.items():
        try:
            did = uuid.UUID(entity_id)
        except ValueError:
            continue
        d = conn.execute(sa.select(decision).where(decision.c.id == did)).first()
        if d is None:
            continue
        if d.template_id == "lvu_ansokan_vard":
            outcome = "bifall"  # an application's judgment was only recorded when care followed
        conn.execute(table.insert().values(
            id=uuid.uuid4(), version=1, created_at=now, updated_at=now, municipality_id=d.municipality_id,
            unit_id=d.unit_id, case_id=d.case_id, person_id=d.person_id, decision_id=did, court="",
            court_case_number="", ruled_on=ruled, outcome=outcome))


def downgrade() -> None:
    op.drop_index("ix_court_ruling_insats_id", table_name="court_ruling")
    op.drop_index("ix_court_ruling_case_id", table_name="court_ruling")
    op.drop_table("court_ruling")
