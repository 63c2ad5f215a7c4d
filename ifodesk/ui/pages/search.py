"""Sök: every case in the municipality by personnummer, case number or name, filtered in SQL."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout

from ifodesk.services.admin import list_units
from ifodesk.services.caseview import STATUS_LABELS, CaseQuery

from ..widgets.case_list import CaseListWidget
from .base import Page


class SearchPage(Page):
    title = QT_TRANSLATE_NOOP("Page", "Sök")
    page_id = "search"

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self.cases = CaseListWidget(app, "search_cases", CaseQuery(), self)
        self.cases.filter.setPlaceholderText(
            self.tr("Sök på personnummer (ÅÅMMDD-NNNN), ärendenummer (BU-2026-…) eller namn"))
        self.cases.case_activated.connect(app.open_case)
        self.status = QComboBox(self)
        self.status.setObjectName("search_status")
        self.status.setAccessibleName(self.tr("Ärendestatus"))
        self.status.addItem(self.tr("Alla"), ())
        for code, label in STATUS_LABELS.items():
            self.status.addItem(label, (code,))
        self.mine = QCheckBox(self.tr("Bara &mina ärenden"), self)
        self.mine.setObjectName("search_mine")
        self.mine.setAccessibleName(self.tr("Bara mina ärenden"))
        self.unit = QComboBox(self)
        self.unit.setObjectName("search_unit")
        self.unit.setAccessibleName(self.tr("Enhet"))
        self.unit.addItem(self.tr("Alla enheter"), None)
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status.currentIndexChanged.connect(lambda _i: self._requery())
        self.unit.currentIndexChanged.connect(lambda _i: self._requery())
        self.mine.toggled.connect(lambda _on: self._requery())
        self._loaded = False
        self._layout()

    def _layout(self) -> None:
        top = QHBoxLayout()
        for text, combo in ((self.tr("&Enhet:"), self.unit), (self.tr("S&tatus:"), self.status)):
            label = QLabel(text, self)
            label.setBuddy(combo)
            top.addWidget(label)
            top.addWidget(combo)
        top.addWidget(self.mine)
        top.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("<h2>Sök ärenden och personer</h2>"), self))
        box.addLayout(top)
        box.addWidget(self.cases, 1)

    def _requery(self) -> None:
        q = self.cases.model.query()
        self.cases.set_query(replace(q, statuses=self.status.currentData() or (), unit_id=self.unit.currentData(),
                                     assigned_to=self.app.user_id() if self.mine.isChecked() else None))

    def activate(self) -> None:
        if not self._loaded:  # 100 000 ids: load once, then only on filter changes
            self._loaded = True
            self.app.run(_units, owner=self, on_done=self._fill_units)

    def _fill_units(self, units) -> None:
        """The user's own unit first: its list is what they search most, and it is indexed."""
        mine = [u for u in units if u.id in self.app.actor.unit_ids]
        self.unit.blockSignals(True)
        for u in units:
            self.unit.addItem(u.name, u.id)
        if mine:
            self.unit.setCurrentIndex(self.unit.findData(mine[0].id))
        self.unit.blockSignals(False)
        self._requery()

    def focus_search(self) -> bool:
        self.cases.filter.setFocus()
        self.cases.filter.selectAll()
        return True


def _units(ctx):
    return list_units(ctx.db, ctx.actor.municipality_id)
