"""decisions --case NUMMER: a case's decisions, so one can be found (and rendered) from the command line."""

from __future__ import annotations

from . import CliError, add_database_arg, open_db_from_args
from .table import print_table


def register(sub) -> None:
    p = sub.add_parser("decisions", help="lista ett ärendes beslut (id, datum, mall, status, beslutsfattare)")
    p.add_argument("--case", required=True, metavar="ÄRENDENUMMER", help="t.ex. BU-2026-0012")
    add_database_arg(p)
    p.set_defaults(func=cmd_decisions)


def cmd_decisions(args) -> int:
    from dataclasses import replace

    from sqlalchemy import select

    from ifodesk.db.models import Municipality
    from ifodesk.services.admin import system_actor
    from ifodesk.services.context import ServiceContext
    from ifodesk.services.decision_lookup import decisions_by_case_number

    cfg, db = open_db_from_args(args)
    with db.session() as s:
        m = s.scalar(select(Municipality).where(Municipality.code == cfg.municipality.code))
    if m is None:
        raise CliError(f"Kommunen {cfg.municipality.code} finns inte i databasen; kör 'ifodesk-admin init-db'.")
    # The command line acts as the "system" role of resources/access.toml (municipality-wide reading).
    actor = replace(system_actor(db, m.id), role="system")
    rows = decisions_by_case_number(ServiceContext(db, actor, cfg.municipality), args.case)
    if not rows:
        print(f"Ärendet {args.case.strip().upper()} har inga beslut.")
        return 0
    print_table(("Id", "Datum", "Mall", "Status", "Beslutsfattare"),
                [(r.id, r.date.isoformat() + ("" if r.decided else " (skapat)"), r.template_id, r.status_label,
                  r.decider or "–") for r in rows])
    return 0
