"""Start pages: each role's own work in one call, with the counts shown in the navigation.

Which page a role gets is data (resources/start_pages.toml). Each function reads everything its
page shows in one transaction with a few statements, and logs the persons it lists.
"""

from __future__ import annotations

import tomllib
import uuid
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from sqlalchemy import and_, func, not_, or_, select
from sqlalchemy.orm import Session, aliased

from ifodesk.db.models import (
    Anmalan,
    AnmalanChild,
    Case,
    Deadline,
    Decision,
    Forhandsbedomning,
    JournalNote,
    Meeting,
    MeetingItem,
    Person,
    Unit,
    User,
    UserUnit,
)
from ifodesk.db.models_handover import Absence
from ifodesk.domain import deadlines as rules
from ifodesk.resources import resource_path

from . import access, audit
from .people import summary
from .context import ServiceContext
from .dto import DeadlineInfo, PersonSummary

OPEN = ("aktualiserad", "forhandsbedomning", "utredning", "insats")
FEEDBACK = "aterkoppling_anmalare"
LIST_LIMIT = 50


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    data = tomllib.loads(resource_path("start_pages.toml").read_text(encoding="utf-8"))
    return dict(data.get("roles", {}))


def start_kind(role: str) -> str:
    """The start page of a role: caseworker, supervisor, unit, meetings or system."""
    return _kinds().get(role, "system")


@dataclass(frozen=True)
class WorkItem:
    """One row in a start page list: a case (and record) needing the user's attention."""

    kind: str  # returned | journal_draft | covering | unassigned | waiting | absent_case
    case_id: uuid.UUID | None
    case_number: str
    person: PersonSummary | None
    title: str
    detail: str
    on: date | None
    record_id: uuid.UUID | None = None  # the decision or note


@dataclass(frozen=True)
class AbsenceRow:
    absence_id: uuid.UUID
    user_id: uuid.UUID
    user_name: str
    starts_on: date
    ends_on: date
    stand_in_id: uuid.UUID | None
    stand_in_name: str | None
    open_cases: int
    version: int = 1  # for set_stand_in's conflict check


@dataclass(frozen=True)
class UnitRow:
    unit_id: uuid.UUID
    unit_name: str
    open_cases: int
    forhandsbedomning: int
    utredning: int
    insats: int
    unassigned: int
    overdue: int
    waiting: int
    absent_uncovered: int


@dataclass(frozen=True)
class MeetingRow:
    meeting_id: uuid.UUID
    meeting_date: date
    committee_name: str
    time_place: str
    status: str
    items: int
    without_foredragande: int
    to_justera: bool


@dataclass(frozen=True)
class StartOverview:
    kind: str
    counts: dict[str, int] = field(default_factory=dict)
    nav: dict[str, int] = field(default_factory=dict)  # page_id -> number shown in the navigation
    items: tuple[WorkItem, ...] = ()
    deadlines: tuple[DeadlineInfo, ...] = ()
    absences: tuple[AbsenceRow, ...] = ()
    units: tuple[UnitRow, ...] = ()
    meetings: tuple[MeetingRow, ...] = ()


# --- shared pieces ---------------------------------------------------------------------------

def _person(ctx: ServiceContext, p: Person, unit_id, assigned_to) -> PersonSummary:
    return access.shown_person(ctx, summary(p), ((unit_id, assigned_to),))


