"""Swedish personnummer, samordningsnummer, reservnummer and synthetic test numbers.

Storage form is always 12 digits without separator (``digits12``); the 10-digit form with
``-``/``+`` is only an input (and display) convenience, because its century depends on the day
it is read.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .digits import FOREIGN_DIGITS_HINT, has_foreign_digits

__all__ = [
    "Personnummer",
    "PersonnummerError",
    "ReserveNumber",
    "parse_personnummer",
    "is_valid",
    "luhn_check_digit",
    "make_reserve_number",
    "parse_reserve_number",
    "is_reserve_number",
    "synthetic_personnummer",
    "is_synthetic",
]

# Samordningsnummer: Skatteverket adds 60 to the day of birth.
_SAMORDNING_OFFSET = 60
# Nobody alive was born before this; catches typos like "00010101-...".
_MIN_BIRTH_YEAR = 1800
# Födelsenummer 980–999 are the ones used in Skatteverket's published test personnummer.
_SYNTHETIC_FIRST = 980
_SYNTHETIC_LAST = 999

_MONTHS_SV = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)


class PersonnummerError(ValueError):
    """Invalid personnummer. ``code`` says which rule failed; ``str(err)`` is Swedish for the user.

    Codes: ``empty``, ``format``, ``length``, ``reserve`` (a reservnummer was given),
    ``date``, ``future``, ``birth_number`` (000, never issued), ``checksum``.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _anniversary(born: date, years: int) -> date:
    # Same day number, clamped to month end (as in lagen om beräkning av lagstadgad tid):
    # someone born 29 February turns a year older on 28 February in common years.
    year = born.year + years
    last = calendar.monthrange(year, born.month)[1]
    return date(year, born.month, min(born.day, last))


@dataclass(frozen=True)
class Personnummer:
    """A validated personnummer or samordningsnummer. Build it with :func:`parse_personnummer`."""

    digits12: str
    kind: str  # "personnummer" | "samordningsnummer"
    birth_date: date
    legal_gender: str  # "K" | "M", from the next-to-last digit (even = K)

    @property
    def formatted(self) -> str:
        """``YYYYMMDD-XXXX``: the unambiguous display form."""
        return f"{self.digits12[:8]}-{self.digits12[8:]}"

    @property
    def birth_number(self) -> str:
        """The three-digit födelsenummer (digits 9–11 of the 12-digit form)."""
        return self.digits12[8:11]

    def age_on(self, d: date) -> int:
        """Age in whole years on day ``d``."""
        if d < self.birth_date:
            raise ValueError(
                f"Datumet {d.isoformat()} ligger före födelsedatumet {self.birth_date.isoformat()}."
            )
        years = d.year - self.birth_date.year
        if _anniversary(self.birth_date, years) > d:
            years -= 1
        return years

    def age_reached_in_year(self, year: int) -> int:
        """The age the person reaches during ``year`` (statistics count age this way)."""
        if year < self.birth_date.year:
            raise ValueError(f"Året {year} ligger före födelseåret {self.birth_date.year}.")
        return year - self.birth_date.year

    def __str__(self) -> str:
        return self.formatted


