"""Handover and absence cover: no open case or anmälan is left without a responsible person.

- hand_over_case: another handläggare takes one case (its deadlines follow).
- hand_over_all: every open case of one person in the user's units goes to another.
- record_absence / set_stand_in: a person is away for a period; a stand-in covers their open
  cases meanwhile (the cases stay theirs). Without a stand-in the absence shows on the 1:e
  socialsekreterare's start page.
Everything is audit-logged per case.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ifodesk.db.models import Case, Deadline, Unit, User
from ifodesk.db.models_handover import Absence

from . import access, audit
from .caseview import _check_competence
from .common import check_version, touch
from .context import ServiceContext
from .errors import NotFound, PermissionDenied, ValidationError
from .start import OPEN, AbsenceRow, _absences

MAX_ABSENCE_DAYS = 400


def _worker(s: Session, ctx: ServiceContext, user_id: uuid.UUID | None, what: str = "Handläggaren") -> User:
    if user_id is None:
        raise ValidationError("Välj vem som ska ta över: ett öppet ärende måste ha en ansvarig handläggare.",
                              "user_id")
    u = s.scalar(select(User).where(User.id == user_id, User.municipality_id == ctx.actor.municipality_id))
    if u is None:
        raise NotFound(f"{what} finns inte.")
    if not u.active:
        raise ValidationError(f"{u.full_name} är inte längre aktiv och kan inte ta över ärenden.", "user_id")
    return u


def _reassign(s: Session, ctx: ServiceContext, c: Case, to: User, detail: str) -> None:
    if c.unit_id not in {x.id for x in to.units}:
        raise PermissionDenied(f"{to.full_name} arbetar inte i enheten för ärende {c.case_number}.", "user_id")
    _check_competence(s, c, to)
    previous = c.assigned_to
    c.assigned_to = to.id
    touch(ctx, c)
    for d in s.scalars(select(Deadline).where(Deadline.case_id == c.id)):
        d.assigned_to = to.id
    audit.record(s, ctx, "handover", "case", c.id, c.person_id,
                 detail=f"{previous} -> {to.id}{': ' + detail if detail else ''}")


@access.requires("case.assign")
def hand_over_case(ctx: ServiceContext, case_id: uuid.UUID, expected_version: int, to_user_id: uuid.UUID,
                   note: str = "") -> str:
    """Byt handläggare on one case; returns the new handläggare's name."""
    with ctx.write() as s:
        c, _ = access.case_for(s, ctx, case_id, "case.assign")
        check_version(s, c, expected_version, f"Ärende {c.case_number}")
        to = _worker(s, ctx, to_user_id)
        if c.assigned_to == to.id:
            raise ValidationError(f"{to.full_name} är redan handläggare för ärendet.", "user_id")
        _reassign(s, ctx, c, to, note.strip())
        s.flush()
        return to.full_name


@access.requires("case.assign")
def hand_over_all(ctx: ServiceContext, from_user_id: uuid.UUID, to_user_id: uuid.UUID, note: str = "") -> int:
    """Every open case of one person, in the units the user may distribute in, to another; all or
    nothing (one case the new handläggare may not take stops the whole handover). Returns the count."""
    with ctx.write() as s:
        to = _worker(s, ctx, to_user_id)
        if to.id == from_user_id:
            raise ValidationError("Välj en annan handläggare än den som lämnar över.", "user_id")
        rows = s.scalars(select(Case).where(access.case_scope(ctx, "case.assign"), Case.assigned_to == from_user_id,
                                            Case.status.in_(OPEN)).order_by(Case.case_number)).all()
        for c in rows:
            access.check_case(ctx, c, "case.assign")
            _reassign(s, ctx, c, to, note.strip())
        s.flush()
        return len(rows)


def _absence_unit(s: Session, ctx: ServiceContext, user: User) -> Unit:
    """The shared unit through which the user may arrange cover for this person."""
    unit = next((u for u in user.units if u.id in ctx.actor.unit_ids), None)
    if unit is None:
        raise PermissionDenied(f"{user.full_name} arbetar inte i någon av dina enheter.", "user_id")
    access.check_unit(ctx, unit, "case.assign")
    return unit