def _deadline_rows(s: Session, ctx: ServiceContext, where, limit: int) -> list[DeadlineInfo]:
    today = ctx.today()
    by_kind = rules.default_rules()
    q = (select(Deadline, Case.case_number, Person, User.full_name)
         .join(Case, Case.id == Deadline.case_id).join(Person, Person.id == Deadline.person_id)
         .outerjoin(User, User.id == Deadline.assigned_to)
         .where(access.case_scope(ctx, "case.list", Deadline.unit_id, Deadline.assigned_to,
                                  Deadline.municipality_id), Deadline.met_on.is_(None), where)
         .order_by(Deadline.due_on, Deadline.id).limit(limit))
    out = []
    for d, number, p, name in s.execute(q):
        rule = by_kind.get(d.kind)
        until = rule.in_time_until(d.due_on) if rule else d.due_on
        out.append(DeadlineInfo(d.id, d.kind, rule.title if rule else d.kind, tuple(rule.lagrum) if rule else (),
                                d.case_id, number, _person(ctx, p, d.unit_id, d.assigned_to), d.unit_id,
                                d.assigned_to, name, d.start_on, d.due_on, d.met_on,
                                rules.status(d.due_on, d.met_on, today, in_time_until=until),
                                rules.days_left(d.due_on, today), until))
    return out


def _absent_now(ctx: ServiceContext, today: date):
    """Absence periods of the municipality covering today (a subquery for the lists)."""
    return (select(Absence.user_id, Absence.stand_in_id)
            .where(Absence.municipality_id == ctx.actor.municipality_id,
                   Absence.starts_on <= today, Absence.ends_on >= today))


def _absences(s: Session, ctx: ServiceContext, unit_ids) -> list[AbsenceRow]:
    """Current and coming absences of people in the units, with their open cases there."""
    today = ctx.today()
    stand_in = aliased(User)
    open_cases = (select(func.count(Case.id)).where(Case.assigned_to == Absence.user_id,
                                                    Case.status.in_(OPEN), Case.unit_id.in_(unit_ids))
                  .correlate(Absence).scalar_subquery())
    q = (select(Absence, User.full_name, stand_in.full_name, open_cases)
         .join(User, User.id == Absence.user_id).outerjoin(stand_in, stand_in.id == Absence.stand_in_id)
         .where(Absence.municipality_id == ctx.actor.municipality_id, Absence.ends_on >= today,
                Absence.user_id.in_(select(UserUnit.user_id).where(UserUnit.unit_id.in_(unit_ids))))
         .order_by(Absence.starts_on, User.full_name))
    return [AbsenceRow(a.id, a.user_id, name, a.starts_on, a.ends_on, a.stand_in_id, si_name, n or 0, a.version)
            for a, name, si_name, n in s.execute(q)]


def _uncovered(rows: list[AbsenceRow], today: date) -> list[AbsenceRow]:
    return [r for r in rows if r.starts_on <= today and r.stand_in_id is None and r.open_cases]


def _log(s: Session, ctx: ServiceContext, what: str, persons) -> None:
    ids = list(dict.fromkeys(p.id for p in persons if p is not None))
    audit.record(s, ctx, "list", "start", None, None, detail=what, person_ids=ids)


def _unassigned_q(ctx: ServiceContext, unit_ids):
    return (select(Forhandsbedomning.id, Anmalan.received_at, Case, Person, Anmalan.reasons)
            .join(AnmalanChild, AnmalanChild.id == Forhandsbedomning.anmalan_child_id)
            .join(Anmalan, Anmalan.id == AnmalanChild.anmalan_id)
            .join(Case, Case.id == Forhandsbedomning.case_id).join(Person, Person.id == Case.person_id)
            .where(Case.municipality_id == ctx.actor.municipality_id, Case.unit_id.in_(unit_ids),
                   Forhandsbedomning.outcome.is_(None), Case.assigned_to.is_(None)))


def _waiting_q(ctx: ServiceContext, unit_ids):
    """Proposals sent to the user's delegation level in the units."""
    return (select(Decision, Case.case_number, Person, User.full_name)
            .join(Case, Case.id == Decision.case_id).join(Person, Person.id == Decision.person_id)
            .join(User, User.id == Decision.drafted_by)
            .where(Decision.municipality_id == ctx.actor.municipality_id, Decision.unit_id.in_(unit_ids),
                   Decision.status == "for_godkannande", Decision.approver_level == ctx.actor.delegate_level))


# --- the start pages -------------------------------------------------------------------------

