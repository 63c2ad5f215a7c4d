"""The anmälan dialog's local draft: what was typed, as plain strings, for the DraftStore.

A telephone anmälan is typed while the reporter talks; Esc, a crash or a closed window must not
lose it. One draft per user (the store is per user): the next "Ny anmälan" brings it back.
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from .fields import get_value, set_value

DRAFT_KEY = "anmalan-ny"
_TEXTS = ("reporter_name", "reporter_org", "reporter_contact", "text")
_CHILD_FIELDS = ("pnr", "first", "last", "birth")


def snapshot(dialog) -> dict[str, str]:
    values = {field: get_value(getattr(dialog, field)) for field in _TEXTS}
    values["received"] = get_value(dialog.received)
    values["unit"] = str(dialog.unit.currentData() or dialog.pending_unit or "")
    values["channel"] = dialog.channel.currentData() or ""
    values["category"] = dialog.category.currentData() or ""
    values["anonymous"] = get_value(dialog.anonymous)
    values["feedback"] = get_value(dialog.feedback)
    values["reasons"] = ",".join(dialog.checked_reasons())
    values["children"] = json.dumps([{f: getattr(row, f).text() for f in _CHILD_FIELDS}
                                     for row in dialog.children], ensure_ascii=False)
    return values


def has_content(values: dict[str, str]) -> bool:
    """Something a person typed or ticked (the preset time, unit and lists alone are not)."""
    if any(values.get(f, "").strip() for f in _TEXTS) or values.get("reasons"):
        return True
    return any(v.strip() for child in json.loads(values.get("children") or "[]") for v in child.values())


def restore(dialog, values: dict[str, str]) -> None:
    set_value(dialog.received, values.get("received", ""))
    for combo, code in ((dialog.channel, values.get("channel")), (dialog.category, values.get("category"))):
        index = combo.findData(code) if code else -1
        if index >= 0:
            combo.setCurrentIndex(index)
    dialog.pending_unit = values.get("unit") or None
    for field in _TEXTS:
        set_value(getattr(dialog, field), values.get(field, ""))
    set_value(dialog.anonymous, values.get("anonymous", ""))
    set_value(dialog.feedback, values.get("feedback", ""))
    codes = set(filter(None, values.get("reasons", "").split(",")))
    for i in range(dialog.reasons.count()):
        item = dialog.reasons.item(i)
        checked = item.data(Qt.ItemDataRole.UserRole) in codes
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    for i, child in enumerate(json.loads(values.get("children") or "[]")):
        row = dialog.children[i] if i < len(dialog.children) else dialog.add_child()
        if row is None:
            break
        for f in _CHILD_FIELDS:
            getattr(row, f).setText(child.get(f, ""))
