"""Beslut: the decisions of the case, read-only here; "Nytt beslut" hands over to the decision editor."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ifodesk.services.context import STOCKHOLM
from ifodesk.services.dto import CaseDetail

from ..appctx import DecisionRequest
from ..models.record_table import Column, RecordTableModel
from ..widgets.inputs import button
from ..widgets.tables import make_table
from .verkstallighet_box import VerkstallighetBox

translate = QCoreApplication.translate
DECISION_KINDS = ("beslut", "forhandsbedomning", "forlangning")


def decision_columns() -> list[Column]:
    return [Column(translate("Decisions", "Datum"), lambda e: e.at.astimezone(STOCKHOLM).date()),
            Column(translate("Decisions", "Beslut"), lambda e: e.title),
            Column(translate("Decisions", "Beslutsfattare"), lambda e: e.by or ""),
            Column(translate("Decisions", "Lagrum / skäl"), lambda e: " ".join(e.text.split()))]


class DecisionsTab(QWidget):
    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.case_id = None
        self.model = RecordTableModel(decision_columns(), self)
        self.view = make_table("decisions_table", self.tr("Beslut i ärendet"), self.model, self, (130, 320, 160))
        self.view.activated.connect(self._open)
        self.new_button = button(self, "new_decision", self.tr("N&ytt beslut …"))
        self.new_button.clicked.connect(lambda: self.app.new_decision.emit(DecisionRequest(self.case_id)))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Fattade beslut, förhandsbedömningar och förlängningar. Nya beslut skrivs "
                                     "från en beslutsmall."), self), 1)
        row.addWidget(self.new_button)
        box = QVBoxLayout(self)
        box.addLayout(row)
        box.addWidget(self.view, 1)
        self.verkstallighet = VerkstallighetBox(app, self)  # SoL 34 kap.: the chosen decision's verkställighet
        self.verkstallighet.follow(self.view, self.model)
        box.addWidget(self.verkstallighet)

    def show_case(self, detail: CaseDetail) -> None:
        self.case_id = detail.summary.id
        self.model.set_records([e for e in detail.timeline if e.kind in DECISION_KINDS])

    def _open(self, index) -> None:
        e = self.model.record(index.row())
        if e is not None and e.kind == "beslut" and e.ref_id is not None:
            self.app.open_decision.emit(e.ref_id)
