"""Indexes for 100 000-case lists: names in Swedish order per municipality and unit.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

import ifodesk.db.types

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.drop_index("ix_person_sort_key")
        batch.create_index("ix_person_muni_sort", ["municipality_id", "sort_key", "id"])
    with op.batch_alter_table("case_file") as batch:
        batch.add_column(sa.Column("sort_name", ifodesk.db.types.SortKey(), nullable=False, server_default=""))
    op.execute("UPDATE case_file SET sort_name = (SELECT sort_key FROM person WHERE person.id = case_file.person_id)")
    with op.batch_alter_table("case_file") as batch:
        batch.alter_column("sort_name", server_default=None)
        batch.create_index("ix_case_unit_sort", ["unit_id", "sort_name", "id"])
        batch.create_index("ix_case_unit_opened", ["unit_id", "opened_on", "id"])


def downgrade() -> None:
    with op.batch_alter_table("case_file") as batch:
        batch.drop_index("ix_case_unit_opened")
        batch.drop_index("ix_case_unit_sort")
        batch.drop_column("sort_name")
    with op.batch_alter_table("person") as batch:
        batch.drop_index("ix_person_muni_sort")
        batch.create_index("ix_person_sort_key", ["sort_key"])
