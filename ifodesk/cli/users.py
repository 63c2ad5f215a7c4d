"""user add / user list: staff with role, delegate level, units and start date."""

from __future__ import annotations

from datetime import date

from . import CliError, add_database_arg, open_db_from_args


def register(sub) -> None:
    p = sub.add_parser("user", help="användare: roll, delegationsnivå, enheter, anställningsdatum")
    usub = p.add_subparsers(dest="user_command", metavar="ÅTGÄRD", required=True)
    add = usub.add_parser("add", help="lägg upp en användare")
    add.add_argument("--username", required=True)
    add.add_argument("--name", required=True, help="för- och efternamn")
    add.add_argument("--role", required=True, help="handlaggare, forste, chef, ifo_chef, ordforande, ledamot, "
                                                   "sekreterare, systemansvarig")
    add.add_argument("--level", required=True, help="delegationsnivå: handlaggare, forste_socialsekreterare, "
                                                    "enhetschef, ifo_chef, socialchef, ordforande, utskott")
    add.add_argument("--units", required=True, help="enheternas förkortningar, t.ex. BU,VU")
    add.add_argument("--employed-since", metavar="DATUM", help="anställningsdatum (nyanställdas beslutanderätt)")
    add.add_argument("--no-socionom", action="store_true",
                     help="saknar socionomexamen eller motsvarande: får inte besluta i barnärenden som kräver det")
    add_database_arg(add)
    add.set_defaults(func=cmd_add)
    ls = usub.add_parser("list", help="lista användarna")
    add_database_arg(ls)
    ls.set_defaults(func=cmd_list)


def _municipality_id(cfg, db):
    from sqlalchemy import select

    from ifodesk.db.models import Municipality

    with db.session() as s:
        m = s.scalar(select(Municipality).where(Municipality.code == cfg.municipality.code))
    if m is None:
        raise CliError(f"Kommunen {cfg.municipality.code} finns inte i databasen; kör 'ifodesk-admin init-db'.")
    return m.id


def cmd_add(args) -> int:
    from ifodesk.domain.delegation import LEVELS
    from ifodesk.services.admin import UserSpec, create_user

    if args.level not in LEVELS:
        raise CliError(f"Okänd delegationsnivå '{args.level}'. Tillåtna: {', '.join(LEVELS)}")
    try:
        since = date.fromisoformat(args.employed_since) if args.employed_since else None
    except ValueError:
        raise CliError(f"'{args.employed_since}' är inget giltigt datum (ÅÅÅÅ-MM-DD).") from None
    cfg, db = open_db_from_args(args)
    units = tuple(u.strip().upper() for u in args.units.split(",") if u.strip())
    u = create_user(db, _municipality_id(cfg, db), UserSpec(args.username, args.name, args.role, args.level,
                                                              units, since, socionom=not args.no_socionom))
    print(f"Användaren {u.username} ({u.full_name}, {u.title}) är upplagd.")
    return 0


def cmd_list(args) -> int:
    from ifodesk.domain.delegation import level_label
    from ifodesk.services.admin import list_users

    from .table import print_table

    cfg, db = open_db_from_args(args)
    print_table(("Användarnamn", "Namn", "Titel", "Delegationsnivå", "Anställd sedan"),
                [(u.username, u.full_name, u.title, level_label(u.delegate_level),
                  u.employed_since.isoformat() if u.employed_since else "–")
                 for u in list_users(db, _municipality_id(cfg, db))])
    return 0
