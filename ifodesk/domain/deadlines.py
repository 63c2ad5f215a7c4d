"""Legal deadlines (tidsfrister): calendar arithmetic, rules from resources/deadlines.toml, status.

Days are calendar days and months are calendar months, as domain/law.md says. The strict due
date is always shown. Where the rules file says ``next_working_day = true`` (lag 1930:173 om
beräkning av lagstadgad tid: court submissions and the like), an action on the next working day
after a Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton counts as in
time. Public holidays come from the maintained ``holidays`` package, not a hand-written list.
"""

from __future__ import annotations

import calendar
import functools
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

__all__ = [
    "add_days",
    "add_months",
    "DeadlineConfigError",
    "DeadlineRule",
    "Deadline",
    "DeadlineStatus",
    "load_deadline_rules",
    "default_rules",
    "compute",
    "utredning_due",
    "status",
    "days_left",
    "is_working_day",
    "next_working_day",
]

UTREDNING = "utredning"
_RULE_KINDS = ("days", "months", "same_day", "next_meeting")
_ENTRY_KEYS = {"id", "title", "lagrum", "law_version", "rule", "description", "next_working_day",
               "provisional_days", "mark"}
_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


# --- Calendar arithmetic ------------------------------------------------------------------


def add_days(d: date, n: int) -> date:
    """``d`` plus ``n`` calendar days."""
    return d + timedelta(days=n)


def add_months(d: date, n: int) -> date:
    """``d`` plus ``n`` calendar months: same day number, clamped to the target month's end.

    31 January + 4 months = 31 May; 31 October + 4 months = 28 (29) February.
    """
    month_index = d.year * 12 + (d.month - 1) + n
    year, month0 = divmod(month_index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(d.day, last))


@functools.lru_cache(maxsize=64)
def _swedish_holidays(year: int) -> frozenset[date]:
    import holidays  # maintained calendar (Easter, Midsummer, All Saints' Day move every year)

    days = set(holidays.country_holidays("SE", years=year, include_sundays=False))
    # Lag (1930:173) treats these eves like public holidays.
    midsummer_day = next(d for d in days if d.month == 6 and d.weekday() == 5 and 20 <= d.day <= 26)
    days |= {midsummer_day - timedelta(days=1), date(year, 12, 24), date(year, 12, 31)}
    return frozenset(days)


def is_working_day(d: date) -> bool:
    """Not a Saturday, Sunday, Swedish public holiday, midsommarafton, julafton or nyårsafton."""
    return d.weekday() < 5 and d not in _swedish_holidays(d.year)


def next_working_day(d: date) -> date:
    """``d`` itself if it is a working day, otherwise the first working day after it."""
    while not is_working_day(d):
        d += timedelta(days=1)
    return d


# --- Rules --------------------------------------------------------------------------------


class DeadlineConfigError(ValueError):
    """The deadline rules file is missing or wrong. The message (Swedish) names file and entry."""


@dataclass(frozen=True)
class DeadlineRule:
    """One kind of deadline as reviewed in resources/deadlines.toml."""

    id: str
    title: str
    lagrum: tuple[str, ...]
    law_version: str
    kind: str  # "days" | "months" | "same_day" | "next_meeting"
    amount: int  # days or months; 0 for same_day / next_meeting
    description: str
    next_working_day: bool = False  # lag 1930:173 applies: next working day counts as in time
    provisional_days: int = 0  # next_meeting: due this many days after start until a meeting is planned
    mark: str = "V"

    def in_time_until(self, due: date) -> date:
        """The last day an action counts as in time (the strict due date unless 1930:173 applies)."""
        return next_working_day(due) if self.next_working_day else due

    def due(self, start: date, next_meeting: date | None = None) -> date:
        """Due date for an event on ``start``. ``next_meeting`` is used only by next-meeting rules."""
        if self.kind == "days":
            return add_days(start, self.amount)
        if self.kind == "months":
            return add_months(start, self.amount)
        if self.kind == "same_day":
            return start
        if self.kind == "next_meeting":
            if next_meeting is None and self.provisional_days:
                return add_days(start, self.provisional_days)
            if next_meeting is None:
                raise ValueError(
                    f"{self.title}: datum för nämndens nästa sammanträde saknas."
                )
            if next_meeting < start:
                raise ValueError(
                    f"{self.title}: sammanträdet {next_meeting.isoformat()} ligger före "
                    f"beslutet {start.isoformat()}."
                )
            return next_meeting
        raise ValueError(f"{self.title}: okänd fristregel {self.kind!r}.")


