"""ivo-rapport: the quarterly report of gynnande decisions not carried out (SoL 34 kap. 1–3 §§)."""

from __future__ import annotations

import os
from pathlib import Path

from . import CliError, add_database_arg, open_db_from_args


def register(sub) -> None:
    p = sub.add_parser("ivo-rapport", help="ej verkställda beslut för ett kvartal (Excel, till IVO och nämnden)",
                       description="Skapar kvartalets rapport om gynnande beslut som inte verkställts inom tre "
                                   "månader (34 kap. SoL): individrader utan personnummer för IVO och en "
                                   "sammanställning för nämnden och revisorerna.")
    add_database_arg(p)
    p.add_argument("--quarter", required=True, metavar="KVARTAL", help="kvartalet, t.ex. 2026Q3")
    p.add_argument("--out", required=True, metavar="FIL.xlsx", help="arbetsboken som skapas")
    p.set_defaults(func=cmd_ivo_rapport)


def _check_out(path: Path) -> Path:
    """Refuse an output that cannot be written before reading anything."""
    if path.suffix.lower() != ".xlsx":
        raise CliError(f"Utfilen {path} ska sluta på .xlsx.")
    if not path.parent.is_dir():
        raise CliError(f"Kan inte skriva {path}: mappen {path.parent} finns inte.")
    if path.is_dir():
        raise CliError(f"Kan inte skriva {path}: det är en mapp.")
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise CliError(f"Kan inte skriva {path}: behörighet saknas.")
    return path


def cmd_ivo_rapport(args) -> int:
    from sqlalchemy import select

    from ifodesk.db.models import Municipality
    from ifodesk.domain.verkstallighet import QuarterError, parse_quarter
    from ifodesk.services import verkstallighet
    from ifodesk.services.admin import system_actor
    from ifodesk.services.context import ServiceContext

    try:
        quarter = parse_quarter(args.quarter)
    except QuarterError as exc:
        raise CliError(str(exc)) from None
    out = _check_out(Path(args.out))
    cfg, db = open_db_from_args(args)
    with db.session() as s:
        mid = s.scalar(select(Municipality.id).where(Municipality.code == cfg.municipality.code))
    if mid is None:
        raise CliError(f"Databasen har ingen kommun med kod {cfg.municipality.code}; kör init-db först.")
    ctx = ServiceContext(db, system_actor(db, mid), cfg.municipality)
    result = verkstallighet.export_ivo_report(ctx, quarter, out)
    r = result.report
    waiting = sum(x.not_carried_out for x in r.summary)
    print(f"Rapporten {out} är skapad på {result.seconds:.1f} s: {quarter.label} ({quarter.start} – "
          f"{quarter.end}), {len(r.rows)} {'rad' if len(r.rows) == 1 else 'rader'}, {waiting} beslut ej verkställda "
          "vid kvartalets slut.")
    if r.as_of is not None and r.as_of < quarter.end:
        print(f"OBS: kvartalet har inte tagit slut; läget avser {r.as_of}. Ta fram rapporten igen efter kvartalet.")
    return 0
