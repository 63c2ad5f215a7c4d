"""Audit rows (SoLPuL 10 §), always in the caller's transaction."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from ifodesk.db.models import AuditLog

from . import access
from .context import ServiceContext
from .dto import AuditEntry


def record(s: Session, ctx: ServiceContext, action: str, entity: str, entity_id=None,
           person_id: uuid.UUID | None = None, reason: str | None = None,
           detail: str | None = None) -> None:
    s.add(AuditLog(
        at=ctx.now(), user_id=ctx.actor.user_id, username=ctx.actor.username, action=action,
        entity=entity, entity_id=str(entity_id) if entity_id is not None else None,
        person_id=person_id, reason=reason, detail=detail,
    ))


@access.requires("audit.read")
def audit_trail(ctx: ServiceContext, person_id: uuid.UUID | None = None, limit: int = 500) -> list[AuditEntry]:
    with ctx.db.session() as s:
        q = select(AuditLog).order_by(AuditLog.id.desc()).limit(limit)
        if person_id is not None:
            q = q.where(AuditLog.person_id == person_id)
        rows = s.scalars(q).all()
        return [AuditEntry(r.id, r.at, r.username, r.action, r.entity, r.entity_id, r.person_id,
                           r.reason, r.detail) for r in rows]
