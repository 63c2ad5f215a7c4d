"""Statistics definitions: measures, periods, age bands, gender, suppression, Kolada rows, the
Socialstyrelsen register structure and its validation rules.

Pure Python. The services count with database aggregates following these definitions; the
workbook's Definitioner sheet is written from ``MEASURES`` so what is counted and what is
described cannot drift apart.
"""

from __future__ import annotations

import calendar
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from ifodesk.resources import resource_path

from .digits import FOREIGN_DIGITS_HINT, has_foreign_digits

__all__ = [
    "AGE_BANDS", "AgeBand", "age_band", "age_reached",
    "gender_from_personnummer", "GENDERS", "GENDER_LABELS",
    "Period", "PeriodError", "parse_date", "parse_period", "period_from_dates", "year_period",
    "SUPPRESSED", "MISSING", "NOT_APPLICABLE", "suppress", "suppress_share", "suppress_stat",
    "median", "mean", "median_from_counts", "mean_from_counts", "share",
    "Measure", "MEASURES", "measure",
    "PLACEMENT_KINDS", "INSATS_LABELS", "insats_label", "LEVEL_LABELS", "level_label",
    "KoladaKpi", "KoladaRow", "KoladaConfigError", "load_kolada", "kolada_rows",
    "RegisterPlacement", "RegisterInsats", "RegisterChild", "RegisterIssue", "ValidationReport",
    "validate_register", "temporary_id", "in_register_scope", "ISSUE_LABELS",
]


# --- Periods --------------------------------------------------------------------------------

class PeriodError(ValueError):
    """A bad date or period; the message is Swedish and says what to write instead."""


_HALF_LABELS = {1: "första halvåret", 2: "andra halvåret"}
_MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december")


@dataclass(frozen=True)
class Period:
    """A closed range of calendar dates (Swedish dates), with a label for headings."""

    start: date
    end: date  # inclusive
    label: str
    kind: str = "datum"  # ar | halvar | kvartal | manad | datum

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(
                f"Perioden är omvänd: från {self.start.isoformat()} ligger efter till "
                f"{self.end.isoformat()}. Byt plats på datumen.")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, d: date | None) -> bool:
        return d is not None and self.start <= d <= self.end

    def year_segments(self) -> list[tuple[int, date, date]]:
        """(year, first, last) for each calendar year the period touches: age is counted per year."""
        return [(y, max(self.start, date(y, 1, 1)), min(self.end, date(y, 12, 31)))
                for y in range(self.start.year, self.end.year + 1)]

    def month_segments(self) -> list[tuple[str, date, date]]:
        """(label, first, last) per calendar month, clipped to the period."""
        out = []
        y, m = self.start.year, self.start.month
        while date(y, m, 1) <= self.end:
            last = date(y, m, calendar.monthrange(y, m)[1])
            out.append((f"{y}-{m:02d}", max(self.start, date(y, m, 1)), min(self.end, last)))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    @property
    def kolada_period(self) -> str:
        """Kolada reports whole years; other periods are labelled as they are."""
        return str(self.start.year) if self.kind == "ar" else self.label


def year_period(year: int) -> Period:
    _check_year(year)
    return Period(date(year, 1, 1), date(year, 12, 31), str(year), "ar")


def _check_year(year: int) -> None:
    if not 1900 <= year <= 2999:
        raise PeriodError(f"Året {year} är orimligt. Ange ett år med fyra siffror, t.ex. 2026.")


def parse_date(text: str, what: str = "datum") -> date:
    """ÅÅÅÅ-MM-DD (also ÅÅÅÅMMDD), with a Swedish error naming the field."""
    raw = (text or "").strip()
    if has_foreign_digits(raw):
        raise PeriodError(f"Ogiltigt {what} ”{raw}”: {FOREIGN_DIGITS_HINT}.")
    m = re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})", raw)
    if not m:
        raise PeriodError(f"Ogiltigt {what} ”{raw}”: skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-03-31.")
    y, mo, d = (int(g) for g in m.groups())
    try:
        result = date(y, mo, d)
    except ValueError:
        raise PeriodError(f"Ogiltigt {what} ”{raw}”: det datumet finns inte i kalendern.") from None
    _check_year(y)
    return result


