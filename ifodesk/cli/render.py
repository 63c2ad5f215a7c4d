"""render: decision letters, IU agendas, protocol extracts and the delegation list as PDF."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from . import CliError, add_database_arg, open_db_from_args, parse_date_arg


def _uuid(text: str) -> uuid.UUID:
    import argparse

    from ifodesk.domain.digits import has_foreign_digits

    try:
        if has_foreign_digits(text):  # uuid.UUID would read ０–９ as digits
            raise ValueError(text)
        return uuid.UUID(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' är inget giltigt id") from None


def _date(text: str) -> date:
    import argparse

    try:
        return parse_date_arg(text, "datum")
    except CliError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(sub) -> None:
    p = sub.add_parser("render", help="skriv ut beslutsbrev, föredragningslista, protokollsutdrag eller delegationslista som PDF")
    rsub = p.add_subparsers(dest="what", metavar="DOKUMENT", required=True)
    specs = (
        ("letter", "beslutsbrev för ett fattat beslut", [("--decision", _uuid, "beslutets id")]),
        ("agenda", "föredragningslista för ett sammanträde", [("--meeting", _uuid, "sammanträdets id")]),
        ("extract", "protokollsutdrag för en paragraf", [("--item", _uuid, "paragrafens id")]),
        ("delegation-list", "anmälan av delegationsbeslut för en period",
         [("--from", _date, "första dag"), ("--to", _date, "sista dag")]),
    )
    for name, help_text, opts in specs:
        q = rsub.add_parser(name, help=help_text)
        add_database_arg(q)
        for flag, typ, h in opts:
            q.add_argument(flag, type=typ, required=True, help=h)
        if name == "letter":
            q.add_argument("--out", required=True, metavar="KATALOG|FIL.pdf",
                           help="katalog: ett brev per part; FIL.pdf: beslutet för akten med sändlista")
        else:
            q.add_argument("--out", required=True, metavar="FIL.pdf", help="fil att skriva")
        if name in ("letter", "extract"):
            q.add_argument("--skal", metavar="TEXT", default=None,
                           help="skälet till utskriften när personen har skyddade personuppgifter (loggas)")
        q.set_defaults(func=cmd_render)


def cmd_render(args) -> int:
    from sqlalchemy import select

    from ifodesk.db.models import Municipality
    from ifodesk.fileio import atomic_output
    from ifodesk.services import decision_docs
    from ifodesk.services.admin import system_actor
    from ifodesk.services.context import ServiceContext

    out = Path(args.out)
    per_party = args.what == "letter" and out.suffix.lower() != ".pdf"
    if per_party and not out.is_dir():
        raise CliError(f"Katalogen {out} finns inte")
    if not per_party and out.suffix.lower() != ".pdf":
        raise CliError(f"Utfilen {out} ska sluta på .pdf")
    if not per_party and not out.parent.is_dir():
        raise CliError(f"Katalogen {out.parent} finns inte")
    if not per_party and out.is_dir():
        raise CliError(f"Kan inte skriva {out}: det är en mapp.")
    cfg, db = open_db_from_args(args)
    with db.session() as s:
        m = s.scalar(select(Municipality).where(Municipality.code == cfg.municipality.code))
    if m is None:
        raise CliError(f"Kommunen {cfg.municipality.code} finns inte i databasen; kör 'ifodesk-admin init-db'.")
    ctx = ServiceContext(db, system_actor(db, m.id), cfg.municipality)
    if per_party:
        for f in decision_docs.decision_letters(ctx, args.decision, args.skal):
            _write(out / f.filename, f.data)
            if f.via_skatteverket:
                print("  Skyddade personuppgifter: skicka brevet via Skatteverkets vidarebefordran.")
        return 0
    # Written under a temporary name inside the service's transaction: a full disk removes it
    # and rolls back the "print" audit row; the real name appears only when all is written.
    with atomic_output(out) as tmp:
        def deliver(data: bytes) -> None:
            tmp.write_bytes(data)

        if args.what == "letter":
            data = decision_docs.decision_letter(ctx, args.decision, args.skal, deliver=deliver)
        elif args.what == "agenda":
            data = decision_docs.agenda(ctx, args.meeting, deliver=deliver)
        elif args.what == "extract":
            data = decision_docs.protocol_extract(ctx, args.item, args.skal, deliver=deliver)
        else:
            data = decision_docs.delegation_list_pdf(ctx, getattr(args, "from"), args.to, deliver=deliver)
    print(f"Skrev {out} ({len(data)} byte).")
    return 0


def _write(path: Path, data: bytes) -> None:
    """Under a temporary name, then renamed: a reader never sees half a letter."""
    from ifodesk.fileio import write_bytes

    write_bytes(path, data)
    print(f"Skrev {path} ({len(data)} byte).")
