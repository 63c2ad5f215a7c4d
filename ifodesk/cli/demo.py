"""demo --cases N: realistic synthetic data in an empty database."""

from __future__ import annotations

import sys
import time

from . import CliError, add_database_arg, parse_int_arg


def _positive(text: str) -> int:
    import argparse

    try:
        return parse_int_arg(text, "antalet ärenden", 1, 1_000_000)
    except CliError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _seed(text: str) -> int:
    import argparse

    try:
        return parse_int_arg(text, "slumpfröet", 0, 2**31 - 1)
    except CliError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(sub) -> None:
    p = sub.add_parser("demo", help="fyll en tom databas med syntetiska demoärenden (testpersonnummer)")
    add_database_arg(p)
    p.add_argument("--cases", type=_positive, default=300, help="antal barnärenden (standard 300)")
    p.add_argument("--seed", type=_seed, default=1, help="slumpfrö, för samma data varje gång")
    p.set_defaults(func=cmd_demo)


def cmd_demo(args) -> int:
    from ifodesk.bootstrap import init_database
    from ifodesk.config import load_config
    from ifodesk.services.demo import generate_demo

    cfg = load_config(args.database)
    db = init_database(cfg)
    t0 = time.perf_counter()

    def progress(done: int, total: int) -> None:
        print(f"  {done} av {total} ärenden …", file=sys.stderr)

    try:
        rep = generate_demo(db, cfg.municipality, cases=args.cases, seed=args.seed, progress=progress)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    print(f"Demodata klar på {time.perf_counter() - t0:.1f} s: {rep.cases} ärenden, {rep.persons} personer, "
          f"{rep.anmalningar} anmälningar, {rep.utredningar} utredningar, {rep.decisions} beslut, "
          f"{rep.overdue_deadlines} försenade tidsfrister.")
    if db.dialect == "postgresql":
        _demo_logins(cfg, db)
    return 0


def _demo_logins(cfg, db) -> None:
    """PostgreSQL: every demo staff member gets a login role <prefix>_<username> in the staff group,
    with the documented demo password, so the demo shows row-level security at work."""
    from ifodesk.db.roles import is_superuser
    from ifodesk.services.admin import set_login_name
    from ifodesk.services.demo_staff import STAFF

    from .server import DEMO_PASSWORD, create_login, init_server, server_roles

    roles = server_roles(db)
    if roles is None:
        with db.engine.connect() as conn:
            superuser = is_superuser(conn)
        if not superuser:
            print("Inga inloggningsroller skapades: kör 'ifodesk-admin server init' som superanvändare och "
                  "sedan demo igen.", file=sys.stderr)
            return
        roles = init_server(cfg)
    prefix = roles.staff.removesuffix("_staff")
    for spec in STAFF:
        login = f"{prefix}_{spec.username}"[:63]
        set_login_name(db, spec.username, login)
        create_login(db, login, DEMO_PASSWORD)
    print(f"Inloggningsroller för demopersonalen: {prefix}_<användarnamn>, lösenord '{DEMO_PASSWORD}'.")
