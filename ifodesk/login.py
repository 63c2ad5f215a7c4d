"""Connecting to a shared PostgreSQL as oneself.

libpq tries what needs no typing first: Kerberos/GSSAPI single sign-on when the municipality has
Active Directory (e.g. postgresql://anna.lind@db.kommun.se/ifodesk?gssencmode=prefer&krbsrvname=postgres),
or a password the OS keyring remembers. Only when the server still asks for a password is the
user asked; the password stays in memory (never in a file) unless they tick "Kom ihåg", which
hands it to the OS keyring (Windows Credential Manager, macOS Keychain, Secret Service).
"""

from __future__ import annotations

import getpass
import logging
from dataclasses import dataclass
from typing import Callable

log = logging.getLogger(__name__)

KEYRING_SERVICE = "ifodesk"
MAX_ATTEMPTS = 5
AUTH_SQLSTATES = {"28P01", "28000"}
AUTH_TEXTS = ("password authentication failed", "no password supplied", "fe_sendauth",
              "GSSAPI authentication failed", "authentication failed")


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str
    remember: bool = False


class SignInCancelled(Exception):
    pass


class TooManyAttempts(Exception):
    pass


def is_auth_failure(exc: BaseException) -> bool:
    orig = getattr(exc, "orig", None) or exc
    if getattr(orig, "sqlstate", None) in AUTH_SQLSTATES:
        return True
    return any(t in str(orig) for t in AUTH_TEXTS)


def _keyring():
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # noqa: BLE001 - no keyring package or a broken backend: nothing remembered
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001
        return None
    return None if isinstance(backend, fail.Keyring) else keyring


def keyring_available() -> bool:
    return _keyring() is not None


def _key(url) -> str:
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def saved_password(url, user: str) -> str | None:
    kr = _keyring()
    try:
        return kr.get_password(KEYRING_SERVICE, f"{user}@{_key(url)}") if kr else None
    except Exception:  # noqa: BLE001 - a locked keyring: ask instead
        return None


def save_password(url, user: str, password: str) -> None:
    kr = _keyring()
    try:
        if kr:
            kr.set_password(KEYRING_SERVICE, f"{user}@{_key(url)}", password)
    except Exception:  # noqa: BLE001
        log.warning("Lösenordet kunde inte sparas i nyckelringen.")


def forget_password(url, user: str) -> None:
    kr = _keyring()
    try:
        if kr:
            kr.delete_password(KEYRING_SERVICE, f"{user}@{_key(url)}")
    except Exception:  # noqa: BLE001 - nothing saved
        pass


def open_as_self(url_text: str, open_db: Callable[[str], object],
                 ask: Callable[[str, str], Credentials | None]) -> tuple[object, list[str]]:
    """open_db(url) for the configured URL; on a password demand, the keyring then ask(user, message).

    Returns the database and the login names of failed attempts (for the audit log, once in)."""
    from sqlalchemy.engine import make_url

    try:
        return open_db(url_text), []
    except Exception as exc:
        if not url_text.startswith("postgresql") or not is_auth_failure(exc):
            raise
    url = make_url(url_text)
    user = url.username or getpass.getuser()
    failures: list[str] = []
    saved = saved_password(url, user)
    if saved is not None:
        try:
            return open_db(url.set(username=user, password=saved).render_as_string(hide_password=False)), []
        except Exception as exc:
            if not is_auth_failure(exc):
                raise
            forget_password(url, user)  # changed since it was saved
    message = ""
    for _ in range(MAX_ATTEMPTS):
        cred = ask(user, message)
        if cred is None:
            raise SignInCancelled()
        user = cred.user.strip() or user
        try:
            db = open_db(url.set(username=user, password=cred.password).render_as_string(hide_password=False))
        except Exception as exc:
            if not is_auth_failure(exc):
                raise
            failures.append(user)
            message = "Fel användarnamn eller lösenord. Försök igen."
            continue
        if cred.remember:
            save_password(url, user, cred.password)
        return db, failures
    raise TooManyAttempts()
