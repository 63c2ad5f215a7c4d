"""The statistics workbook's figures as plain data: the services fill it, documents/excel.py
writes it. No database here, so the workbook writer needs nothing from the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from . import statistics_base as sb
from . import statistics_kolada as sk
from .statistics_base import Period


# --- Plain results ----------------------------------------------------------------------------

@dataclass(frozen=True)
class GenderCount:
    total: int
    k: int
    m: int
    unknown: int

    def get(self, gender: str) -> int:
        return {"T": self.total, "K": self.k, "M": self.m}[gender]

    @staticmethod
    def of(counts: dict[str | None, int]) -> GenderCount:
        k, m = counts.get("K", 0), counts.get("M", 0)
        unknown = sum(v for g, v in counts.items() if g not in ("K", "M"))
        return GenderCount(k + m + unknown, k, m, unknown)


@dataclass(frozen=True)
class Row:
    code: str
    label: str
    count: int


@dataclass(frozen=True)
class AgeGenderRow:
    band: str
    label: str
    k: int
    m: int
    unknown: int

    @property
    def total(self) -> int:
        return self.k + self.m + self.unknown


@dataclass(frozen=True)
class DaysSummary:
    """Days from start to decision/closing: count, how many within the legal time, median, mean."""

    n: int
    within: int
    median: float | None
    mean: float | None

    @property
    def share_within(self) -> float | None:
        return sb.share(self.within, self.n)


@dataclass(frozen=True)
class AnmalanStats:
    reports: int
    child_reports: GenderCount
    unique_children: int
    by_reporter: tuple[Row, ...]
    by_reason: tuple[Row, ...]
    by_reason_group: tuple[Row, ...]
    by_age_gender: tuple[AgeGenderRow, ...]
    per_month: tuple[Row, ...]


@dataclass(frozen=True)
class ForhandsStats:
    decided: int
    by_outcome: tuple[Row, ...]
    days: DaysSummary
    limit_label: str
    synnerliga_skal: int
    started: int
    open_at_end: int


@dataclass(frozen=True)
class UtredningStats:
    opened: GenderCount
    closed: GenderCount
    by_outcome: tuple[Row, ...]
    days: DaysSummary
    limit_label: str
    extended: int
    extension_decisions: int
    open_at_end: int


@dataclass(frozen=True)
class DecisionStats:
    total: int
    by_template: tuple[Row, ...]
    by_lagrum: tuple[Row, ...]
    by_level: tuple[Row, ...]
    by_route: tuple[Row, ...]


@dataclass(frozen=True)
class InsatsRow:
    kind: str
    label: str
    legal_basis: str
    started: int
    ended: int
    ongoing: int
    persons: int
    care_days: int | None  # None: not a placement


@dataclass(frozen=True)
class InsatsStats:
    rows: tuple[InsatsRow, ...]
    placed_children: GenderCount  # 0–20, any day in the period
    placed_at_end: GenderCount  # 0–20, on the period's last day


@dataclass(frozen=True)
class LawTemplateRow:
    template_id: str
    title: str
    decisions: int
    urgent: int


@dataclass(frozen=True)
class LawStats:
    law: str  # LVU | LVM
    decisions: int
    urgent: int
    by_template: tuple[LawTemplateRow, ...]
    persons: GenderCount
    persons_by_age: tuple[AgeGenderRow, ...]
    persons_at_end: int


@dataclass(frozen=True)
class DeadlineRow:
    unit: str
    kind: str
    title: str
    due: int
    kept: int
    missed: int
    pending: int

    @property
    def share_kept(self) -> float | None:
        return sb.share(self.kept, self.kept + self.missed)


@dataclass(frozen=True)
class KeyFigure:
    measure_id: str
    label: str
    value: int | float | None
    unit: str  # antal | andel | dagar
    base: int  # how many cases the figure rests on (for suppression of shares and medians)
    # The workbook cell the figure repeats (a count) or whose share it is (numerator, denominator):
    # the suppression plan then hides it wherever it hides the original.
    cell: tuple | None = None
    base_cell: tuple | None = None


@dataclass(frozen=True)
class ReactualisationRow:
    """RKA Kvalitet i IFO: children whose utredning closed or insats ended in the base year, and
    how many of them were not re-actualised (no new anmälan or utredning) within a year."""

    band: str  # 0-12 | 13-20
    label: str
    base: int
    not_reactualised: int


@dataclass(frozen=True)
class StatisticsReport:
    municipality_code: str
    municipality_name: str
    unit_name: str | None
    period: Period
    generated_at: datetime
    as_of: date
    anmalningar: AnmalanStats
    forhandsbedomningar: ForhandsStats
    utredningar: UtredningStats
    beslut: DecisionStats
    insatser: InsatsStats
    lvu: LawStats
    lvm: LawStats
    tidsbevakning: tuple[DeadlineRow, ...]
    kolada_values: dict[str, dict[str, int | None]]
    oppenvard: tuple[Row, ...] = ()  # children 0–20 per öppenvård category (Socialstyrelsen's split)
    aterakt: tuple[ReactualisationRow, ...] = ()
    aterakt_window: tuple[date, date] | None = None  # the base year: closings in these dates

    def key_figures(self) -> list[KeyFigure]:
        a, f, u = self.anmalningar, self.forhandsbedomningar, self.utredningar
        kept = sum(r.kept for r in self.tidsbevakning)
        judged = kept + sum(r.missed for r in self.tidsbevakning)
        K = KeyFigure
        started = sum(r.started for r in self.insatser.rows)
        return [
            K("anm_antal", "Anmälningar", a.reports, "antal", a.reports, ("anm", "reports")),
            K("anm_barn", "Anmälningar räknade per barn", a.child_reports.total, "antal", a.child_reports.total,
              ("anm", "child")),
            K("anm_unika_barn", "Unika barn i anmälningar", a.unique_children, "antal", a.unique_children,
              ("anm", "unique")),
            K("fb_beslutade", "Beslutade förhandsbedömningar", f.decided, "antal", f.decided, ("fb", "decided")),
            K("fb_inom_frist", f"Förhandsbedömningar inom {f.limit_label}", f.days.share_within, "andel", f.days.n,
              ("fb", "within"), ("fb", "decided")),
            K("fb_median", "Förhandsbedömning, median dagar", f.days.median, "dagar", f.days.n),
            K("ut_inledda", "Inledda utredningar", u.opened.total, "antal", u.opened.total, ("ut", "opened", "T")),
            K("ut_avslutade", "Avslutade utredningar", u.closed.total, "antal", u.closed.total, ("ut", "closed", "T")),
            K("ut_median", "Utredningstid, median dagar", u.days.median, "dagar", u.days.n),
            K("ut_medel", "Utredningstid, medelvärde dagar", u.days.mean, "dagar", u.days.n),
            K("ut_inom_frist", f"Utredningar inom {u.limit_label}", u.days.share_within, "andel", u.days.n,
              ("ut", "within"), ("ut", "closed", "T")),
            K("ut_forlangda", "Avslutade utredningar som förlängts", u.extended, "antal", u.extended,
              ("ut", "extended")),
            K("besl_antal", "Fattade beslut", self.beslut.total, "antal", self.beslut.total, ("besl", "total")),
            K("ins_paborjade", "Påbörjade insatser", started, "antal", started, ("ins", "started")),
            K("ins_placerade_barn", "Barn 0–20 år i placering", self.insatser.placed_children.total,
              "antal", self.insatser.placed_children.total, ("ins", "placed", "during", "T")),
            K("lag_personer", "Personer med vård enligt LVU", self.lvu.persons.total, "antal",
              self.lvu.persons.total, ("lag", "LVU", "persons")),
            K("lag_personer", "Personer med vård enligt LVM", self.lvm.persons.total, "antal",
              self.lvm.persons.total, ("lag", "LVM", "persons")),
            K("tid_andel_hallna", "Hållna tidsfrister", sb.share(kept, judged), "andel", judged,
              ("tid", "kept"), ("tid", "judged")),
        ]

    def kolada_rows(self, threshold: int = 0) -> list[sk.KoladaRow]:
        return sk.kolada_rows(sk.load_kolada(), self.municipality_code, self.period.kolada_period,
                              self.kolada_values, threshold)

