"""Audit rows (SoLPuL 10 §), always in the caller's transaction, chained by hash at commit."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ifodesk.db import audit_chain
from ifodesk.db.engine import Database
from ifodesk.db.models import AuditLog

from . import access
from .context import ServiceContext
from .dto import AuditEntry

SIGN_IN_FAILED = "sign_in_failed"


def record(s: Session, ctx: ServiceContext, action: str, entity: str, entity_id=None,
           person_id: uuid.UUID | None = None, reason: str | None = None,
           detail: str | None = None, *, person_ids: Iterable[uuid.UUID] = ()) -> None:
    """Queue one audit row; person_ids are the persons a list or search showed (indexed, hashed)."""
    audit_chain.queue(s, {
        "at": ctx.now(), "user_id": ctx.actor.user_id, "username": ctx.actor.username, "action": action,
        "entity": entity, "entity_id": str(entity_id) if entity_id is not None else None,
        "person_id": person_id, "reason": reason, "detail": detail,
    }, person_ids)


def record_system(s: Session, username: str, action: str, entity: str, *, at: datetime | None = None,
                  detail: str | None = None) -> None:
    """An audit row written without a signed-in user (administration commands, sign-in)."""
    audit_chain.queue(s, {
        "at": at or datetime.now(timezone.utc), "user_id": None, "username": username[:60], "action": action,
        "entity": entity, "entity_id": None, "person_id": None, "reason": None, "detail": detail,
    })


def record_sign_in_failed(db: Database, username: str, cause: str, at: datetime | None = None) -> None:
    """A failed sign-in (wrong password, unknown or disabled user): open to anyone, as no one is signed in.

    cause is a short code or Swedish phrase without secrets (never the password tried).
    """
    with db.session(write=True) as s:
        record_system(s, username or "(okänd)", SIGN_IN_FAILED, "session", at=at, detail=cause[:200])


@access.requires("audit.read")
def audit_trail(ctx: ServiceContext, person_id: uuid.UUID | None = None, limit: int = 500) -> list[AuditEntry]:
    with ctx.db.session() as s:
        q = select(AuditLog).order_by(AuditLog.id.desc()).limit(limit)
        if person_id is not None:
            q = q.where(AuditLog.person_id == person_id)
        rows = s.scalars(q).all()
        return [AuditEntry(r.id, r.at, r.username, r.action, r.entity, r.entity_id, r.person_id,
                           r.reason, r.detail) for r in rows]