def parse_period(text: str) -> Period:
    """2026 | 2026H1 | 2026Q3 (or 2026K3) | 2026-03 | 2026-01-01..2026-06-30."""
    raw = (text or "").strip()
    if has_foreign_digits(raw):
        raise PeriodError(f"Ogiltig period ”{raw}”: {FOREIGN_DIGITS_HINT}.")
    up = raw.upper()
    if m := re.fullmatch(r"(\d{4})", up):
        return year_period(int(m[1]))
    if m := re.fullmatch(r"(\d{4})-?H([12])", up):
        y, h = int(m[1]), int(m[2])
        _check_year(y)
        return Period(date(y, 1 if h == 1 else 7, 1), date(y, 6 if h == 1 else 12, 30 if h == 1 else 31),
                      f"{y} {_HALF_LABELS[h]}", "halvar")
    if m := re.fullmatch(r"(\d{4})-?[QK]([1-4])", up):
        y, q = int(m[1]), int(m[2])
        _check_year(y)
        first = date(y, 3 * q - 2, 1)
        last = date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
        return Period(first, last, f"{y} kvartal {q}", "kvartal")
    if m := re.fullmatch(r"(\d{4})-(\d{2})", up):
        y, mo = int(m[1]), int(m[2])
        _check_year(y)
        if not 1 <= mo <= 12:
            raise PeriodError(f"Ogiltig månad ”{raw}”: månaden ska vara 01–12.")
        return Period(date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]),
                      f"{_MONTHS[mo - 1]} {y}", "manad")
    if m := re.fullmatch(r"(.+?)\s*(?:\.\.|/|–)\s*(.+)", raw):
        return period_from_dates(parse_date(m[1], "från-datum"), parse_date(m[2], "till-datum"))
    raise PeriodError(
        f"Ogiltig period ”{raw}”. Skriv ett år (2026), ett halvår (2026H1), ett kvartal (2026Q3), "
        "en månad (2026-03) eller två datum (2026-01-01..2026-06-30).")


def period_from_dates(start: date, end: date) -> Period:
    """Any dates; labelled as a year, half-year, quarter or month when it is exactly one."""
    if end < start:
        raise PeriodError(
            f"Perioden är omvänd: från-datum {start.isoformat()} ligger efter till-datum "
            f"{end.isoformat()}. Byt plats på datumen.")
    y = start.year
    for candidate in (f"{y}", f"{y}H1", f"{y}H2", *(f"{y}Q{q}" for q in range(1, 5)),
                      f"{y}-{start.month:02d}"):
        p = parse_period(candidate)
        if (p.start, p.end) == (start, end):
            return p
    return Period(start, end, f"{start.isoformat()} – {end.isoformat()}", "datum")


# --- Age and gender -------------------------------------------------------------------------

@dataclass(frozen=True)
class AgeBand:
    code: str
    label: str
    low: int
    high: int | None  # inclusive; None = no upper bound


AGE_BANDS = (
    AgeBand("0-12", "0–12 år", 0, 12),
    AgeBand("13-17", "13–17 år", 13, 17),
    AgeBand("18-20", "18–20 år", 18, 20),
    AgeBand("21+", "21 år och äldre", 21, None),
)
UNKNOWN_AGE = AgeBand("okand", "Okänd ålder", -1, -1)


def age_reached(birth_year: int | None, year: int) -> int | None:
    """The age reached during the calendar year (Socialstyrelsen's rule); None if unknown."""
    if birth_year is None or year < birth_year:
        return None
    return year - birth_year


def age_band(age: int | None) -> AgeBand:
    if age is None or age < 0:
        return UNKNOWN_AGE
    for band in AGE_BANDS:
        if band.high is None or age <= band.high:
            return band
    return UNKNOWN_AGE  # unreachable: the last band is open


GENDERS = ("K", "M")
GENDER_LABELS = {"T": "Totalt", "K": "Flickor/kvinnor", "M": "Pojkar/män", None: "Okänt kön"}


def gender_from_personnummer(pnr: str | None, recorded: str | None = None) -> str | None:
    """K or M from the next-to-last digit (even = K); else the recorded legal gender; else None."""
    if pnr and len(pnr) == 12 and pnr.isdigit():
        return "K" if int(pnr[10]) % 2 == 0 else "M"
    return recorded if recorded in GENDERS else None


# --- Suppression and summary numbers ------------------------------------------------------

