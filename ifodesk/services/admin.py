"""Municipality, units and users: setup and sign-in."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ifodesk.config import Municipality as MunicipalityConfig
from ifodesk.db.engine import Database
from ifodesk.db.models import Municipality, Unit, User

from ifodesk.domain.delegation import EMPLOYEE_LEVELS

from . import access, audit
from .common import touch
from .context import Actor, ServiceContext
from .dto import UnitInfo, UserInfo
from .errors import NotFound, ValidationError

ROLES = {
    "handlaggare": "Socialsekreterare",
    "forste": "1:e socialsekreterare",
    "chef": "Enhetschef",
    "ifo_chef": "IFO-chef",
    "ordforande": "Ordförande",
    "ledamot": "Ledamot",
    "sekreterare": "Nämndsekreterare",
    "systemansvarig": "Systemansvarig",
}


@dataclass(frozen=True)
class UnitSpec:
    name: str
    kind: str
    case_prefix: str


@dataclass(frozen=True)
class UserSpec:
    username: str
    full_name: str
    role: str
    delegate_level: str
    units: tuple[str, ...]  # case prefixes of the units
    employed_since: date | None = None
    title: str | None = None
    socionom: bool = True
    login_name: str | None = None  # PostgreSQL login role / OS account; None: the username
    experienced: bool = True
    urgent_appointed: bool = False


DEFAULT_UNITS = (
    UnitSpec("Barn och unga", "barn_unga", "BU"),
    UnitSpec("Vuxen", "vuxen", "VU"),
    UnitSpec("Ekonomiskt bistånd", "ekonomi", "EB"),
)


def ensure_municipality(db: Database, cfg: MunicipalityConfig) -> uuid.UUID:
    with db.session(write=True) as s:
        m = s.scalar(select(Municipality).where(Municipality.code == cfg.code))
        if m is None:
            m = Municipality(code=cfg.code, name=cfg.name)
            s.add(m)
            s.flush()
            for spec in DEFAULT_UNITS:
                s.add(Unit(municipality_id=m.id, name=spec.name, kind=spec.kind, case_prefix=spec.case_prefix))
        return m.id


def create_user(db: Database, municipality_id: uuid.UUID, spec: UserSpec) -> UserInfo:
    if spec.role not in ROLES:
        raise ValidationError(f"Okänd roll: {spec.role}. Tillåtna: {', '.join(ROLES)}", "role")
    with db.session(write=True) as s:
        if s.scalar(select(User).where(User.username == spec.username)):
            raise ValidationError(f"Användarnamnet {spec.username} finns redan.", "username")
        login = spec.login_name or spec.username
        if s.scalar(select(User).where(User.login_name == login)):
            raise ValidationError(f"Inloggningsnamnet {login} används redan av en annan användare.", "login_name")
        units = s.scalars(select(Unit).where(Unit.municipality_id == municipality_id,
                                             Unit.case_prefix.in_(spec.units))).all()
        if len(units) != len(set(spec.units)):
            raise ValidationError(f"Okänd enhet bland {', '.join(spec.units)}", "units")
        u = User(municipality_id=municipality_id, username=spec.username, full_name=spec.full_name,
                 title=spec.title or ROLES[spec.role], role=spec.role, delegate_level=spec.delegate_level,
                 employed_since=spec.employed_since, socionom=spec.socionom,
                 experienced=spec.experienced, urgent_appointed=spec.urgent_appointed, units=list(units),
                 login_name=login)
        s.add(u)
        s.flush()
        return _user_info(u)


def disable_user(db: Database, username: str) -> str:
    """The user can no longer sign in; returns the login name (for the database role)."""
    with db.session(write=True) as s:
        u = s.scalar(select(User).where(User.username == username))
        if u is None:
            raise NotFound(f"Det finns ingen användare {username!r}.")
        u.active = False
        return u.login_name or u.username


def set_login_name(db: Database, username: str, login_name: str) -> None:
    with db.session(write=True) as s:
        u = s.scalar(select(User).where(User.username == username))
        if u is None:
            raise NotFound(f"Det finns ingen användare {username!r}.")
        u.login_name = login_name


def _user_info(u: User) -> UserInfo:
    return UserInfo(u.id, u.username, u.full_name, u.title, u.role, u.delegate_level, u.employed_since,
                    tuple(x.id for x in u.units), u.active, u.socionom, u.experienced, u.urgent_appointed)


def _yes(value: bool) -> str:
    return "ja" if value else "nej"


@access.requires("user.manage")
def set_user_facts(ctx: ServiceContext, user_id: uuid.UUID, *, experienced: bool,
                   urgent_appointed: bool) -> UserInfo:
    """Record what the nämnd decided about a person: appointed to take urgent decisions (a
    ledamot only, KL 6:39, LVU 6 §, LVM 13 §) and enough experience for child investigations."""
    with ctx.write() as s:
        u = s.scalar(select(User).where(User.id == user_id, User.municipality_id == ctx.actor.municipality_id))
        if u is None:
            raise NotFound("Användaren finns inte.")
        if urgent_appointed and u.delegate_level in EMPLOYEE_LEVELS:
            raise ValidationError(f"{u.full_name} är anställd. Bara en ledamot i nämnden kan förordnas att fatta "
                                  "brådskande beslut.", "urgent_appointed")
        if (u.experienced, u.urgent_appointed) != (experienced, urgent_appointed):
            u.experienced, u.urgent_appointed = experienced, urgent_appointed
            touch(ctx, u)
            s.flush()
            audit.record(s, ctx, "update", "user", u.id, None,
                         detail=f"tillräcklig erfarenhet: {_yes(experienced)}; "
                                f"förordnad för brådskande beslut: {_yes(urgent_appointed)}")
        return _user_info(u)


def list_users(db: Database, municipality_id: uuid.UUID | None = None) -> list[UserInfo]:
    with db.session() as s:
        q = select(User).order_by(User.full_name)
        if municipality_id:
            q = q.where(User.municipality_id == municipality_id)
        return [_user_info(u) for u in s.scalars(q)]


def list_units(db: Database, municipality_id: uuid.UUID) -> list[UnitInfo]:
    with db.session() as s:
        return [UnitInfo(u.id, u.name, u.kind, u.case_prefix) for u in s.scalars(
            select(Unit).where(Unit.municipality_id == municipality_id).order_by(Unit.name))]


def actor_for(db: Database, username: str) -> Actor:
    """The user by name: the demo picker, tests and administration (real sign-in: services.identity)."""
    with db.session() as s:
        u = s.scalar(select(User).where(User.username == username, User.active.is_(True)))
        if u is None:
            raise NotFound(f"Det finns ingen aktiv användare {username!r}.")
        return actor_from_user(u)


def actor_from_user(u: User) -> Actor:
    return Actor(u.id, u.username, u.full_name, u.title, u.role, u.delegate_level, u.municipality_id,
                 tuple(x.id for x in u.units), u.employed_since, u.socionom, u.experienced, u.urgent_appointed)


def system_actor(db: Database, municipality_id: uuid.UUID) -> Actor:
    """The identity command-line administration acts as, so its changes are audited too."""
    return Actor(uuid.UUID(int=0), "ifodesk-admin", "Systemadministration", "Systemansvarig",
                 "system", "socialchef", municipality_id, ())  # role "system": see resources/access.toml
