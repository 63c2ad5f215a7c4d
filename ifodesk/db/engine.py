"""Engine and session setup for SQLite (embedded) and PostgreSQL (shared)."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session

SQLITE_BUSY_TIMEOUT_MS = 5000


def _setup_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Take transaction control away from the legacy sqlite3 module (SQLAlchemy docs).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        if engine.url.database not in (None, "", ":memory:"):
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # IMMEDIATE takes the write lock at BEGIN, so a writer waits on busy_timeout instead of
        # failing later with a stale snapshot; reads in WAL are not blocked by it.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("write") else "BEGIN")


def make_engine(url: str, echo: bool = False) -> Engine:
    # hide_parameters: a database error's text never carries the journal text or personnummer.
    if url.startswith("sqlite"):
        engine = create_engine(url, echo=echo, hide_parameters=True)
        _setup_sqlite(engine)
        return engine
    return create_engine(
        url,
        echo=echo,
        hide_parameters=True,
        pool_pre_ping=True,
        pool_recycle=1800,
        connect_args={"application_name": "ifodesk", "connect_timeout": 5},
    )


class Database:
    """Owns the engine and hands out short units of work."""

    def __init__(self, url: str, echo: bool = False):
        self.url = url
        self.engine = make_engine(url, echo=echo)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self, write: bool = False) -> Iterator[Session]:
        """One short transaction: commit on success, roll back on any error.

        On SQLite a write unit of work starts with BEGIN IMMEDIATE (see _setup_sqlite).
        """
        with self.engine.connect() as conn:
            conn.info["write"] = write  # info lives on the pooled connection: set every time
            with Session(bind=conn, expire_on_commit=False) as s:
                try:
                    yield s
                    s.commit()
                except BaseException:
                    s.rollback()
                    raise

    def dispose(self) -> None:
        self.engine.dispose()
