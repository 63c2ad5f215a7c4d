"""Small helpers shared by the services: loading with a version check, user names."""

from __future__ import annotations

import uuid
from typing import TypeVar

from sqlalchemy.orm import Session

from ifodesk.db.models import User

from .errors import ConflictError, NotFound

T = TypeVar("T")


def get_or_404(s: Session, model: type[T], obj_id: uuid.UUID, label: str) -> T:
    obj = s.get(model, obj_id)
    if obj is None:
        raise NotFound(f"{label} finns inte (id {obj_id}).")
    return obj


def user_name(s: Session, user_id: uuid.UUID | None) -> str | None:
    if user_id is None:
        return None
    u = s.get(User, user_id)
    return u.full_name if u else None


def check_version(s: Session, obj, expected: int | None, label: str) -> None:
    """Refuse a save based on a stale read; name who changed it and when."""
    if expected is None or obj.version == expected:
        return
    raise ConflictError(label, user_name(s, obj.updated_by) or "okänd användare", obj.updated_at,
                        expected, obj.version)


def touch(ctx, obj) -> None:
    obj.updated_by = ctx.actor.user_id
    obj.updated_at = ctx.now()
