"""Parties: the people around a child (vårdnadshavare, network), consent, kommunicering,
notification and appeal per party.

Revision ID: 0009
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

from ifodesk.db.types import UTCDateTime

revision = "0009"
down_revision = "0008"
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


# The person table keeps its FTS5 triggers (0004) on SQLite: columns are added in place, never by
# recreating the table; the downgrade recreates it and so restores the triggers and the index.
FTS_TRIGGERS = (
    """CREATE TRIGGER person_fts_ai AFTER INSERT ON person BEGIN
         INSERT INTO person_fts(rowid, search_name) VALUES (new.rowid, new.search_name);
       END""",
    """CREATE TRIGGER person_fts_ad AFTER DELETE ON person BEGIN
         INSERT INTO person_fts(person_fts, rowid, search_name) VALUES ('delete', old.rowid, old.search_name);
       END""",
    """CREATE TRIGGER person_fts_au AFTER UPDATE OF search_name ON person BEGIN
         INSERT INTO person_fts(person_fts, rowid, search_name) VALUES ('delete', old.rowid, old.search_name);
         INSERT INTO person_fts(rowid, search_name) VALUES (new.rowid, new.search_name);
       END""",
)


def upgrade() -> None:
    op.add_column("person", sa.Column("email", sa.String(200)))
    op.add_column("person", sa.Column("language", sa.String(60)))
    op.add_column("person", sa.Column("interpreter", sa.Boolean(), nullable=False, server_default=sa.false()))

    op.create_table(
        "person_relation", *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_relation")),
        sa.Column("municipality_id", sa.Uuid(), sa.ForeignKey("municipality.id", name="fk_person_relation_municipality_id_municipality"), nullable=False),
        sa.Column("child_id", sa.Uuid(), sa.ForeignKey("person.id", name="fk_person_relation_child_id_person"), nullable=False),
        sa.Column("person_id", sa.Uuid(), sa.ForeignKey("person.id", name="fk_person_relation_person_id_person"), nullable=False),
        sa.Column("role", sa.String(30), nullable=False),
        sa.Column("custody", sa.String(20)),
        sa.Column("address_hidden_from_id", sa.Uuid(), sa.ForeignKey("person.id", name="fk_person_relation_address_hidden_from_id_person")),
        sa.Column("valid_from", sa.Date()),
        sa.Column("valid_to", sa.Date()),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.UniqueConstraint("child_id", "person_id", "role", name="uq_person_relation_child"),
        sa.CheckConstraint(
            "role in ('vardnadshavare','sarskilt_forordnad','forelder','familjehem','kontaktperson',"
            "'god_man','annan')", name=op.f("ck_person_relation_role")),
    )
    op.create_index("ix_person_relation_child_id", "person_relation", ["child_id"])
    op.create_index("ix_person_relation_person_id", "person_relation", ["person_id"])

    op.create_table(
        "consent", *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
        sa.Column("case_id", sa.Uuid(), sa.ForeignKey("case_file.id", name="fk_consent_case_id_case_file"), nullable=False),
        sa.Column("person_id", sa.Uuid(), sa.ForeignKey("person.id", name="fk_consent_person_id_person"), nullable=False),
        sa.Column("subject", sa.String(60), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.CheckConstraint("status in ('given','refused','not_asked','withdrawn')", name=op.f("ck_consent_status")),
    )
    op.create_index("ix_consent_case_id", "consent", ["case_id"])

    op.create_table(
        "kommunicering", *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kommunicering")),
        sa.Column("case_id", sa.Uuid(), sa.ForeignKey("case_file.id", name="fk_kommunicering_case_id_case_file"), nullable=False),
        sa.Column("decision_id", sa.Uuid(), sa.ForeignKey("decision.id", name="fk_kommunicering_decision_id_decision")),
        sa.Column("person_id", sa.Uuid(), sa.ForeignKey("person.id", name="fk_kommunicering_person_id_person"), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("method", sa.String(30), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("reply_due_on", sa.Date(), nullable=False),
        sa.Column("reply_on", sa.Date()),
        sa.Column("reply_text", sa.Text()),
    )
    op.create_index("ix_kommunicering_case_id", "kommunicering", ["case_id"])

    op.create_table(
        "decision_party", *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision_party")),
        sa.Column("decision_id", sa.Uuid(), sa.ForeignKey("decision.id", name="fk_decision_party_decision_id_decision"), nullable=False),
        sa.Column("person_id", sa.Uuid(), sa.ForeignKey("person.id", name="fk_decision_party_person_id_person"), nullable=False),
        sa.Column("capacity", sa.String(30), nullable=False),
        sa.Column("notified_on", sa.Date()),
        sa.Column("notified_how", sa.String(30)),
        sa.Column("appeal_received_on", sa.Date()),
        sa.Column("appeal_forwarded_on", sa.Date()),
        sa.UniqueConstraint("decision_id", "person_id", name="uq_decision_party_decision_id"),
    )
    op.create_index("ix_decision_party_decision_id", "decision_party", ["decision_id"])


def downgrade() -> None:
    for table in ("decision_party", "kommunicering", "consent", "person_relation"):
        op.drop_table(table)
    with op.batch_alter_table("person") as batch:
        batch.drop_column("interpreter")
        batch.drop_column("language")
        batch.drop_column("email")
    if op.get_bind().dialect.name == "sqlite":
        for name in ("person_fts_ai", "person_fts_ad", "person_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        for sql in FTS_TRIGGERS:
            op.execute(sql)
        op.execute("INSERT INTO person_fts(person_fts) VALUES ('rebuild')")
