"""The statistics workbook for the nämnd: every figure counted by the database.

Every figure is a GROUP BY / COUNT over the case tables (SQLite and PostgreSQL); Python only
adds up the few grouped rows. Definitions live in ``ifodesk.domain.statistics``.
"""

from __future__ import annotations

import time as _time
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import and_, case, distinct, func, or_, select, true
from sqlalchemy.orm import Session

from ifodesk.db.models import (
    Anmalan,
    AnmalanChild,
    Case,
    Deadline,
    Decision,
    Forhandsbedomning,
    Insats,
    Person,
    Unit,
    Utredning,
    UtredningExtension,
)
from ifodesk.domain import deadlines as deadline_rules
from ifodesk.domain import statistics as st
from ifodesk.domain.categories import load_categories
from ifodesk.domain.statistics_report import (
    AgeGenderRow,
    AnmalanStats,
    DaysSummary,
    DeadlineRow,
    DecisionStats,
    ForhandsStats,
    GenderCount,
    InsatsRow,
    InsatsStats,
    LawStats,
    LawTemplateRow,
    Row,
    StatisticsReport,
    UtredningStats,
)

from . import access, audit
from . import statistics_followup as followup
from .context import ServiceContext
from .errors import ValidationError
from .statistics_common import (
    Progress,
    _age_band,
    _age_on,
    _between,
    _birth_year,
    _check_output,
    _gender,
    _municipality,
    _Sql,
    _unit,
    _utc,
    _write_atomically,
)

STEPS = ("anmälningar", "förhandsbedömningar", "utredningar", "beslut", "insatser", "LVU och LVM",
         "tidsbevakning", "Kolada")
TOTAL_STEPS = len(STEPS) + 1  # the last step writes the file

FB_OUTCOME_LABELS = {
    "inleda": "Utredning inleds",
    "inte_inleda": "Utredning inleds inte",
    "pagaende_utredning": "Pågående utredning",
}
UT_OUTCOME_LABELS = {
    "insats": "Avslutad med insats",
    "utan_insats": "Avslutad utan insats",
    "ansokan_lvu": "Ansökan om vård enligt LVU",
    "overflyttad": "Överflyttad till annan kommun",
    "nedlagd": "Nedlagd",
}
ROUTE_LABELS = {
    "delegation": "Delegationsbeslut (tjänsteman)",
    "utskott": "Utskott eller nämnd",
    "ordforande": "Brådskande beslut av ordförande",
}


@dataclass(frozen=True)
class WorkbookExport:
    path: Path
    report: StatisticsReport
    seconds: float


def _age_gender_rows(counts: dict[tuple[str, str | None], int]) -> tuple[AgeGenderRow, ...]:
    out = []
    for band in (*st.AGE_BANDS, st.UNKNOWN_AGE):
        k = counts.get((band.code, "K"), 0)
        m = counts.get((band.code, "M"), 0)
        unknown = sum(v for (b, g), v in counts.items() if b == band.code and g not in ("K", "M"))
        if band is st.UNKNOWN_AGE and k + m + unknown == 0:
            continue  # the unknown band is shown only when someone is in it
        out.append(AgeGenderRow(band.code, band.label, k, m, unknown))
    return tuple(out)


# --- Computing --------------------------------------------------------------------------------

