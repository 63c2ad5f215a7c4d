"""Shared-server security: sign-in names, one open case per child and unit, signed notes frozen.

- app_user.login_name: the PostgreSQL login role (or, on SQLite, the OS account) a person signs
  in as; the app maps session_user to it and never trusts a name the client chooses.
- uq_case_one_open: at most one open case per child and unit, as a database rule, so two
  anmälningar registered at once cannot open two cases.
- access_reason: on PostgreSQL, the stated reasons that let a transaction read another unit's
  case contents (written only by the SECURITY DEFINER function ifodesk_state_reason).
- A trigger refuses any UPDATE of a signed journal note, whoever is connected.
- PostgreSQL helper functions for row-level security (session_user -> user, municipality,
  units). The roles, grants and policies themselves are created by 'ifodesk-admin server init',
  because role names are chosen per installation.

Revision ID: 0007
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

import ifodesk.db.types

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

OPEN = "status <> 'avslutad'"
FROZEN = "En signerad journalanteckning kan inte ändras. Skriv en rättelse i stället."

# plpgsql, not SQL: row-level security calls these once per statement, and plpgsql keeps its
# plans for the session while a non-inlined SQL function is planned on every call (measured:
# opening a case 1.2x instead of 1.6-3x the time without row-level security).
PG_FUNCTIONS = f"""
CREATE FUNCTION ifodesk_my_user_id() RETURNS uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ BEGIN RETURN (SELECT id FROM app_user WHERE login_name = session_user AND active); END $$;
CREATE FUNCTION ifodesk_my_municipality() RETURNS uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ BEGIN RETURN (SELECT municipality_id FROM app_user WHERE login_name = session_user AND active); END $$;
CREATE FUNCTION ifodesk_my_units() RETURNS uuid[]
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ BEGIN RETURN (SELECT coalesce(array_agg(uu.unit_id), '{{}}') FROM user_unit uu
        JOIN app_user u ON u.id = uu.user_id WHERE u.login_name = session_user AND u.active); END $$;
CREATE FUNCTION ifodesk_reason_stated() RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ BEGIN RETURN EXISTS (SELECT 1 FROM access_reason WHERE pid = pg_backend_pid()
        AND xact = pg_current_xact_id_if_assigned()::text::bigint AND login_name = session_user); END $$;
CREATE FUNCTION ifodesk_state_reason(reason text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  BEGIN
    IF ifodesk_my_user_id() IS NULL THEN
      RETURN;  -- the owner or a superuser: not under row-level security, nothing to open
    END IF;
    IF length(btrim(coalesce(reason, ''))) < 5 THEN
      RAISE EXCEPTION 'Ange ett skäl till åtkomsten.' USING ERRCODE = '22023';
    END IF;
    INSERT INTO access_reason (pid, xact, user_id, login_name, reason, at)
    VALUES (pg_backend_pid(), pg_current_xact_id()::text::bigint, ifodesk_my_user_id(), session_user,
            btrim(reason), now());
  END $$;
CREATE FUNCTION ifodesk_signed_note_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION '{FROZEN}' USING ERRCODE = '42501';
  END $$;
CREATE TRIGGER journal_note_signed_frozen BEFORE UPDATE ON journal_note
  FOR EACH ROW WHEN (OLD.signed_at IS NOT NULL) EXECUTE FUNCTION ifodesk_signed_note_frozen();
"""

# CASCADE: server init's policies use these functions; 'db upgrade' re-creates them.
PG_DROP = """
DROP TRIGGER IF EXISTS journal_note_signed_frozen ON journal_note;
DROP FUNCTION IF EXISTS ifodesk_signed_note_frozen();
DROP FUNCTION IF EXISTS ifodesk_state_reason(text) CASCADE;
DROP FUNCTION IF EXISTS ifodesk_reason_stated() CASCADE;
DROP FUNCTION IF EXISTS ifodesk_my_units() CASCADE;
DROP FUNCTION IF EXISTS ifodesk_my_municipality() CASCADE;
DROP FUNCTION IF EXISTS ifodesk_my_user_id() CASCADE;
"""

SQLITE_TRIGGER = f"""
CREATE TRIGGER journal_note_signed_frozen BEFORE UPDATE ON journal_note
FOR EACH ROW WHEN OLD.signed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, '{FROZEN}'); END
"""


def _refuse_duplicate_open_cases() -> None:
    dup = op.get_bind().execute(sa.text(
        f"SELECT count(*) FROM (SELECT person_id, unit_id FROM case_file WHERE {OPEN} "
        "GROUP BY person_id, unit_id HAVING count(*) > 1) d")).scalar()
    if dup:
        raise RuntimeError(
            f"{dup} barn har mer än ett öppet ärende i samma enhet (från tidigare samtidiga "
            "registreringar). Slå ihop eller avsluta dubbletterna och kör uppgraderingen igen.")


def upgrade() -> None:
    with op.batch_alter_table("app_user") as batch:
        batch.add_column(sa.Column("login_name", sa.String(63), nullable=True))
        batch.create_unique_constraint("uq_app_user_login_name", ["login_name"])
    _refuse_duplicate_open_cases()
    with op.batch_alter_table("case_file") as batch:
        batch.create_index("uq_case_one_open", ["person_id", "unit_id"], unique=True,
                           sqlite_where=sa.text(OPEN), postgresql_where=sa.text(OPEN))
    op.create_table(
        "access_reason",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True,
                  autoincrement=True),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("xact", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("login_name", sa.String(63), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", ifodesk.db.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_reason")),
    )
    op.create_index("ix_access_reason_pid_xact", "access_reason", ["pid", "xact"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FUNCTIONS)
    else:
        op.execute(SQLITE_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_DROP)
    else:
        op.execute("DROP TRIGGER IF EXISTS journal_note_signed_frozen")
    op.drop_index("ix_access_reason_pid_xact", table_name="access_reason")
    op.drop_table("access_reason")
    with op.batch_alter_table("case_file") as batch:
        batch.drop_index("uq_case_one_open")
    with op.batch_alter_table("app_user") as batch:
        batch.drop_constraint("uq_app_user_login_name", type_="unique")
        batch.drop_column("login_name")
