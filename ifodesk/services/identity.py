"""Who is signed in. Never a name the client chooses:

- PostgreSQL: the database's session_user (the person's own login role, authenticated by
  Kerberos/GSSAPI or SCRAM password) mapped to app_user.login_name.
- SQLite (one workstation): the operating-system account that owns the database file, which
  must be the account running ifodesk.
A sign-in that reaches the database but maps to no active user is written to the audit log as
'sign_in_failed' (no password is ever part of it).
"""

from __future__ import annotations

import getpass
import logging
import os
import uuid

from sqlalchemy import or_, select, text

from ifodesk.config import sqlite_path_from_url
from ifodesk.db.engine import Database
from ifodesk.db.models import User

from . import audit
from .admin import actor_from_user
from .context import Actor, ServiceContext
from .errors import ServiceError

log = logging.getLogger(__name__)
NOBODY = uuid.UUID(int=0)


class SignInError(ServiceError):
    pass


def login_name(db: Database) -> str:
    if db.dialect == "postgresql":
        with db.session() as s:
            return s.scalar(text("SELECT session_user"))
    return sqlite_account(db)


def sqlite_account(db: Database) -> str:
    """The OS account owning the SQLite file; refused if someone else runs the program."""
    me = getpass.getuser()
    path = sqlite_path_from_url(db.url)
    if path is None or not path.exists() or not hasattr(os, "getuid"):
        return me  # Windows: the file lies in the user's own profile (see config.default_sqlite_path)
    import pwd

    uid = path.stat().st_uid
    try:
        owner = pwd.getpwuid(uid).pw_name
    except KeyError:
        owner = str(uid)
    if uid != os.getuid():
        raise SignInError(f"Databasfilen {path} tillhör datorkontot {owner}, men du är inloggad som {me}. "
                          "Den lokala databasen kan bara användas av kontot som äger den.")
    return owner


def signed_in_actor(db: Database) -> Actor:
    login = login_name(db)
    with db.session() as s:
        users = s.scalars(select(User).where(or_(
            User.login_name == login, User.login_name.is_(None) & (User.username == login)))).all()
        user = next((u for u in users if u.login_name == login), users[0] if users else None)
        if user is not None and user.active:
            return actor_from_user(user)
    why = "avstängd användare" if user is not None else "okänd inloggning"
    record_failed_sign_in(db, login, why)
    if db.dialect == "postgresql":
        raise SignInError(f"Databasrollen {login!r} är inte kopplad till någon aktiv användare i ifodesk. "
                          "Be systemansvarig lägga upp dig med 'ifodesk-admin user add --login'.")
    raise SignInError(f"Datorkontot {login!r} finns inte som aktiv användare i ifodesk. Be systemansvarig "
                      "lägga upp dig med 'ifodesk-admin user add --login KONTO'.")


def record_failed_sign_in(db: Database, login: str, why: str) -> None:
    """Audit row for a failed sign-in, where the database can take one."""
    who = Actor(NOBODY, (login or "?")[:60], "", "", "", "", NOBODY, ())
    try:
        with db.session(write=True) as s:
            audit.record(s, ServiceContext(db, who), "sign_in_failed", "session", detail=why)
    except Exception:  # noqa: BLE001 - e.g. a role without rights: the server's own log has it
        log.warning("Misslyckad inloggning kunde inte skrivas i loggen.")
