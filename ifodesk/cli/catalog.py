"""catalog --json and delegation check FILE: the legal data for review."""

from __future__ import annotations

import json
import sys

from . import CliError, add_database_arg, open_db_from_args, parse_date_arg
from .table import print_table


def register(sub) -> None:
    p = sub.add_parser("catalog", help="visa den aktiva beslutskatalogen (mallar, lagrum, delegationsgränser)")
    p.add_argument("--json", action="store_true", help="skriv katalogen som JSON")
    p.add_argument("--date", metavar="ÅÅÅÅ-MM-DD",
                   help="katalogen som den gällde den dagen (lagversion och lagrum i kraft då)")
    add_database_arg(p)
    p.set_defaults(func=cmd_catalog)

    p = sub.add_parser("delegation", help="delegationsordningen")
    dsub = p.add_subparsers(dest="delegation_command", metavar="ÅTGÄRD", required=True)
    chk = dsub.add_parser("check", help="granska en delegationsordning (TOML) mot lagens förbud; "
                                         "utan FIL den som är antagen i databasen")
    chk.add_argument("file", metavar="FIL", nargs="?")
    add_database_arg(chk)
    chk.set_defaults(func=cmd_delegation_check)
    ad = dsub.add_parser("adopt", help="anta en granskad delegationsordning för kommunen i databasen")
    ad.add_argument("file", metavar="FIL")
    ad.add_argument("--adopted-on", metavar="DATUM", help="nämndens beslutsdatum (standard i dag)")
    add_database_arg(ad)
    ad.set_defaults(func=cmd_delegation_adopt)
    tbl = dsub.add_parser("show", help="visa delegationsordningen som tabell: FIL, annars den som är "
                                       "antagen i databasen")
    tbl.add_argument("file", metavar="FIL", nargs="?")
    add_database_arg(tbl)
    tbl.set_defaults(func=cmd_delegation_show)


def _catalog():
    from ifodesk.domain.catalog import CatalogError, load_catalog

    try:
        return load_catalog()
    except CatalogError as exc:
        raise CliError(str(exc)) from exc


def cmd_catalog(args) -> int:
    from ifodesk.domain.catalog import catalog_as_json
    from ifodesk.domain.delegation import level_label, load_and_validate

    from .ordning import ordning_for

    from datetime import date

    on = None
    if args.date:
        try:
            on = date.fromisoformat(args.date)
        except ValueError:
            raise CliError(f"Datumet '{args.date}' är inget giltigt datum (skriv ÅÅÅÅ-MM-DD).") from None
    catalog = _catalog()
    rows = catalog_as_json(catalog, on)
    source = ordning_for(args)
    order = load_and_validate(source.text, catalog)
    for r in rows:  # who decides under the ordning in force, beside the law's lowest level
        rule = order.rule_for(r["id"])
        r["delegat"] = rule.regular_level if rule else None
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(f"{source.label}:")
    print_table(("Mall", "Lagrum", "Lägst enligt lag", "Delegat", "Utskott"),
                [(r["id"], ", ".join(r["lagrum"]), level_label(r["lowest_decider"]),
                  level_label(r["delegat"]) if r["delegat"] else "–", "ja" if r["utskott_only"] else "")
                 for r in rows])
    return 0


def cmd_delegation_check(args) -> int:
    from ifodesk.domain.delegation import check_delegation_file, load_delegation_order, validate_delegation_order

    if args.file:
        issues = check_delegation_file(args.file, _catalog())
    else:  # the adopted ordning, re-checked against today's law catalog
        from .ordning import ordning_for

        source = ordning_for(args)
        args.file = source.label
        issues = validate_delegation_order(load_delegation_order(source.text), _catalog())
    errors = [i for i in issues if getattr(i, "severity", "error") == "error"]
    for i in issues:
        print(str(i), file=sys.stderr if i in errors else sys.stdout)
    if errors:
        print(f"{args.file}: {len(errors)} fel – delegationsordningen kan inte antas.", file=sys.stderr)
        return 1
    print(f"{args.file}: delegationsordningen följer lagens delegationsförbud.")
    return 0


def cmd_delegation_show(args) -> int:
    from ifodesk.domain.delegation import delegation_table, load_and_validate

    from .ordning import ordning_for

    source = ordning_for(args)
    order = load_and_validate(source.text, _catalog())
    print(f"{source.label}:")
    print_table(("Nr", "Ärende", "Lagrum", "Delegat"),
                [(row.nr, row.arende, row.lagrum, row.delegat) for row in delegation_table(order, _catalog())])
    return 0


def cmd_delegation_adopt(args) -> int:
    from datetime import date
    from pathlib import Path

    from sqlalchemy import select

    from ifodesk.db.models import Municipality
    from ifodesk.domain.delegation import DelegationError
    from ifodesk.services.delegation_admin import adopt_delegation

    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"Filen {path} finns inte.")
    adopted_on = parse_date_arg(args.adopted_on, "datum (--adopted-on)") if args.adopted_on else date.today()
    cfg, db = open_db_from_args(args)
    with db.session() as s:
        m = s.scalar(select(Municipality).where(Municipality.code == cfg.municipality.code))
    if m is None:
        raise CliError(f"Kommunen {cfg.municipality.code} finns inte i databasen; kör 'ifodesk-admin init-db'.")
    try:
        adopt_delegation(db, m.id, path.read_text(encoding="utf-8"), adopted_on, _catalog())
    except DelegationError as exc:
        for issue in exc.issues:
            print(str(issue), file=sys.stderr)
        raise CliError(f"{path}: delegationsordningen antogs inte ({len(exc.issues)} fel).") from exc
    print(f"Delegationsordningen i {path} gäller från {adopted_on.isoformat()} för {m.name}.")
    return 0
