"""Documents for the family: the utredning sent for kommunicering and the journal for partsinsyn.

Fed plain data that the service has already cleared of other people's protected data; this
writer prints what it gets, with the recipient's address block (never a protected address).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ifodesk.documents.pdf import (
    _address_block,
    _build,
    _Header,
    _kv_table,
    _p,
    _paras,
    _party_identity,
    _section,
    _styles,
)
from ifodesk.documents.pdf_data import Letterhead, PartyInfo


@dataclass(frozen=True, kw_only=True)
class FamilyDocument:
    letterhead: Letterhead
    doc_type: str  # printed top right, e.g. "UTREDNING"
    title: str
    doc_date: date
    case_number: str
    recipient: PartyInfo
    subject: PartyInfo  # the child the document concerns
    intro: str
    sections: tuple[tuple[str, str], ...]  # (heading, text)
    removed: int = 0  # how many protected details were taken out
    reply_due_on: date | None = None


def render_family_document(doc: FamilyDocument) -> bytes:
    st = _styles()
    header = _Header(letterhead=doc.letterhead, doc_type=doc.doc_type,
                     lines=(("Datum", doc.doc_date.isoformat()), ("Dnr", doc.case_number)))
    story: list[Flowable] = [
        _address_block(doc.recipient, st), Spacer(1, 12 * mm), _p(doc.title, st["title"]),
        _kv_table([("Gäller", _party_identity(doc.subject, st)), ("Ärendenummer", doc.case_number)], st,
                  label_w=36 * mm),
        Spacer(1, 4 * mm), *_paras(doc.intro, st["body"]),
    ]
    if doc.reply_due_on:
        story.append(_p(f"Svara senast {doc.reply_due_on.isoformat()}.", st["notice"]))
    for heading, text in doc.sections:
        story += _section(heading, _paras(text or "–", st["body"]), st)
    if doc.removed:
        story.append(KeepTogether([Spacer(1, 4 * mm), _p(
            f"{doc.removed} uppgift{'er' if doc.removed != 1 else ''} om andra personer har tagits bort "
            "eftersom de omfattas av sekretess (offentlighets- och sekretesslagen).", st["small"])]))
    return _build(story=story, header=header, doc_date=doc.doc_date, fingerprint_of=doc,
                  title=f"{doc.title}, dnr {doc.case_number}", subject=doc.title)