def luhn_check_digit(nine_digits: str) -> int:
    """Luhn check digit for the first nine digits of the 10-digit form (YYMMDDNNN)."""
    if len(nine_digits) != 9 or not nine_digits.isascii() or not nine_digits.isdigit():
        raise ValueError(f"Kontrollsiffran beräknas på exakt nio siffror, fick {nine_digits!r}.")
    total = 0
    for i, ch in enumerate(nine_digits):
        product = int(ch) * (2 if i % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def _is_reserve_like(text: str) -> bool:
    return text[:1] in ("R", "r")


def parse_personnummer(text: str, today: date | None = None) -> Personnummer:
    """Parse and validate a personnummer or samordningsnummer.

    Accepts ``YYYYMMDD-XXXX``, ``YYYYMMDDXXXX``, ``YYMMDD-XXXX``, ``YYMMDDXXXX``,
    ``YYMMDD+XXXX`` and ``YYYYMMDD+XXXX``, with surrounding whitespace. Digits must be ASCII
    0–9 (fullwidth or Arabic-Indic digits are refused with a message, as everywhere in ifodesk). For the 10-digit forms the century follows
    Skatteverket's rule: ``-`` (or no separator) means the person turns less than 100 during
    ``today``'s year, so the birth year is the latest one ending in YY that is not after
    ``today``'s year; ``+`` means they turn 100 or more, i.e. 100 years earlier. A date that
    then falls later this year is rejected as a future date.

    Raises :class:`PersonnummerError` with a Swedish message.
    """
    if today is None:
        today = date.today()
    if text is None:
        raise PersonnummerError("empty", "Personnummer saknas.")
    raw = text.strip()
    if not raw:
        raise PersonnummerError("empty", "Personnummer saknas.")
    if _is_reserve_like(raw) and is_reserve_number(raw):
        raise PersonnummerError(
            "reserve", f"{raw} är ett reservnummer, inte ett personnummer."
        )

    if has_foreign_digits(raw):
        raise PersonnummerError(
            "format", f"Personnumret ”{raw}” innehåller andra siffror än 0–9: {FOREIGN_DIGITS_HINT}.")
    bad = sorted({ch for ch in raw if not (ch.isascii() and (ch.isdigit() or ch in "-+"))})
    if bad:
        shown = ", ".join(repr(ch) if ch.strip() else "mellanslag" for ch in bad)
        raise PersonnummerError(
            "format",
            f"Personnumret ”{raw}” innehåller otillåtna tecken ({shown}). "
            "Skriv bara siffror, med bindestreck eller plustecken före de fyra sista.",
        )

    separators = [ch for ch in raw if ch in "-+"]
    digits = raw.replace("-", "").replace("+", "")
    if len(digits) not in (10, 12):
        raise PersonnummerError(
            "length",
            f"Personnumret {raw} har {len(digits)} siffror men ska ha 10 eller 12 "
            "(ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN).",
        )
    sep = ""
    if separators:
        if len(separators) > 1 or raw[-5] not in "-+":
            raise PersonnummerError(
                "format",
                f"Personnumret {raw} har skiljetecknet på fel ställe. "
                "Det ska stå före de fyra sista siffrorna (ÅÅÅÅMMDD-NNNN).",
            )
        sep = separators[0]
    # With the century written out (ÅÅÅÅMMDD+NNNN) the plus adds nothing: the year is explicit.
    # The personnummer libraries accept this form, so do we.

    if len(digits) == 12:
        year = int(digits[:4])
        rest = digits[4:]
    else:
        yy = int(digits[:2])
        base = today.year - (100 if sep == "+" else 0)
        year = base - ((base - yy) % 100)
        rest = digits[2:]
    month, day_field = int(rest[0:2]), int(rest[2:4])

    birth_date, kind = _validate_date(raw, year, month, day_field)
    if birth_date > today:
        raise PersonnummerError(
            "future",
            f"Födelsedatumet {birth_date.isoformat()} i {raw} ligger i framtiden.",
        )

    digits10 = digits if len(digits) == 10 else digits[2:]
    digits12 = f"{year:04d}{rest}"
    if digits10[6:9] == "000":
        raise PersonnummerError(
            "birth_number",
            f"Personnumret {raw} har födelsenummer 000, som aldrig tilldelas. Kontrollera numret.",
        )
    expected = luhn_check_digit(digits10[:9])
    if int(digits10[9]) != expected:
        formatted = f"{digits12[:8]}-{digits12[8:]}"
        raise PersonnummerError(
            "checksum",
            f"Kontrollsiffran stämmer inte: {formatted} borde sluta på {expected}.",
        )

    gender = "K" if int(digits10[8]) % 2 == 0 else "M"
    return Personnummer(digits12=digits12, kind=kind, birth_date=birth_date, legal_gender=gender)


def _validate_date(raw: str, year: int, month: int, day_field: int) -> tuple[date, str]:
    if year < _MIN_BIRTH_YEAR:
        raise PersonnummerError("date", f"Födelseåret {year} i {raw} är inte rimligt.")
    if not 1 <= month <= 12:
        raise PersonnummerError(
            "date", f"Personnumret {raw} har månad {month:02d}, som inte finns (01–12)."
        )
    kind = "personnummer"
    day = day_field
    if day_field > _SAMORDNING_OFFSET:
        kind = "samordningsnummer"
        day = day_field - _SAMORDNING_OFFSET
    last = calendar.monthrange(year, month)[1]
    if day < 1 or day > last:
        if day_field == 0 or day_field == _SAMORDNING_OFFSET:
            msg = f"Personnumret {raw} har dag {day_field:02d}, som inte finns."
        elif day > 31:
            msg = (
                f"Personnumret {raw} har dag {day_field:02d}, som varken är en dag (01–31) "
                "eller en samordningsnummerdag (61–91)."
            )
        elif month == 2 and day == 29:
            msg = f"Personnumret {raw} anger 29 februari {year}, men {year} var inget skottår."
        else:
            msg = (
                f"Personnumret {raw} anger {day} {_MONTHS_SV[month - 1]} {year}, "
                "ett datum som inte finns."
            )
        raise PersonnummerError("date", msg)
    return date(year, month, day), kind


def is_valid(text: str, today: date | None = None) -> bool:
    """True if ``text`` is a valid personnummer or samordningsnummer."""
    try:
        parse_personnummer(text, today)
    except PersonnummerError:
        return False
    return True


# --- Reservnummer -------------------------------------------------------------------------

_RESERVE_RE = re.compile(r"^R(\d{8})-(\d{4})([KM]?)$")


@dataclass(frozen=True)
class ReserveNumber:
    """A locally issued reservnummer for someone without a (known) personnummer."""

    text: str
    birth_date: date
    gender: str | None  # "K", "M" or None (unknown)
    serial: int


def make_reserve_number(birth_date: date, gender: str | None, serial: int) -> str:
    """Build a reservnummer: ``R`` + YYYYMMDD + ``-`` + four-digit serial + optional K/M.

    Example: ``R19880115-0042`` (gender unknown), ``R19880115-0042K``. The leading ``R`` means it
    can never pass as a personnummer: :func:`parse_personnummer` rejects it (code ``reserve``).
    Uniqueness of ``serial`` per birth date is the caller's (the database's) job.
    """
    if gender not in (None, "K", "M"):
        raise ValueError(f"Kön för reservnummer ska vara K, M eller okänt, inte ”{gender}”.")
    if isinstance(serial, bool) or not isinstance(serial, int) or not 1 <= serial <= 9999:
        raise ValueError(f"Löpnumret för reservnummer ska vara 1–9999, inte {serial}.")
    if birth_date.year < _MIN_BIRTH_YEAR:
        raise ValueError(f"Födelseåret {birth_date.year} är inte rimligt.")
    return f"R{birth_date:%Y%m%d}-{serial:04d}{gender or ''}"


def parse_reserve_number(text: str) -> ReserveNumber:
    """Parse a reservnummer made by :func:`make_reserve_number`; raise ValueError (Swedish)."""
    raw = (text or "").strip().upper()
    m = _RESERVE_RE.match(raw)
    if not m:
        raise ValueError(
            f"”{text}” är inget giltigt reservnummer (form: RÅÅÅÅMMDD-NNNN, ev. följt av K eller M)."
        )
    ymd, serial, gender = m.groups()
    try:
        born = date(int(ymd[:4]), int(ymd[4:6]), int(ymd[6:8]))
    except ValueError:
        raise ValueError(f"Reservnumret {raw} innehåller ett datum som inte finns.") from None
    if born.year < _MIN_BIRTH_YEAR or int(serial) == 0:
        raise ValueError(f"{raw} är inget giltigt reservnummer.")
    return ReserveNumber(text=raw, birth_date=born, gender=gender or None, serial=int(serial))


def is_reserve_number(text: str) -> bool:
    try:
        parse_reserve_number(text)
    except ValueError:
        return False
    return True


# --- Synthetic test numbers ---------------------------------------------------------------


def synthetic_personnummer(birth_date: date, gender: str, serial: int) -> str:
    """A checksum-valid personnummer for demo and test data, in ``YYYYMMDD-XXXX`` form.

    The födelsenummer (the three digits after the date) is taken from 980–999, the range used
    by Skatteverket's published test personnummer, so the number is well formed (real date,
    correct Luhn digit) yet recognisable as test data by :func:`is_synthetic`. The third of
    those digits carries the legal gender as in real numbers (even = K, odd = M), which leaves
    ten numbers per birth date and gender: ``serial`` 0–9 picks one of them.
    """
    if gender not in ("K", "M"):
        raise ValueError(f"Kön för testpersonnummer ska vara K eller M, inte ”{gender}”.")
    if isinstance(serial, bool) or not isinstance(serial, int) or not 0 <= serial <= 9:
        raise ValueError(f"Löpnumret för testpersonnummer ska vara 0–9, inte {serial}.")
    if birth_date.year < _MIN_BIRTH_YEAR:
        raise ValueError(f"Födelseåret {birth_date.year} är inte rimligt.")
    birth_number = _SYNTHETIC_FIRST + 2 * serial + (1 if gender == "M" else 0)
    nine = f"{birth_date:%y%m%d}{birth_number:03d}"
    return f"{birth_date:%Y%m%d}-{birth_number:03d}{luhn_check_digit(nine)}"


def is_synthetic(pnr: Personnummer) -> bool:
    """True for a personnummer in the test range (födelsenummer 980–999).

    Only ``kind == "personnummer"``: the range is not documented for samordningsnummer.
    """
    return (
        pnr.kind == "personnummer"
        and _SYNTHETIC_FIRST <= int(pnr.birth_number) <= _SYNTHETIC_LAST
    )
