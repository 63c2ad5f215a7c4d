"""The case list over 100 000 cases: an ordered id list from SQL, rows fetched lazily in blocks.

As in Anki's browser table: filtering and sorting happen in the database (case_ids), the model
holds only ids, and data() serves cached rows. A missing row only *schedules* a block fetch,
which runs on the worker; data() itself never touches the database.

A new filter is answered in two phases: first the top block (ids with LIMIT and their rows),
shown at once; then the full ordered id list, appended below it for the scrollbar and count.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from functools import partial

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from ifodesk.services.caseview import STATUS_LABELS, CaseQuery, case_ids, case_rows
from ifodesk.services.dto import CaseSummary

from .. import theme
from ..labels import person_name
from .record_table import RecordRole, display

BLOCK = 100
PLACEHOLDER = "…"
HEADERS = (QT_TRANSLATE_NOOP("CaseTable", "Ärendenummer"), QT_TRANSLATE_NOOP("CaseTable", "Namn"),
           QT_TRANSLATE_NOOP("CaseTable", "Personnummer"), QT_TRANSLATE_NOOP("CaseTable", "Status"),
           QT_TRANSLATE_NOOP("CaseTable", "Öppnat"), QT_TRANSLATE_NOOP("CaseTable", "Handläggare"),
           QT_TRANSLATE_NOOP("CaseTable", "Nästa frist"))
SORT_KEYS = {0: "case_number", 1: "name", 3: "status", 4: "opened_on"}


def _hex_ids(ids: list) -> list[str]:
    """Ids as 32-digit hex keys (case_ids returns them so; older versions returned UUIDs)."""
    if ids and isinstance(ids[0], uuid.UUID):
        return [i.hex for i in ids]
    return [i.replace("-", "") for i in ids] if ids and len(ids[0]) == 36 else list(ids)


def _first_block(ctx, query: CaseQuery) -> tuple[list[str], list[CaseSummary]]:
    """Phase 1 of a new filter: the rows the user sees first (LIMIT on an index: milliseconds)."""
    ids = _hex_ids(case_ids(ctx, query, limit=BLOCK))
    return ids, case_rows(ctx, ids)


def _all_ids(ctx, query: CaseQuery) -> list[str]:
    return _hex_ids(case_ids(ctx, query))


# data() runs for every visible cell and role on each paint (7 roles × ~190 cells): plain ints
# and a per-row tuple of ready strings keep a repaint of the list at a few milliseconds.
DISPLAY = Qt.ItemDataRole.DisplayRole.value
FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
RECORD = RecordRole.value if hasattr(RecordRole, "value") else int(RecordRole)
NAME_COLUMN = 1


def _cells(c: CaseSummary) -> tuple[str, ...]:
    """The row as shown: every column's text, computed once per row."""
    return tuple(display(v) for v in (
        c.case_number, person_name(c.person), c.person.display_id, STATUS_LABELS.get(c.status, c.status),
        c.opened_on, c.assigned_name or QCoreApplication.translate("CaseTable", "Ofördelad"), c.next_due_on))


