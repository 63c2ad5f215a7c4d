"""Offline copies (issue 12): which cases are out on which laptop, and which offline intents
the server has already applied (so an interrupted check-in resumes without doing anything twice)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, new_id
from .types import utcnow


class OfflineCheckout(Base):
    """One case in one laptop copy (copy_id groups the cases checked out together)."""

    __tablename__ = "offline_checkout"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    copy_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"), index=True)
    laptop: Mapped[str] = mapped_column(String(100))
    checked_out_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column()
    reason: Mapped[str | None] = mapped_column(String(500))
    revoked_at: Mapped[datetime | None] = mapped_column()
    revoked_by: Mapped[str | None] = mapped_column(String(60))
    checked_in_at: Mapped[datetime | None] = mapped_column()


class CheckinApplied(Base):
    """An offline intent the server applied, written in the same transaction as its effect."""

    __tablename__ = "checkin_applied"
    intent_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    copy_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    seq: Mapped[int] = mapped_column()
    call: Mapped[str] = mapped_column(String(100))
    outcome: Mapped[str] = mapped_column(String(30))  # applied | superseded | merged
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    applied_at: Mapped[datetime] = mapped_column(default=utcnow)
    applied_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class OfflineHeldIntent(Base):
    """Intents of a revoked copy: kept on the server for review, never applied automatically."""

    __tablename__ = "offline_held_intent"
    intent_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    copy_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    seq: Mapped[int] = mapped_column()
    call: Mapped[str] = mapped_column(String(100))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)  # emptied when discarded
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    # held -> released (handed back to its author to check in) -> checked_in; or held -> discarded
    status: Mapped[str] = mapped_column(String(20), default="held", server_default="held")
    decided_at: Mapped[datetime | None] = mapped_column()
    decided_by: Mapped[str | None] = mapped_column(String(60))
    decision_reason: Mapped[str | None] = mapped_column(String(500))


Index("ix_offline_checkout_open", OfflineCheckout.case_id, OfflineCheckout.checked_in_at)
