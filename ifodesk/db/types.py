"""Portable column types: aware UTC timestamps, JSON, binary-collated sort keys."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, String, TypeDecorator
from sqlalchemy.dialects import postgresql
from sqlalchemy.types import DateTime


class UTCDateTime(TypeDecorator):
    """Stores aware datetimes as naive UTC; refuses naive input so no local time sneaks in."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware datetime")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc)


JSONType = JSON().with_variant(postgresql.JSONB(), "postgresql")


def SortKey(length: int = 200) -> String:
    """A precomputed Swedish sort key compared bytewise on both back ends."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)
