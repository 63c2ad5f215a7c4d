"""Sök: every case in the municipality by personnummer, case number or name, filtered in SQL."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ifodesk.services import text_search
from ifodesk.services.admin import list_units
from ifodesk.services.caseview import STATUS_LABELS, CaseQuery
from ifodesk.services.errors import ServiceError

from .. import offline_list
from ..labels import person_name, protected_colour
from ..models.record_table import Column, RecordTableModel
from ..widgets.case_list import CaseListWidget
from ..widgets.tables import make_table
from .base import Page

translate = QCoreApplication.translate
SOURCES = {
    "journal": QT_TRANSLATE_NOOP("Search", "Journal"),
    "utredning": QT_TRANSLATE_NOOP("Search", "Utredning"),
    "anmalan": QT_TRANSLATE_NOOP("Search", "Anmälan"),
}


def hit_columns() -> list[Column]:
    return [Column(translate("Search", "Källa"), lambda h: translate("Search", SOURCES.get(h.source, h.source))),
            Column(translate("Search", "Datum"), lambda h: h.on),
            Column(translate("Search", "Ärende"), lambda h: h.case_number),
            Column(translate("Search", "Person"), lambda h: person_name(h.person),
                   foreground=lambda h: protected_colour(h.person)),
            Column(translate("Search", "Rubrik"), lambda h: h.heading),
            Column(translate("Search", "Utdrag"), lambda h: h.snippet, tooltip=lambda h: h.snippet)]


class TextSearchPanel(QWidget):
    """Sök i texter: journal notes, utredning sections and anmälan text (services.text_search)."""

    def __init__(self, app, parent=None):
        super().__init__(parent)
        self.app = app
        self.reason: str | None = None
        self.query = QLineEdit(self)
        self.query.setObjectName("text_search_query")
        self.query.setAccessibleName(self.tr("Sök i texter"))
        self.query.setPlaceholderText(self.tr("Ord i journal, utredning eller anmälan – alla ord ska finnas "
                                              "(minst 3 bokstäver)"))
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.search)
        self.button = QPushButton(self.tr("Sök i &texter"), self)
        self.button.setObjectName("text_search_button")
        self.button.setAccessibleName(self.tr("Sök i texter"))
        self.button.clicked.connect(self.search)
        self.count = QLabel(self)
        self.count.setObjectName("text_search_count")
        self.count.setWordWrap(True)
        self.reason_button = QPushButton(self.tr("Visa med skäl …"), self)
        self.reason_button.setObjectName("text_search_reason")
        self.reason_button.setAccessibleName(self.tr("Visa träffar hos skyddade personer med ett skäl"))
        self.reason_button.clicked.connect(self._ask_reason)
        self.reason_button.hide()
        self.model = RecordTableModel(hit_columns(), self)
        self.view = make_table("text_search_hits", self.tr("Träffar i texter"), self.model, self,
                               (85, 90, 120, 190, 150))
        self.view.activated.connect(self._open)
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.button)
        info = QHBoxLayout()
        info.addWidget(self.count, 1)
        info.addWidget(self.reason_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addLayout(info)
        box.addWidget(self.view, 1)

    def search(self) -> None:
        self.reason = None
        self._run()

    def _run(self) -> None:
        self.count.setText(self.tr("Söker …"))
        self.app.run(text_search.search_text, self.query.text(), self.reason, owner=self, on_done=self._show,
                     on_error=self._failed)

    def _show(self, result) -> None:
        self.model.set_records(result.hits)
        n = len(result.hits)
        text = self.tr("1 träff") if n == 1 else self.tr("%1 träffar").replace("%1", str(n))
        if result.more:
            text += " " + self.tr("(de senaste; fler äldre finns – skriv fler ord för att hitta dem)")
        if result.hidden_protected:
            text += " · " + (self.tr("1 träff gäller en skyddad person och visas bara med ett skäl")
                             if result.hidden_protected == 1 else
                             self.tr("%1 träffar gäller skyddade personer och visas bara med ett skäl")
                             .replace("%1", str(result.hidden_protected)))
        self.count.setText(text)
        self.reason_button.setVisible(bool(result.hidden_protected))
        if result.hits:
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ServiceError):
            self.count.setText(str(exc))
        else:
            self.count.setText("")
            self.app.report_error(exc)

    def _ask_reason(self) -> None:
        from ..access_dialog import AccessReasonDialog

        dlg = AccessReasonDialog(self.tr("Träffar hos skyddade personer visas bara om du anger varför du "
                                         "behöver dem."), self)
        dlg.reason_given.connect(self._with_reason)
        self.dialog = dlg
        dlg.open()

    def _with_reason(self, reason: str) -> None:
        self.reason = reason
        self._run()

    def _open(self, index) -> None:
        hit = self.model.record(index.row())
        if hit is not None:
            self.app.open_case.emit(hit.case_id)


class SearchPage(Page):
    title = QT_TRANSLATE_NOOP("Page", "Sök")
    page_id = "search"

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self.cases = CaseListWidget(app, "search_cases", CaseQuery(), self)
        self.cases.filter.setPlaceholderText(
            self.tr("Sök på personnummer (ÅÅMMDD-NNNN), ärendenummer (BU-2026-…) eller namn"))
        self.cases.case_activated.connect(app.open_case)
        offline_list.install(self.cases)
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
        cases_tab = QWidget(self)
        inner = QVBoxLayout(cases_tab)
        inner.addLayout(top)
        inner.addWidget(self.cases, 1)
        self.texts = TextSearchPanel(self.app, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("search_tabs")
        self.tabs.addTab(cases_tab, self.tr("Ärenden och &personer"))
        self.tabs.addTab(self.texts, self.tr("I te&xter"))
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("<h2>Sök ärenden och personer</h2>"), self))
        box.addWidget(self.tabs, 1)

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
        if self.tabs.currentWidget() is self.texts:
            self.texts.query.setFocus()
            self.texts.query.selectAll()
            return True
        self.cases.filter.setFocus()
        self.cases.filter.selectAll()
        return True


def _units(ctx):
    return list_units(ctx.db, ctx.actor.municipality_id)
