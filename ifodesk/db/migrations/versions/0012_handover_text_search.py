"""Handover and text search: absence cover periods, and full-text indexes on journal notes,
utredning sections and anmälan text.

SQLite: external-content FTS5 tables (unicode61, å/ä/ö kept distinct) kept current by triggers.
A later migration that recreates journal_note, utredning_section or anmalan in batch mode must
recreate these triggers and rebuild the index ('rebuild').
PostgreSQL: GIN indexes on to_tsvector('swedish', ...), the same expressions as ifodesk.db.search.

Revision ID: 0012
Revises: 0011
"""
import sqlalchemy as sa
from alembic import op

from ifodesk.db.types import UTCDateTime

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# (fts table, content table, indexed columns)
FTS = (
    ("journal_fts", "journal_note", ("heading", "text")),
    ("utredning_fts", "utredning_section", ("text",)),
    ("anmalan_fts", "anmalan", ("text",)),
)
PG_INDEX = (
    ("ix_journal_note_fts", "journal_note", "coalesce(heading, '') || ' ' || text"),
    ("ix_utredning_section_fts", "utredning_section", "text"),
    ("ix_anmalan_fts", "anmalan", "text"),
)


def _triggers(fts: str, table: str, cols: tuple[str, ...]) -> list[str]:
    names = ", ".join(cols)
    new = ", ".join(f"new.{c}" for c in cols)
    old = ", ".join(f"old.{c}" for c in cols)
    return [
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {names}) VALUES (new.rowid, {new}); END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.rowid, {old}); END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {names} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.rowid, {old}); "
        f"INSERT INTO {fts}(rowid, {names}) VALUES (new.rowid, {new}); END",
    ]


def upgrade() -> None:
    op.create_table(
        "absence",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid()),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid()),
        sa.Column("municipality_id", sa.Uuid(),
                  sa.ForeignKey("municipality.id", name="fk_absence_municipality_id_municipality"), nullable=False),
        sa.Column("user_id", sa.Uuid(), sa.ForeignKey("app_user.id", name="fk_absence_user_id_app_user"),
                  nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("stand_in_id", sa.Uuid(), sa.ForeignKey("app_user.id", name="fk_absence_stand_in_id_app_user")),
        sa.Column("note", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_absence"),
        sa.CheckConstraint("ends_on >= starts_on", name="ck_absence_period"),
    )
    op.create_index("ix_absence_user_period", "absence", ["user_id", "ends_on"])
    op.create_index("ix_absence_muni_period", "absence", ["municipality_id", "ends_on"])
    if op.get_bind().dialect.name == "sqlite":
        for fts, table, cols in FTS:
            op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({', '.join(cols)}, content='{table}', "
                       f"content_rowid='rowid', tokenize='unicode61 remove_diacritics 0')")
            for sql in _triggers(fts, table, cols):
                op.execute(sql)
            op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
    else:
        for name, table, expr in PG_INDEX:
            op.execute(f"CREATE INDEX {name} ON {table} USING gin (to_tsvector('swedish', {expr}))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for fts, _table, _cols in FTS:
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {fts}")
    else:
        for name, _table, _expr in PG_INDEX:
            op.execute(f"DROP INDEX IF EXISTS {name}")
    op.drop_index("ix_absence_muni_period", table_name="absence")
    op.drop_index("ix_absence_user_period", table_name="absence")
    op.drop_table("absence")
