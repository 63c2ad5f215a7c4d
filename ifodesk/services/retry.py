"""Writes that race with other workstations: classify the database's refusal, try again.

A unique constraint, a serialization failure, a deadlock or SQLite's "database is locked"
mean another transaction won a race; the losing unit of work is rolled back whole and run
again on fresh data. Only when it keeps losing does the user get the Swedish message.
"""

from __future__ import annotations

import random
import time
from typing import Callable, TypeVar

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from .errors import BusyError, ConflictError, RaceError, RetryableError

T = TypeVar("T")
ATTEMPTS = 8
# PostgreSQL: serialization_failure, deadlock_detected, lock_not_available
TRANSIENT_SQLSTATES = {"40001", "40P01", "55P03"}


def translate(exc: BaseException) -> RetryableError | None:
    """The Swedish error for a database refusal caused by a concurrent write, else None."""
    if isinstance(exc, IntegrityError):
        return RaceError()
    if isinstance(exc, DBAPIError):
        state = getattr(exc.orig, "sqlstate", None)
        if state in TRANSIENT_SQLSTATES:
            return BusyError()
        if "database is locked" in str(exc.orig) or "database table is locked" in str(exc.orig):
            return BusyError()
    return None


def run_write(ctx, work: Callable[[Session], T], attempts: int = ATTEMPTS) -> T:
    """Run work(session) in one write transaction; a lost race is retried with back-off."""
    for attempt in range(attempts):
        try:
            with ctx.write() as s:
                return work(s)
        except (RetryableError, ConflictError):
            if attempt == attempts - 1:
                raise
            time.sleep(random.uniform(0.005, 0.02) * (2 ** attempt))
    raise AssertionError("unreachable")


def savepoint_insert(s: Session, obj) -> bool:
    """Add and flush obj inside a savepoint; False (and obj gone) if a unique rule refused it."""
    try:
        with s.begin_nested():
            s.add(obj)
            s.flush()
        return True
    except IntegrityError:
        return False
