"""Which delegationsordning a command shows: a named file, else the one adopted in the database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import CliError


@dataclass(frozen=True)
class OrdningSource:
    text: str
    label: str  # said above the table: where the ordning comes from


def _municipality(cfg, db):
    from sqlalchemy import select

    from ifodesk.db.models import Municipality

    with db.session() as s:
        m = s.scalar(select(Municipality).where(Municipality.code == cfg.municipality.code))
    if m is None:
        raise CliError(f"Kommunen {cfg.municipality.code} finns inte i databasen; kör 'ifodesk-admin init-db'.")
    return m.id, m.name


def _default(note: str) -> OrdningSource:
    from ifodesk.services.delegation_admin import default_delegation_text

    return OrdningSource(default_delegation_text(), f"Standarddelegationsordningen ({note})")


def ordning_for(args) -> OrdningSource:
    """FILE if given; otherwise the municipality's adopted ordning in the chosen database. With no
    database chosen and no local database file yet, the default ordning (nothing is created)."""
    from ifodesk.config import DEFAULT_SOURCE, load_config, sqlite_path_from_url

    if getattr(args, "file", None):
        path = Path(args.file)
        if not path.is_file():
            raise CliError(f"Filen {path} finns inte.")
        return OrdningSource(path.read_text(encoding="utf-8"), f"Delegationsordningen i {path}")
    cfg = load_config(args.database)
    local = sqlite_path_from_url(cfg.database_url)
    if cfg.source == DEFAULT_SOURCE and local is not None and not local.exists():
        return _default("ingen databas angiven")
    from ifodesk.bootstrap import open_database
    from ifodesk.services.delegation_admin import active_delegation

    db = open_database(cfg)
    try:
        mid, name = _municipality(cfg, db)
        text, adopted_on = active_delegation(db, mid)
    finally:
        db.dispose()
    from ifodesk.services.delegation_admin import default_delegation_text

    if adopted_on is None or text == default_delegation_text():
        return _default(f"{name} har inte antagit någon egen")
    return OrdningSource(text, f"Delegationsordningen för {name}, antagen {adopted_on.isoformat()}")
