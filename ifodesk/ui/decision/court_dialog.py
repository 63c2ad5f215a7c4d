"""Rättens beslut: the förvaltningsrätt's ruling on an underställt decision (e.g. LVM 13 §) is
recorded with its date and outcome; the deadlines that count from it (LVM 18 §) are shown."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ifodesk.services import decisions
from ifodesk.services.errors import ConflictError, PermissionDenied, ValidationError

from .. import theme
from ..widgets.inputs import button
from .fields import DateEdit
from ..dialogs import fit_to_screen

OUTCOMES = (
    ("faststallt", QT_TRANSLATE_NOOP("CourtRulingDialog", "Rätten fastställde beslutet (omhändertagandet består)")),
    ("upphavt", QT_TRANSLATE_NOOP("CourtRulingDialog", "Rätten upphävde beslutet")),
)


class CourtRulingDialog(QDialog):
    recorded = Signal(object)  # CourtRuling

    def __init__(self, app, info, parent: QWidget | None = None):
        super().__init__(parent)
        self.app, self.info = app, info
        self.setObjectName("court_dialog")
        self.setWindowTitle(self.tr("Förvaltningsrättens beslut"))
        intro = QLabel(self.tr("Nämndens beslut %1 (%2) har underställts förvaltningsrätten. För in rättens beslut "
                               "när det kommer in; fristerna som räknas från det startar då.")
                       .replace("%1", info.decided_on.isoformat() if info.decided_on else "")
                       .replace("%2", html.escape(info.title)), self)
        intro.setWordWrap(True)
        today = app.services.today()
        self.date = DateEdit(self)
        self.date.setObjectName("court_date")
        self.date.setAccessibleName(self.tr("Datum för rättens beslut"))
        low = info.decided_on or today
        self.date.setDateRange(QDate(low.year, low.month, low.day), QDate(today.year, today.month, today.day))
        self.date.setDate(QDate(today.year, today.month, today.day))
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("court_outcome")
        self.outcome.setAccessibleName(self.tr("Rättens beslut"))
        for key, text in OUTCOMES:
            self.outcome.addItem(self.tr(text), key)
        form = QFormLayout()
        for text, w in ((self.tr("&Rätten beslutade den:"), self.date), (self.tr("&Utfall:"), self.outcome)):
            label = QLabel(text, self)
            label.setBuddy(w)
            form.addRow(label, w)
        self.result = QLabel(self)
        self.result.setObjectName("court_result")
        self.result.setWordWrap(True)
        self.result.hide()
        self.ok = button(self, "court_ok", self.tr("&Spara"))
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.submit)
        self.cancel = button(self, "court_cancel", self.tr("Avbryt"))
        self.cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.ok)
        row.addWidget(self.cancel)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addLayout(form)
        box.addWidget(self.result)
        box.addLayout(row)
        fit_to_screen(self, 520, 240)

    def values(self) -> tuple[date, str]:
        q = self.date.date()
        return date(q.year(), q.month(), q.day()), self.outcome.currentData()

    def submit(self) -> None:
        ruled_on, outcome = self.values()
        self.ok.setEnabled(False)
        self.app.run(decisions.record_court_ruling, self.info.id, ruled_on, outcome, owner=self,
                     on_done=self._done, on_error=self._failed)

    def _done(self, ruling) -> None:
        if ruling.deadlines:
            lines = [self.tr("<b>Rättens beslut är infört.</b> Fristen som räknas från det:")]
            for d in ruling.deadlines:
                line = self.tr("%1: senast <b>%2</b> (%3)").replace("%1", html.escape(d.title)) \
                    .replace("%2", d.due.isoformat()).replace("%3", html.escape(", ".join(d.lagrum)))
                if d.in_time_until and d.in_time_until != d.due:
                    line += self.tr("; dagen är en helgdag, så %1 räknas som i tid").replace(
                        "%1", d.in_time_until.isoformat())
                lines.append("• " + line)
        else:
            lines = [self.tr("<b>Rättens beslut är infört.</b> Rätten upphävde beslutet; ingen frist räknas "
                             "från det.")]
        self.result.setText("<br>".join(lines))
        self.result.show()
        self.ok.hide()
        self.cancel.setText(self.tr("S&täng"))
        self.cancel.setFocus()
        self.recorded.emit(ruling)

    def _failed(self, exc: Exception) -> None:
        self.ok.setEnabled(True)
        if isinstance(exc, (ValidationError, PermissionDenied, ConflictError)):
            self.result.setText(theme.escaped_span(str(exc), "danger", bold=True))
            self.result.show()
        else:
            self.app.report_error(exc)

