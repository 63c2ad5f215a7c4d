"""Person: födelseland and ensamkommande (Socialstyrelsen's register of measures for children).

birth_country: ISO 3166-1 alpha-2 from resources/countries.toml ("XX" = okänt); NULL = not
registered. unaccompanied (ensamkommande barn): NULL = not registered.

The person table keeps its FTS5 triggers (0004) on SQLite: columns are added in place, never by
recreating the table; the downgrade recreates it and so restores the triggers and the index.

Revision ID: 0013
Revises: 0012
"""
import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

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
    op.add_column("person", sa.Column("birth_country", sa.String(2)))
    op.add_column("person", sa.Column("unaccompanied", sa.Boolean()))


def downgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.drop_column("unaccompanied")
        batch.drop_column("birth_country")
    if op.get_bind().dialect.name == "sqlite":
        for name in ("person_fts_ai", "person_fts_ad", "person_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        for sql in FTS_TRIGGERS:
            op.execute(sql)
        op.execute("INSERT INTO person_fts(person_fts) VALUES ('rebuild')")
