"""Tidsbevakning: deadlines derived from dated events, and the overview of what is due."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ifodesk.db.models import Case, Deadline, Person, User
from ifodesk.db.search import ids_in
from ifodesk.domain import deadlines as rules

from . import access, audit
from .context import ServiceContext
from .dto import DeadlineInfo, PersonSummary
from .people import shown_number, summary


def set_deadline(s: Session, ctx: ServiceContext, case: Case, kind: str, source_type: str,
                 source_id: uuid.UUID, start: date, due: date | None = None,
                 met_on: date | None = None) -> Deadline:
    """Create or move the deadline a dated event starts; the due date comes from the rules."""
    if due is None:
        due = rules.compute(kind, start).due
    d = s.scalar(select(Deadline).where(Deadline.source_type == source_type,
                                        Deadline.source_id == source_id, Deadline.kind == kind))
    if d is None:
        d = Deadline(municipality_id=case.municipality_id, unit_id=case.unit_id, case_id=case.id,
                     person_id=case.person_id, assigned_to=case.assigned_to, kind=kind,
                     source_type=source_type, source_id=source_id, start_on=start, due_on=due,
                     met_on=met_on, created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id)
        s.add(d)
    else:
        d.start_on, d.due_on, d.met_on = start, due, met_on
        d.updated_by = ctx.actor.user_id
    return d


def meet(s: Session, ctx: ServiceContext, source_type: str, source_id: uuid.UUID, kind: str,
         met_on: date) -> None:
    d = s.scalar(select(Deadline).where(Deadline.source_type == source_type,
                                        Deadline.source_id == source_id, Deadline.kind == kind))
    if d is not None and d.met_on is None:
        d.met_on = met_on
        d.updated_by = ctx.actor.user_id


def info(d: Deadline, case_number: str, person: Person, assigned_name: str | None,
         today: date) -> DeadlineInfo:
    rule = rules.default_rules().get(d.kind)
    return DeadlineInfo(
        d.id, d.kind, rule.title if rule else d.kind, tuple(rule.lagrum) if rule else (),
        d.case_id, case_number, summary(person), d.unit_id, d.assigned_to, assigned_name,
        d.start_on, d.due_on, d.met_on,
        rules.status(d.due_on, d.met_on, today, in_time_until=rule.in_time_until(d.due_on) if rule else None),
        rules.days_left(d.due_on, today), rule.in_time_until(d.due_on) if rule else d.due_on)


_OVERVIEW_COLS = (Deadline.id, Deadline.kind, Deadline.case_id, Deadline.unit_id, Deadline.assigned_to,
                  Deadline.start_on, Deadline.due_on, Deadline.met_on, Deadline.person_id, User.full_name)
_PERSON_COLS = (Case.id, Case.case_number, Person.id, Person.personnummer, Person.reserve_number,
                Person.first_name, Person.last_name, Person.birth_date, Person.legal_gender, Person.protection)


@access.requires("case.list", or_empty=True)
def overview(ctx: ServiceContext, *, unit_id: uuid.UUID | None = None,
             user_id: uuid.UUID | None = None, within_days: int = 7,
             limit: int | None = None) -> list[DeadlineInfo]:
    """What is overdue or due within N days, for a unit or a user, most urgent first.

    Plain columns, no ORM objects: the list is read every time Tidsbevakning is shown.
    """
    today = ctx.today()
    horizon = today + timedelta(days=within_days)
    # Two steps: the due deadlines through their own index, then their cases and persons by id.
    # In one join PostgreSQL overestimates the open deadlines sevenfold and hashes the whole
    # person and case tables (130 ms for 751 rows under row-level security instead of 8 ms).
    q = (select(*_OVERVIEW_COLS)
         .outerjoin(User, User.id == Deadline.assigned_to)
         .where(access.case_scope(ctx, "case.list", Deadline.unit_id, Deadline.assigned_to,
                                  Deadline.municipality_id),
                Deadline.met_on.is_(None), Deadline.due_on <= horizon)
         .order_by(Deadline.due_on, Deadline.id))
    if unit_id is not None:
        q = q.where(Deadline.unit_id == unit_id)
    if user_id is not None:
        q = q.where(Deadline.assigned_to == user_id)
    if limit is not None:
        q = q.limit(limit)
    rules_by_kind = rules.default_rules()
    with ctx.db.session(write=True) as s:
        rows = s.execute(q).all()
        people: dict = {}
        case_ids = list({r.case_id for r in rows})
        for i in range(0, len(case_ids), 1000):  # SQLite binds at most 32 766 parameters; stay far below
            for cid, number, pid, pnr, reserve, first, last, born, gender, protection in s.execute(
                    select(*_PERSON_COLS).join(Person, Person.id == Case.person_id)
                    .where(ids_in(s, Case.id, case_ids[i:i + 1000]))):
                people[cid] = (number, PersonSummary(pid, shown_number(pnr, reserve), first, last, born, gender,
                                                     protection))
        out = []
        for did, kind, case_id, unit, assigned, start, due, met, _pid, assigned_name in rows:
            if case_id not in people:  # a case the database does not show this user
                continue
            number, summary_ = people[case_id]
            rule = rules_by_kind.get(kind)
            person = access.shown_person(ctx, summary_, ((unit, assigned),))
            out.append(DeadlineInfo(did, kind, rule.title if rule else kind, tuple(rule.lagrum) if rule else (),
                                    case_id, number, person, unit, assigned, assigned_name, start, due, met,
                                    rules.status(due, met, today,
                                                 in_time_until=rule.in_time_until(due) if rule else None),
                                    rules.days_left(due, today), rule.in_time_until(due) if rule else due))
        audit.record(s, ctx, "list", "deadline", None, None, detail=f"{len(out)} tidsfrister",
                     person_ids=[d.person.id for d in out])
        return out


def for_case(s: Session, case: Case, today: date) -> list[DeadlineInfo]:
    rows = s.execute(select(Deadline, User.full_name).outerjoin(User, User.id == Deadline.assigned_to)
                     .where(Deadline.case_id == case.id).order_by(Deadline.due_on)).all()
    return [info(d, case.case_number, case.person, name, today) for d, name in rows]
