"""Name search index: pg_trgm GIN on PostgreSQL, a plain index on SQLite.

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.create_index("ix_person_search_trgm", "person", ["search_name"], postgresql_using="gin",
                        postgresql_ops={"search_name": "gin_trgm_ops"})
    else:
        op.create_index("ix_person_search_trgm", "person", ["search_name"])


def downgrade() -> None:
    op.drop_index("ix_person_search_trgm", table_name="person")
