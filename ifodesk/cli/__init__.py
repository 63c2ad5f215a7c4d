"""ifodesk-admin: the command line for system owners (systemansvarig).

Each sub-command lives in its own module with a register(subparsers) function.
Errors are printed in Swedish on stderr with exit code 2; nothing is half-written.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMAND_MODULES = ("db", "demo", "users", "catalog", "decisions", "render", "stats", "screens", "backup",
                   "audit", "server", "offline", "ivo")


class CliError(Exception):
    """A user-facing error: printed as 'ifodesk-admin: fel: …' with exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ifodesk-admin",
        description="Administration av ifodesk: databas, demodata, beslutsmallar, delegation, "
                    "dokument och statistik.")
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", required=True)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"ifodesk.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"ifodesk.cli.{name}":
                continue  # a command not yet built in this version
            raise
        module.register(sub)
    return parser


def parse_date_arg(text: str, what: str):
    """ÅÅÅÅ-MM-DD with ASCII digits; anything else a CliError naming the option."""
    from ifodesk.domain.statistics import PeriodError, parse_date

    try:
        return parse_date(text, what)
    except PeriodError as exc:
        raise CliError(str(exc)) from None


def parse_int_arg(text: str, what: str, lo: int, hi: int) -> int:
    """An integer lo–hi written with ASCII digits 0–9 (int() would also read ０–９ and ٠–٩)."""
    from ifodesk.domain.digits import FOREIGN_DIGITS_HINT, ascii_int, has_foreign_digits

    if has_foreign_digits(text):
        raise CliError(f"Ogiltigt värde ”{text}” för {what}: {FOREIGN_DIGITS_HINT}.")
    n = ascii_int(text)
    if n is None:
        raise CliError(f"Ogiltigt värde ”{text}” för {what}: ange ett heltal.")
    if not lo <= n <= hi:
        raise CliError(f"Ogiltigt värde ”{text}” för {what}: ange ett heltal mellan {lo} och {hi}.")
    return n


def add_database_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--database", metavar="URL",
                   help="databasadress (sqlite:///fil eller postgresql://…); annars "
                        "IFODESK_DATABASE_URL, konfigurationsfilen eller standardfilen")


def main(argv: list[str] | None = None) -> int:
    from ifodesk.public_errors import describe, is_public, log_exception

    parser = build_parser()
    args = parser.parse_args(argv)
    log = _log()
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # output piped into e.g. head, which stopped reading
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("ifodesk-admin: avbrutet", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - never a traceback, never SQL parameters
        # Our own errors carry a Swedish message; any other (database, file system) is told by
        # its kind only, with a reference that the log line carries too.
        ref = None if is_public(exc) else log_exception(log, exc, "ifodesk-admin")
        print(f"ifodesk-admin: fel: {describe(exc, ref)}", file=sys.stderr)
        return 2


def _log():
    """Where the places of unexpected errors go: stderr only when IFODESK_LOG asks for it, so the
    user sees the Swedish message, not a list of code lines (a handler on "ifodesk" also keeps
    Python's last-resort handler from printing them)."""
    import logging
    import os

    root = logging.getLogger("ifodesk")
    if not getattr(root, "_ifodesk_cli", False):
        root._ifodesk_cli = True
        level = os.environ.get("IFODESK_LOG")
        root.addHandler(logging.StreamHandler() if level else logging.NullHandler())
        if level:
            root.setLevel(level)
    return logging.getLogger("ifodesk.cli")


def open_db_from_args(args, *, migrate: bool = True):
    """The named database, which must exist (only init-db and demo create one)."""
    from ifodesk.bootstrap import open_database
    from ifodesk.config import load_config

    cfg = load_config(getattr(args, "database", None))
    return cfg, open_database(cfg, migrate=migrate)
