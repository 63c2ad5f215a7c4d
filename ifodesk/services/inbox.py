"""Anmälningar inbox: new reports whose förhandsbedömning is still open, for distribution."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from ifodesk.db.models import Anmalan, AnmalanChild, Case, Forhandsbedomning, Person, Skyddsbedomning, User
from ifodesk.domain import deadlines as rules

from . import access, audit
from .context import ServiceContext
from .dto import PersonSummary
from .people import summary


@dataclass(frozen=True)
class InboxItem:
    anmalan_id: uuid.UUID
    anmalan_child_id: uuid.UUID
    forhandsbedomning_id: uuid.UUID
    received_at: datetime
    channel: str
    reporter_category: str
    reasons: tuple[str, ...]
    person: PersonSummary
    case_id: uuid.UUID
    case_number: str
    case_version: int  # for assign_case's conflict check
    assigned_to: uuid.UUID | None
    assigned_name: str | None
    skyddsbedomning_done: bool
    due_on: date  # förhandsbedömning deadline
    days_left: int


@access.requires("case.list", or_empty=True)
def new_reports(ctx: ServiceContext, *, unit_id: uuid.UUID | None = None, unassigned_only: bool = False,
                limit: int = 500) -> list[InboxItem]:
    """Open reports, newest first (siblings by name); unassigned_only gives the 1:e socialsekreterare's queue."""
    q = (select(Forhandsbedomning, AnmalanChild.id, Anmalan, Case, Person, User.full_name, Skyddsbedomning.id)
         .join(AnmalanChild, AnmalanChild.id == Forhandsbedomning.anmalan_child_id)
         .join(Anmalan, Anmalan.id == AnmalanChild.anmalan_id)
         .join(Case, Case.id == Forhandsbedomning.case_id)
         .join(Person, Person.id == AnmalanChild.person_id)
         .outerjoin(User, User.id == Case.assigned_to)
         .outerjoin(Skyddsbedomning, Skyddsbedomning.anmalan_child_id == AnmalanChild.id)
         .where(access.case_scope(ctx, "case.list"), Forhandsbedomning.outcome.is_(None))
         .order_by(Anmalan.received_at.desc(), Person.sort_key, AnmalanChild.id).limit(limit))
    if unit_id is not None:
        q = q.where(Case.unit_id == unit_id)
    if unassigned_only:
        q = q.where(Case.assigned_to.is_(None))
    today = ctx.today()
    with ctx.db.session(write=True) as s:
        items = [_item(ctx, fb, ac_id, a, c, p, name, sb_id, today)
                 for fb, ac_id, a, c, p, name, sb_id in s.execute(q)]
        audit.record(s, ctx, "list", "anmalan", None, None, detail=f"{len(items)} öppna anmälningar",
                     person_ids=[i.person.id for i in items])
        return items


def _item(ctx, fb, ac_id, a, c, p, assigned_name, sb_id, today: date) -> InboxItem:
    due = rules.compute("forhandsbedomning", fb.started_on).due
    return InboxItem(a.id, ac_id, fb.id, a.received_at, a.channel, a.reporter_category, tuple(a.reasons or ()),
                     access.shown_person(ctx, summary(p), ((c.unit_id, c.assigned_to),)), c.id, c.case_number, c.version, c.assigned_to, assigned_name,
                     sb_id is not None, due, rules.days_left(due, today))