SUPPRESSED = ".."  # Kolada: sekretess
MISSING = "-"  # Kolada: bortfall
NOT_APPLICABLE = "."  # Kolada: ej tillämplig


def suppress(value: int | None, threshold: int) -> int | str:
    """A count below the threshold (but above zero) becomes '..'; zero stays zero."""
    if value is None:
        return MISSING
    if threshold > 1 and 0 < value < threshold:
        return SUPPRESSED
    return value


def suppress_share(numerator: int, denominator: int, threshold: int) -> float | str:
    """A share is hidden when its base, or the part it reveals, is a small cell."""
    if denominator == 0:
        return NOT_APPLICABLE
    if threshold > 1 and (denominator < threshold or 0 < numerator < threshold
                          or 0 < denominator - numerator < threshold):
        return SUPPRESSED
    return numerator / denominator


def suppress_stat(value: float | None, n: int, threshold: int) -> float | str:
    """A median or mean over fewer cases than the threshold is hidden."""
    if value is None or n == 0:
        return NOT_APPLICABLE
    if threshold > 1 and n < threshold:
        return SUPPRESSED
    return value


def share(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def median(values: Iterable[float]) -> float | None:
    xs = sorted(values)
    if not xs:
        return None
    mid = len(xs) // 2
    return float(xs[mid]) if len(xs) % 2 else (xs[mid - 1] + xs[mid]) / 2


def mean(values: Iterable[float]) -> float | None:
    xs = list(values)
    return sum(xs) / len(xs) if xs else None


def median_from_counts(counts: Mapping[int, int]) -> float | None:
    """Median of a histogram {value: how many}: the database groups, Python picks the middle."""
    n = sum(counts.values())
    if n == 0:
        return None

    def nth(k: int) -> int:  # k-th smallest, 0-based
        seen = 0
        for value in sorted(counts):
            seen += counts[value]
            if seen > k:
                return value
        raise IndexError(k)

    return float(nth(n // 2)) if n % 2 else (nth(n // 2 - 1) + nth(n // 2)) / 2


def mean_from_counts(counts: Mapping[int, int]) -> float | None:
    n = sum(counts.values())
    return sum(v * c for v, c in counts.items()) / n if n else None


# --- Measures -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Measure:
    """One figure in the workbook: how it is counted, so anyone can reproduce it."""

    id: str
    name: str
    sheet: str
    counts: str  # what is counted (Swedish)
    period_rule: str  # which rows fall in the period (Swedish)
    unit: str  # antal | andel | dagar
    breakdown: str = ""  # gender and age rule, where used


_AGE_RULE = ("Ålder = uppnådd ålder under kalenderåret (händelsens år minus födelseåret). "
             "Kön enligt personnumrets näst sista siffra (jämn = flicka/kvinna); utan personnummer "
             "registrerat kön, annars ”Okänt kön”.")
_GENDER_RULE = ("Kön enligt personnumrets näst sista siffra (jämn = flicka/kvinna); utan personnummer "
                "registrerat kön, annars ”Okänt kön”.")
_PERSON_AGE_RULE = ("Ålder = uppnådd ålder under periodens sista kalenderår. Kön enligt "
                    "personnumrets näst sista siffra; utan personnummer registrerat kön.")

MEASURES: tuple[Measure, ...] = (
    Measure("anm_antal", "Anmälningar", "Anmälningar",
            "Inkomna anmälningar (en anmälan räknas en gång även om den gäller flera barn).",
            "Mottagningstiden (svensk tid) ligger i perioden.", "antal"),
    Measure("anm_barn", "Anmälningar räknade per barn", "Anmälningar",
            "Barn i inkomna anmälningar: en anmälan om två syskon räknas två gånger. Varje barn "
            "får en egen förhandsbedömning.", "Mottagningstiden ligger i perioden.", "antal",
            _AGE_RULE),
    Measure("anm_unika_barn", "Unika barn", "Anmälningar",
            "Olika barn som någon anmälan i perioden gällde.", "Mottagningstiden ligger i perioden.",
            "antal"),
    Measure("anm_anmalare", "Anmälningar per anmälarkategori", "Anmälningar",
            "Anmälningar per anmälarens kategori (kategorilistan i resources/categories.toml).",
            "Mottagningstiden ligger i perioden.", "antal"),
    Measure("anm_anledning", "Anmälningar per anledning", "Anmälningar",
            "Anmälningar som anger anledningen. En anmälan kan ange flera anledningar, så "
            "summan kan bli större än antalet anmälningar.", "Mottagningstiden ligger i perioden.",
            "antal"),
    Measure("anm_anledning_grupp", "Anmälningar per huvudgrupp av anledning", "Anmälningar",
            "Anmälningar som anger minst en anledning i gruppen (Socialstyrelsens huvudnivå).",
            "Mottagningstiden ligger i perioden.", "antal"),
    Measure("anm_alder_kon", "Anmälningar räknade per barn efter ålder och kön", "Anmälningar",
            "Som ”Anmälningar räknade per barn”, fördelat på åldersgrupp och kön.",
            "Mottagningstiden ligger i perioden.", "antal", _AGE_RULE),
    Measure("anm_manad", "Anmälningar per månad", "Sammanfattning",
            "Inkomna anmälningar per kalendermånad.", "Mottagningstiden ligger i månaden.", "antal"),
    Measure("fb_beslutade", "Beslutade förhandsbedömningar", "Förhandsbedömningar",
            "Förhandsbedömningar (en per barn och anmälan) med beslut om att inleda, inte inleda "
            "eller att utredning redan pågår.", "Beslutsdatum ligger i perioden.", "antal"),
    Measure("fb_utfall", "Förhandsbedömningar per utfall", "Förhandsbedömningar",
            "Beslutade förhandsbedömningar per utfall.", "Beslutsdatum ligger i perioden.", "antal"),
    Measure("fb_inom_frist", "Andel förhandsbedömningar inom 14 dagar", "Förhandsbedömningar",
            "Andel beslutade förhandsbedömningar där beslutet fattades senast fristens sista dag "
            "(mottagningsdagen + 14 dagar enligt fristregeln i resources/deadlines.toml).",
            "Beslutsdatum ligger i perioden.", "andel"),
    Measure("fb_median", "Median antal dagar till beslut", "Förhandsbedömningar",
            "Median av dagar från mottagningsdag till beslutsdag.", "Beslutsdatum ligger i perioden.",
            "dagar"),
    Measure("fb_medel", "Medelvärde antal dagar till beslut", "Förhandsbedömningar",
            "Medelvärde av dagar från mottagningsdag till beslutsdag.",
            "Beslutsdatum ligger i perioden.", "dagar"),
    Measure("fb_synnerliga", "Förhandsbedömningar med synnerliga skäl", "Förhandsbedömningar",
            "Beslutade förhandsbedömningar där synnerliga skäl för längre tid dokumenterats.",
            "Beslutsdatum ligger i perioden.", "antal"),
    Measure("fb_inledda", "Påbörjade förhandsbedömningar", "Förhandsbedömningar",
            "Förhandsbedömningar som påbörjades (anmälan kom in).", "Startdatum ligger i perioden.",
            "antal"),
    Measure("fb_pagaende_slut", "Pågående förhandsbedömningar vid periodens slut",
            "Förhandsbedömningar", "Påbörjade senast periodens sista dag och inte beslutade då.",
            "Läget periodens sista dag.", "antal"),
    Measure("ut_inledda", "Inledda utredningar", "Utredningar", "Utredningar som inleddes.",
            "Startdatum ligger i perioden.", "antal", _GENDER_RULE),
    Measure("ut_avslutade", "Avslutade utredningar", "Utredningar", "Utredningar som avslutades.",
            "Avslutsdatum ligger i perioden.", "antal", _GENDER_RULE),
    Measure("ut_utfall", "Avslutade utredningar per utfall", "Utredningar",
            "Avslutade utredningar per utfall (insats, utan insats, ansökan enligt LVU …).",
            "Avslutsdatum ligger i perioden.", "antal"),
    Measure("ut_median", "Median utredningstid (dagar)", "Utredningar",
            "Median av dagar från start till avslut för avslutade utredningar.",
            "Avslutsdatum ligger i perioden.", "dagar"),
    Measure("ut_medel", "Medelvärde utredningstid (dagar)", "Utredningar",
            "Medelvärde av dagar från start till avslut för avslutade utredningar.",
            "Avslutsdatum ligger i perioden.", "dagar"),
    Measure("ut_inom_frist", "Andel utredningar inom 4 månader", "Utredningar",
            "Andel avslutade utredningar som avslutades senast startdagen + 4 kalendermånader "
            "(fristregeln i resources/deadlines.toml; förlängning räknas inte som inom fristen).",
            "Avslutsdatum ligger i perioden.", "andel"),
    Measure("ut_forlangda", "Avslutade utredningar som förlängts", "Utredningar",
            "Avslutade utredningar med minst ett beslut om förlängd utredningstid.",
            "Avslutsdatum ligger i perioden.", "antal"),
    Measure("ut_forlangningsbeslut", "Beslut om förlängd utredningstid", "Utredningar",
            "Beslut om förlängning (särskilda skäl).", "Beslutsdatum ligger i perioden.", "antal"),
    Measure("ut_pagaende_slut", "Pågående utredningar vid periodens slut", "Utredningar",
            "Inledda senast periodens sista dag och inte avslutade då.", "Läget periodens sista dag.",
            "antal"),
    Measure("besl_antal", "Fattade beslut", "Beslut", "Beslut med status beslutad.",
            "Beslutsdatum ligger i perioden.", "antal"),
    Measure("besl_mall", "Beslut per beslutsmall", "Beslut",
            "Fattade beslut per beslutsmall.", "Beslutsdatum ligger i perioden.", "antal"),
    Measure("besl_lagrum", "Beslut per lagrum", "Beslut",
            "Fattade beslut som åberopar lagrummet. Ett beslut kan åberopa flera lagrum.",
            "Beslutsdatum ligger i perioden.", "antal"),
    Measure("besl_niva", "Beslut per beslutsnivå", "Beslut",
            "Fattade beslut per beslutsfattarens nivå i delegationsordningen.",
            "Beslutsdatum ligger i perioden.", "antal"),
    Measure("besl_vag", "Beslut i utskott jämfört med delegation", "Beslut",
            "Fattade beslut efter väg: delegationsbeslut (tjänsteman), utskott/nämnd, "
            "brådskande beslut av ordförande.", "Beslutsdatum ligger i perioden.", "antal"),
    Measure("ins_paborjade", "Påbörjade insatser", "Insatser och placeringar",
            "Insatser per typ och lagrum (SoL/LVU/LVM) som började.", "Startdatum ligger i perioden.",
            "antal"),
    Measure("ins_avslutade", "Avslutade insatser", "Insatser och placeringar",
            "Insatser som avslutades.", "Slutdatum ligger i perioden.", "antal"),
    Measure("ins_pagaende", "Insatser under perioden", "Insatser och placeringar",
            "Insatser som pågick någon dag i perioden.",
            "Start senast periodens sista dag och slut tidigast periodens första dag (eller inget slut).",
            "antal"),
    Measure("ins_personer", "Personer med insats under perioden", "Insatser och placeringar",
            "Olika personer med insatsen någon dag i perioden.", "Som ”Insatser under perioden”.",
            "antal", _PERSON_AGE_RULE),
    Measure("ins_varddygn", "Vårddygn", "Insatser och placeringar",
            "Dygn i placering (familjehem, jourhem, HVB, stödboende, nätverkshem, vård enligt LVU eller LVM) inom perioden: "
            "startdag till och med slutdag, avgränsat till perioden.", "Dygn inom perioden.", "dagar"),
    Measure("ins_placerade_barn", "Barn 0–20 år i placering", "Insatser och placeringar",
            "Olika barn och unga (0–20 år) med placering någon dag i perioden.",
            "Som ”Insatser under perioden”.", "antal", _PERSON_AGE_RULE),
    Measure("ins_placerade_slut", "Placerade barn 0–20 år vid periodens slut", "Insatser och placeringar",
            "Olika barn och unga (0–20 år) i placering periodens sista dag.",
            "Läget periodens sista dag.", "antal", _PERSON_AGE_RULE),
    Measure("lag_beslut", "Beslut enligt LVU och LVM", "LVU och LVM",
            "Fattade beslut som åberopar ett lagrum i LVU respektive LVM, per beslutsmall.",
            "Beslutsdatum ligger i perioden.", "antal"),
    Measure("lag_bradskande", "Brådskande beslut enligt LVU och LVM", "LVU och LVM",
            "Fattade beslut enligt LVU/LVM som markerats brådskande (ordförandebeslut).",
            "Beslutsdatum ligger i perioden.", "antal"),
    Measure("lag_personer", "Personer med vård enligt LVU och LVM", "LVU och LVM",
            "Olika personer med insats enligt LVU respektive LVM någon dag i perioden, per "
            "åldersgrupp och kön.", "Som ”Insatser under perioden”.", "antal", _PERSON_AGE_RULE),
    Measure("lag_personer_slut", "Personer med vård enligt LVU och LVM vid periodens slut",
            "LVU och LVM", "Olika personer med insats enligt LVU respektive LVM periodens sista dag.",
            "Läget periodens sista dag.", "antal"),
    Measure("tid_frister", "Tidsfrister hållna och missade", "Tidsbevakning",
            "Tidsfrister per enhet och slag: hållen = åtgärden gjord senast sista dagen; missad = "
            "gjord efter sista dagen, eller inte gjord och sista dagen har passerat (räknat den "
            "dag arbetsboken skapas); ej förfallen = inte gjord och sista dagen har inte kommit.",
            "Fristens sista dag ligger i perioden.", "antal"),
    Measure("tid_andel_hallna", "Andel hållna tidsfrister", "Tidsbevakning",
            "Hållna delat med hållna + missade.", "Fristens sista dag ligger i perioden.", "andel"),
)


def measure(measure_id: str) -> Measure:
    for m in MEASURES:
        if m.id == measure_id:
            return m
    raise KeyError(f"Okänt mått: {measure_id!r}")


# --- Insats kinds and decider levels ------------------------------------------------------

# Kinds that are a placement outside the home (heldygn) when granted under SoL; every LVU
# insats counts as heldygn too, as Socialstyrelsen's register does.
PLACEMENT_KINDS = ("familjehem", "jourhem", "hvb", "stodboende", "natverkshem", "lvu_vard")
INSATS_LABELS = {
    "oppenvard": "Öppenvård",
    "kontaktfamilj": "Kontaktperson/kontaktfamilj",
    "hvb": "HVB",
    "stodboende": "Stödboende",
    "familjehem": "Familjehem",
    "jourhem": "Jourhem",
    "natverkshem": "Nätverkshem",
    "lvu_vard": "Vård enligt LVU",
    "ekonomiskt_bistand": "Ekonomiskt bistånd",
}
# Placeringsform for the register: kinds that name where the child lives.
PLACEMENT_FORMS = ("familjehem", "jourhem", "hvb", "stodboende", "natverkshem")

LEVEL_LABELS = {
    "handlaggare": "Socialsekreterare",
    "forste_socialsekreterare": "1:e socialsekreterare",
    "enhetschef": "Enhetschef",
    "ifo_chef": "IFO-chef",
    "socialchef": "Socialchef",
    "ordforande": "Ordförande",
    "utskott": "Individutskottet",
    "namnd": "Nämnden",
}


def insats_label(kind: str) -> str:
    return INSATS_LABELS.get(kind, kind)


def level_label(level: str | None) -> str:
    return LEVEL_LABELS.get(level or "", level or "Okänd nivå")


def in_register_scope(kind: str, legal_basis: str) -> bool:
    """Socialstyrelsen's register: SoL placements and every LVU measure (HSLF-FS 2016:3 § 2)."""
    return legal_basis == "LVU" or (legal_basis == "SoL" and kind in PLACEMENT_FORMS)


# --- Kolada ---------------------------------------------------------------------------------

class KoladaConfigError(ValueError):
    pass


_KPI_RE = re.compile(r"^[NU]\d{5}$")
_FEEDS = ("varde", "taljare", "namnare", "ingen")


@dataclass(frozen=True)
class KoladaKpi:
    id: str
    title: str
    certainty: str  # as marked in shared/reference/stats.md: V, V2, I
    feeds: str  # varde | taljare | namnare | ingen
    measure: str | None  # ifodesk measure key that gives the value or part of it
    divided_by_gender: bool
    note: str


@dataclass(frozen=True)
class KoladaRow:
    kpi: str
    municipality: str
    period: str
    gender: str  # T | K | M
    value: float | int | str  # a number, '-' (bortfall) or '..' (sekretess)
    basis: int | float | str | None  # ifodesk's numerator/denominator where the KPI needs more
    basis_kind: str
    certainty: str
    title: str
    note: str


@lru_cache(maxsize=4)
def load_kolada(path: Path | None = None) -> tuple[KoladaKpi, ...]:
    path = path or resource_path("kolada.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise KoladaConfigError(f"{path}: kan inte läsas: {exc}") from exc
    out, seen = [], set()
    for i, raw in enumerate(data.get("kpi", []), 1):
        where = f"{path}: kpi nr {i}"
        kid = raw.get("id", "")
        if not _KPI_RE.match(kid):
            raise KoladaConfigError(f"{where}: id {kid!r} är inget Kolada-id (N eller U och fem siffror)")
        if kid in seen:
            raise KoladaConfigError(f"{where}: {kid} står två gånger")
        seen.add(kid)
        feeds = raw.get("feeds", "ingen")
        if feeds not in _FEEDS:
            raise KoladaConfigError(f"{where}: feeds ska vara en av {', '.join(_FEEDS)}")
        if feeds != "ingen" and not raw.get("measure"):
            raise KoladaConfigError(f"{where}: {kid} anger feeds = {feeds!r} men inget measure")
        if not raw.get("title") or not raw.get("certainty"):
            raise KoladaConfigError(f"{where}: title och certainty krävs")
        out.append(KoladaKpi(kid, raw["title"], raw["certainty"], feeds, raw.get("measure"),
                             bool(raw.get("divided_by_gender", False)), raw.get("note", "")))
    return tuple(out)


def kolada_rows(kpis: Sequence[KoladaKpi], municipality_code: str, period: str,
                values: Mapping[str, Mapping[str, int | float | None]], threshold: int = 0) -> list[KoladaRow]:
    """Rows in Kolada's shape. ``values[measure][gender]`` holds ifodesk's figures (T/K/M)."""
    rows = []
    for k in kpis:
        genders = ("T", "K", "M") if k.divided_by_gender else ("T",)
        for g in genders:
            raw = values.get(k.measure or "", {}).get(g) if k.measure else None
            shown = suppress(raw, threshold) if isinstance(raw, int) else raw
            if k.feeds == "varde":
                value, basis, basis_kind = (MISSING if shown is None else shown), None, ""
            else:
                value = MISSING
                basis = shown
                basis_kind = {"taljare": "Täljare", "namnare": "Nämnare"}.get(k.feeds, "")
            rows.append(KoladaRow(k.id, municipality_code, period, g, value, basis, basis_kind,
                                  k.certainty, k.title, k.note))
    return rows


# --- Socialstyrelsen: register över insatser för barn och unga ------------------------------

@dataclass(frozen=True)
class RegisterPlacement:
    number: int
    form: str | None  # placeringsform (familjehem, jourhem, hvb, stodboende …); None if unknown
    kind: str  # ifodesk's insats kind, as registered
    start_on: date | None
    end_on: date | None
    source_id: str  # the insats row, for tracing a problem back


@dataclass(frozen=True)
class RegisterInsats:
    number: int
    legal_basis: str  # SoL | LVU
    lagrum: tuple[str, ...]  # as cited in the decision
    decision_id: str | None
    decision_template: str | None
    decision_status: str | None
    decided_on: date | None
    placements: tuple[RegisterPlacement, ...]

    @property
    def start_on(self) -> date | None:
        starts = [p.start_on for p in self.placements if p.start_on]
        return min(starts) if starts else None

    @property
    def end_on(self) -> date | None:
        """The last placement's end; None while any placement is still going on."""
        if any(p.end_on is None for p in self.placements):
            return None
        return max(p.end_on for p in self.placements)  # type: ignore[type-var]


@dataclass(frozen=True)
class RegisterChild:
    child_id: str  # 12-digit personnummer, or the temporary id
    id_kind: str  # P = personnummer, T = tillfälligt id
    gender: str | None
    birth_date: date | None
    case_numbers: tuple[str, ...]  # for the validation report only, never in the file
    insatser: tuple[RegisterInsats, ...]


@dataclass(frozen=True)
class RegisterIssue:
    severity: str  # fel | varning
    code: str
    message: str
    case_number: str

    def __str__(self) -> str:
        return f"{self.severity.upper()}: {self.case_number}: {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    year: int
    children: int
    insatser: int
    placements: int
    issues: tuple[RegisterIssue, ...] = field(default_factory=tuple)

    @property
    def errors(self) -> tuple[RegisterIssue, ...]:
        return tuple(i for i in self.issues if i.severity == "fel")

    @property
    def warnings(self) -> tuple[RegisterIssue, ...]:
        return tuple(i for i in self.issues if i.severity == "varning")

    @property
    def has_errors(self) -> bool:
        return bool(self.errors)

    def lines(self) -> list[str]:
        head = (f"Valideringsrapport för registret över insatser för barn och unga {self.year}: "
                f"{self.children} barn, {self.insatser} insatser, {self.placements} placeringar; "
                f"{len(self.errors)} fel, {len(self.warnings)} varningar.")
        out = [head]
        counts: dict[tuple[str, str], int] = {}
        for i in self.issues:
            counts[(i.severity, i.code)] = counts.get((i.severity, i.code), 0) + 1
        if counts:
            out.append("Per slag: " + "; ".join(f"{n} × {ISSUE_LABELS.get(code, code)} ({sev})"
                                                for (sev, code), n in counts.items()) + ".")
        out += [str(i) for i in self.errors]
        out += [str(i) for i in self.warnings]
        if not self.issues:
            out.append("Inga fel eller varningar.")
        elif self.has_errors:
            out.append("Filen skapas inte förrän felen är rättade (eller med --force / ”Exportera ändå”).")
        return out


ISSUE_LABELS = {
    "saknar_kon": "kön saknas",
    "saknar_datum": "datum saknas",
    "slut_fore_start": "slutdatum före startdatum",
    "utan_beslut": "placering utan fattat beslut",
    "tillfalligt_id": "tillfälligt id (personnummer saknas)",
    "saknar_fodelsedatum": "födelsedatum saknas",
    "okand_placeringsform": "placeringsform framgår inte",
    "start_fore_beslut": "placering före beslut",
}


def temporary_id(person_key: str) -> str:
    """A stable id for a child without personnummer, unique within the municipality.

    Derived from the person's internal id, so the same child keeps it from year to year.
    """
    return "T" + person_key.replace("-", "")[:11].upper()


def validate_register(year: int, children: Sequence[RegisterChild]) -> ValidationReport:
    """Check what Socialstyrelsen will reject or question; 'fel' blocks the export."""
    issues: list[RegisterIssue] = []

    def add(sev: str, code: str, msg: str, child: RegisterChild) -> None:
        issues.append(RegisterIssue(sev, code, msg, ", ".join(child.case_numbers) or "(inget ärende)"))

    n_ins = n_pl = 0
    for c in children:
        if c.gender is None:
            add("fel", "saknar_kon", "Personen saknar kön: inget personnummer och inget registrerat kön.", c)
        if c.id_kind == "T":
            add("varning", "tillfalligt_id",
                f"Barnet saknar personnummer; det tillfälliga id:t {c.child_id} används.", c)
        if c.birth_date is None:
            add("varning", "saknar_fodelsedatum", "Födelsedatum saknas.", c)
        for ins in c.insatser:
            n_ins += 1
            label = f"Insats {ins.number} ({ins.legal_basis})"
            if ins.decision_id is None:
                add("fel", "utan_beslut", f"{label}: placeringen saknar beslut.", c)
            elif ins.decision_status != "beslutad":
                add("fel", "utan_beslut",
                    f"{label}: beslutet är inte fattat (status {ins.decision_status}).", c)
            elif ins.decided_on is None:
                add("fel", "saknar_datum", f"{label}: beslutsdatum saknas.", c)
            for p in ins.placements:
                n_pl += 1
                plabel = f"{label}, placering {p.number}"
                if p.start_on is None:
                    add("fel", "saknar_datum", f"{plabel}: startdatum saknas.", c)
                if p.start_on and p.end_on and p.end_on < p.start_on:
                    add("fel", "slut_fore_start",
                        f"{plabel}: slutdatum {p.end_on.isoformat()} ligger före startdatum "
                        f"{p.start_on.isoformat()}.", c)
                if p.form is None:
                    add("varning", "okand_placeringsform",
                        f"{plabel}: placeringsformen framgår inte (insatstyp {p.kind}).", c)
                if p.start_on and ins.decided_on and p.start_on < ins.decided_on:
                    add("varning", "start_fore_beslut",
                        f"{plabel}: placeringen började {p.start_on.isoformat()}, före beslutet "
                        f"{ins.decided_on.isoformat()}.", c)
    issues.sort(key=lambda i: (i.severity != "fel", i.case_number, i.code))
    return ValidationReport(year, len(children), n_ins, n_pl, tuple(issues))
