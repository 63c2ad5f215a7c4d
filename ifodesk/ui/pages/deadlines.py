"""Tidsbevakning: overdue and soon-due deadlines per user and unit, in words as well as colour."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout

from ifodesk.services import admin, deadlines

from ..models.record_table import Column, RecordTableModel
from ..widgets.deadline_table import DEADLINE_WIDTHS, FRIST, deadline_columns
from ..widgets.tables import make_table
from .base import Page

ENHET = 6  # the unit column, shown for "Alla enheter"

translate = QCoreApplication.translate
WITHIN = (7, 14, 30)


def per_user(items) -> list[tuple[str, int, int, int]]:
    """(handläggare, overdue, due within three days, all) per person, most overdue first."""
    overdue, soon, total = Counter(), Counter(), Counter()
    for d in items:
        name = d.assigned_name or translate("Deadlines", "Ofördelad")
        total[name] += 1
        overdue[name] += d.status == "overdue"
        soon[name] += d.status == "due_soon"
    return sorted(((n, overdue[n], soon[n], total[n]) for n in total), key=lambda r: (-r[1], -r[2], r[0]))


def summary_columns() -> list[Column]:
    return [Column(translate("Deadlines", "Handläggare"), lambda r: r[0]),
            Column(translate("Deadlines", "Försenade"), lambda r: r[1]),
            Column(translate("Deadlines", "Inom tre dagar"), lambda r: r[2]),
            Column(translate("Deadlines", "Totalt"), lambda r: r[3])]


class DeadlinesPage(Page):
    title = QT_TRANSLATE_NOOP("Page", "Tidsbevakning")
    page_id = "deadlines"

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self._units: dict = {}
        self.scope = self._combo("deadlines_scope", self.tr("Vems frister"))
        self.within = self._combo("deadlines_within", self.tr("Tidsrymd"))
        for n in WITHIN:
            self.within.addItem(self.tr("Försenade och inom %1 dagar").replace("%1", str(n)), n)
        self.model = RecordTableModel(deadline_columns() + [
            Column(self.tr("Enhet"), lambda d: self._units.get(d.unit_id, ""))], self)
        self.view = make_table("deadlines_table", self.tr("Tidsfrister"), self.model, self,
                               DEADLINE_WIDTHS + (112, 118), stretch=FRIST)
        self.view.activated.connect(self._open)
        self.summary_model = RecordTableModel(summary_columns(), self)
        self.summary_view = make_table("deadlines_per_user", self.tr("Frister per handläggare"),
                                       self.summary_model, self, (0, 66, 92, 46), stretch=0)
        self.count = QLabel(self)
        self.count.setObjectName("deadlines_count")
        self._layout()
        app.run(_units_for, owner=self, on_done=self._fill_scope)
        app.data_changed.connect(self.refresh_if_visible)

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.currentIndexChanged.connect(self.refresh_if_visible)
        return combo

    def _layout(self) -> None:
        top = QHBoxLayout()
        for text, combo in ((self.tr("&Visa:"), self.scope), (self.tr("&Period:"), self.within)):
            label = QLabel(text, self)
            label.setBuddy(combo)
            top.addWidget(label)
            top.addWidget(combo)
        top.addWidget(self.count, 1)
        legend = QLabel(self.tr("⚠ Försenad (röd) · ● Förfaller inom tre dagar (gul) · Om N dagar (grön). "
                                "Status står alltid i text."), self)
        legend.setObjectName("deadlines_legend")
        split = QSplitter(self)
        split.addWidget(self.view)
        split.addWidget(self.summary_view)
        split.setSizes([824, 325])  # 1366 px: every column of both lists without scrolling sideways
        split.setStretchFactor(0, 1)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("<h2>Tidsbevakning</h2>"), self))
        box.addLayout(top)
        box.addWidget(legend)
        box.addWidget(split, 1)

    def _fill_scope(self, units) -> None:
        self._units = {u.id: u.name for u in units}
        self.scope.blockSignals(True)
        self.scope.addItem(self.tr("Mina frister"), ("user", self.app.user_id()))
        for u in units:
            self.scope.addItem(self.tr("Enhet: %1").replace("%1", u.name), ("unit", u.id))
        self.scope.addItem(self.tr("Alla enheter"), ("all", None))
        self.scope.setCurrentIndex(1 if self.app.can_distribute() and len(units) else 0)
        self.scope.blockSignals(False)
        if self.isVisible():
            self.activate()

    def activate(self) -> None:
        kind, key = self.scope.currentData() or ("user", self.app.user_id())
        self.view.setColumnHidden(ENHET, kind != "all")  # one unit's list: the column would repeat it
        kwargs = {"user_id": key} if kind == "user" else {"unit_id": key} if kind == "unit" else {}
        self.app.run(deadlines.overview, within_days=self.within.currentData() or 7, owner=self,
                     on_done=self._show, **kwargs)

    def _show(self, items) -> None:
        self.model.set_records(items)
        self.summary_model.set_records(per_user(items))
        overdue = sum(1 for d in items if d.status == "overdue")
        self.count.setText(self.tr("%1 frister, varav %2 försenade").replace("%1", str(len(items)))
                           .replace("%2", str(overdue)))

    def _open(self, index) -> None:
        d = self.model.record(index.row())
        if d is not None:
            self.app.open_case.emit(d.case_id)


def _units_for(ctx):
    """The units the user works in (all units for those without one)."""
    units = admin.list_units(ctx.db, ctx.actor.municipality_id)
    mine = [u for u in units if u.id in ctx.actor.unit_ids]
    return mine or units