def _entry_error(path: Path, index: int, entry_id: object, what: str) -> DeadlineConfigError:
    name = f"post {index}" + (f" ({entry_id})" if isinstance(entry_id, str) and entry_id else "")
    return DeadlineConfigError(f"Fel i fristfilen {path}, {name}: {what}")


def _parse_rule(path: Path, index: int, entry_id: str, rule: object) -> tuple[str, int]:
    if not isinstance(rule, Mapping) or len(rule) != 1:
        raise _entry_error(
            path, index, entry_id,
            "rule ska ha exakt en nyckel: days, months, same_day eller next_meeting.",
        )
    (key, value), = rule.items()
    if key not in _RULE_KINDS:
        raise _entry_error(
            path, index, entry_id,
            f"okänd regel {key!r} (tillåtna: days, months, same_day, next_meeting).",
        )
    if key in ("same_day", "next_meeting"):
        if value is not True:
            raise _entry_error(path, index, entry_id, f"{key} ska vara true.")
        return key, 0
    # bool is an int in Python; "days = true" is a typo, not one day.
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _entry_error(
            path, index, entry_id, f"{key} ska vara ett positivt heltal, inte {value!r}."
        )
    return key, value


def _parse_entry(path: Path, index: int, entry: object) -> DeadlineRule:
    if not isinstance(entry, Mapping):
        raise _entry_error(path, index, None, "posten är ingen tabell.")
    entry_id = entry.get("id")
    if not isinstance(entry_id, str) or not _ID_RE.match(entry_id):
        raise _entry_error(
            path, index, entry_id,
            "id saknas eller är ogiltigt (små bokstäver a–z, siffror och understreck).",
        )
    unknown = sorted(set(entry) - _ENTRY_KEYS)
    if unknown:
        raise _entry_error(path, index, entry_id, f"okända fält: {', '.join(unknown)}.")
    for field in ("title", "law_version", "description"):
        value = entry.get(field)
        if not isinstance(value, str) or not value.strip():
            raise _entry_error(path, index, entry_id, f"{field} saknas eller är tom.")
    lagrum = entry.get("lagrum")
    if (
        not isinstance(lagrum, list)
        or not lagrum
        or not all(isinstance(x, str) and x.strip() for x in lagrum)
    ):
        raise _entry_error(
            path, index, entry_id, "lagrum ska vara en icke-tom lista med texter."
        )
    if "rule" not in entry:
        raise _entry_error(path, index, entry_id, "rule saknas.")
    kind, amount = _parse_rule(path, index, entry_id, entry["rule"])
    nwd = entry.get("next_working_day", False)
    if not isinstance(nwd, bool):
        raise _entry_error(path, index, entry_id, "next_working_day ska vara true eller false.")
    prov = entry.get("provisional_days", 0)
    if isinstance(prov, bool) or not isinstance(prov, int) or prov < 0:
        raise _entry_error(path, index, entry_id, "provisional_days ska vara ett heltal, minst 0.")
    if prov and kind != "next_meeting":
        raise _entry_error(path, index, entry_id, "provisional_days gäller bara next_meeting-regler.")
    mark = entry.get("mark", "V")
    if mark not in ("V", "I", "U"):
        raise _entry_error(path, index, entry_id, "mark ska vara V, I eller U.")
    return DeadlineRule(
        id=entry_id,
        title=entry["title"].strip(),
        lagrum=tuple(x.strip() for x in lagrum),
        law_version=entry["law_version"].strip(),
        kind=kind,
        amount=amount,
        description=entry["description"].strip(),
        next_working_day=nwd,
        provisional_days=prov,
        mark=mark,
    )


