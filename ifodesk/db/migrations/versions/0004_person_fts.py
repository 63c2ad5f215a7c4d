"""SQLite: an FTS5 trigram index on person names, so "contains" search finds parts of compound
names without scanning every person. PostgreSQL already has the pg_trgm index (0002).

A later migration that recreates the person table on SQLite (batch mode) must run
`INSERT INTO person_fts(person_fts) VALUES('rebuild')` afterwards and recreate the triggers.

Revision ID: 0004
Revises: 0003
"""
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TRIGGERS = (
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
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE VIRTUAL TABLE person_fts USING fts5(search_name, content='person', "
               "content_rowid='rowid', tokenize='trigram')")
    for sql in TRIGGERS:
        op.execute(sql)
    op.execute("INSERT INTO person_fts(person_fts) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("person_fts_ai", "person_fts_ad", "person_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS person_fts")
