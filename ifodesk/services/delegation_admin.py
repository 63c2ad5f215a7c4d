"""The municipality's delegationsordning: stored as reviewed TOML text, validated on every load."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select

from ifodesk.db.engine import Database
from ifodesk.db.models import DelegationOrdning
from ifodesk.resources import resource_path


def default_delegation_text() -> str:
    return resource_path("delegation", "default.toml").read_text(encoding="utf-8")


def ensure_default_delegation(db: Database, municipality_id: uuid.UUID) -> None:
    with db.session(write=True) as s:
        if s.scalar(select(DelegationOrdning.id).where(DelegationOrdning.municipality_id == municipality_id,
                                                       DelegationOrdning.active.is_(True))):
            return
        s.add(DelegationOrdning(municipality_id=municipality_id, adopted_on=date.today(),
                                content=default_delegation_text(), active=True))


def active_delegation_text(db: Database, municipality_id: uuid.UUID, s=None) -> str:
    """`s`: read in the caller's session instead of opening a second connection."""
    if s is None:
        with db.session() as s:
            return active_delegation_text(db, municipality_id, s)
    row = s.scalar(select(DelegationOrdning.content).where(DelegationOrdning.municipality_id == municipality_id,
                                                           DelegationOrdning.active.is_(True))
                   .order_by(DelegationOrdning.adopted_on.desc()).limit(1))
    return row if row is not None else default_delegation_text()


def active_delegation(db: Database, municipality_id: uuid.UUID) -> tuple[str, date | None]:
    """The adopted ordning's text and adoption date; the default ordning (None) when none is adopted."""
    with db.session() as s:
        row = s.scalar(select(DelegationOrdning).where(DelegationOrdning.municipality_id == municipality_id,
                                                       DelegationOrdning.active.is_(True))
                       .order_by(DelegationOrdning.adopted_on.desc()))
        return (row.content, row.adopted_on) if row else (default_delegation_text(), None)


def adopt_delegation(db: Database, municipality_id: uuid.UUID, text: str, adopted_on: date, catalog) -> None:
    """Anta en ny delegationsordning: validated against the law first; the old one stays on record."""
    from ifodesk.domain.delegation import load_and_validate

    load_and_validate(text, catalog)  # raises DelegationError naming each forbidden row
    with db.session(write=True) as s:
        for row in s.scalars(select(DelegationOrdning).where(DelegationOrdning.municipality_id == municipality_id,
                                                             DelegationOrdning.active.is_(True))):
            row.active = False
        s.add(DelegationOrdning(municipality_id=municipality_id, adopted_on=adopted_on, content=text, active=True))
