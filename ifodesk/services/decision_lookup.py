"""Find a case's decisions by case number: for `ifodesk-admin decisions --case NUMMER`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ifodesk.db.models import Case, Decision

from . import audit
from .access import check_case, requires
from .context import ServiceContext
from .decisions import STATUS_LABELS
from .errors import NotFound


@dataclass(frozen=True)
class DecisionRow:
    id: uuid.UUID
    date: date  # decided on, else the day the proposal was drafted
    decided: bool
    template_id: str
    title: str
    status: str
    status_label: str
    decider: str | None


@requires("decision.read")
def decisions_by_case_number(ctx: ServiceContext, case_number: str, reason: str | None = None) -> list[DecisionRow]:
    """The case's decisions, oldest first; outside the caller's scope only with a stated reason."""
    number = case_number.strip().upper()
    with ctx.write() as s:
        case = s.scalar(select(Case).where(Case.municipality_id == ctx.actor.municipality_id,
                                           Case.case_number == number))
        if case is None:
            raise NotFound(f"Ärendet {number} finns inte.")
        access = check_case(ctx, case, "decision.read", reason)
        rows = s.scalars(select(Decision).where(Decision.case_id == case.id)
                         .order_by(Decision.created_at, Decision.id)).all()
        audit.record(s, ctx, "read", "decision", None, case.person_id, reason=access.reason,
                     detail="beslut i ärendet (kommandorad)")
        return [DecisionRow(d.id, d.decided_on or d.created_at.date(), d.decided_on is not None, d.template_id,
                            d.title, d.status, STATUS_LABELS.get(d.status, d.status), d.decided_by_name)
                for d in rows]
