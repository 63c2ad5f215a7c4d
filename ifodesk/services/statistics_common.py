"""Shared pieces of the statistics services: SQL dialect helpers, scoping, safe file output."""

from __future__ import annotations

import os
import tempfile
import uuid
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Callable

from sqlalchemy import Integer, and_, case, cast, extract, func, literal, or_
from sqlalchemy.orm import Session

from ifodesk.db.models import Municipality, Person, Unit
from ifodesk.domain import deadlines as deadline_rules
from ifodesk.domain import statistics as st

from .context import STOCKHOLM, ServiceContext
from .errors import NotFound, ValidationError

Progress = Callable[[int, int, str], None]  # (done, total, what was just counted)


# --- Dialect helpers --------------------------------------------------------------------------

class _Sql:
    """The few expressions SQLite and PostgreSQL spell differently."""

    def __init__(self, s: Session):
        self.pg = s.get_bind().dialect.name == "postgresql"

    def days(self, later, earlier):
        if self.pg:
            return later - earlier  # date - date is an integer of days
        return cast(func.julianday(later) - func.julianday(earlier), Integer)

    def least(self, a, b):
        return func.least(a, b) if self.pg else func.min(a, b)

    def greatest(self, a, b):
        return func.greatest(a, b) if self.pg else func.max(a, b)

    def json_elements(self, column, name: str):
        """One row per element of a JSON list column, as column ``value``."""
        fn = func.jsonb_array_elements_text(column) if self.pg else func.json_each(column)
        return fn.table_valued("value", joins_implicitly=True).alias(name)

    def within(self, rule: deadline_rules.DeadlineRule, start, end):
        """end <= the rule's due date for start, in SQL (calendar months clamp to month end)."""
        if rule.kind == "days":
            return self.days(end, start) <= rule.amount
        if rule.kind == "months":
            months = ((extract("year", end) * 12 + extract("month", end))
                      - (extract("year", start) * 12 + extract("month", start)))
            # Same day number n months on, or the month's last day: end-day <= start-day suffices.
            return or_(months < rule.amount,
                       and_(months == rule.amount, extract("day", end) <= extract("day", start)))
        if rule.kind == "same_day":
            return end <= start
        raise ValueError(f"Fristregeln {rule.id} ({rule.kind}) kan inte användas i statistiken.")


def _gender(P=Person):
    """K/M from the personnummer's next-to-last digit, else the recorded legal gender."""
    digit = func.substr(P.personnummer, 11, 1)
    full = func.length(P.personnummer) == 12
    return case((and_(full, digit.in_(("0", "2", "4", "6", "8"))), "K"), (full, "M"),
                (P.legal_gender.in_(st.GENDERS), P.legal_gender), else_=None)


def _birth_year(P=Person):
    return func.coalesce(cast(extract("year", P.birth_date), Integer),
                         cast(func.substr(P.personnummer, 1, 4), Integer))


def _age_band(year: int, P=Person, age=None):
    """The age band for the age reached in ``year`` (or for the given age expression)."""
    age = literal(year) - _birth_year(P) if age is None else age
    whens = [(_birth_year(P).is_(None), st.UNKNOWN_AGE.code), (age < 0, st.UNKNOWN_AGE.code)]
    for band in st.AGE_BANDS:
        if band.high is not None:
            whens.append((age <= band.high, band.code))
    return case(*whens, else_=st.AGE_BANDS[-1].code)


def _utc(d: date) -> datetime:
    """Midnight Swedish time on d, in UTC: received_at is stored in UTC."""
    return datetime.combine(d, time(0), STOCKHOLM).astimezone(timezone.utc)


def _between(col, a: date, b: date):
    return and_(col >= a, col <= b)


def _municipality(s: Session, ctx: ServiceContext) -> Municipality:
    m = s.get(Municipality, ctx.actor.municipality_id)
    if m is None:
        raise NotFound("Kommunen finns inte i databasen.")
    return m


def _unit(s: Session, ctx: ServiceContext, unit_id: uuid.UUID | None) -> Unit | None:
    if unit_id is None:
        return None
    u = s.get(Unit, unit_id)
    if u is None or u.municipality_id != ctx.actor.municipality_id:
        raise NotFound("Enheten finns inte i kommunen.")
    return u


def _check_output(path: Path, suffix: str) -> Path:
    path = Path(path)
    if path.suffix.lower() != suffix:
        raise ValidationError(f"Filnamnet {path.name} ska sluta på {suffix}.", "path")
    parent = path.parent
    if not parent.is_dir():
        raise ValidationError(f"Mappen {parent} finns inte.", "path")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise ValidationError(f"Kan inte skriva till {path}: behörighet saknas.", "path")
    return path


def _write_atomically(path: Path, write: Callable[[Path], None], after: Callable[[], None]) -> None:
    """Write to a temporary file, run ``after`` (the audit row), then move into place.

    If the audit row cannot be written, no file is left behind: no export without its log.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=path.suffix)
    os.close(fd)
    try:
        write(Path(tmp))
        after()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise



def _last_sunday(year: int, month: int) -> date:
    d = date(year, month, 31)
    return d - timedelta(days=(d.weekday() + 1) % 7)


def _local_timestamp(sql: _Sql, col, years: range):
    """A UTC timestamp column as Swedish local time (CET/CEST), in SQL on both back ends."""
    if sql.pg:
        return func.timezone("Europe/Stockholm", func.timezone("UTC", col))
    summer = [and_(col >= datetime.combine(_last_sunday(y, 3), time(1), timezone.utc),
                   col < datetime.combine(_last_sunday(y, 10), time(1), timezone.utc)) for y in years]
    return func.datetime(col, case((or_(*summer), "+2 hours"), else_="+1 hours") if summer else "+1 hours")


def _age_on(sql: _Sql, col, years: range, P=Person):
    """Age in whole years on the (Swedish) day of the timestamp: the birthday counts from that day."""
    local = _local_timestamp(sql, col, years)
    md_local = extract("month", local) * 100 + extract("day", local)
    md_birth = func.coalesce(extract("month", P.birth_date) * 100 + extract("day", P.birth_date),
                             cast(func.substr(P.personnummer, 5, 4), Integer))
    return (cast(extract("year", local), Integer) - _birth_year(P)
            - case((md_local < md_birth, 1), else_=0))