@access.requires("case.list")
def caseworker_start(ctx: ServiceContext) -> StartOverview:
    """Handläggare: own open cases, returned proposals, unsigned journal drafts, reporter feedback
    due, the next deadlines, and the cases of absent colleagues they cover."""
    me, today = ctx.actor.user_id, ctx.today()
    with ctx.db.session(write=True) as s:
        own = s.scalar(select(func.count(Case.id)).where(
            access.case_scope(ctx, "case.list"), Case.assigned_to == me, Case.status.in_(OPEN))) or 0
        items: list[WorkItem] = []
        for d, number, p in s.execute(
                select(Decision, Case.case_number, Person).join(Case, Case.id == Decision.case_id)
                .join(Person, Person.id == Decision.person_id)
                .where(Decision.municipality_id == ctx.actor.municipality_id, Decision.drafted_by == me,
                       Decision.status == "avslagen").order_by(Decision.updated_at.desc()).limit(LIST_LIMIT)):
            items.append(WorkItem("returned", d.case_id, number, _person(ctx, p, d.unit_id, me), d.title,
                                  d.rejection_reason or "", d.updated_at.date(), d.id))
        for n, number, unit_id, assigned, p in s.execute(
                select(JournalNote, Case.case_number, Case.unit_id, Case.assigned_to, Person)
                .join(Case, Case.id == JournalNote.case_id).join(Person, Person.id == JournalNote.person_id)
                .where(Case.municipality_id == ctx.actor.municipality_id, JournalNote.author_id == me,
                       JournalNote.signed_at.is_(None))
                .order_by(JournalNote.event_date, JournalNote.id).limit(LIST_LIMIT)):
            items.append(WorkItem("journal_draft", n.case_id, number, _person(ctx, p, unit_id, assigned),
                                  n.heading or (n.text[:60] + ("…" if len(n.text) > 60 else "")), "",
                                  n.event_date, n.id))
        away = _absent_now(ctx, today).where(Absence.stand_in_id == me).subquery()
        for c, p, name in s.execute(
                select(Case, Person, User.full_name).join(Person, Person.id == Case.person_id)
                .join(away, away.c.user_id == Case.assigned_to).join(User, User.id == Case.assigned_to)
                .where(Case.municipality_id == ctx.actor.municipality_id, Case.status.in_(OPEN))
                .order_by(Case.case_number).limit(LIST_LIMIT)):
            items.append(WorkItem("covering", c.id, c.case_number, _person(ctx, p, c.unit_id, c.assigned_to),
                                  name, c.status, None))
        upcoming = _deadline_rows(s, ctx, Deadline.assigned_to == me, 15)
        feedback = s.scalar(select(func.count(Deadline.id)).where(
            Deadline.assigned_to == me, Deadline.kind == FEEDBACK, Deadline.met_on.is_(None))) or 0
        overdue = s.scalar(select(func.count(Deadline.id)).where(
            Deadline.assigned_to == me, Deadline.met_on.is_(None), Deadline.due_on < today)) or 0
        counts = {"own_cases": own, "returned": sum(i.kind == "returned" for i in items),
                  "journal_drafts": sum(i.kind == "journal_draft" for i in items), "feedback_due": feedback,
                  "overdue": overdue, "covering": sum(i.kind == "covering" for i in items)}
        _log(s, ctx, "startsida (handläggare)", [i.person for i in items] + [d.person for d in upcoming])
    nav = {"start": counts["returned"] + counts["journal_drafts"] + counts["feedback_due"],
           "deadlines": overdue}
    return StartOverview("caseworker", counts, nav, tuple(items), tuple(upcoming))


