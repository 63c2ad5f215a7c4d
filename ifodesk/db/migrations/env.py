"""Alembic environment: runs on the app's own connection (see ifodesk.db.migrate)."""

from alembic import context

from ifodesk.db.models import Base
from ifodesk.db.search import is_search_index_table

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from ifodesk.db.engine import make_engine

        engine = make_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as connection:
            _run(connection)
        return
    _run(connection)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite needs move-and-copy for ALTER
        compare_type=True,
        include_name=lambda name, type_, parent: not (type_ == "table" and is_search_index_table(name)),
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
