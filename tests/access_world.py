"""Cases at each scope relative to a user, for the access tests (issue 9, item 2)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update

from ifodesk.db.models import Case, Decision, Unit, User
from ifodesk.services import cases, decisions
from ifodesk.services.context import STOCKHOLM, ServiceContext
from ifodesk.services.dto import AnmalanInput, ChildInput

# One user per role (the demo staff); "system" is the command-line identity.
ROLE_USERS = {
    "handlaggare": "anna.lind",
    "forste": "karin.berg",
    "chef": "eva.lundgren",
    "ifo_chef": "goran.falk",
    "ordforande": "birgitta.strom",
    "ledamot": "lars.eklund",
    "sekreterare": "helena.wallin",
    "systemansvarig": "admin",
}
OTHER = "erik.sjoberg"  # a BU handläggare the test cases belong to
REAL_REASON = "Jourärende: barnet placerat akut i natt"


@dataclass
class Target:
    case_id: uuid.UUID
    person_id: uuid.UUID
    anmalan_child_id: uuid.UUID
    fb_id: uuid.UUID
    decision_id: uuid.UUID


def report(unit_id, first: str, born: date) -> AnmalanInput:
    return AnmalanInput(unit_id=unit_id, received_at=datetime(2026, 3, 2, 8, 15, tzinfo=STOCKHOLM),
                        channel="telefon", reporter_category="skola",
                        children=(ChildInput(None, first, "Testsson", born),), reasons=("omsorgssvikt",),
                        text="Oro för barnet.", reporter_name="Lena Rektor")


def add_unit(db, municipality_id, name="Socialpsykiatri", prefix="SP") -> uuid.UUID:
    """A unit no demo user works in: its cases are outside everyone's unit."""
    with db.session(write=True) as s:
        u = Unit(municipality_id=municipality_id, name=name, kind="vuxen", case_prefix=prefix)
        s.add(u)
        s.flush()
        return u.id


def make_case(ctx_for, db, unit_id, first: str, born: date, assigned_to: uuid.UUID | None) -> Target:
    chef = ctx_for("goran.falk")  # IFO-chef: registers in any unit of the municipality
    ch = cases.register_anmalan(chef, report(unit_id, first, born)).children[0]
    d = decisions.draft_decision(chef, ch.case_id, "inleda_utredning",
                                 {"barnets_namn": first, "anmalan_datum": "2026-03-02",
                                  "fakta": "Skolan oroas.", "motivering": "Oro."})
    with db.session(write=True) as s:
        s.execute(update(Case).where(Case.id == ch.case_id).values(assigned_to=assigned_to))
        # drafted by the case's handläggare, so "own" means the same for cases and decisions
        s.execute(update(Decision).where(Decision.id == d.id).values(drafted_by=assigned_to or chef.actor.user_id))
    return Target(ch.case_id, ch.person.id, ch.anmalan_child_id, ch.forhandsbedomning_id, d.id)


def user_id(db, username: str) -> uuid.UUID:
    with db.session() as s:
        return s.scalar(select(User.id).where(User.username == username))


def scoped_targets(ctx_for, db, org, username: str) -> dict[str, Target]:
    """own: assigned to the user in a unit the user is not in; unit: the user's unit (BU), someone
    else's; municipality: another unit, someone else's."""
    sp = add_unit(db, org.municipality_id)
    me, other = user_id(db, username), user_id(db, OTHER)
    out = {
        "unit": make_case(ctx_for, db, org.unit.id, "Ursula", date(2016, 1, 2), other),
        "municipality": make_case(ctx_for, db, sp, "Mira", date(2016, 1, 3), other),
    }
    if me is not None:
        out["own"] = make_case(ctx_for, db, sp, "Olle", date(2016, 1, 4), me)
    return out


def ctx_as(db, actor, clock) -> ServiceContext:
    return ServiceContext(db, actor, clock=clock)
