"""A table model over a short list of DTOs, described by columns (deadlines, users, timeline ...)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from ifodesk.services.context import STOCKHOLM

RecordRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]
    background: Callable[[Any], Any] | None = None
    foreground: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str | None] | None = None


def display(value: Any) -> str:
    """Dates as ISO (Swedish standard), times in Swedish local time."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return QCoreApplication.translate("Table", "Ja") if value else QCoreApplication.translate("Table", "Nej")
    return str(value)


class RecordTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self._records: list[Any] = []

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self) -> list[Any]:
        return list(self._records)

    def record(self, row: int) -> Any:
        return self._records[row] if 0 <= row < len(self._records) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return self.columns[section].header
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._records):
            return None
        rec, col = self._records[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(col.value(rec))
        if role == RecordRole:
            return rec
        getter = {Qt.ItemDataRole.BackgroundRole: col.background,
                  Qt.ItemDataRole.ForegroundRole: col.foreground,
                  Qt.ItemDataRole.ToolTipRole: col.tooltip}.get(role)
        return getter(rec) if getter else None