class _Counter:
    def __init__(self, s: Session, ctx: ServiceContext, period: st.Period, unit_id: uuid.UUID | None):
        self.s, self.ctx, self.p, self.unit_id = s, ctx, period, unit_id
        self.sql = _Sql(s)
        self.mid = ctx.actor.municipality_id
        self.rules = deadline_rules.default_rules()

    # where-clauses scoping rows to the municipality and unit
    def _case_scope(self):
        cond = [Case.municipality_id == self.mid]
        if self.unit_id is not None:
            cond.append(Case.unit_id == self.unit_id)
        return cond

    def _anmalan_scope(self, a: date | None = None, b: date | None = None):
        a, b = a or self.p.start, b or self.p.end
        cond = [Anmalan.municipality_id == self.mid, Anmalan.received_at >= _utc(a),
                Anmalan.received_at < _utc(b + timedelta(days=1))]
        if self.unit_id is not None:
            cond.append(Anmalan.unit_id == self.unit_id)
        return cond

    def _decision_scope(self):
        cond = [Decision.municipality_id == self.mid, Decision.status == "beslutad",
                _between(Decision.decided_on, self.p.start, self.p.end)]
        if self.unit_id is not None:
            cond.append(Decision.unit_id == self.unit_id)
        return cond

    # Each table is read in as few grouped queries as possible: on a 100 000-case SQLite file
    # every pass over a joined table costs a few tenths of a second.

    # --- anmälningar ---
    def anmalningar(self) -> AnmalanStats:
        s, cats = self.s, load_categories()
        months = self.p.month_segments()
        month_of = case(*[(and_(Anmalan.received_at >= _utc(a), Anmalan.received_at < _utc(b + timedelta(days=1))),
                            label) for label, a, b in months])
        by_cat: dict[str, int] = defaultdict(int)
        per_month: dict[str, int] = defaultdict(int)
        for cat, month, n in s.execute(select(Anmalan.reporter_category, month_of, func.count())
                                       .where(*self._anmalan_scope()).group_by(Anmalan.reporter_category, month_of)):
            by_cat[cat] += n
            per_month[month] += n
        known = [c.code for c in cats.reporter_categories]
        by_reporter = [Row(c.code, c.label, by_cat.get(c.code, 0)) for c in cats.reporter_categories]
        by_reporter += [Row(code, code, n) for code, n in sorted(by_cat.items()) if code not in known]

        age_gender: dict[tuple[str, str | None], int] = defaultdict(int)
        # Age on the day the report came in (not the age reached in the year).
        years = range(self.p.start.year - 1, self.p.end.year + 1)
        age = _age_on(self.sql, Anmalan.received_at, years)
        band, gender = _age_band(0, age=age), _gender()  # one object each: PG matches GROUP BY by identity
        q = (select(band, gender, func.count())
             .select_from(AnmalanChild).join(Anmalan, Anmalan.id == AnmalanChild.anmalan_id)
             .join(Person, Person.id == AnmalanChild.person_id)
             .where(*self._anmalan_scope()).group_by(band, gender))
        for band_code, g, n in s.execute(q):
            age_gender[(band_code, g)] += n
        genders: dict[str | None, int] = defaultdict(int)
        for (_, g), n in age_gender.items():
            genders[g] += n

        unique = s.scalar(select(func.count(distinct(AnmalanChild.person_id)))
                          .select_from(AnmalanChild).join(Anmalan, Anmalan.id == AnmalanChild.anmalan_id)
                          .where(*self._anmalan_scope())) or 0

        r = self.sql.json_elements(Anmalan.reasons, "reason")
        by_code = dict(s.execute(select(r.c.value, func.count(distinct(Anmalan.id))).select_from(Anmalan)
                                 .join(r, true()).where(*self._anmalan_scope()).group_by(r.c.value)).all())
        known = [c.code for c in cats.reasons]
        by_reason = [Row(c.code, c.label, by_code.get(c.code, 0)) for c in cats.reasons]
        by_reason += [Row(code, code, n) for code, n in sorted(by_code.items()) if code not in known]
        # A report naming two reasons of one group counts once for the group.
        group_of = case(*[(r.c.value == c.code, c.group) for c in cats.reasons if c.group], else_="okand")
        by_group = dict(s.execute(select(group_of, func.count(distinct(Anmalan.id))).select_from(Anmalan)
                                  .join(r, true()).where(*self._anmalan_scope()).group_by(group_of)).all())
        groups = [Row(code, label, by_group.get(code, 0)) for code, label in cats.reason_groups.items()]
        if by_group.get("okand"):
            groups.append(Row("okand", "Okänd anledning", by_group["okand"]))
        return AnmalanStats(
            sum(by_cat.values()), GenderCount.of(genders), unique, tuple(by_reporter), tuple(by_reason),
            tuple(groups), _age_gender_rows(age_gender),
            tuple(Row(label, label, per_month.get(label, 0)) for label, _, _ in months))

    # --- förhandsbedömningar ---
    def forhandsbedomningar(self) -> ForhandsStats:
        F, p = Forhandsbedomning, self.p
        rule = self.rules["forhandsbedomning"]
        decided = and_(F.outcome.is_not(None), _between(F.decided_on, p.start, p.end))
        started = _between(F.started_on, p.start, p.end)
        open_end = and_(F.started_on <= p.end, or_(F.decided_on.is_(None), F.decided_on > p.end))
        cols = [case((decided, 1), else_=0), case((started, 1), else_=0), case((open_end, 1), else_=0),
                case((decided, F.outcome)), case((decided, self.sql.days(F.decided_on, F.started_on))),
                case((decided, case((self.sql.within(rule, F.started_on, F.decided_on), 1), else_=0))),
                case((and_(decided, F.synnerliga_skal.is_not(None)), 1), else_=0)]
        q = (select(*cols, func.count()).select_from(F).join(Case, Case.id == F.case_id)
             .where(*self._case_scope(), or_(decided, started, open_end)).group_by(*cols))
        outcomes: dict[str, int] = defaultdict(int)
        hist: dict[int, int] = defaultdict(int)
        n_started = n_open = within = synnerliga = 0
        for is_decided, is_started, is_open, outcome, days, ok, syn, n in self.s.execute(q):
            n_started += n if is_started else 0
            n_open += n if is_open else 0
            if is_decided:
                outcomes[outcome] += n
                hist[int(days)] += n
                within += n if ok else 0
                synnerliga += n if syn else 0
        by_outcome = [Row(code, label, outcomes.get(code, 0)) for code, label in FB_OUTCOME_LABELS.items()]
        by_outcome += [Row(c, c, n) for c, n in outcomes.items() if c not in FB_OUTCOME_LABELS]
        summary = _summary(hist, within)
        return ForhandsStats(summary.n, tuple(by_outcome), summary, _limit_label(rule), synnerliga,
                             n_started, n_open)

    # --- utredningar ---
    def utredningar(self) -> UtredningStats:
        U, p = Utredning, self.p
        rule = self.rules["utredning"]
        opened = _between(U.opened_on, p.start, p.end)
        closed = _between(U.closed_on, p.start, p.end)
        open_end = and_(U.opened_on <= p.end, or_(U.closed_on.is_(None), U.closed_on > p.end))
        has_ext = select(UtredningExtension.id).where(UtredningExtension.utredning_id == U.id).exists()
        cols = [_gender(), case((opened, 1), else_=0), case((closed, 1), else_=0), case((open_end, 1), else_=0),
                case((closed, func.coalesce(U.closing_outcome, "okand"))),
                case((closed, self.sql.days(U.closed_on, U.opened_on))),
                case((closed, case((self.sql.within(rule, U.opened_on, U.closed_on), 1), else_=0))),
                case((and_(closed, has_ext), 1), else_=0)]
        q = (select(*cols, func.count()).select_from(U).join(Case, Case.id == U.case_id)
             .join(Person, Person.id == Case.person_id)
             .where(*self._case_scope(), or_(opened, closed, open_end)).group_by(*cols))
        g_opened: dict[str | None, int] = defaultdict(int)
        g_closed: dict[str | None, int] = defaultdict(int)
        outcomes: dict[str, int] = defaultdict(int)
        hist: dict[int, int] = defaultdict(int)
        n_open = within = extended = 0
        for gender, is_opened, is_closed, is_open, outcome, days, ok, ext, n in self.s.execute(q):
            g_opened[gender] += n if is_opened else 0
            n_open += n if is_open else 0
            if is_closed:
                g_closed[gender] += n
                outcomes[outcome] += n
                hist[int(days)] += n
                within += n if ok else 0
                extended += n if ext else 0
        by_outcome = [Row(c, label, outcomes.get(c, 0)) for c, label in UT_OUTCOME_LABELS.items()]
        by_outcome += [Row(c, "Utfall saknas" if c == "okand" else c, n) for c, n in outcomes.items()
                       if c not in UT_OUTCOME_LABELS]
        ext_decisions = self.s.scalar(
            select(func.count()).select_from(UtredningExtension).join(U, U.id == UtredningExtension.utredning_id)
            .join(Case, Case.id == U.case_id)
            .where(*self._case_scope(), _between(UtredningExtension.decided_on, p.start, p.end))) or 0
        return UtredningStats(GenderCount.of(g_opened), GenderCount.of(g_closed), tuple(by_outcome),
                              _summary(hist, within), _limit_label(rule), extended, ext_decisions, n_open)

    # --- beslut ---
    def beslut(self) -> DecisionStats:
        s, D = self.s, Decision
        scope = self._decision_scope()
        route = case((D.urgent.is_(True), "ordforande"), (D.delegated.is_(True), "delegation"), else_="utskott")
        titles: dict[str, str] = {}
        templates: dict[str, int] = defaultdict(int)
        levels: dict[str | None, int] = defaultdict(int)
        routes: dict[str, int] = defaultdict(int)
        for tid, title, level, rt, n in s.execute(
                select(D.template_id, func.max(D.title), D.decider_level, route, func.count()).where(*scope)
                .group_by(D.template_id, D.decider_level, route)):
            titles[tid] = title
            templates[tid] += n
            levels[level] += n
            routes[rt] += n
        by_template = [Row(t, titles[t], n) for t, n in sorted(templates.items(), key=lambda x: (-x[1], x[0]))]
        by_level = [Row(lv or "okand", st.level_label(lv), n)
                    for lv, n in sorted(levels.items(), key=lambda x: (-x[1], x[0] or ""))]
        by_route = [Row(c, label, routes.get(c, 0)) for c, label in ROUTE_LABELS.items()]
        r = self.sql.json_elements(D.lagrum, "lagrum")
        n_decisions = func.count(distinct(D.id))
        by_lagrum = [Row(v, v, n) for v, n in s.execute(
            select(r.c.value, n_decisions).select_from(D).join(r, true()).where(*scope)
            .group_by(r.c.value).order_by(n_decisions.desc(), r.c.value))]
        return DecisionStats(sum(templates.values()), tuple(by_template), tuple(by_lagrum), tuple(by_level),
                             tuple(by_route))

    # --- insatser ---
    def _ongoing(self, on_from: date, on_to: date):
        return and_(Insats.start_on <= on_to, or_(Insats.end_on.is_(None), Insats.end_on >= on_from))

    def _placement(self):
        return or_(Insats.kind.in_(st.PLACEMENT_KINDS), Insats.legal_basis.in_(("LVU", "LVM")))

    def _care_days(self):
        sql, p, I = self.sql, self.p, Insats
        last = sql.least(func.coalesce(I.end_on, p.end), p.end)
        first = sql.greatest(I.start_on, p.start)
        valid = and_(self._ongoing(p.start, p.end), or_(I.end_on.is_(None), I.end_on >= I.start_on))
        return case((valid, sql.days(last, first) + 1), else_=0)

    def insatser(self) -> InsatsStats:
        s, I, p = self.s, Insats, self.p
        started = _between(I.start_on, p.start, p.end)
        ended = _between(I.end_on, p.start, p.end)
        ongoing = self._ongoing(p.start, p.end)
        q = (select(I.kind, I.legal_basis, func.sum(case((started, 1), else_=0)),
                    func.sum(case((ended, 1), else_=0)), func.sum(case((ongoing, 1), else_=0)),
                    func.count(distinct(case((ongoing, I.person_id)))),
                    func.sum(case((self._placement(), self._care_days()), else_=0)),
                    func.max(case((self._placement(), 1), else_=0)))
             .select_from(I).join(Case, Case.id == I.case_id)
             .where(*self._case_scope(), or_(started, ended, ongoing))
             .group_by(I.kind, I.legal_basis).order_by(I.legal_basis, I.kind))
        rows = tuple(InsatsRow(kind, st.insats_label(kind), basis, int(a or 0), int(b or 0), int(c or 0), int(d),
                               int(days or 0) if placement else None)
                     for kind, basis, a, b, c, d, days, placement in s.execute(q))
        during, at_end = self._placed(self._placement())
        return InsatsStats(rows, during, at_end)

    def _persons_0_20(self):
        return and_(_birth_year() >= self.p.end.year - 20, _birth_year() <= self.p.end.year)

    def _placed(self, placement) -> tuple[GenderCount, GenderCount]:
        """Children 0–20 in placement some day of the period, and on its last day, by gender."""
        gender = _gender()
        at_end = self._ongoing(self.p.end, self.p.end)
        q = (select(gender, func.count(distinct(Insats.person_id)),
                    func.count(distinct(case((at_end, Insats.person_id))))).select_from(Insats)
             .join(Case, Case.id == Insats.case_id).join(Person, Person.id == Insats.person_id)
             .where(*self._case_scope(), placement, self._ongoing(self.p.start, self.p.end), self._persons_0_20())
             .group_by(gender))
        rows = self.s.execute(q).all()
        return GenderCount.of({g: n for g, n, _ in rows}), GenderCount.of({g: n for g, _, n in rows})

    # --- LVU och LVM ---
    def laws(self) -> tuple[LawStats, LawStats]:
        s, D, p = self.s, Decision, self.p
        r = self.sql.json_elements(D.lagrum, "lag")
        law_of = case((r.c.value.like("%§ LVU"), "LVU"), (r.c.value.like("%§ LVM"), "LVM"), else_=None)
        marked = (select(D.id.label("id"), law_of.label("law")).select_from(D).join(r, true())
                  .where(*self._decision_scope(), law_of.is_not(None)).distinct().subquery())
        q = (select(marked.c.law, D.template_id, func.max(D.title), func.count(),
                    func.sum(case((D.urgent.is_(True), 1), else_=0)))
             .select_from(marked).join(D, D.id == marked.c.id)
             .group_by(marked.c.law, D.template_id).order_by(marked.c.law, func.count().desc(), D.template_id))
        templates: dict[str, list[LawTemplateRow]] = defaultdict(list)
        for law, tid, title, n, urgent in s.execute(q):
            templates[law].append(LawTemplateRow(tid, title, n, int(urgent or 0)))

        band, gender = _age_band(p.end.year), _gender()
        at_end = self._ongoing(p.end, p.end)
        q = (select(Insats.legal_basis, band, gender, func.count(distinct(Insats.person_id)),
                    func.count(distinct(case((at_end, Insats.person_id)))))
             .select_from(Insats).join(Case, Case.id == Insats.case_id).join(Person, Person.id == Insats.person_id)
             .where(*self._case_scope(), Insats.legal_basis.in_(("LVU", "LVM")), self._ongoing(p.start, p.end))
             .group_by(Insats.legal_basis, band, gender))
        persons: dict[str, dict[tuple[str, str | None], int]] = defaultdict(lambda: defaultdict(int))
        ending: dict[str, int] = defaultdict(int)
        for law, band_code, g, n, n_end in s.execute(q):
            persons[law][(band_code, g)] += n
            ending[law] += n_end  # each person has one band and gender: the groups add up
        out = []
        for law in ("LVU", "LVM"):
            rows = templates.get(law, [])
            genders: dict[str | None, int] = defaultdict(int)
            for (_, g), n in persons[law].items():
                genders[g] += n
            out.append(LawStats(law, sum(x.decisions for x in rows), sum(x.urgent for x in rows), tuple(rows),
                                GenderCount.of(genders), _age_gender_rows(persons[law]), ending[law]))
        return out[0], out[1]

    # --- tidsbevakning ---
    def tidsbevakning(self) -> tuple[DeadlineRow, ...]:
        Dl, today = Deadline, self.ctx.today()
        kept = and_(Dl.met_on.is_not(None), Dl.met_on <= Dl.due_on)
        missed = or_(Dl.met_on > Dl.due_on, and_(Dl.met_on.is_(None), Dl.due_on < today))
        pending = and_(Dl.met_on.is_(None), Dl.due_on >= today)
        cond = [Dl.municipality_id == self.mid, _between(Dl.due_on, self.p.start, self.p.end)]
        if self.unit_id is not None:
            cond.append(Dl.unit_id == self.unit_id)
        q = (select(Unit.name, Dl.kind, func.count(), func.sum(case((kept, 1), else_=0)),
                    func.sum(case((missed, 1), else_=0)), func.sum(case((pending, 1), else_=0)))
             .select_from(Dl).join(Unit, Unit.id == Dl.unit_id).where(*cond)
             .group_by(Unit.name, Dl.kind).order_by(Unit.name, Dl.kind))
        titles = {k: r.title for k, r in self.rules.items()}
        return tuple(DeadlineRow(unit, kind, titles.get(kind, kind), n, int(k or 0), int(m or 0), int(pe or 0))
                     for unit, kind, n, k, m, pe in self.s.execute(q))

    def kolada_values(self) -> dict[str, dict[str, int | None]]:
        placed, _ = self._placed(Insats.kind.in_(("hvb", "familjehem")))
        q = (select(Insats.kind, func.sum(self._care_days())).select_from(Insats)
             .join(Case, Case.id == Insats.case_id).join(Person, Person.id == Insats.person_id)
             .where(*self._case_scope(), Insats.kind.in_(("hvb", "familjehem")),
                    self._ongoing(self.p.start, self.p.end), self._persons_0_20())
             .group_by(Insats.kind))
        days = {kind: int(n or 0) for kind, n in self.s.execute(q)}
        return {
            "placerade_hvb_familjehem_0_20": {"T": placed.total, "K": placed.k, "M": placed.m},
            "varddygn_hvb_0_20": {"T": days.get("hvb", 0)},
            "varddygn_familjehem_0_20": {"T": days.get("familjehem", 0)},
        }


