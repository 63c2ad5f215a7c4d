"""Start: my open cases and what is due, the first thing a caseworker sees in the morning."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ifodesk.services import deadlines, inbox
from ifodesk.services.caseview import CaseQuery

from ..widgets.case_list import CaseListWidget
from ..widgets.deadline_table import make_deadline_table
from .base import Page

OPEN_STATUSES = ("forhandsbedomning", "utredning", "insats")
WITHIN_DAYS = 14


class StartPage(Page):
    title = QT_TRANSLATE_NOOP("Page", "Start")
    page_id = "start"

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self.summary = QLabel(self.tr("Läser in …"), self)
        self.summary.setObjectName("start_summary")
        self.summary.setWordWrap(True)
        self.unassigned = QLabel(self)
        self.unassigned.setObjectName("start_unassigned")
        self.unassigned.setStyleSheet("background: #fff3cd; padding: 4px;")
        self.unassigned.hide()
        self.new_button = QPushButton(self.tr("Ny anmälan (Ctrl+N)"), self)
        self.new_button.setObjectName("start_new_anmalan")
        self.new_button.setAccessibleName(self.tr("Registrera ny anmälan"))
        self.new_button.clicked.connect(app.new_anmalan)
        self.deadline_model, self.deadline_view = make_deadline_table(
            "start_deadlines", self.tr("Mina tidsfrister"), self)
        self.deadline_view.activated.connect(self._open_deadline)
        query = CaseQuery(assigned_to=app.user_id(), statuses=OPEN_STATUSES)
        self.cases = CaseListWidget(app, "start_cases", query, self)
        self.cases.case_activated.connect(app.open_case)
        self._layout()
        app.data_changed.connect(self.refresh_if_visible)

    def _layout(self) -> None:
        top = QHBoxLayout()
        heading = QLabel(self.tr("<h2>Mina ärenden – %1</h2>").replace("%1", self.app.actor.full_name), self)
        top.addWidget(heading, 1)
        top.addWidget(self.new_button)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.summary)
        box.addWidget(self.unassigned)
        box.addWidget(QLabel(self.tr("<b>Frister som är försenade eller förfaller inom 14 dagar</b>"), self))
        box.addWidget(self.deadline_view, 2)
        box.addWidget(QLabel(self.tr("<b>Mina öppna ärenden</b>"), self))
        box.addWidget(self.cases, 3)

    def activate(self) -> None:
        self.cases.reload()
        if self.app.can_distribute():
            self.app.run(inbox.new_reports, unassigned_only=True, owner=self, on_done=self._show_unassigned)
        self.app.run(deadlines.overview, user_id=self.app.user_id(), within_days=WITHIN_DAYS,
                     owner=self, on_done=self._show_deadlines)

    def _show_deadlines(self, items) -> None:
        self.deadline_model.set_records(items)
        overdue = sum(1 for d in items if d.status == "overdue")
        soon = sum(1 for d in items if d.status == "due_soon")
        self.summary.setText(self.tr("%1 försenade frister · %2 förfaller inom tre dagar · %3 frister inom 14 dagar")
                             .replace("%1", str(overdue)).replace("%2", str(soon)).replace("%3", str(len(items))))

    def _show_unassigned(self, items) -> None:
        self.unassigned.setText(self.tr("<b>%1 ofördelade anmälningar</b> väntar på fördelning – se "
                                        "Anmälningar (Ctrl+2).").replace("%1", str(len(items))))
        self.unassigned.setVisible(bool(items))

    def _open_deadline(self, index) -> None:
        d = self.deadline_model.record(index.row())
        if d is not None:
            self.app.open_case.emit(d.case_id)