class CaseTableModel(QAbstractTableModel):
    count_changed = Signal(int)
    loaded = Signal()  # a new filter's first rows are shown
    completed = Signal()  # ... and the full id list is in place

    def __init__(self, app, query: CaseQuery | None = None, parent=None):
        super().__init__(parent)
        self.app = app
        self._query = query or CaseQuery()
        self._ids: list[str] = []  # hex keys: 100 000 UUID objects would cost more than the query
        self._rows: dict[str, CaseSummary] = {}
        self._text: dict[str, tuple[str, ...]] = {}  # display strings per row, filled as rows are shown
        self._pending: set[int] = set()
        self._wanted: set[int] = set()
        self._gen = 0
        self._loading = False
        self.complete = False
        self._fetch_timer = QTimer(self, singleShot=True, interval=0)
        self._fetch_timer.timeout.connect(self._fetch_wanted)
        # Phase 2 starts after the first rows are painted: a QTimer event comes after the
        # (low-priority) repaint request, so the count never competes with drawing the rows.
        self._count_timer = QTimer(self, singleShot=True, interval=0)
        self._count_gen = 0
        self._count_timer.timeout.connect(self._count_all)

    # --- queries -------------------------------------------------------------------------

    def query(self) -> CaseQuery:
        return self._query

    def set_query(self, query: CaseQuery) -> None:
        self._query = query
        self.reload()

    def set_text(self, text: str) -> None:
        if text != self._query.text:
            self.set_query(replace(self._query, text=text))

    def reload(self) -> None:
        """New ids for the current filter and sort; stale answers are dropped by generation."""
        self._gen += 1
        self._loading = True
        self.app.run(_first_block, self._query, owner=self, on_done=partial(self._first_arrived, self._gen))

    def is_loading(self) -> bool:
        return self._loading or bool(self._pending) or bool(self._wanted)

    def _first_arrived(self, gen: int, result) -> None:
        if gen != self._gen:
            return
        ids, rows = result
        self.beginResetModel()
        self._ids, self._rows = ids, {r.id.hex: r for r in rows}
        self._text = {}
        self._pending.clear()
        self._wanted.clear()
        self.endResetModel()
        self.complete = len(ids) < BLOCK
        self._loading = not self.complete
        self.count_changed.emit(len(ids))
        self.loaded.emit()
        if self.complete:
            self.completed.emit()
        else:
            self._count_gen = gen
            self._count_timer.start()

    def _count_all(self) -> None:
        if self._count_gen == self._gen and not self.complete:
            self.app.run(_all_ids, self._query, owner=self, on_done=partial(self._all_arrived, self._gen))

    def _all_arrived(self, gen: int, ids: list[str]) -> None:
        if gen != self._gen:
            return
        shown = len(self._ids)
        if ids[:shown] == self._ids and len(ids) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)  # no reset: selection stays
            self._ids = ids
            self.endInsertRows()
        elif ids != self._ids:
            self.beginResetModel()
            self._ids = ids
            self._text = {}
            self.endResetModel()
        self.complete, self._loading = True, False
        self.count_changed.emit(len(ids))
        self.completed.emit()

    # --- lazy blocks ---------------------------------------------------------------------

    def _want(self, block: int) -> None:
        if block not in self._pending and block not in self._wanted:
            self._wanted.add(block)
            self._fetch_timer.start()

    def _fetch_wanted(self) -> None:
        for block in sorted(self._wanted):
            self._pending.add(block)
            ids = self._ids[block * BLOCK:(block + 1) * BLOCK]
            self.app.run(case_rows, ids, owner=self, on_done=partial(self._block_arrived, self._gen, block),
                         on_error=partial(self._block_failed, self._gen, block))
        self._wanted.clear()

    def _block_arrived(self, gen: int, block: int, rows: list[CaseSummary]) -> None:
        if gen != self._gen:
            return
        self._pending.discard(block)
        self._rows.update((r.id.hex, r) for r in rows)  # ids are hex strings (see case_ids)
        for r in rows:
            self._text.pop(r.id.hex, None)
        first, last = block * BLOCK, min((block + 1) * BLOCK, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(HEADERS) - 1))

    def _block_failed(self, gen: int, block: int, exc: Exception) -> None:
        if gen == self._gen:
            self._pending.discard(block)
            self.app.status_message.emit(str(exc))

    # --- access ----------------------------------------------------------------------------

    def case_id_at(self, row: int) -> uuid.UUID | None:
        return uuid.UUID(hex=self._ids[row]) if 0 <= row < len(self._ids) else None

    def case_at(self, row: int) -> CaseSummary | None:
        return self._rows.get(self._ids[row]) if 0 <= row < len(self._ids) else None

    def row_of(self, case_id: uuid.UUID) -> int:
        try:
            return self._ids.index(case_id.hex if isinstance(case_id, uuid.UUID) else case_id)
        except ValueError:
            return -1

    # --- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(HEADERS):
            return QCoreApplication.translate("CaseTable", HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        role = getattr(role, "value", role)
        if role != DISPLAY and role != FOREGROUND and role != RECORD:
            return None  # font, alignment, decoration …: Qt's defaults, answered at once
        row = index.row()
        if not 0 <= row < len(self._ids):
            return None
        key = self._ids[row]
        if role == DISPLAY:
            text = self._text.get(key)
            if text is None:
                summary = self._rows.get(key)
                if summary is None:
                    self._want(row // BLOCK)
                    return PLACEHOLDER if index.column() == 0 else ""
                text = self._text[key] = _cells(summary)
            return text[index.column()]
        summary = self._rows.get(key)
        if summary is None:
            return None
        if role == RECORD:
            return summary
        if index.column() == NAME_COLUMN and summary.person.is_protected:
            return theme.text("danger")  # read at paint time: follows a palette change
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return  # sorting by this column would need every row: not offered
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._query.sort, self._query.descending):
            self.set_query(replace(self._query, sort=key, descending=descending))

