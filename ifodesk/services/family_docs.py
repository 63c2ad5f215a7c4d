"""Documents for the family: the utredning for kommunicering and the journal for partsinsyn.

Other people's protected details (addresses, phone numbers, e-mail and, for a protected identity,
the personnummer) are taken out of the text before it reaches the PDF writer, and the
handläggare must confirm the secrecy checklist (resources/parties.toml) before anything prints.
"""

from __future__ import annotations

import re
import tomllib
import uuid
from datetime import date
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from ifodesk.db.models import Case, JournalNote, Person, Utredning, UtredningSection
from ifodesk.documents.pdf_data import PartyInfo
from ifodesk.resources import resource_path

from . import access, audit
from .access import requires
from .common import get_or_404
from .context import ServiceContext
from .decision_docs import _party, letterhead
from .errors import ValidationError
from .parties import _relations
from .party_events import send_kommunicering

REMOVED = "[uppgift borttagen – sekretess]"


@lru_cache(maxsize=1)
def secrecy_checklist() -> tuple[str, ...]:
    data = tomllib.loads(resource_path("parties.toml").read_text(encoding="utf-8"))
    return tuple(data["secrecy_checklist"]["items"])


def _check_confirmed(confirmed) -> None:
    if set(confirmed or ()) != set(secrecy_checklist()):
        raise ValidationError("Bekräfta varje punkt i sekretesskontrollen innan något skrivs ut.", "checklist")


def _secrets(s: Session, child: Person, recipient_id: uuid.UUID) -> list[str]:
    """Details about others that the recipient must not get, longest first."""
    people = [(p, r.address_hidden_from_id == recipient_id) for r, p in _relations(s, child.id)]
    people.append((child, False))
    out: set[str] = set()
    for p, hidden_from_recipient in people:
        if p.id == recipient_id or not (p.protection != "none" or hidden_from_recipient):
            continue
        for v in (p.address_street, p.address_postal, p.phone, p.email):
            if v and len(v.strip()) >= 4:
                out.add(v.strip())
        if p.protection != "none" and p.personnummer:
            out.update({p.personnummer, f"{p.personnummer[:8]}-{p.personnummer[8:]}",
                        f"{p.personnummer[2:8]}-{p.personnummer[8:]}"})
    return sorted(out, key=len, reverse=True)


def _redact(text: str, secrets: list[str]) -> tuple[str, int]:
    n = 0
    for secret in secrets:
        text, k = re.subn(re.escape(secret), REMOVED, text, flags=re.IGNORECASE)
        n += k
    return text, n


def _recipient(s: Session, child: Person, recipient_id: uuid.UUID) -> Person:
    """A party: a guardian of the child, or the child itself."""
    if recipient_id == child.id:
        return child
    for r, p in _relations(s, child.id):
        if p.id == recipient_id and r.role in ("vardnadshavare", "sarskilt_forordnad"):
            return p
    raise ValidationError("Mottagaren är inte vårdnadshavare för barnet eller barnet självt.", "recipient")


def _subject(p: Person) -> PartyInfo:
    info = _party(p)
    return PartyInfo(name=info.name, personnummer_display=info.personnummer_display, protected=info.protected)


def _render(ctx, s, case, recipient, doc_type, title, intro, sections, reply_due_on=None) -> bytes:
    secrets = _secrets(s, case.person, recipient.id)
    cleaned, removed = [], 0
    for heading, text in sections:
        text, n = _redact(text or "", secrets)
        cleaned.append((heading, text))
        removed += n
    from ifodesk.documents.family_pdf import FamilyDocument, render_family_document

    return render_family_document(FamilyDocument(
        letterhead=letterhead(ctx), doc_type=doc_type, title=title, doc_date=ctx.today(),
        case_number=case.case_number, recipient=_party(recipient), subject=_subject(case.person), intro=intro,
        sections=tuple(cleaned), removed=removed, reply_due_on=reply_due_on))


@requires("case.write")
def utredning_for_kommunicering(ctx: ServiceContext, utredning_id: uuid.UUID, recipient_id: uuid.UUID,
                                confirmed: tuple[str, ...], reply_due_on: date | None = None) -> bytes:
    """The utredning as sent to one party for comment (FL 25 §); the sending is recorded."""
    _check_confirmed(confirmed)
    with ctx.write() as s:
        u = get_or_404(s, Utredning, utredning_id, "Utredningen")
        case = s.get(Case, u.case_id)
        access.check_case(ctx, case, "case.write")
        recipient = _recipient(s, case.person, recipient_id)
        secs = s.scalars(select(UtredningSection).where(UtredningSection.utredning_id == u.id)
                         .order_by(UtredningSection.position)).all()
        sections = [("Plan för utredningen", u.plan), *((x.heading, x.text) for x in secs),
                    ("Barnets egen berättelse", u.child_view), ("Vårdnadshavarnas synpunkter", u.guardian_view),
                    ("Analys och bedömning", u.analysis)]
        sections = [(h, t) for h, t in sections if (t or "").strip()]
        intro = ("Här är socialtjänstens utredning. Innan nämnden fattar beslut har du rätt att ta del av "
                 "det som kommit fram och att säga vad du tycker. Hör av dig till handläggaren skriftligt "
                 "eller muntligt.")
        data = _render(ctx, s, case, recipient, "UTREDNING", "Utredning – kommunicering", intro, sections,
                       reply_due_on)
        audit.record(s, ctx, "print", "utredning", u.id, case.person_id, detail="kommunicering till part")
    send_kommunicering(ctx, case.id, recipient.id, "Utredningen (utskrift för kommunicering)",
                       reply_due_on=reply_due_on)
    return data


@requires("case.read")
def journal_for_party(ctx: ServiceContext, case_id: uuid.UUID, recipient_id: uuid.UUID,
                      confirmed: tuple[str, ...]) -> bytes:
    """The signed journal of the case for a party asking for it (partsinsyn)."""
    _check_confirmed(confirmed)
    with ctx.write() as s:
        case = get_or_404(s, Case, case_id, "Ärendet")
        access.check_case(ctx, case, "case.read")
        recipient = _recipient(s, case.person, recipient_id)
        notes = s.scalars(select(JournalNote).where(JournalNote.case_id == case.id,
                                                    JournalNote.signed_at.is_not(None))
                          .order_by(JournalNote.event_date, JournalNote.created_at)).all()
        sections = [(f"{n.event_date.isoformat()} {n.heading}".strip(), n.text) for n in notes]
        intro = "Här är journalanteckningarna i ärendet som du har begärt att få ta del av."
        data = _render(ctx, s, case, recipient, "JOURNAL", "Journal – partsinsyn", intro,
                       sections or [("Journal", "Inga signerade anteckningar.")])
        audit.record(s, ctx, "print", "journal", case.id, case.person_id, detail="partsinsyn")
        return data
