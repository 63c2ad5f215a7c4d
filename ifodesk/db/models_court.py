"""Rättens dom eller beslut: the förvaltningsrätt's ruling on an application (LVU 4 §) or on an
underställt decision (LVU 6 §, LVM 13 §), kept in its own columns so deadlines and the register
can count from it."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, Tracked

# faststallt/upphavt: an underställt decision; bifall/avslag/delvis: an application for vård.
OUTCOMES = ("faststallt", "upphavt", "bifall", "avslag", "delvis")


class CourtRuling(Tracked, Base):
    """One per decision that went to the court; a later recording corrects it (audited)."""

    __tablename__ = "court_ruling"
    municipality_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("municipality.id"))
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id"))
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    decision_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("decision.id"), unique=True)
    # The insats (vård enligt LVU in a placement form) the judgment concerns.
    insats_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("insats.id"), index=True)
    court: Mapped[str] = mapped_column(String(200), default="")
    court_case_number: Mapped[str] = mapped_column(String(40), default="")  # målnummer
    ruled_on: Mapped[date] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(12))
    care_began_on: Mapped[date | None] = mapped_column(Date)  # verkställighet of the judgment
    granted_lagrum: Mapped[list | None] = mapped_column(JSON)  # e.g. ["2 § LVU"] when delvis
    __table_args__ = (CheckConstraint(
        "outcome in ('faststallt','upphavt','bifall','avslag','delvis')", name="outcome"),)
