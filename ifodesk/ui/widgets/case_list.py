"""A filterable, sortable case list: filter box (debounced), the lazy table, and the row count."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ifodesk.services.caseview import CaseQuery

from ..models.case_table import CaseTableModel
from .tables import make_table

DEBOUNCE_MS = 250
COLUMN_WIDTHS = (130, 220, 125, 130, 90, 150)


class _FilterEdit(QLineEdit):
    """Down arrow moves into the list, so searching never needs the mouse."""

    move_down = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.move_down.emit()
            return
        super().keyPressEvent(event)


class CaseListWidget(QWidget):
    case_activated = Signal(object)  # case id

    def __init__(self, app, name: str, query: CaseQuery | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.model = CaseTableModel(app, query, self)
        self.filter = _FilterEdit(self)
        self.filter.setObjectName(f"{name}_filter")
        self.filter.setAccessibleName(self.tr("Filtrera ärenden"))
        self.filter.setPlaceholderText(self.tr("Filtrera: personnummer, ärendenummer eller namn"))
        self.filter.setClearButtonEnabled(True)
        self.count = QLabel(self.tr("Läser in …"), self)
        self.count.setObjectName(f"{name}_count")
        self.view = make_table(f"{name}_table", self.tr("Ärendelista"), self.model, self, COLUMN_WIDTHS)
        # Indicator first: enabling sorting then asks the model for the sort it already has.
        self.view.horizontalHeader().setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        self.view.setSortingEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._layout()
        self._connect()

    def _layout(self) -> None:
        top = self.top = QHBoxLayout()  # more commands may be added beside the count (offline_list)
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addWidget(self.view, 1)

    def _connect(self) -> None:
        self.filter.textChanged.connect(lambda _t: self._debounce.start())
        self.filter.returnPressed.connect(self._apply_now)
        self.filter.move_down.connect(self._focus_table)
        self._debounce.timeout.connect(self._apply_filter)
        self.model.count_changed.connect(self._show_count)
        self.model.loaded.connect(self._select_first)
        self.view.activated.connect(self._activated)

    def _apply_filter(self) -> None:
        self.model.set_text(self.filter.text().strip())

    def _apply_now(self) -> None:
        self._debounce.stop()
        self._apply_filter()
        self._focus_table()

    def _focus_table(self) -> None:
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _select_first(self) -> None:
        if self.model.rowCount() and self.view.hasFocus():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _show_count(self, n: int) -> None:
        text = QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden).toString(n)
        if not self.model.complete:
            self.count.setText(self.tr("Minst %1 ärenden – räknar …").replace("%1", text))
        else:
            self.count.setText(self.tr("1 ärende") if n == 1 else self.tr("%1 ärenden").replace("%1", text))

    def _activated(self, index) -> None:
        cid = self.model.case_id_at(index.row())
        if cid is not None:
            self.case_activated.emit(cid)

    def reload(self) -> None:
        self.model.reload()

    def set_query(self, query: CaseQuery) -> None:
        self.model.set_query(query)

    def current_case_id(self) -> uuid.UUID | None:
        idx = self.view.currentIndex()
        return self.model.case_id_at(idx.row()) if idx.isValid() else None
