"""Audit log as a hash chain, with the persons a list read showed; checked log-review findings.

Existing rows are chained in id order at upgrade (the hash format is ifodesk.db.audit_chain's).
A trigger moves the chain's head with each inserted row, so a write costs two statements (lock
the head, insert), not three.

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

import ifodesk.db.types

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _chain_existing_rows() -> None:
    from ifodesk.db.audit_chain import GENESIS, HEAD_ID, row_hash

    log = sa.table("audit_log", sa.column("id", SEQ), sa.column("at", ifodesk.db.types.UTCDateTime()),
                   sa.column("user_id", sa.Uuid()), sa.column("username"), sa.column("action"),
                   sa.column("entity"), sa.column("entity_id"), sa.column("person_id", sa.Uuid()),
                   sa.column("reason"), sa.column("detail"), sa.column("seq", SEQ), sa.column("prev_hash"),
                   sa.column("hash"))
    conn = op.get_bind()
    seq, prev, last_id = 0, GENESIS, None
    while True:
        q = sa.select(log).order_by(log.c.id).limit(5000)
        if last_id is not None:
            q = q.where(log.c.id > last_id)
        rows = conn.execute(q).all()
        if not rows:
            break
        updates = []
        for r in rows:
            seq += 1
            h = row_hash(seq, r.at, r.user_id, r.username, r.action, r.entity, r.entity_id, r.person_id,
                         r.reason, r.detail, None, prev)
            updates.append({"rid": r.id, "seq": seq, "prev_hash": prev, "hash": h})
            prev, last_id = h, r.id
        conn.execute(log.update().where(log.c.id == sa.bindparam("rid"))
                     .values(seq=sa.bindparam("seq"), prev_hash=sa.bindparam("prev_hash"),
                             hash=sa.bindparam("hash")), updates)
    head = sa.table("audit_chain_head", sa.column("id"), sa.column("seq", SEQ), sa.column("hash"))
    conn.execute(head.insert().values(id=HEAD_ID, seq=seq, hash=prev))


SQLITE_HEAD_TRIGGER = """CREATE TRIGGER audit_log_chain_head AFTER INSERT ON audit_log BEGIN
    UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1 AND seq < NEW.seq;
END"""
PG_HEAD_TRIGGER = (
    """CREATE FUNCTION ifodesk_audit_chain_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1 AND seq < NEW.seq;
    RETURN NULL;
END $$""",
    """CREATE TRIGGER audit_log_chain_head AFTER INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION ifodesk_audit_chain_head()""",
)


def _create_head_trigger() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for sql in PG_HEAD_TRIGGER:
            op.execute(sql)
    else:
        op.execute(SQLITE_HEAD_TRIGGER)


def _drop_head_trigger() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_log_chain_head" +
               (" ON audit_log" if op.get_bind().dialect.name == "postgresql" else ""))
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS ifodesk_audit_chain_head()")


def upgrade() -> None:
    op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", SEQ, nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain_head")),
    )
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("seq", SEQ, nullable=True))
        batch.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("shown_persons", sa.Text(), nullable=True))
    _chain_existing_rows()
    with op.batch_alter_table("audit_log") as batch:
        batch.alter_column("seq", existing_type=SEQ, nullable=False)
        batch.alter_column("prev_hash", existing_type=sa.String(length=64), nullable=False)
        batch.alter_column("hash", existing_type=sa.String(length=64), nullable=False)
        batch.create_unique_constraint(op.f("uq_audit_log_seq"), ["seq"])
    _create_head_trigger()  # after the batch rebuild of audit_log, which would drop it on SQLite
    op.create_table(
        "audit_review_mark",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("rule", sa.String(length=40), nullable=False),
        sa.Column("finding_key", sa.String(length=200), nullable=False),
        sa.Column("checked_by", sa.Uuid(), nullable=False),
        sa.Column("checked_at", ifodesk.db.types.UTCDateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["checked_by"], ["app_user.id"],
                                name=op.f("fk_audit_review_mark_checked_by_app_user")),
        sa.ForeignKeyConstraint(["municipality_id"], ["municipality.id"],
                                name=op.f("fk_audit_review_mark_municipality_id_municipality")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_review_mark")),
        sa.UniqueConstraint("municipality_id", "rule", "finding_key", name="uq_review_mark"),
    )


def downgrade() -> None:
    _drop_head_trigger()
    op.drop_table("audit_review_mark")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_constraint(op.f("uq_audit_log_seq"), type_="unique")
        batch.drop_column("shown_persons")
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
        batch.drop_column("seq")
    op.drop_table("audit_chain_head")
