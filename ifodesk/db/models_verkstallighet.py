"""Verkställighet of a gynnande decision: the uppdrag to an utförare and the dated events
(verkställt, avbrutet) from which the queue and the IVO report are worked out (SoL 34 kap.)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, Tracked


class Verkstallighet(Tracked, Base):
    """One per granted decision; created when someone first records anything about it."""

    __tablename__ = "verkstallighet"
    municipality_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("municipality.id"))
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id"))
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    decision_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("decision.id"), unique=True)
    utforare_kind: Mapped[str | None] = mapped_column(String(20))  # ids in resources/ivo.toml
    utforare_name: Mapped[str] = mapped_column(String(200), default="")
    uppdrag_on: Mapped[date | None] = mapped_column(Date)


class VerkstallighetEvent(Tracked, Base):
    """Append-only: a correction is a new event, never an edit (SoL 14 kap. 3 §)."""

    __tablename__ = "verkstallighet_event"
    verkstallighet_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("verkstallighet.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    on_date: Mapped[date] = mapped_column(Date)
    reason_id: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")
    utforare_kind: Mapped[str | None] = mapped_column(String(20))
    utforare_name: Mapped[str] = mapped_column(String(200), default="")
    __table_args__ = (CheckConstraint("kind in ('uppdrag','verkstallt','avbrutet')", name="kind"),)
