"""ifodesk-admin: the command line for system owners (systemansvarig).

Each sub-command lives in its own module with a register(subparsers) function.
Errors are printed in Swedish on stderr with exit code 2; nothing is half-written.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMAND_MODULES = ("db", "demo", "users", "catalog", "decisions", "render", "stats", "screens")


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


def add_database_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--database", metavar="URL",
                   help="databasadress (sqlite:///fil eller postgresql://…); annars "
                        "IFODESK_DATABASE_URL, konfigurationsfilen eller standardfilen")


def main(argv: list[str] | None = None) -> int:
    from ifodesk.config import ConfigError
    from ifodesk.db.migrate import SchemaError
    from ifodesk.services.errors import ServiceError

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # output piped into e.g. head, which stopped reading
        sys.stderr.close()
        return 0
    except (CliError, ConfigError, SchemaError, ServiceError, ValueError, OSError) as exc:
        print(f"ifodesk-admin: fel: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("ifodesk-admin: avbrutet", file=sys.stderr)
        return 130


def open_db_from_args(args, *, migrate: bool = True):
    from ifodesk.bootstrap import open_database
    from ifodesk.config import load_config

    cfg = load_config(getattr(args, "database", None))
    return cfg, open_database(cfg, migrate=migrate)
