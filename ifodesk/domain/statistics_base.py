"""Statistics building blocks: periods, age bands, gender, suppression symbols, summary numbers,
insats kinds and decider levels. Pure Python; the reports (workbook, register, Kolada) build on it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Mapping

from . import levels
from .digits import FOREIGN_DIGITS_HINT, has_foreign_digits


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


# --- Insats kinds and decider levels ------------------------------------------------------

# Kinds that are a placement outside the home (heldygn) when granted under SoL; every LVU
# insats counts as heldygn too, as Socialstyrelsen's register does.
PLACEMENT_KINDS = ("familjehem", "jourhem", "hvb", "stodboende", "natverkshem", "lvu_vard", "sis", "eget_hem")
INSATS_LABELS = {
    "oppenvard": "Öppenvård",
    "kontaktfamilj": "Kontaktperson/kontaktfamilj",
    "kontaktperson": "Kontaktperson",
    "oppenvard_program": "Strukturerat öppenvårdsprogram",
    "oppenvard_personligt_stod": "Behovsprövat personligt stöd",
    "kvalificerad_kontaktperson": "Särskilt kvalificerad kontaktperson",
    "hvb": "HVB",
    "stodboende": "Stödboende",
    "familjehem": "Familjehem",
    "jourhem": "Jourhem",
    "natverkshem": "Nätverkshem",
    "lvu_vard": "Vård enligt LVU",
    "sis": "LVU-hem (SiS särskilt ungdomshem)",
    "eget_hem": "Eget hem eller annat",
    "ekonomiskt_bistand": "Ekonomiskt bistånd",
}
# Placeringsform for the register: kinds that name where the child lives.
PLACEMENT_FORMS = ("familjehem", "jourhem", "hvb", "stodboende", "natverkshem", "sis", "eget_hem")

# The workbook's column is narrow: "Socialsekreterare" without "(handläggare)".
LEVEL_LABELS = {**levels.LEVEL_LABELS, "handlaggare": "Socialsekreterare"}


def insats_label(kind: str) -> str:
    return INSATS_LABELS.get(kind, kind)


def level_label(level: str | None) -> str:
    return LEVEL_LABELS.get(level or "", level or "Okänd nivå")


def in_register_scope(kind: str, legal_basis: str) -> bool:
    """Socialstyrelsen's register: SoL placements and every LVU measure (HSLF-FS 2016:3 § 2)."""
    return legal_basis == "LVU" or (legal_basis == "SoL" and kind in PLACEMENT_FORMS)



__all__ = [
    "AGE_BANDS", "AgeBand", "age_band", "age_reached", "UNKNOWN_AGE",
    "gender_from_personnummer", "GENDERS", "GENDER_LABELS",
    "Period", "PeriodError", "parse_date", "parse_period", "period_from_dates", "year_period",
    "SUPPRESSED", "MISSING", "NOT_APPLICABLE", "suppress", "suppress_share", "suppress_stat",
    "median", "mean", "median_from_counts", "mean_from_counts", "share",
    "PLACEMENT_KINDS", "PLACEMENT_FORMS", "INSATS_LABELS", "insats_label", "LEVEL_LABELS", "level_label",
    "in_register_scope",
]
