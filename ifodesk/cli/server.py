"""server init: roles, grants and row-level security on a shared PostgreSQL (run once by the DBA).

    ifodesk-admin server init --database postgresql://postgres@dbserver/ifodesk [--prefix ifodesk]

Idempotent: running it again (e.g. after 'db upgrade') re-applies grants and policies.
"""

from __future__ import annotations

from . import CliError, add_database_arg

DEMO_PASSWORD = "ifodesk-demo"  # documented in the README: demo databases only


def register(sub) -> None:
    p = sub.add_parser("server", help="delad PostgreSQL-server: roller, behörigheter och radsäkerhet")
    ssub = p.add_subparsers(dest="server_command", metavar="ÅTGÄRD", required=True)
    init = ssub.add_parser("init", help="skapa ägar- och personalroll, migrera och slå på radsäkerhet "
                                        "(körs en gång av databasadministratören som superanvändare)")
    add_database_arg(init)
    init.add_argument("--prefix", help="början på rollnamnen (standard: databasens namn), "
                                       "t.ex. ifodesk ger ifodesk_owner och ifodesk_staff")
    init.set_defaults(func=cmd_init)


def _pg_config(database: str | None):
    from ifodesk.config import load_config

    cfg = load_config(database)
    if not cfg.database_url.startswith("postgresql"):
        raise CliError("Kommandot gäller en delad PostgreSQL-databas; en SQLite-fil har inga databasroller.")
    return cfg


def cmd_init(args) -> int:
    from sqlalchemy.engine import make_url

    from sqlalchemy.exc import DBAPIError

    cfg = _pg_config(args.database)
    try:
        roles = init_server(cfg, args.prefix)
    except DBAPIError as exc:  # first line only: the server's words, never SQL parameters
        first = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else type(exc.orig).__name__
        raise CliError(f"PostgreSQL-servern kunde inte nås eller vägrade: {first}") from None
    print(f"Servern är klar för ifodesk i databasen {make_url(cfg.database_url).database}: ägarrollen "
          f"{roles.owner} äger schemat, personalrollen {roles.staff} har radsäkerhet per kommun och enhet. "
          "Lägg upp personalen med 'ifodesk-admin user add'.")
    return 0


def init_server(cfg, prefix: str | None = None):
    """Roles, migrations as the owner, municipality and grants; returns the ServerRoles."""
    from sqlalchemy.engine import make_url

    from ifodesk.db import roles as r
    from ifodesk.db.engine import Database
    from ifodesk.services.admin import ensure_municipality
    from ifodesk.services.delegation_admin import ensure_default_delegation

    name = make_url(cfg.database_url).database or ""
    try:
        roles = r.roles_for(prefix or r.default_prefix(name))
    except r.RoleError as exc:
        raise CliError(str(exc)) from None
    admin = Database(cfg.database_url)
    try:
        with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            if not r.is_superuser(conn):
                raise CliError("'server init' måste köras av en superanvändare (t.ex. postgres): den skapar "
                               "roller och byter ägare på schemat.")
            existing = r.installed_roles(conn)
            if existing is not None and prefix and existing != roles:
                raise CliError(f"Databasen är redan uppsatt med rollerna {existing.owner} och {existing.staff}.")
            roles = existing or roles
            r.create_group_roles(conn, roles, name)
    finally:
        admin.dispose()
    upgrade_as_owner(cfg.database_url, roles)
    owner_db = owner_database(cfg.database_url, roles)
    try:
        mid = ensure_municipality(owner_db, cfg.municipality)
        ensure_default_delegation(owner_db, mid)
    finally:
        owner_db.dispose()
    return roles


def owner_database(url: str, roles):
    from ifodesk.db import roles as r
    from ifodesk.db.engine import Database

    db = Database(url)
    r.run_as(db, roles.owner)
    return db


def upgrade_as_owner(url: str, roles) -> None:
    """Migrations run as the owner role, then grants and policies are re-applied."""
    from ifodesk.db import roles as r
    from ifodesk.db.migrate import upgrade

    db = owner_database(url, roles)
    try:
        upgrade(db)
        with db.engine.begin() as conn:
            r.apply_security(conn, roles)
    finally:
        db.dispose()


def server_roles(db):
    """The roles server init installed in this PostgreSQL database, or None (or SQLite)."""
    from ifodesk.db import roles as r

    if db.dialect != "postgresql":
        return None
    with db.engine.connect() as conn:
        return r.installed_roles(conn)


def create_login(db, login: str, password: str | None) -> None:
    """The person's own login role in the staff group (needs a superuser or CREATEROLE URL)."""
    from sqlalchemy.exc import DBAPIError

    from ifodesk.db import roles as r

    roles = server_roles(db)
    if roles is None:
        raise CliError("Databasen saknar ifodesk-roller: kör 'ifodesk-admin server init' först.")
    try:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            r.create_login(conn, roles, login, password)
    except r.RoleError as exc:
        raise CliError(str(exc)) from None
    except DBAPIError as exc:
        raise CliError("Inloggningsrollen kunde inte skapas: anslutningen saknar rätt att skapa roller "
                       f"(SQLSTATE {getattr(exc.orig, 'sqlstate', '?')}).") from None
