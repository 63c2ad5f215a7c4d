"""Open the configured database for the app or the command line."""

from __future__ import annotations

from ifodesk.config import Config, sqlite_path_from_url
from ifodesk.db.engine import Database
from ifodesk.db.migrate import prepare_at_start, upgrade


def open_database(cfg: Config, *, migrate: bool = True) -> Database:
    """SQLite is backed up and upgraded at start; PostgreSQL is only checked."""
    path = sqlite_path_from_url(cfg.database_url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(cfg.database_url)
    if migrate:
        prepare_at_start(db, path)
    return db


def init_database(cfg: Config) -> Database:
    """Create (or bring up to date) the schema of a new database."""
    path = sqlite_path_from_url(cfg.database_url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(cfg.database_url)
    upgrade(db)
    return db
