"""Follow-up figures of the workbook: öppenvård as Socialstyrelsen splits it, and RKA's
re-actualisation (Kvalitet i IFO). Counted like the rest, by the database, for one _Counter."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import case, distinct, func, or_, select
from sqlalchemy.orm import aliased

from ifodesk.db.models import Anmalan, AnmalanChild, Case, Insats, Person, Utredning
from ifodesk.domain import statistics as st
from ifodesk.domain.statistics_report import ReactualisationRow, Row

from .context import STOCKHOLM
from .statistics_common import _between, _birth_year, _utc

if TYPE_CHECKING:
    from .statistics_workbook import _Counter


def _years_before(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


def oppenvard(self: _Counter) -> tuple[Row, ...]:
    """Children 0–20 with SoL öppenvård some day of the period, per Socialstyrelsen's category."""
    cats = st.load_oppenvard()
    category = case(*[(Insats.kind.in_(c.kinds), c.code) for c in cats], else_=None)
    q = (select(category, func.count(distinct(Insats.person_id))).select_from(Insats)
         .join(Case, Case.id == Insats.case_id).join(Person, Person.id == Insats.person_id)
         .where(*self._case_scope(), Insats.legal_basis == "SoL", category.is_not(None),
                self._ongoing(self.p.start, self.p.end), self._persons_0_20())
         .group_by(category))
    counts = dict(self.s.execute(q).all())
    return tuple(Row(c.code, c.label, int(counts.get(c.code, 0))) for c in cats)

def aterakt(self: _Counter) -> tuple[tuple[ReactualisationRow, ...], tuple[date, date]]:
    """RKA Kvalitet i IFO: children 0–12 and 13–20 whose utredning closed without insats, or whose
    last insats ended, in the base year (the twelve months ending one year before the period's
    last day), and how many got no new anmälan or utredning within 365 days after."""
    end = _years_before(self.p.end, 1)
    start = _years_before(self.p.end, 2) + timedelta(days=1)
    U, I, I2 = Utredning, Insats, aliased(Insats)
    closings: dict[uuid.UUID, tuple[date, int | None]] = {}

    def note(pid, on, born) -> None:
        if pid not in closings or closings[pid][0] < on:
            closings[pid] = (on, born)

    q = (select(Case.person_id, U.closed_on, _birth_year()).select_from(U).join(Case, Case.id == U.case_id)
         .join(Person, Person.id == Case.person_id)
         .where(*self._case_scope(), _between(U.closed_on, start, end),
                U.closing_outcome.in_(("utan_insats", "nedlagd"))))
    for pid, on, born in self.s.execute(q):
        note(pid, on, born)
    still = (select(I2.id).where(I2.person_id == I.person_id, I2.id != I.id, I2.start_on <= I.end_on,
                                 or_(I2.end_on.is_(None), I2.end_on > I.end_on)).exists())
    q = (select(I.person_id, I.end_on, _birth_year()).select_from(I).join(Case, Case.id == I.case_id)
         .join(Person, Person.id == I.person_id)
         .where(*self._case_scope(), _between(I.end_on, start, end), I.kind != "ekonomiskt_bistand", ~still))
    for pid, on, born in self.s.execute(q):
        note(pid, on, born)
    bands = {"0-12": (0, 12, "Barn 0–12 år"), "13-20": (13, 20, "Unga 13–20 år")}
    base = {b: 0 for b in bands}
    kept = {b: 0 for b in bands}
    ids = list(closings)
    later: dict[uuid.UUID, list[date]] = defaultdict(list)
    for i in range(0, len(ids), 500):  # bounded IN lists
        chunk = ids[i:i + 500]
        for pid, at in self.s.execute(
                select(AnmalanChild.person_id, Anmalan.received_at).join(Anmalan, Anmalan.id == AnmalanChild.anmalan_id)
                .where(AnmalanChild.person_id.in_(chunk), Anmalan.received_at >= _utc(start))):
            later[pid].append(at.astimezone(STOCKHOLM).date())
        for pid, on in self.s.execute(select(Case.person_id, U.opened_on).join(Case, Case.id == U.case_id)
                                      .where(Case.person_id.in_(chunk), U.opened_on > start)):
            later[pid].append(on)
    for pid, (on, born) in closings.items():
        age = st.age_reached(born, on.year)
        band = next((b for b, (lo, hi, _) in bands.items() if age is not None and lo <= age <= hi), None)
        if band is None:
            continue
        base[band] += 1
        if not any(on < d <= on + timedelta(days=365) for d in later[pid]):
            kept[band] += 1
    rows = tuple(ReactualisationRow(b, label, base[b], kept[b]) for b, (_, _, label) in bands.items())
    return rows, (start, end)
