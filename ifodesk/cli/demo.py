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
    return 0
