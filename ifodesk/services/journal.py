"""Journal: append-only once signed. A correction is a new note that points at the old one."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ifodesk.db.models import JournalNote

from . import access, audit
from .common import check_version, get_or_404, touch, user_name
from .context import ServiceContext
from .dto import JournalNoteInfo
from .errors import PermissionDenied, ValidationError


def note_info(s: Session, n: JournalNote) -> JournalNoteInfo:
    corrected_by = tuple(s.scalars(select(JournalNote.id).where(JournalNote.corrects_id == n.id)))
    return build_note_info(n, corrected_by, user_name(s, n.author_id))


def build_note_info(n: JournalNote, corrected_by: tuple, author_name: str | None) -> JournalNoteInfo:
    return JournalNoteInfo(n.id, n.version, n.case_id, author_name or "", n.event_date,
                           n.heading, n.text, n.signed_at, n.corrects_id, corrected_by)


def _validate(ctx: ServiceContext, text: str, event_date: date) -> None:
    if not text.strip():
        raise ValidationError("Journalanteckningen är tom.", "text")
    if event_date > ctx.today():
        raise ValidationError("Händelsedatum kan inte ligga i framtiden.", "event_date")


@access.requires("journal.write")
def add_note(ctx: ServiceContext, case_id: uuid.UUID, *, event_date: date, text: str,
             heading: str = "", sign: bool = False, corrects_id: uuid.UUID | None = None) -> JournalNoteInfo:
    _validate(ctx, text, event_date)
    with ctx.write() as s:
        case, _ = access.case_for(s, ctx, case_id, "journal.write")
        if corrects_id is not None:
            old = get_or_404(s, JournalNote, corrects_id, "Anteckningen som rättas")
            if old.case_id != case.id:
                raise ValidationError("Rättelsen måste höra till samma ärende.")
            if old.signed_at is None:
                raise ValidationError("Ett osignerat utkast ändras direkt; rättelse gäller signerade anteckningar.")
        n = JournalNote(case_id=case.id, person_id=case.person_id, author_id=ctx.actor.user_id,
                        event_date=event_date, heading=heading.strip(), text=text,
                        signed_at=ctx.now() if sign else None, corrects_id=corrects_id,
                        created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id)
        s.add(n)
        s.flush()
        audit.record(s, ctx, "create", "journal_note", n.id, case.person_id,
                     detail="rättelse" if corrects_id else ("signerad" if sign else "utkast"))
        return note_info(s, n)


@access.requires("journal.write")
def update_draft(ctx: ServiceContext, note_id: uuid.UUID, expected_version: int, *, text: str,
                 heading: str | None = None, event_date: date | None = None) -> JournalNoteInfo:
    with ctx.write() as s:
        n = get_or_404(s, JournalNote, note_id, "Anteckningen")
        access.case_for(s, ctx, n.case_id, "journal.write")
        if n.signed_at is not None:
            raise PermissionDenied("En signerad anteckning ändras aldrig. Skriv en rättelse i stället.")
        if n.author_id != ctx.actor.user_id:
            raise PermissionDenied("Bara den som skrivit utkastet kan ändra det.")
        check_version(s, n, expected_version, "Journalanteckningen")
        _validate(ctx, text, event_date or n.event_date)
        n.text = text
        if heading is not None:
            n.heading = heading.strip()
        if event_date is not None:
            n.event_date = event_date
        touch(ctx, n)
        s.flush()
        audit.record(s, ctx, "update", "journal_note", n.id, n.person_id)
        return note_info(s, n)


@access.requires("journal.write")
def sign_note(ctx: ServiceContext, note_id: uuid.UUID, expected_version: int) -> JournalNoteInfo:
    with ctx.write() as s:
        n = get_or_404(s, JournalNote, note_id, "Anteckningen")
        access.case_for(s, ctx, n.case_id, "journal.write")
        if n.signed_at is not None:
            raise ValidationError("Anteckningen är redan signerad.")
        if n.author_id != ctx.actor.user_id:
            raise PermissionDenied("Bara författaren kan signera sin anteckning.")
        check_version(s, n, expected_version, "Journalanteckningen")
        n.signed_at = ctx.now()
        touch(ctx, n)
        s.flush()
        audit.record(s, ctx, "sign", "journal_note", n.id, n.person_id)
        return note_info(s, n)


def notes_for_case(s: Session, case_id: uuid.UUID) -> list[JournalNoteInfo]:
    notes = s.scalars(select(JournalNote).where(JournalNote.case_id == case_id)
                      .order_by(JournalNote.event_date, JournalNote.created_at)).all()
    return [note_info(s, n) for n in notes]