def load_deadline_rules(path: str | Path | None = None) -> dict[str, DeadlineRule]:
    """Load and validate the rules file (default: resources/deadlines.toml), keyed by id."""
    if path is None:
        from ifodesk.resources import resource_path  # stdlib-only locator

        path = resource_path("deadlines.toml")
    path = Path(path)
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise DeadlineConfigError(f"Fristfilen {path} finns inte.") from None
    except tomllib.TOMLDecodeError as exc:
        raise DeadlineConfigError(f"Fristfilen {path} kan inte läsas: {exc}") from None
    entries = data.get("deadline")
    if not isinstance(entries, list) or not entries:
        raise DeadlineConfigError(
            f"Fristfilen {path} innehåller inga frister ([[deadline]]-poster saknas)."
        )
    unknown = sorted(set(data) - {"deadline"})
    if unknown:
        raise DeadlineConfigError(f"Fristfilen {path} har okända nycklar: {', '.join(unknown)}.")
    rules: dict[str, DeadlineRule] = {}
    for index, entry in enumerate(entries, start=1):
        rule = _parse_entry(path, index, entry)
        if rule.id in rules:
            raise _entry_error(path, index, rule.id, "samma id finns redan tidigare i filen.")
        rules[rule.id] = rule
    return rules


@functools.lru_cache(maxsize=1)
def default_rules() -> dict[str, DeadlineRule]:
    """The shipped rules, loaded once. Callers must not mutate the returned dict."""
    return load_deadline_rules()


def _rule(kind: str, rules: Mapping[str, DeadlineRule] | None) -> DeadlineRule:
    table = default_rules() if rules is None else rules
    try:
        return table[kind]
    except KeyError:
        raise ValueError(f"Okänd fristtyp {kind!r}: den finns inte i fristfilen.") from None


# --- Deadlines ----------------------------------------------------------------------------


class DeadlineStatus(StrEnum):
    MET = "met"
    MET_LATE = "met_late"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    OK = "ok"


def days_left(due: date, today: date) -> int:
    """Calendar days from ``today`` to ``due``; 0 on the due day, negative when overdue."""
    return (due - today).days


def status(
    due: date, met_on: date | None, today: date, warn_days: int = 3, in_time_until: date | None = None
) -> DeadlineStatus:
    """Where a deadline stands. Done on the due day counts as in time; ``due_soon`` includes it.

    ``in_time_until`` (lag 1930:173) is the last day that still counts as in time when the strict
    due date falls on a day off; it defaults to ``due``.
    """
    last = max(due, in_time_until or due)
    if met_on is not None:
        return DeadlineStatus.MET if met_on <= last else DeadlineStatus.MET_LATE
    left = days_left(last, today)
    if left < 0:
        return DeadlineStatus.OVERDUE
    if left <= warn_days:
        return DeadlineStatus.DUE_SOON
    return DeadlineStatus.OK


@dataclass(frozen=True)
class Deadline:
    kind: str
    title: str
    lagrum: tuple[str, ...]
    start: date
    due: date
    law_version: str = ""
    in_time_until: date | None = None  # next working day where lag 1930:173 applies

    def days_left(self, today: date) -> int:
        return days_left(self.due, today)

    def status(self, today: date, met_on: date | None = None, warn_days: int = 3) -> DeadlineStatus:
        return status(self.due, met_on, today, warn_days, self.in_time_until)


def compute(
    kind: str,
    start: date,
    rules: Mapping[str, DeadlineRule] | None = None,
    next_meeting: date | None = None,
) -> Deadline:
    """The deadline of ``kind`` for an event on ``start`` (rules default to the shipped file)."""
    rule = _rule(kind, rules)
    due = rule.due(start, next_meeting)
    return Deadline(
        kind=rule.id,
        title=rule.title,
        lagrum=rule.lagrum,
        start=start,
        due=due,
        law_version=rule.law_version,
        in_time_until=rule.in_time_until(due),
    )


def utredning_due(
    opened: date,
    extensions: Sequence[date],
    rules: Mapping[str, DeadlineRule] | None = None,
) -> date:
    """Current end date of a barnutredning.

    ``extensions`` are the new end dates of the förlängning decisions, oldest first. Each must
    lie after the end date it replaces; the last one is the current end date.
    """
    due = _rule(UTREDNING, rules).due(opened)
    for number, new_end in enumerate(extensions, start=1):
        if new_end <= due:
            raise ValueError(
                f"Förlängning {number}: det nya slutdatumet {new_end.isoformat()} måste ligga "
                f"efter nuvarande slutdatum {due.isoformat()}."
            )
        due = new_end
    return due
