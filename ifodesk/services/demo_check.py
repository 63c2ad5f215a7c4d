"""Is this a demo database? Screenshots and other show-and-tell tools run only on one.

No schema marker is needed: a demo database is recognised by what 'ifodesk-admin demo' puts in
it. Every person has a test personnummer (födelsenummer 980–999, Skatteverket's test series) or
a reservnummer, and every user is one of the demo staff. One real personnummer or one real
colleague's account makes it a real database.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from ifodesk.db.engine import Database
from ifodesk.db.models import Person, User

from .demo_staff import STAFF

DEMO_USERNAMES = frozenset(spec.username for spec in STAFF)
_SYNTHETIC_FIRST = "980"  # födelsenummer of the test series, as in domain.personnummer


@dataclass(frozen=True)
class DemoCheck:
    is_demo: bool
    reason: str  # Swedish, why not (empty when it is a demo database)


def check_demo_database(db: Database) -> DemoCheck:
    """Counts only: no name or personnummer leaves the database."""
    with db.session() as s:
        persons = s.scalar(select(func.count()).select_from(Person))
        real_persons = s.scalar(select(func.count()).select_from(Person).where(
            Person.personnummer.is_not(None), func.substr(Person.personnummer, 9, 3) < _SYNTHETIC_FIRST))
        users = s.scalars(select(User.username)).all()
    other_users = [u for u in users if u not in DEMO_USERNAMES]
    if not persons:
        return DemoCheck(False, "Databasen har inga demoärenden. Skapa en demodatabas med "
                                "'ifodesk-admin demo --database FIL'.")
    if real_persons:
        return DemoCheck(False, f"Databasen innehåller {real_persons} personer med riktiga personnummer "
                                "(utanför testserien). Det är ingen demodatabas.")
    if other_users:
        return DemoCheck(False, f"Databasen har {len(other_users)} användare som inte hör till demopersonalen. "
                                "Det är ingen demodatabas.")
    return DemoCheck(True, "")
