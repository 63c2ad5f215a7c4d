"""An offline change is an intent: which service call, with which values, against which record
version and field values. Arguments travel as JSON with tagged UUIDs and dates."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass
class Intent:
    id: str
    seq: int
    call: str  # e.g. "journal.add_note"
    args: dict[str, Any]  # keyword arguments (without ctx), decoded
    record_kind: str | None = None  # e.g. "utredning"
    record_id: str | None = None  # the record changed, or the record created (same id on the server)
    base_version: int | None = None
    base_values: dict[str, Any] = field(default_factory=dict)
    created_offline: bool = False  # the record itself was made offline (no one else knows it)


def encode(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return {"$uuid": str(value)}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    return value


def decode(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) == 1:
            (k, v), = value.items()
            if k == "$uuid":
                return uuid.UUID(v)
            if k == "$date":
                return date.fromisoformat(v)
            if k == "$datetime":
                return datetime.fromisoformat(v)
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def to_json(intent: Intent) -> str:
    return json.dumps({"id": intent.id, "seq": intent.seq, "call": intent.call, "args": encode(intent.args),
                       "record_kind": intent.record_kind, "record_id": intent.record_id,
                       "base_version": intent.base_version, "base_values": encode(intent.base_values),
                       "created_offline": intent.created_offline}, ensure_ascii=False)


def from_json(text: str) -> Intent:
    raw = json.loads(text)
    return Intent(raw["id"], raw["seq"], raw["call"], decode(raw["args"]), raw.get("record_kind"),
                  raw.get("record_id"), raw.get("base_version"), decode(raw.get("base_values") or {}),
                  bool(raw.get("created_offline")))
