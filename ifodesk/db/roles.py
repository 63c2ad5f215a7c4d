"""PostgreSQL roles, grants and row-level security for a shared ifodesk server.

Layout (created by 'ifodesk-admin server init', run once by the DBA as a superuser):
- <prefix>_owner (NOLOGIN): owns the schema and every table, runs the migrations. Table owners
  bypass row-level security, so only migrations and administration act as it.
- <prefix>_staff (NOLOGIN group): every person's own login role is a member. It may read and
  write case data, but only INSERT and SELECT the audit log, never DELETE a journal note, never
  change users, units or the delegationsordning; a trigger (migration 0007) refuses any change
  to a signed journal note, whoever asks.
- Row-level security for staff: everything is limited to the signed-in person's municipality
  (session_user -> app_user.login_name). Case *contents* (anmälan, bedömningar, utredning,
  journal, beslut, insatser, tidsfrister) are further limited to the person's units, unless
  the transaction has stated a reason through ifodesk_state_reason(reason) -- a SECURITY
  DEFINER function that records the reason in access_reason, a table staff cannot touch. The
  case register itself (number, unit, status) is visible municipality-wide, so the service
  layer can load a case, decide that a reason is needed and ask for it.
The prefix defaults to the database's name, so several databases (and parallel tests) on one
cluster never share roles; role names are cluster-wide in PostgreSQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, event, text

from .engine import Database

ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,50}$")
LOGIN_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.@-]{0,62}$")

# Tables staff may only read: who works here and under which rules is set by administration.
READ_ONLY = ("municipality", "unit", "app_user", "user_unit", "delegation_ordning", "alembic_version")
NO_ACCESS = ("access_reason",)
INSERT_ONLY = ("audit_log",)
# An item taken off a planned agenda; a deadline a corrected court ruling no longer starts
# (deadlines are derived from dated events, the events themselves are never deleted).
MAY_DELETE = ("meeting_item", "deadline")

M = "(SELECT ifodesk_my_municipality())"
IN_MY_UNITS = "(unit_id = ANY ((SELECT ifodesk_my_units())::uuid[]) OR (SELECT ifodesk_reason_stated()))"
CASE_CONTENT = ("EXISTS (SELECT 1 FROM case_file c WHERE c.id = case_id AND "
                "(c.unit_id = ANY ((SELECT ifodesk_my_units())::uuid[]) OR (SELECT ifodesk_reason_stated())))")
POLICIES = {
    "municipality": f"id = {M}",
    "user_unit": "EXISTS (SELECT 1 FROM app_user u WHERE u.id = user_id)",
    "anmalan": f"municipality_id = {M} AND {IN_MY_UNITS}",
    "decision": f"municipality_id = {M} AND {IN_MY_UNITS}",
    "deadline": f"municipality_id = {M} AND {IN_MY_UNITS}",
    "court_ruling": f"municipality_id = {M} AND {IN_MY_UNITS}",
    "utredning_section": "EXISTS (SELECT 1 FROM utredning x WHERE x.id = utredning_id)",
    "utredning_extension": "EXISTS (SELECT 1 FROM utredning x WHERE x.id = utredning_id)",
    "meeting_item": "EXISTS (SELECT 1 FROM meeting m WHERE m.id = meeting_id)",
}
AUDIT_INSERT = "user_id IS NOT DISTINCT FROM (SELECT ifodesk_my_user_id()) OR action = 'sign_in_failed'"


class RoleError(Exception):
    """A problem setting up roles, in Swedish for the DBA."""


@dataclass(frozen=True)
class ServerRoles:
    owner: str
    staff: str


def default_prefix(database_name: str) -> str:
    p = re.sub(r"[^a-z0-9_]", "_", database_name.lower())[:40]
    return p if p and not p[0].isdigit() else f"db_{p}"[:40]


def roles_for(prefix: str) -> ServerRoles:
    if not ROLE_NAME.match(prefix or ""):
        raise RoleError(f"Prefixet {prefix!r} duger inte som rollnamn: använd a–z, 0–9 och _ (högst 50 tecken).")
    return ServerRoles(f"{prefix}_owner", f"{prefix}_staff")


def q(name: str) -> str:
    """A role or table name, quoted; names are validated before they get here."""
    if not LOGIN_NAME.match(name):
        raise RoleError(f"Namnet {name!r} duger inte som databasroll: använd bokstäver a–z, siffror och . _ - @.")
    return '"' + name + '"'


def check_login_name(name: str) -> str:
    q(name)
    return name


def run_as(db: Database, role: str) -> None:
    """Every connection of db acts as role (SET ROLE outside a transaction, so it sticks)."""
    @event.listens_for(db.engine, "connect")
    def _set_role(dbapi_conn, _record):
        dbapi_conn.autocommit = True
        dbapi_conn.execute(f"SET ROLE {q(role)}")
        dbapi_conn.autocommit = False


def installed_roles(conn: Connection) -> ServerRoles | None:
    """The roles server init set up for this database, or None if it has not been run."""
    if conn.execute(text("SELECT to_regprocedure('ifodesk_roles()')")).scalar() is None:
        return None
    owner, staff = conn.execute(text("SELECT * FROM ifodesk_roles()")).one()
    return ServerRoles(owner, staff)


def is_superuser(conn: Connection) -> bool:
    return bool(conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar())


def _role_exists(conn: Connection, name: str) -> bool:
    return conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first() is not None


def create_group_roles(conn: Connection, roles: ServerRoles, database: str) -> None:
    """Owner and staff roles, the database and schema rights (superuser, autocommit)."""
    for name in (roles.owner, roles.staff):
        if not _role_exists(conn, name):
            conn.exec_driver_sql(f"CREATE ROLE {q(name)} NOLOGIN")
    db = q(database)
    conn.exec_driver_sql(f"REVOKE ALL ON DATABASE {db} FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {q(roles.staff)}")
    conn.exec_driver_sql(f"GRANT CONNECT, CREATE ON DATABASE {db} TO {q(roles.owner)}")
    conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    conn.exec_driver_sql(f"ALTER SCHEMA public OWNER TO {q(roles.owner)}")
    conn.exec_driver_sql("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {q(roles.staff)}")
    _hand_over_objects(conn, roles.owner)


def _hand_over_objects(conn: Connection, owner: str) -> None:
    """A database migrated before server init: its tables and functions become the owner's."""
    tables = conn.execute(text(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'p') "
        "AND pg_get_userbyid(c.relowner) <> :o "
        "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')"),
        {"o": owner}).scalars().all()
    for t in tables:
        conn.exec_driver_sql(f"ALTER TABLE {q(t)} OWNER TO {q(owner)}")
    funcs = conn.execute(text(
        "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = 'public' AND p.proname LIKE 'ifodesk\\_%' AND pg_get_userbyid(p.proowner) <> :o"),
        {"o": owner}).scalars().all()
    for f in funcs:
        conn.exec_driver_sql(f"ALTER FUNCTION {f} OWNER TO {q(owner)}")


