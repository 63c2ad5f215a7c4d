"""offline list / revoke: which cases are out on laptops (and overdue), and refusing a copy."""

from __future__ import annotations

import re

from . import CliError, add_database_arg

USERNAME = re.compile(r"^[A-Za-z0-9_.-]{1,60}$")


def register(sub) -> None:
    p = sub.add_parser("offline", help="utcheckade kopior på bärbara datorer: lista och återkalla")
    osub = p.add_subparsers(dest="offline_command", metavar="ÅTGÄRD", required=True)
    ls = osub.add_parser("list", help="vem har vilka ärenden utcheckade, sedan när, och vilka är försenade",
                         description="Visar kopior som inte checkats in. ”Försenad” = äldre än tillåtet antal dagar.")
    add_database_arg(ls)
    ls.set_defaults(func=cmd_list)
    rv = osub.add_parser("revoke", help="återkalla en användares utcheckade kopior",
                         description="Kopian vägras vid nästa incheckning; ändringarna i den sparas på servern "
                                     "för granskning och går inte förlorade.")
    add_database_arg(rv)
    rv.add_argument("--user", required=True, metavar="ANVÄNDARNAMN", help="vems kopior som återkallas")
    rv.set_defaults(func=cmd_revoke)


def _context(args):
    from .stats import _system_context

    return _system_context(args)


def cmd_list(args) -> int:
    from ifodesk.services import offline
    from ifodesk.services.context import STOCKHOLM

    from .table import print_table

    rows = offline.list_checkouts(_context(args))
    if not rows:
        print("Inga ärenden är utcheckade.")
        return 0
    fmt = "%Y-%m-%d %H:%M"
    print_table(("Användare", "Namn", "Ärende", "Dator", "Sedan", "Låses", "Status"),
                [(r.username, r.full_name, r.case_number, r.laptop, r.checked_out_at.astimezone(STOCKHOLM).strftime(fmt),
                  r.expires_at.astimezone(STOCKHOLM).strftime(fmt),
                  "återkallad" if r.revoked else ("FÖRSENAD" if r.overdue else "utcheckad")) for r in rows])
    overdue = sum(1 for r in rows if r.overdue and not r.revoked)
    if overdue:
        print(f"{overdue} försenade – kontakta användarna eller återkalla med 'ifodesk-admin offline revoke --user …'.")
    return 0


def cmd_revoke(args) -> int:
    from ifodesk.services import offline
    from ifodesk.services.errors import NotFound

    user = (args.user or "").strip()
    if not USERNAME.match(user):
        raise CliError(f"Ogiltigt användarnamn ”{args.user}”: bara bokstäver a–z, siffror, punkt, bindestreck "
                       "och understreck.")
    try:
        n = offline.revoke(_context(args), user)
    except NotFound as exc:
        raise CliError(str(exc)) from None
    if n == 0:
        print(f"{user} har inga utcheckade ärenden.")
    else:
        print(f"{n} utcheckade ärenden för {user} återkallade. Kopian vägras vid nästa incheckning; "
              "ändringarna i den sparas för granskning.")
    return 0