def _check_stand_in(s: Session, ctx: ServiceContext, absent: User, stand_in_id: uuid.UUID | None,
                    starts_on: date, ends_on: date) -> None:
    if stand_in_id is None:
        return
    si = _worker(s, ctx, stand_in_id, "Ersättaren")
    if si.id == absent.id:
        raise ValidationError("Den frånvarande kan inte vara sin egen ersättare.", "stand_in_id")
    if not {u.id for u in si.units} & {u.id for u in absent.units}:
        raise ValidationError(f"{si.full_name} arbetar inte i samma enhet som {absent.full_name}.", "stand_in_id")
    away = s.scalar(select(Absence.id).where(Absence.user_id == si.id, Absence.starts_on <= ends_on,
                                             Absence.ends_on >= starts_on).limit(1))
    if away is not None:
        raise ValidationError(f"{si.full_name} är själv frånvarande under perioden. Välj en annan ersättare.",
                              "stand_in_id")


@access.requires("case.assign")
def record_absence(ctx: ServiceContext, user_id: uuid.UUID, starts_on: date, ends_on: date,
                   stand_in_id: uuid.UUID | None = None, note: str = "") -> uuid.UUID:
    """Frånvaro for a period, with a stand-in (ersättare) or, until one is named, without."""
    if ends_on < starts_on:
        raise ValidationError("Sista dagen kan inte vara före första dagen.", "ends_on")
    if (ends_on - starts_on).days > MAX_ABSENCE_DAYS:
        raise ValidationError("Frånvaron kan registreras för högst ett år i taget.", "ends_on")
    with ctx.write() as s:
        user = _worker(s, ctx, user_id, "Personen")
        _absence_unit(s, ctx, user)
        overlap = s.scalar(select(Absence.id).where(Absence.user_id == user.id, Absence.starts_on <= ends_on,
                                                    Absence.ends_on >= starts_on).limit(1))
        if overlap is not None:
            raise ValidationError(f"{user.full_name} har redan frånvaro registrerad under perioden.", "starts_on")
        _check_stand_in(s, ctx, user, stand_in_id, starts_on, ends_on)
        a = Absence(municipality_id=ctx.actor.municipality_id, user_id=user.id, starts_on=starts_on,
                    ends_on=ends_on, stand_in_id=stand_in_id, note=note.strip()[:200],
                    created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id)
        s.add(a)
        s.flush()
        audit.record(s, ctx, "absence", "user", user.id, None,
                     detail=f"{starts_on}–{ends_on}, ersättare {stand_in_id or 'saknas'}")
        return a.id


@access.requires("case.assign")
def set_stand_in(ctx: ServiceContext, absence_id: uuid.UUID, expected_version: int,
                 stand_in_id: uuid.UUID | None) -> None:
    with ctx.write() as s:
        a = s.get(Absence, absence_id)
        if a is None or a.municipality_id != ctx.actor.municipality_id:
            raise NotFound("Frånvaron finns inte.")
        user = s.get(User, a.user_id)
        _absence_unit(s, ctx, user)
        check_version(s, a, expected_version, "Frånvaron")
        _check_stand_in(s, ctx, user, stand_in_id, a.starts_on, a.ends_on)
        a.stand_in_id = stand_in_id
        touch(ctx, a)
        audit.record(s, ctx, "absence", "user", user.id, None, detail=f"ersättare {stand_in_id or 'saknas'}")


@access.requires("case.assign", or_empty=True)
def list_absences(ctx: ServiceContext) -> list[AbsenceRow]:
    """Current and coming absences in the user's units."""
    with ctx.db.session() as s:
        access.unchecked_ok()  # names and periods of the user's own units' staff only
        return _absences(s, ctx, list(ctx.actor.unit_ids))


def responsible(s: Session, case: Case, today: date) -> tuple[uuid.UUID | None, uuid.UUID | None]:
    """(handläggare, ersättare today): who answers for the case."""
    if case.assigned_to is None:
        return None, None
    stand_in = s.scalar(select(Absence.stand_in_id).where(Absence.user_id == case.assigned_to,
                                                          Absence.starts_on <= today, Absence.ends_on >= today))
    return case.assigned_to, stand_in