@access.requires("case.assign")
def supervisor_start(ctx: ServiceContext) -> StartOverview:
    """1:e socialsekreterare: proposals waiting for them, unassigned anmälningar, the unit's overdue
    deadlines, handläggare away without cover and the cases whose handläggare is away."""
    units, today = list(ctx.actor.unit_ids), ctx.today()
    with ctx.db.session(write=True) as s:
        items: list[WorkItem] = []
        for d, number, p, drafter in s.execute(_waiting_q(ctx, units).order_by(Decision.updated_at)
                                               .limit(LIST_LIMIT)):
            items.append(WorkItem("waiting", d.case_id, number, _person(ctx, p, d.unit_id, None), d.title,
                                  drafter, d.updated_at.date(), d.id))
        for _fb, received, c, p, reasons in s.execute(_unassigned_q(ctx, units).order_by(Anmalan.received_at)
                                                      .limit(LIST_LIMIT)):
            items.append(WorkItem("unassigned", c.id, c.case_number, _person(ctx, p, c.unit_id, None),
                                  ", ".join(reasons or ()), "", received.date()))
        away = _absent_now(ctx, today).subquery()
        stand_in = aliased(User)
        for c, p, name, si_name in s.execute(
                select(Case, Person, User.full_name, stand_in.full_name).join(Person, Person.id == Case.person_id)
                .join(away, away.c.user_id == Case.assigned_to).join(User, User.id == Case.assigned_to)
                .outerjoin(stand_in, stand_in.id == away.c.stand_in_id)
                .where(Case.municipality_id == ctx.actor.municipality_id, Case.unit_id.in_(units),
                       Case.status.in_(OPEN)).order_by(Case.case_number).limit(LIST_LIMIT)):
            items.append(WorkItem("absent_case", c.id, c.case_number, _person(ctx, p, c.unit_id, c.assigned_to),
                                  name, si_name or "", None))
        overdue = _deadline_rows(s, ctx, and_(Deadline.unit_id.in_(units), Deadline.due_on < today), LIST_LIMIT)
        n_overdue = s.scalar(select(func.count(Deadline.id)).where(
            Deadline.unit_id.in_(units), Deadline.met_on.is_(None), Deadline.due_on < today)) or 0
        absences = _absences(s, ctx, units)
        counts = {"waiting": sum(i.kind == "waiting" for i in items),
                  "unassigned": sum(i.kind == "unassigned" for i in items), "overdue": n_overdue,
                  "uncovered": len(_uncovered(absences, today)),
                  "absent_cases": sum(i.kind == "absent_case" for i in items)}
        _log(s, ctx, "startsida (1:e socialsekreterare)", [i.person for i in items] + [d.person for d in overdue])
    nav = {"att_besluta": counts["waiting"], "inbox": counts["unassigned"], "deadlines": n_overdue,
           "start": counts["uncovered"]}
    return StartOverview("supervisor", counts, nav, tuple(items), tuple(overdue), tuple(absences))


@access.requires("case.list")
def unit_start(ctx: ServiceContext) -> StartOverview:
    """Enhetschef: each of the user's units in numbers (no persons are listed)."""
    units, today = list(ctx.actor.unit_ids), ctx.today()
    with ctx.db.session(write=True) as s:
        per_status = {(u, st): n for u, st, n in s.execute(
            select(Case.unit_id, Case.status, func.count(Case.id)).where(
                Case.municipality_id == ctx.actor.municipality_id, Case.unit_id.in_(units),
                Case.status.in_(OPEN)).group_by(Case.unit_id, Case.status))}
        unassigned = _count_by_unit(s, ctx, units, "unassigned")
        overdue = dict(s.execute(select(Deadline.unit_id, func.count(Deadline.id)).where(
            Deadline.unit_id.in_(units), Deadline.met_on.is_(None), Deadline.due_on < today)
            .group_by(Deadline.unit_id)).all())
        waiting = _count_by_unit(s, ctx, units, "waiting")
        absences = _absences(s, ctx, units)
        uncovered_users = {a.user_id for a in _uncovered(absences, today)}
        per_user_unit = s.execute(select(UserUnit.unit_id, UserUnit.user_id).where(
            UserUnit.user_id.in_(uncovered_users))).all() if uncovered_users else []
        names = dict(s.execute(select(Unit.id, Unit.name).where(Unit.id.in_(units))).all())
        rows = []
        for u in sorted(units, key=lambda u: names.get(u, "")):
            by = [per_status.get((u, st), 0) for st in OPEN]
            rows.append(UnitRow(u, names.get(u, ""), sum(by), by[1] + by[0], by[2], by[3], unassigned.get(u, 0),
                                overdue.get(u, 0), waiting.get(u, 0),
                                sum(1 for uu, _ in per_user_unit if uu == u)))
        _log(s, ctx, "startsida (chef)", [])
    counts = {"open_cases": sum(r.open_cases for r in rows), "unassigned": sum(r.unassigned for r in rows),
              "overdue": sum(r.overdue for r in rows), "waiting": sum(r.waiting for r in rows),
              "uncovered": len({a.user_id for a in _uncovered(absences, today)})}
    nav = {"att_besluta": counts["waiting"], "inbox": counts["unassigned"], "deadlines": counts["overdue"]}
    return StartOverview("unit", counts, nav, (), (), tuple(absences), tuple(rows))


