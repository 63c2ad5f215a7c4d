"""init-db and db upgrade/status."""

from __future__ import annotations

from . import add_database_arg


def register(sub) -> None:
    p = sub.add_parser("init-db", help="skapa databasens tabeller, kommunen och enheterna")
    add_database_arg(p)
    p.set_defaults(func=cmd_init_db)

    p = sub.add_parser("db", help="databasens schemaversion")
    dbsub = p.add_subparsers(dest="db_command", metavar="ÅTGÄRD", required=True)
    up = dbsub.add_parser("upgrade", help="uppgradera schemat till den här versionen av ifodesk")
    add_database_arg(up)
    up.set_defaults(func=cmd_upgrade)
    st = dbsub.add_parser("status", help="visa databasens och programmets schemaversion")
    add_database_arg(st)
    st.set_defaults(func=cmd_status)


def cmd_init_db(args) -> int:
    from ifodesk.bootstrap import init_database
    from ifodesk.config import load_config
    from ifodesk.services.admin import ensure_municipality
    from ifodesk.services.delegation_admin import ensure_default_delegation

    cfg = load_config(args.database)
    db = init_database(cfg)
    mid = ensure_municipality(db, cfg.municipality)
    ensure_default_delegation(db, mid)
    print(f"Databasen är klar: {_safe_url(cfg.database_url)} ({cfg.municipality.name}, kommunkod {cfg.municipality.code})")
    return 0


def cmd_upgrade(args) -> int:
    from ifodesk.db.migrate import schema_state, upgrade

    from . import open_db_from_args

    cfg, db = open_db_from_args(args, migrate=False)
    before = schema_state(db)
    from .server import server_roles, upgrade_as_owner

    roles = server_roles(db)
    if roles is not None:  # a server set up by 'server init': the owner role migrates, then grants are renewed
        upgrade_as_owner(cfg.database_url, roles)
    elif before.up_to_date:
        print(f"Databasen har redan senaste version ({before.current}); inget att uppgradera.")
        return 0
    else:
        upgrade(db)
    after = schema_state(db)
    print(f"Schemat uppgraderat från {before.current or 'tomt'} till {after.current}.")
    return 0


def cmd_status(args) -> int:
    from ifodesk.db.migrate import schema_state

    from . import open_db_from_args

    cfg, db = open_db_from_args(args, migrate=False)
    st = schema_state(db)
    print(f"Databas: {_safe_url(cfg.database_url)}")
    print(f"Databasens schemaversion: {st.current or 'tom'}; programmets: {st.head}")
    if st.client_too_old:
        print("Databasen är nyare än programmet: uppdatera ifodesk.")
        return 1
    return 0 if st.up_to_date else 1


def _safe_url(url: str) -> str:
    """Never print a password."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