def _tables(conn: Connection) -> dict[str, set[str]]:
    rows = conn.execute(text(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND table_name IN (SELECT tablename FROM pg_tables "
        "WHERE schemaname = 'public')")).all()
    out: dict[str, set[str]] = {}
    for t, c in rows:
        out.setdefault(t, set()).add(c)
    return out


def _policy_for(table: str, columns: set[str]) -> str | None:
    if table in POLICIES:
        return POLICIES[table]
    if "municipality_id" in columns:
        return f"municipality_id = {M}"
    if "case_id" in columns:
        return CASE_CONTENT
    return None


def apply_security(conn: Connection, roles: ServerRoles) -> None:
    """Grants and row-level security for staff; idempotent, run after every migration."""
    staff, owner = q(roles.staff), q(roles.owner)
    tables = _tables(conn)
    conn.exec_driver_sql(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {staff}")
    conn.exec_driver_sql(f"GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO {staff}")
    conn.exec_driver_sql(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {staff}")
    for t in tables:
        name = q(t)
        if t in READ_ONLY or t in INSERT_ONLY:
            conn.exec_driver_sql(f"REVOKE INSERT, UPDATE ON {name} FROM {staff}")
        if t in INSERT_ONLY:
            conn.exec_driver_sql(f"GRANT INSERT ON {name} TO {staff}")
        if t in NO_ACCESS:
            conn.exec_driver_sql(f"REVOKE ALL ON {name} FROM {staff}")
        if t in MAY_DELETE:
            conn.exec_driver_sql(f"GRANT DELETE ON {name} TO {staff}")
        _row_security(conn, t, tables[t], staff)
    conn.exec_driver_sql("REVOKE ALL ON FUNCTION ifodesk_state_reason(text) FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION ifodesk_state_reason(text) TO {staff}")
    # Tables added by a later migration are usable at once; the next run narrows them.
    conn.exec_driver_sql(f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
                         f"GRANT SELECT, INSERT, UPDATE ON TABLES TO {staff}")
    conn.exec_driver_sql(f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
                         f"GRANT USAGE ON SEQUENCES TO {staff}")
    conn.exec_driver_sql(
        f"CREATE OR REPLACE FUNCTION ifodesk_roles(OUT owner text, OUT staff text) LANGUAGE sql "
        f"STABLE AS $$ SELECT '{roles.owner}'::text, '{roles.staff}'::text $$")


def _row_security(conn: Connection, table: str, columns: set[str], staff: str) -> None:
    name = q(table)
    for pol in ("ifodesk_staff", "ifodesk_staff_read", "ifodesk_staff_insert"):
        conn.exec_driver_sql(f"DROP POLICY IF EXISTS {pol} ON {name}")
    if table == "audit_log":
        conn.exec_driver_sql(f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY")
        # The hash chain needs the newest rows of everyone; an inserted row is one's own.
        conn.exec_driver_sql(f"CREATE POLICY ifodesk_staff_read ON {name} FOR SELECT TO {staff} USING (true)")
        conn.exec_driver_sql(f"CREATE POLICY ifodesk_staff_insert ON {name} FOR INSERT TO {staff} "
                             f"WITH CHECK ({AUDIT_INSERT})")
        return
    expr = _policy_for(table, columns)
    if expr is None:
        conn.exec_driver_sql(f"ALTER TABLE {name} DISABLE ROW LEVEL SECURITY")
        return
    conn.exec_driver_sql(f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY")
    conn.exec_driver_sql(f"CREATE POLICY ifodesk_staff ON {name} TO {staff} USING ({expr}) WITH CHECK ({expr})")


def create_login(conn: Connection, roles: ServerRoles, login: str, password: str | None) -> None:
    """A person's own login role in the staff group; password None means Kerberos (GSSAPI) only.

    The password is turned into a SCRAM verifier here, so the plain text never reaches the
    server (nor its statement log)."""
    name = q(login)
    verb = "ALTER" if _role_exists(conn, login) else "CREATE"
    pw = "PASSWORD NULL"
    if password is not None:
        raw = conn.connection.dbapi_connection
        verifier = raw.pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256").decode()
        pw = "PASSWORD '" + verifier.replace("'", "''") + "'"
    conn.exec_driver_sql(f"{verb} ROLE {name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT {pw}")
    conn.exec_driver_sql(f"GRANT {q(roles.staff)} TO {name}")


def disable_login(conn: Connection, login: str) -> bool:
    if not _role_exists(conn, login):
        return False
    conn.exec_driver_sql(f"ALTER ROLE {q(login)} NOLOGIN")
    return True


def state_reason(session, reason: str) -> None:
    """PostgreSQL: open other units' case contents for the rest of this transaction, recording
    the reason where staff cannot change it. Call it when the access policy accepts a stated
    reason, before reading. SQLite (one workstation) has no row-level security: nothing to do."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT ifodesk_state_reason(:r)"), {"r": reason})
