"""Who is acting, on which database, at what time: passed to every service call."""

from __future__ import annotations

import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Callable, Iterator
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ifodesk.config import Municipality as MunicipalityConfig
from ifodesk.db.engine import Database

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@dataclass(frozen=True)
class Actor:
    user_id: uuid.UUID
    username: str
    full_name: str
    title: str
    role: str
    delegate_level: str
    municipality_id: uuid.UUID
    unit_ids: tuple[uuid.UUID, ...]
    employed_since: date | None = None
    socionom: bool = True
    experienced: bool = True  # "tillräcklig erfarenhet", judged by the nämnd
    urgent_appointed: bool = False  # ledamot appointed to take urgent decisions


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class ServiceContext:
    db: Database
    actor: Actor
    municipality: MunicipalityConfig = field(default_factory=MunicipalityConfig)
    clock: Callable[[], datetime] = _utc_now
    # Reasons this user stated in this session for reading a person's data outside their own
    # cases and unit (person id -> reason): asked once per person, logged with every read.
    stated_reasons: dict = field(default_factory=dict, repr=False)

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        """Legal dates are Swedish calendar dates."""
        return self.clock().astimezone(STOCKHOLM).date()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write unit of work; a lost race on a record's version becomes a ConflictError, and
        a unique rule, deadlock or lock lost to another writer a Swedish RetryableError."""
        from sqlalchemy.exc import DBAPIError

        try:
            with self.db.session(write=True) as s:
                yield s
        except StaleDataError as exc:
            from .errors import ConflictError

            raise ConflictError("Posten", "en annan användare", None, 0, 0) from exc
        except DBAPIError as exc:
            from .retry import translate

            race = translate(exc)
            if race is None:
                raise
            raise race from None  # the driver's text holds SQL parameters: never shown

    def read(self):
        return self.db.session()

    def as_user(self, actor: Actor) -> "ServiceContext":
        return ServiceContext(self.db, actor, self.municipality, self.clock)