def _summary(hist: dict[int, int], within: int) -> DaysSummary:
    return DaysSummary(sum(hist.values()), within, st.median_from_counts(hist), st.mean_from_counts(hist))


def _limit_label(rule: deadline_rules.DeadlineRule) -> str:
    if rule.kind == "days":
        return f"{rule.amount} dagar"
    if rule.kind == "months":
        return f"{rule.amount} månader"
    return rule.title.lower()



@access.requires("statistics.read")
def compute_statistics(ctx: ServiceContext, period: st.Period, unit_id: uuid.UUID | None = None,
                       progress: Progress | None = None) -> StatisticsReport:
    """Every figure of the workbook for the period (and unit). Reads aggregates only."""
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, TOTAL_STEPS, STEPS[done - 1])

    with ctx.db.session() as s:
        m = _municipality(s, ctx)
        unit = _unit(s, ctx, unit_id)
        c = _Counter(s, ctx, period, unit_id)
        anm = c.anmalningar(); step()
        fb = c.forhandsbedomningar(); step()
        ut = c.utredningar(); step()
        beslut = c.beslut(); step()
        ins = c.insatser(); step()
        lvu, lvm = c.laws(); step()
        tid = c.tidsbevakning(); step()
        oppenvard = followup.oppenvard(c)
        aterakt, window = followup.aterakt(c)
        kolada = c.kolada_values(); step()
        return StatisticsReport(m.code, m.name, unit.name if unit else None, period, ctx.now(), ctx.today(),
                                anm, fb, ut, beslut, ins, lvu, lvm, tid, kolada, oppenvard, aterakt, window)


