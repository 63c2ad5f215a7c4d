"""backup: a consistent, owner-only copy of an SQLite database, also while the app runs."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from . import CliError, add_database_arg


def register(sub) -> None:
    p = sub.add_parser("backup", help="säkerhetskopiera SQLite-databasen (även medan appen körs)",
                       description="Gör en hel kopia med SQLite:s backup-funktion. Utan --out läggs den "
                                   "bredvid databasen och bara de senaste (backups_kept, standard 5) sparas.")
    add_database_arg(p)
    p.add_argument("--out", metavar="FIL", help="kopian som skapas (annars bredvid databasfilen, med tidsstämpel)")
    p.set_defaults(func=cmd_backup)


def cmd_backup(args) -> int:
    from ifodesk.bootstrap import prepare_sqlite_file
    from ifodesk.config import load_config, sqlite_path_from_url
    from ifodesk.db.migrate import backup_sqlite, copy_sqlite

    cfg = load_config(args.database)
    path = sqlite_path_from_url(cfg.database_url)
    if path is None:
        raise CliError("Säkerhetskopiering med ifodesk-admin gäller den inbyggda SQLite-databasen. "
                       "En PostgreSQL-databas säkerhetskopieras av databasadministratören (pg_dump).")
    prepare_sqlite_file(path, create=False)
    if args.out is None:
        target = backup_sqlite(path, datetime.now(), keep=cfg.backups_kept)
    else:
        target = Path(args.out).expanduser()
        if target.is_dir():
            raise CliError(f"Kan inte skriva {target}: det är en mapp.")
        if not target.parent.is_dir():
            raise CliError(f"Kan inte skriva {target}: mappen {target.parent} finns inte.")
        if target.resolve() == path.resolve():
            raise CliError("Kopian kan inte skrivas över själva databasfilen.")
        copy_sqlite(path, target)
    print(f"Säkerhetskopian {target} är klar ({target.stat().st_size} byte, läsbar bara för dig).")
    return 0
