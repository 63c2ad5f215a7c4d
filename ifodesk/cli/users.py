"""user add / user list: staff with role, delegate level, units and start date."""

from __future__ import annotations

from . import CliError, add_database_arg, open_db_from_args, parse_date_arg


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
                     help="saknar socionomexamen eller motsvarande: får inte göra förhandsbedömning, "
                          "utredning eller uppföljning i barnärenden")
    add.add_argument("--not-experienced", action="store_true",
                     help="nämnden har inte bedömt erfarenheten som tillräcklig för barnutredningar")
    add.add_argument("--urgent-appointed", action="store_true",
                     help="ledamot som nämnden förordnat att fatta brådskande beslut")
    add.add_argument("--login", metavar="NAMN",
                     help="inloggningsnamnet: PostgreSQL-rollen (t.ex. Kerberos-namnet utan @DOMÄN) "
                          "eller, för SQLite, datorkontot; standard är användarnamnet")
    add.add_argument("--kerberos", action="store_true",
                     help="PostgreSQL: personen loggar in med Kerberos/GSSAPI och får inget lösenord")
    add_database_arg(add)
    add.set_defaults(func=cmd_add)
    dis = usub.add_parser("disable", help="stäng av en användare (och dennes databasinloggning)")
    dis.add_argument("--username", required=True)
    add_database_arg(dis)
    dis.set_defaults(func=cmd_disable)
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
    since = parse_date_arg(args.employed_since, "anställningsdatum (--employed-since)") if args.employed_since else None
    from .server import create_login, server_roles

    login = args.login or args.username
    cfg, db = open_db_from_args(args)
    roles = server_roles(db)
    password = None
    if roles is not None:
        from ifodesk.db.roles import RoleError, check_login_name

        try:
            check_login_name(login)
        except RoleError as exc:
            raise CliError(str(exc)) from None
        password = None if args.kerberos else _new_password(login)
    units = tuple(u.strip().upper() for u in args.units.split(",") if u.strip())
    u = create_user(db, _municipality_id(cfg, db), UserSpec(args.username, args.name, args.role, args.level,
                                                              units, since, socionom=not args.no_socionom,
                                                              experienced=not args.not_experienced,
                                                              urgent_appointed=args.urgent_appointed,
                                                              login_name=login))
    print(f"Användaren {u.username} ({u.full_name}, {u.title}) är upplagd.")
    if roles is not None:
        create_login(db, login, password)
        how = "Kerberos (inget lösenord)" if password is None else "lösenord (SCRAM)"
        print(f"Databasrollen {login} är skapad i gruppen {roles.staff}; inloggning med {how}.")
    return 0


PASSWORD_ENV = "IFODESK_NEW_PASSWORD"


def _new_password(login: str) -> str:
    """From IFODESK_NEW_PASSWORD (scripts), else asked twice without echo."""
    import getpass
    import os

    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        password = getpass.getpass(f"Lösenord för {login}: ")
        if getpass.getpass("Samma lösenord igen: ") != password:
            raise CliError("Lösenorden är olika. Ingenting har sparats.")
    if len(password) < 12:
        raise CliError("Lösenordet måste ha minst 12 tecken. Ingenting har sparats.")
    return password


def cmd_disable(args) -> int:
    from ifodesk.services.admin import disable_user

    from .server import server_roles

    _cfg, db = open_db_from_args(args)
    login = disable_user(db, args.username)
    if server_roles(db) is not None:
        from ifodesk.db.roles import disable_login

        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            disable_login(conn, login)
        print(f"Användaren {args.username} är avstängd och databasrollen {login} kan inte logga in.")
    else:
        print(f"Användaren {args.username} är avstängd.")
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
