"""audit verify: check the audit log's hash chain; audit report: the log review as an Excel workbook."""

from __future__ import annotations

import re
from datetime import time
from pathlib import Path

from . import CliError, add_database_arg


def register(sub) -> None:
    p = sub.add_parser("audit", help="granskningsloggen: kontrollera kedjan, loggkontroll (SoLPuL 10 §)")
    asub = p.add_subparsers(dest="audit_command", metavar="ÅTGÄRD", required=True)
    v = asub.add_parser("verify", help="kontrollera att ingen loggrad har ändrats eller tagits bort",
                        description="Går igenom loggkedjan och namnger den första brutna eller saknade länken. "
                                    "Slutkod 0 = hel, 1 = bruten, 2 = fel i anropet.")
    add_database_arg(v)
    v.set_defaults(func=cmd_verify)
    r = asub.add_parser("report", help="loggkontroll för en period som Excel-arbetsbok",
                        description="Ett blad per kontroll och ett sammanfattningsblad. Arbetsboken innehåller "
                                    "personuppgifter: hantera den som sekretessbelagd.")
    add_database_arg(r)
    r.add_argument("--from", dest="date_from", required=True, metavar="DATUM", help="första dagen, ÅÅÅÅ-MM-DD")
    r.add_argument("--to", dest="date_to", required=True, metavar="DATUM", help="sista dagen, ÅÅÅÅ-MM-DD")
    r.add_argument("--out", required=True, metavar="FIL.xlsx", help="arbetsboken som skapas")
    r.add_argument("--many", metavar="N", default="40",
                   help="fler än N personer lästa av en användare på en dag är ett fynd (standard 40)")
    r.add_argument("--office-hours", metavar="HH:MM-HH:MM", default="07:00-18:00",
                   help="kontorstid, svensk tid (standard 07:00-18:00)")
    r.add_argument("--weekends-are-office-days", action="store_true",
                   help="räkna inte lördag och söndag som utanför kontorstid")
    r.set_defaults(func=cmd_report)


def _context(args):
    from .stats import _system_context

    return _system_context(args)


def _verify_context(args):
    """The chain is the whole database's: verify works before any municipality is set up."""
    import uuid

    from sqlalchemy import select

    from ifodesk.db.models import Municipality
    from ifodesk.services.admin import system_actor
    from ifodesk.services.context import ServiceContext

    from ifodesk.bootstrap import sqlite_path_from_url
    from ifodesk.config import load_config
    from ifodesk.db.engine import Database
    from ifodesk.db.migrate import schema_state

    cfg = load_config(getattr(args, "database", None))
    path = sqlite_path_from_url(cfg.database_url)
    if path is not None and not path.is_file():
        raise CliError(f"Databasfilen {path} finns inte.")  # a log to check is never created here
    db = Database(cfg.database_url)
    if not schema_state(db).up_to_date:
        raise CliError("Databasens schema är inte den här versionens: kör 'ifodesk-admin db upgrade' först.")
    with db.session() as s:
        mid = s.scalar(select(Municipality.id).where(Municipality.code == cfg.municipality.code))
    return ServiceContext(db, system_actor(db, mid or uuid.UUID(int=0)), cfg.municipality)


def cmd_verify(args) -> int:
    from ifodesk.services.audit_review import verify_chain

    status = verify_chain(_verify_context(args))
    print(status.message)
    return 0 if status.ok else 1


def _settings(args):
    from ifodesk.services.audit_review import ReviewSettings

    many = args.many.strip()
    if not many.isascii() or not many.isdigit() or int(many) < 1:
        raise CliError(f"Ogiltig gräns ”{args.many}” (--many): ange ett heltal 1 eller större.")
    m = re.fullmatch(r"([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)", args.office_hours.strip())
    if not m or not m.group(0).isascii():
        raise CliError(f"Ogiltig kontorstid ”{args.office_hours}” (--office-hours): skriv t.ex. 07:00-18:00.")
    start, end = time(int(m.group(1)), int(m.group(2))), time(int(m.group(3)), int(m.group(4)))
    if start >= end:
        raise CliError("Kontorstiden måste börja före den slutar (--office-hours).")
    return ReviewSettings(int(many), start, end, not args.weekends_are_office_days)


def cmd_report(args) -> int:
    from ifodesk.domain.statistics import PeriodError, parse_date
    from ifodesk.services.audit_review import RULES, export_report

    from .stats import _check_out

    try:
        start = parse_date(args.date_from, "från-datum (--from)")
        end = parse_date(args.date_to, "till-datum (--to)")
    except PeriodError as exc:
        raise CliError(str(exc)) from exc
    if end < start:
        raise CliError("Periodens slut (--to) ligger före dess början (--from).")
    settings = _settings(args)
    out = _check_out(Path(args.out), ".xlsx")
    path, report = export_report(_context(args), start, end, out, settings)
    counts = ", ".join(f"{title.lower()} {len(report.findings.get(rule, ()))}" for rule, title in RULES)
    print(f"Loggkontrollen {start} – {end} är sparad i {path}: {counts}.")
    return 0
