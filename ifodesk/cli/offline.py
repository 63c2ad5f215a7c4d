"""offline list / revoke / held / release / discard: which cases are out on laptops (and overdue),
refusing a copy, and the review of a refused copy's changes (handed back to their author, or
discarded with a reason kept in each case's log)."""

from __future__ import annotations

import re

from . import CliError, add_database_arg

USERNAME = re.compile(r"^[A-Za-z0-9_.-]{1,60}$")


def register(sub) -> None:
    p = sub.add_parser("offline", help="utcheckade kopior på bärbara datorer: lista, återkalla och granska "
                                       "sparade ändringar")
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
    hd = osub.add_parser("held", help="ändringar från återkallade kopior som väntar på granskning",
                         description="Visar ärendenummer och slag av ändringar (aldrig innehållet) för varje "
                                     "återkallad kopia vars ändringar sparats på servern.")
    add_database_arg(hd)
    hd.add_argument("--user", metavar="ANVÄNDARNAMN", help="bara den här användarens kopior")
    hd.add_argument("--all", action="store_true", help="även återlämnade, incheckade och kasserade")
    hd.set_defaults(func=cmd_held)
    rl = osub.add_parser("release", help="lämna tillbaka en återkallad kopias ändringar till handläggaren",
                         description="Handläggaren checkar sedan in dem i ifodesk som vanligt: alla regler och "
                                     "delegationen prövas igen, och krockar visas fält för fält.")
    add_database_arg(rl)
    rl.add_argument("--copy", required=True, metavar="ID", help="kopians id (minst de första åtta tecknen)")
    rl.add_argument("--decided-by", required=True, metavar="ANVÄNDARNAMN",
                    help="den ansvariga (t.ex. enhetschefen) som beslutat att ändringarna lämnas tillbaka")
    rl.set_defaults(func=cmd_release)
    dc = osub.add_parser("discard", help="kassera en återkallad kopias ändringar (med skäl, loggas)",
                         description="Ändringarnas innehåll raderas och kan inte återskapas. Vem som beslutade, "
                                     "när och varför sparas i loggen för varje berört ärende.")
    add_database_arg(dc)
    dc.add_argument("--copy", required=True, metavar="ID", help="kopians id (minst de första åtta tecknen)")
    dc.add_argument("--reason", required=True, metavar="TEXT", help="skälet (sparas i loggen)")
    dc.add_argument("--decided-by", required=True, metavar="ANVÄNDARNAMN",
                    help="den ansvariga (t.ex. enhetschefen) som beslutat att ändringarna kasseras")
    dc.set_defaults(func=cmd_discard)


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


def _username(text: str | None, what: str) -> str:
    user = (text or "").strip()
    if not USERNAME.match(user):
        raise CliError(f"Ogiltigt användarnamn ”{text}” för {what}: bara bokstäver a–z, siffror, punkt, "
                       "bindestreck och understreck.")
    return user


def _print_held(rows) -> None:
    from ifodesk.services.context import STOCKHOLM

    from .table import print_table

    fmt = "%Y-%m-%d %H:%M"
    print_table(("Kopia", "Användare", "Dator", "Mottagen", "Ärenden", "Ändringar", "Status"),
                [(r.copy_id, r.username, r.laptop, r.received_at.astimezone(STOCKHOLM).strftime(fmt),
                  ", ".join(r.case_numbers), "; ".join(f"{n} {k}" for k, n in r.changes),
                  r.status_label + (f" ({r.decided_by})" if r.decided_by else "")) for r in rows])


def cmd_held(args) -> int:
    from ifodesk.services import offline_held
    from ifodesk.services.errors import NotFound

    user = _username(args.user, "--user") if args.user is not None else None
    try:
        rows = offline_held.list_held(_context(args), user)
    except NotFound as exc:
        raise CliError(str(exc)) from None
    waiting = [r for r in rows if r.status == "held"]
    shown = rows if args.all else waiting
    if not shown:
        print("Inga ändringar från återkallade kopior väntar på granskning." if not args.all
              else "Det finns inga ändringar från återkallade kopior.")
        return 0
    _print_held(shown)
    if waiting:
        print(f"{len(waiting)} kopior väntar. Lämna tillbaka till handläggaren med 'ifodesk-admin offline release "
              "--copy ID --decided-by NAMN', eller kassera med 'ifodesk-admin offline discard --copy ID "
              "--reason TEXT --decided-by NAMN'.")
    return 0


def _decide(args, fn, **kw) -> int:
    from ifodesk.services.errors import NotFound, ValidationError

    by = _username(args.decided_by, "--decided-by")
    try:
        row = fn(_context(args), args.copy, decided_by=by, **kw)
    except (NotFound, ValidationError) as exc:
        raise CliError(str(exc)) from None
    _print_held([row])
    return 0


def cmd_release(args) -> int:
    from ifodesk.services import offline_held

    code = _decide(args, offline_held.release)
    print("Ändringarna är återlämnade. Handläggaren checkar in dem i ifodesk (Checka in återlämnade ändringar), "
          "där alla regler prövas igen.")
    return code


def cmd_discard(args) -> int:
    from ifodesk.services import offline_held

    code = _decide(args, offline_held.discard, reason=args.reason)
    print("Ändringarna är kasserade och deras innehåll raderat. Beslutet och skälet finns i loggen för varje "
          "berört ärende.")
    return code
