"""Per-field three-way comparison at check-in: nothing silently overwritten, nothing dropped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FieldConflict:
    intent_id: str
    record_kind: str
    record_id: str
    field: str
    label: str
    base: Any
    mine: Any
    theirs: Any


def field_conflicts(intent_id: str, record_kind: str, record_id: str, labels: dict[str, str],
                    base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any]) -> list[FieldConflict]:
    """A field conflicts when the server changed it since check-out and to something else than mine."""
    out = []
    for name, my_value in mine.items():
        their_value = theirs.get(name)
        if name not in base or their_value == base[name] or their_value == my_value:
            continue
        out.append(FieldConflict(intent_id, record_kind, record_id, name, labels.get(name, name),
                                 base[name], my_value, their_value))
    return out


def changed_spans(a: str, b: str) -> list[tuple[int, int]]:
    """Character spans of b that differ from a (for marking differences in the merge view)."""
    import difflib

    spans = []
    for tag, _i1, _i2, j1, j2 in difflib.SequenceMatcher(None, a or "", b or "", autojunk=False).get_opcodes():
        if tag in ("replace", "insert") and j2 > j1:
            spans.append((j1, j2))
    return spans
