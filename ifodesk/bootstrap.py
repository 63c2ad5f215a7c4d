"""Open the configured database for the app or the command line."""

from __future__ import annotations

from pathlib import Path

from ifodesk.config import Config, ConfigError, sqlite_path_from_url
from ifodesk.db.engine import Database
from ifodesk.db.migrate import prepare_at_start, upgrade
from ifodesk.fileio import create_private_file, make_private, make_private_dir

SQLITE_HEADER = b"SQLite format 3\x00"


def open_database(cfg: Config, *, migrate: bool = True, create: bool = False) -> Database:
    """SQLite is backed up and upgraded at start; PostgreSQL is only checked.

    A missing SQLite file is an error (a mistyped path must not silently become a new, empty
    database) unless ``create`` is set: init-db, demo and the first start on the default file.
    """
    path = sqlite_path_from_url(cfg.database_url)
    if path is not None:
        prepare_sqlite_file(path, create=create)
    db = Database(cfg.database_url)
    if migrate:
        prepare_at_start(db, path, backups_kept=cfg.backups_kept)
    if path is not None:
        protect_sqlite_files(path)
    return db


def init_database(cfg: Config) -> Database:
    """Create (or bring up to date) the schema of a new database."""
    path = sqlite_path_from_url(cfg.database_url)
    if path is not None:
        prepare_sqlite_file(path, create=True)
    db = Database(cfg.database_url)
    upgrade(db)
    if path is not None:
        protect_sqlite_files(path)
    return db


def prepare_sqlite_file(path: Path, *, create: bool) -> None:
    """Check that ``path`` is an SQLite database file; create it owner-only if allowed."""
    if path.is_dir():
        raise ConfigError(f"Databasadressen pekar på mappen {path}, inte på en databasfil.")
    if not path.exists():
        if not create:
            raise ConfigError(
                f"Databasfilen {path} finns inte. Kontrollera sökvägen. En ny databas skapas bara med "
                "'ifodesk-admin init-db --database SÖKVÄG' (eller 'ifodesk-admin demo').")
        if not path.parent.exists():
            make_private_dir(path.parent)
        # Created here with mode 0600: SQLite gives its -wal and -shm files the same mode.
        create_private_file(path)
        return
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_HEADER))
    if head and head != SQLITE_HEADER:
        raise ConfigError(f"Filen {path} är ingen SQLite-databas. Kontrollera sökvägen.")
    protect_sqlite_files(path)


def protect_sqlite_files(path: Path) -> None:
    """The database and its -wal/-shm files: owner read/write only (POSIX)."""
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        make_private(p)