def _count_by_unit(s: Session, ctx: ServiceContext, units, what: str) -> dict:
    if what == "unassigned":
        q = (select(Case.unit_id, func.count(Forhandsbedomning.id))
             .join(Case, Case.id == Forhandsbedomning.case_id)
             .where(Case.municipality_id == ctx.actor.municipality_id, Case.unit_id.in_(units),
                    Forhandsbedomning.outcome.is_(None), Case.assigned_to.is_(None)).group_by(Case.unit_id))
    else:
        q = (select(Decision.unit_id, func.count(Decision.id))
             .where(Decision.municipality_id == ctx.actor.municipality_id, Decision.unit_id.in_(units),
                    Decision.status == "for_godkannande", Decision.approver_level == ctx.actor.delegate_level)
             .group_by(Decision.unit_id))
    return dict(s.execute(q).all())


@access.requires("meeting.read")
def meetings_start(ctx: ServiceContext) -> StartOverview:
    """Nämndsekreterare (and the utskott): the next meetings, what is on each agenda, approved
    proposals ready to be placed, and protocols still to be justerade."""
    today = ctx.today()
    with ctx.db.session(write=True) as s:
        wanted = s.scalars(select(Meeting).where(
            Meeting.municipality_id == ctx.actor.municipality_id,
            or_(Meeting.meeting_date >= today, and_(Meeting.status == "genomford", Meeting.justerad_on.is_(None))))
            .order_by(Meeting.meeting_date).limit(20)).all()
        shown = access.meeting_scope(ctx, "meeting.read", list(wanted))
        ids = [m.id for m in shown]
        stats = {mid: (n, nf) for mid, n, nf in s.execute(
            select(MeetingItem.meeting_id, func.count(MeetingItem.id),
                   func.count(MeetingItem.id).filter(MeetingItem.foredragande_id.is_(None)))
            .where(MeetingItem.meeting_id.in_(ids)).group_by(MeetingItem.meeting_id))} if ids else {}
        rows = tuple(MeetingRow(m.id, m.meeting_date, m.committee_name, m.time_place, m.status,
                                *stats.get(m.id, (0, 0)), m.status == "genomford" and m.justerad_on is None)
                     for m in shown)
        ready = 0
        if access.may(ctx, "meeting.manage"):
            ready = s.scalar(select(func.count(Decision.id)).where(
                Decision.municipality_id == ctx.actor.municipality_id, Decision.status == "godkand",
                not_(Decision.id.in_(select(MeetingItem.decision_id))))) or 0
        _log(s, ctx, "startsida (sammanträden)", [])
    upcoming = [r for r in rows if r.meeting_date >= today]
    counts = {"meetings": len(upcoming), "ready": ready, "to_justera": sum(r.to_justera for r in rows),
              "items": sum(r.items for r in upcoming[:1])}
    return StartOverview("meetings", counts, {"iu": ready + counts["to_justera"]}, meetings=rows)
