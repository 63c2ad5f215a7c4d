"""stats: the statistics workbook; socialstyrelsen: the yearly register file with its validation."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ifodesk.domain.digits import FOREIGN_DIGITS_HINT, ascii_int, has_foreign_digits

from . import CliError, add_database_arg, open_db_from_args


def register(sub) -> None:
    p = sub.add_parser("stats", help="statistikarbetsbok (Excel) för en period",
                       description="Skapar statistikarbetsboken för nämnden, Socialstyrelsen och Kolada.")
    add_database_arg(p)
    p.add_argument("--from", dest="date_from", metavar="DATUM", help="periodens första dag, ÅÅÅÅ-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="DATUM", help="periodens sista dag, ÅÅÅÅ-MM-DD")
    p.add_argument("--period", metavar="PERIOD",
                   help="i stället för --from/--to: 2026, 2026H1, 2026Q3 eller 2026-03")
    p.add_argument("--unit", metavar="ENHET", help="bara en enhet: förkortning (BU) eller namn")
    p.add_argument("--suppress", metavar="N", default="0",
                   help="visa tal under N som ”..” (sekretess); 0 = visa alla (standard)")
    p.add_argument("--out", required=True, metavar="FIL.xlsx", help="arbetsboken som skapas")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("socialstyrelsen", help="registret över insatser för barn och unga (textfil)",
                       description="Skriver valideringsrapporten och sedan årets registerfil. Fel stoppar "
                                   "exporten om inte --force anges.")
    add_database_arg(p)
    p.add_argument("--year", required=True, metavar="ÅR", help="året som rapporteras, t.ex. 2025")
    p.add_argument("--out", required=True, metavar="FIL.txt", help="registerfilen som skapas")
    p.add_argument("--force", action="store_true", help="exportera även om valideringen hittar fel")
    p.set_defaults(func=cmd_socialstyrelsen)


# Checked in the command, not by argparse, so the message is Swedish and the exit code 2 comes
# through CliError like every other error.
def _threshold(text: str) -> int:
    if has_foreign_digits(text):
        raise CliError(f"Ogiltig gräns för små tal ”{text}” (--suppress): {FOREIGN_DIGITS_HINT}.")
    n = ascii_int(text)
    if n is None or not 0 <= n <= 100:
        raise CliError(f"Ogiltig gräns för små tal ”{text}” (--suppress): ange ett heltal 0–100.")
    return n


def _year(text: str) -> int:
    from ifodesk.domain.statistics import PeriodError, year_period

    if has_foreign_digits(text):
        raise CliError(f"Ogiltigt år ”{text}” (--year): {FOREIGN_DIGITS_HINT}.")
    if not (len(text) == 4 and text.isdigit()):
        raise CliError(f"Ogiltigt år ”{text}” (--year): skriv fyra siffror, t.ex. 2025.")
    try:
        year_period(int(text))
    except PeriodError as exc:
        raise CliError(str(exc)) from exc
    return int(text)


def _period(args):
    from ifodesk.domain.statistics import PeriodError, parse_date, parse_period, period_from_dates

    try:
        if args.period:
            if args.date_from or args.date_to:
                raise CliError("Ange antingen --period eller --from och --to, inte båda.")
            return parse_period(args.period)
        if not (args.date_from and args.date_to):
            raise CliError("Ange perioden med --from DATUM och --to DATUM (eller --period).")
        return period_from_dates(parse_date(args.date_from, "från-datum (--from)"),
                                 parse_date(args.date_to, "till-datum (--to)"))
    except PeriodError as exc:
        raise CliError(str(exc)) from exc


def _check_out(path: Path, suffix: str) -> Path:
    """Refuse an output that cannot be written before spending time on counting."""
    if path.suffix.lower() != suffix:
        raise CliError(f"Utfilen {path} ska sluta på {suffix}.")
    parent = path.parent
    if not parent.is_dir():
        raise CliError(f"Kan inte skriva {path}: mappen {parent} finns inte.")
    if path.is_dir():
        raise CliError(f"Kan inte skriva {path}: det är en mapp.")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise CliError(f"Kan inte skriva {path}: behörighet saknas.")
    return path


def _system_context(args):
    from sqlalchemy import select

    from ifodesk.db.models import Municipality
    from ifodesk.services.admin import system_actor
    from ifodesk.services.context import ServiceContext

    cfg, db = open_db_from_args(args)
    with db.session() as s:
        mid = s.scalar(select(Municipality.id).where(Municipality.code == cfg.municipality.code))
    if mid is None:
        raise CliError(f"Databasen har ingen kommun med kod {cfg.municipality.code}; kör init-db först.")
    return ServiceContext(db, system_actor(db, mid), cfg.municipality)


def cmd_stats(args) -> int:
    from ifodesk.services import statistics as stats
    from ifodesk.services.errors import NotFound

    period = _period(args)
    suppress = _threshold(args.suppress)
    out = _check_out(Path(args.out), ".xlsx")
    ctx = _system_context(args)
    unit_id = None
    if args.unit:
        try:
            unit_id = stats.find_unit(ctx, args.unit).id
        except NotFound as exc:
            raise CliError(str(exc)) from exc

    def progress(done: int, total: int, what: str) -> None:
        print(f"  {done}/{total} {what}", file=sys.stderr)

    result = stats.export_workbook(ctx, period, out, unit_id=unit_id, suppress=suppress, progress=progress)
    r = result.report
    print(f"Arbetsboken {out} är skapad på {result.seconds:.1f} s: {r.period.label} "
          f"({r.period.start} – {r.period.end}), {r.unit_name or 'alla enheter'}, "
          f"{r.anmalningar.reports} anmälningar, {r.beslut.total} beslut"
          + (f"; tal under {suppress} visas som ”..”." if suppress > 1 else "."))
    return 0


def cmd_socialstyrelsen(args) -> int:
    from ifodesk.documents.socialstyrelsen import format_validation_report
    from ifodesk.services import statistics as stats

    year = _year(args.year)
    out = _check_out(Path(args.out), ".txt")
    ctx = _system_context(args)
    extract = stats.register_extract(ctx, year)
    print(format_validation_report(extract.report), end="")
    if extract.report.has_errors and not args.force:
        raise CliError(f"{len(extract.report.errors)} fel stoppar exporten; ingen fil skapades. Rätta felen "
                       "eller kör igen med --force.")
    result = stats.export_register(ctx, year, out, force=args.force, extract=extract)
    print(f"Registerfilen {result.path} är skapad ({result.extract.report.children} barn, "
          f"{result.extract.report.insatser} insatser, {result.extract.report.placements} placeringar); "
          f"valideringsrapporten ligger i {result.report_path}.")
    return 0
