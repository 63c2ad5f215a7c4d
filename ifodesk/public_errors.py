"""Error texts fit for a dialog, stderr or a log: never SQL parameters or personal data.

A database error's text carries the statement's parameters (SQLAlchemy appends them; PostgreSQL
adds "DETAIL: Key (personnummer)=(…)"), so it must never reach the user or a log. Our own
exceptions (modules under ``ifodesk.``) carry Swedish messages written for the user; any other
exception is told by its kind only, with a short reference that the log line also carries, so
the systemansvarig can find the place in the code without seeing the data.
"""

from __future__ import annotations

import errno
import logging
import os
import secrets
import traceback

_DB_MODULES = ("sqlalchemy", "psycopg", "sqlite3", "_sqlite3")


class UnexpectedError(Exception):
    """Stands in for an exception whose text may carry personal data; str() is Swedish."""

    def __init__(self, message: str, reference: str, kind: str):
        super().__init__(message)
        self.reference = reference
        self.kind = kind  # the original exception's class name, for code that needs to know


def new_reference() -> str:
    return "F-" + secrets.token_hex(3).upper()


_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


def is_public(exc: BaseException) -> bool:
    """Our own exceptions carry a Swedish message meant for the user; so does a plain
    ValueError that our code raised itself (not one passed up from a library)."""
    if type(exc).__module__.startswith("ifodesk.") or type(exc).__module__ == "ifodesk":
        return True
    if type(exc) is ValueError and exc.__cause__ is None and exc.__context__ is None:
        frames = traceback.extract_tb(exc.__traceback__)
        return bool(frames) and os.path.abspath(frames[-1].filename).startswith(_PACKAGE_DIR + os.sep)
    return False


def _chain(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__


def _is_db_error(exc: BaseException) -> bool:
    return any(type(e).__module__.split(".")[0] in _DB_MODULES for e in _chain(exc))


def _raw_text(exc: BaseException) -> str:
    """For classifying only: never shown or logged."""
    return " ".join(str(e) for e in _chain(exc)).lower()


def _os_message(exc: OSError) -> str:
    where = f" ({exc.filename})" if exc.filename else ""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return f"Disken är full{where}: filen kunde inte skrivas. Ingen ofullständig fil har lämnats kvar."
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"Behörighet saknas{where}."
    if exc.errno == errno.ENOENT:
        return f"Filen eller mappen finns inte{where}."
    if exc.errno == errno.EISDIR:
        return f"Det är en mapp, inte en fil{where}."
    if exc.errno == errno.EROFS:
        return f"Disken är skrivskyddad{where}."
    return f"Filen kunde inte läsas eller skrivas{where} (felkod {exc.errno})."


def _db_message(exc: BaseException) -> str:
    text = _raw_text(exc)
    if "file is not a database" in text or "not a database" in text:
        return "Filen är ingen ifodesk-databas (inte en SQLite-databas, eller skadad)."
    if "database or disk is full" in text or "disk i/o error" in text:
        return "Disken är full eller kan inte skrivas: databasen kunde inte spara."
    if "unable to open database file" in text:
        return "Databasfilen kunde inte öppnas (finns mappen, och är det en fil?)."
    if "database is locked" in text or "database table is locked" in text:
        return "Databasen är upptagen av en annan användare. Försök igen om en stund."
    if "does not exist" in text and "database" in text:
        return "PostgreSQL-databasen finns inte på servern. Kontrollera databasnamnet i adressen."
    if "password authentication failed" in text or "no password supplied" in text:
        return "Inloggningen till PostgreSQL-servern misslyckades."
    if any(s in text for s in ("connection refused", "could not connect", "connection failed",
                               "timeout expired", "could not translate host name", "name or service not known")):
        return "PostgreSQL-servern kunde inte nås. Kontrollera adressen och att servern är igång."
    if any(type(e).__name__ == "IntegrityError" for e in _chain(exc)):
        return "Uppgifterna kunde inte sparas: de krockar med något som redan finns i databasen."
    return "Databasen svarade med ett fel."


def describe(exc: BaseException, reference: str | None = None) -> str:
    """A Swedish message for the user: our own text, else the kind of problem and a reference."""
    if is_public(exc):
        return str(exc)
    if _is_db_error(exc):
        text = _db_message(exc)
    elif isinstance(exc, OSError):
        text = _os_message(exc)
    elif isinstance(exc, MemoryError):
        text = "Datorn har inte tillräckligt med minne."
    else:
        text = "Ett oväntat fel inträffade."
    return f"{text} (referens {reference})" if reference else text


def safe_traceback(exc: BaseException) -> str:
    """Where it happened (files, lines, functions) and the exception classes, no messages."""
    lines = []
    for e in reversed(list(_chain(exc))):
        lines.append(f"{type(e).__module__}.{type(e).__qualname__}")
        lines.extend(f"  {f.filename}:{f.lineno} in {f.name}" for f in traceback.extract_tb(e.__traceback__))
    return "\n".join(lines)


def log_exception(logger: logging.Logger, exc: BaseException, what: str) -> str:
    """Log an error without its text (which may carry personal data); return its reference."""
    ref = new_reference()
    logger.error("%s: %s (referens %s)\n%s", what, type(exc).__name__, ref, safe_traceback(exc))
    return ref


def sanitise(exc: BaseException, logger: logging.Logger, what: str) -> BaseException:
    """Our own exceptions pass unchanged; any other is logged safely and replaced by its description."""
    if is_public(exc):
        return exc
    ref = log_exception(logger, exc, what)
    return UnexpectedError(describe(exc, ref), ref, type(exc).__name__)


def install_excepthook(logger: logging.Logger) -> None:
    """An exception nobody caught (e.g. in a Qt slot) is logged without its text, not printed raw."""
    import sys

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        ref = log_exception(logger, exc, "Ohanterat fel")
        print(f"ifodesk: {describe(exc, ref)}", file=sys.stderr)

    sys.excepthook = hook
