"""Handover and absence cover: who stands in for a handläggare while they are away.

An absence row says a user is away for a period and, once someone is named, who covers their
open cases and anmälningar meanwhile. Without a stand-in the absence shows on the 1:e
socialsekreterare's start page until one is named or the cases are handed over.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, Tracked


class Absence(Tracked, Base):
    __tablename__ = "absence"
    municipality_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("municipality.id"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    stand_in_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    note: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (
        Index("ix_absence_user_period", "user_id", "ends_on"),
        Index("ix_absence_muni_period", "municipality_id", "ends_on"),
        CheckConstraint("ends_on >= starts_on", name="period"),
    )
