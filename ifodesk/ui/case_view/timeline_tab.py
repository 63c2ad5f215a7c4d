"""Översikt: everything that happened in the case, newest first, and earlier reports about the child."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from ifodesk.domain.categories import load_categories
from ifodesk.services.cases import FB_OUTCOMES
from ifodesk.services.context import STOCKHOLM
from ifodesk.services.dto import CaseDetail

from ..models.record_table import Column, RecordTableModel
from ..widgets.inputs import set_read_only
from ..widgets.tables import make_table

translate = QCoreApplication.translate


def event_time(e):
    """A date-only event shows its date; only a real time of day is shown as one."""
    return e.at.astimezone(STOCKHOLM).date() if e.date_only else e.at


def one_line(text: str) -> str:
    """Paragraphs kept apart in a table cell (the reasons are not read as the first words of the text)."""
    return " · ".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


def timeline_columns() -> list[Column]:
    return [Column(translate("Timeline", "Tid"), event_time),
            Column(translate("Timeline", "Händelse"), lambda e: e.title),
            Column(translate("Timeline", "Av"), lambda e: e.by or ""),
            Column(translate("Timeline", "Text"), lambda e: one_line(e.text)[:200])]


def _outcome(r) -> str:
    if r.outcome is None:
        return translate("Timeline", "Förhandsbedömning pågår")
    return FB_OUTCOMES.get(r.outcome, r.outcome)


def earlier_columns() -> list[Column]:
    cats = load_categories()
    return [Column(translate("Timeline", "Mottagen"), lambda r: r.received_at),
            Column(translate("Timeline", "Anmälare"), lambda r: cats.label(r.reporter_category)),
            Column(translate("Timeline", "Anledning"), lambda r: ", ".join(cats.label(x) for x in r.reasons)),
            Column(translate("Timeline", "Ärende"), lambda r: r.case_number),
            Column(translate("Timeline", "Utfall"), _outcome)]


class TimelineTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = RecordTableModel(timeline_columns(), self)
        self.view = make_table("timeline_table", self.tr("Tidslinje"), self.model, self, (130, 340, 140))
        self.detail = QPlainTextEdit(self)
        self.detail.setObjectName("timeline_detail")
        self.detail.setAccessibleName(self.tr("Vald händelse i sin helhet"))
        set_read_only(self.detail)
        self.earlier = RecordTableModel(earlier_columns(), self)
        self.earlier_view = make_table("case_earlier_reports", self.tr("Alla anmälningar om barnet"),
                                       self.earlier, self, (130, 170, 230, 120))
        self.view.selectionModel().currentRowChanged.connect(self._show_event)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(self.detail)
        split.setSizes([300, 120])
        box = QVBoxLayout(self)
        box.addWidget(split, 3)
        box.addWidget(QLabel(self.tr("<b>Alla anmälningar om barnet</b> (även de som inte ledde till "
                                     "utredning)"), self))
        box.addWidget(self.earlier_view, 1)

    def show_case(self, detail: CaseDetail) -> None:
        self.model.set_records(detail.timeline)
        self.earlier.set_records(detail.earlier_reports)
        self.detail.clear()

    def _show_event(self, current, _previous) -> None:
        e = self.model.record(current.row())
        if e is not None:
            self.detail.setPlainText(f"{e.title}\n{e.by or ''}\n\n{e.text}")