@access.requires("statistics.read")
def export_workbook(ctx: ServiceContext, period: st.Period, path: Path, *, unit_id: uuid.UUID | None = None,
                    suppress: int = 0, progress: Progress | None = None) -> WorkbookExport:
    """The statistics workbook as an .xlsx file, with one audit row for the export."""
    from ifodesk.documents.excel import write_workbook

    if suppress < 0:
        raise ValidationError("Gränsen för små tal kan inte vara negativ.", "suppress")
    path = _check_output(Path(path), ".xlsx")
    t0 = _time.perf_counter()
    report = compute_statistics(ctx, period, unit_id, progress)

    def log() -> None:
        # Its own short transaction: a read transaction held while writing the workbook would
        # not carry the audit row, and a write one would block caseworkers on SQLite.
        with ctx.db.session(write=True) as s:
            audit.record(s, ctx, "export", "statistik", None,
                         detail=f"Statistikarbetsbok {period.label} ({period.start}–{period.end}), "
                                f"enhet: {report.unit_name or 'alla'}, gräns för små tal: {suppress}, "
                                f"fil: {path.name}")

    _write_atomically(path, lambda tmp: write_workbook(report, tmp, suppress=suppress), log)
    if progress:
        progress(TOTAL_STEPS, TOTAL_STEPS, "klar")
    return WorkbookExport(path, report, _time.perf_counter() - t0)

