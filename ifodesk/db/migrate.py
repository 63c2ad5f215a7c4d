"""Schema version management: upgrade, check, and backup before an embedded upgrade."""

from __future__ import annotations

import glob
import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import inspect, text

from .engine import Database

# The newest migration in this client. A test checks it against the scripts, so that start-up
# can compare the database's revision with it without importing Alembic (≈ 0,2 s).
SCHEMA_HEAD = "0013"

log = logging.getLogger(__name__)


class SchemaError(Exception):
    """The database schema does not match this client; the message is Swedish, for the user."""


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str
    known: bool  # the current revision exists in this client's migration scripts

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head

    @property
    def client_too_old(self) -> bool:
        return self.current is not None and not self.known


def alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "ifodesk.db:migrations")
    return cfg


def schema_state(db: Database) -> SchemaState:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    with db.engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    known = current is None or _revision_known(script, current)
    return SchemaState(current=current, head=head, known=known)


def _current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _revision_known(script, rev: str) -> bool:
    try:
        return script.get_revision(rev) is not None
    except Exception:
        return False


def upgrade(db: Database, target: str = "head") -> None:
    state = schema_state(db)
    if state.client_too_old:
        raise SchemaError(_too_old_message(state))
    from alembic import command

    _run(db, lambda cfg: command.upgrade(cfg, target))


def downgrade(db: Database, target: str) -> None:
    from alembic import command

    _run(db, lambda cfg: command.downgrade(cfg, target))


def _run(db: Database, step) -> None:
    """Run migrations in one transaction on the app's own connection.

    On SQLite, batch mode recreates tables ("move and copy"); foreign keys are switched off
    for that, as SQLite's ALTER TABLE documentation prescribes, and checked before commit.
    """
    cfg = alembic_config()
    with db.engine.connect() as conn:
        sqlite = db.dialect == "sqlite"
        if sqlite:
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")  # only outside a transaction
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                step(cfg)
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise SchemaError(f"Migreringen lämnade {len(broken)} brutna referenser (första: {broken[0]}).")
        finally:
            if sqlite:
                conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")


def _too_old_message(state: SchemaState) -> str:
    return (
        f"Databasen har schemaversion {state.current}, som den här versionen av ifodesk inte "
        f"känner till (senaste kända: {state.head}). Databasen har uppgraderats av en nyare "
        "ifodesk. Installera den senaste versionen av ifodesk innan du startar."
    )


BACKUPS_KEPT = 5


def backup_sqlite(db_path: Path, when: datetime | None = None, *, keep: int = BACKUPS_KEPT) -> Path:
    """A backup beside the database, named by time; only the newest ``keep`` are kept."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.stem}.backup-{stamp}{db_path.suffix}")
    copy_sqlite(db_path, target)
    rotate_backups(db_path, keep)
    return target


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy with the online backup API (safe with WAL, while the app runs).

    Written owner-only (0600) under a temporary name and renamed when complete, so a full disk
    or a crash never leaves a half copy that looks like a backup.
    """
    from ifodesk.fileio import atomic_output

    if not source.is_file():  # sqlite3.connect would create it
        raise FileNotFoundError(2, "No such file", str(source))
    with atomic_output(target) as tmp:
        src = sqlite3.connect(source)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # a single file: no -wal beside the copy
            finally:
                dst.close()
        finally:
            src.close()


def backups_of(db_path: Path) -> list[Path]:
    """This database's backups, oldest first (the time stamp in the name sorts)."""
    return sorted(db_path.parent.glob(f"{glob.escape(db_path.stem)}.backup-*{glob.escape(db_path.suffix)}"))


def rotate_backups(db_path: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups; return the deleted ones."""
    old = backups_of(db_path)[:-keep] if keep > 0 else []
    for p in old:
        p.unlink(missing_ok=True)
    return old


def prepare_at_start(db: Database, sqlite_path: Path | None, *, backups_kept: int = BACKUPS_KEPT) -> SchemaState:
    """SQLite: back up and upgrade. PostgreSQL: only check, an administrator upgrades."""
    if _current_revision(db) == SCHEMA_HEAD:
        return SchemaState(SCHEMA_HEAD, SCHEMA_HEAD, True)  # the everyday case, without Alembic
    state = schema_state(db)
    if state.client_too_old:
        raise SchemaError(_too_old_message(state))
    if state.up_to_date:
        return state
    if db.dialect == "sqlite":
        backup = None
        if sqlite_path is not None and sqlite_path.exists() and state.current is not None:
            backup = backup_sqlite(sqlite_path, keep=backups_kept)
        try:
            upgrade(db)
        except Exception as exc:
            from ifodesk.public_errors import describe, log_exception

            # The raw text may carry row data: the user gets its kind and a reference.
            why = describe(exc, log_exception(log, exc, "Uppgraderingen av databasen misslyckades"))
            if backup is not None:
                db.dispose()
                copy_sqlite(backup, sqlite_path)
            raise SchemaError(
                f"Uppgraderingen av databasen misslyckades: {why} "
                + (f"Databasen har återställts från säkerhetskopian {backup}." if backup else "")
            ) from exc
        return schema_state(db)
    if state.current is None:
        raise SchemaError(
            "PostgreSQL-databasen är tom. Be systemansvarig köra 'ifodesk-admin init-db --database URL'."
        )
    raise SchemaError(
        f"Databasen har schemaversion {state.current} men ifodesk behöver {state.head}. "
        "Databasen måste uppgraderas av en administratör: 'ifodesk-admin db upgrade --database URL'."
    )
