"""Rättens dom eller beslut: the förvaltningsrätt's judgment on an application for vård (LVU 4 §:
bifall, avslag, delvis bifall, with court, målnummer, the day vård began and the insats it is given
in) or its ruling on an underställt decision (LVM 13 §: fastställt, upphävt). The deadlines that
count from it are shown."""

from __future__ import annotations

import html
import uuid
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ifodesk.services import court
from ifodesk.services.errors import ConflictError, PermissionDenied, ValidationError

from .. import theme
from ..widgets.inputs import add_row, button, line_edit
from .fields import DateEdit
from ..dialogs import fit_to_screen

OUTCOMES = {
    "faststallt": QT_TRANSLATE_NOOP("CourtRulingDialog", "Rätten fastställde beslutet (omhändertagandet består)"),
    "upphavt": QT_TRANSLATE_NOOP("CourtRulingDialog", "Rätten upphävde beslutet"),
    "bifall": QT_TRANSLATE_NOOP("CourtRulingDialog", "Bifall: rätten beslutade om vård enligt ansökan"),
    "avslag": QT_TRANSLATE_NOOP("CourtRulingDialog", "Avslag: rätten avslog ansökan"),
    "delvis": QT_TRANSLATE_NOOP("CourtRulingDialog", "Delvis bifall: vård på en av grunderna"),
}


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class CourtRulingDialog(QDialog):
    recorded = Signal(object)  # court.CourtRuling
    loaded = Signal()

    def __init__(self, app, info, parent: QWidget | None = None):
        super().__init__(parent)
        self.app, self.info, self.form_data = app, info, None
        self.setObjectName("court_dialog")
        self.setWindowTitle(self.tr("Förvaltningsrättens beslut"))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        today = app.services.today()
        low = info.decided_on or today
        self.court = line_edit(self, "court_name", self.tr("Domstol"))
        self.court.setPlaceholderText(self.tr("t.ex. Förvaltningsrätten i Göteborg"))
        self.court.setMaxLength(200)
        self.case_number = line_edit(self, "court_case_number", self.tr("Målnummer"))
        self.case_number.setPlaceholderText(self.tr("t.ex. 1234-26"))
        self.case_number.setMaxLength(court.MAX_COURT_CASE_NUMBER)
        self.date = DateEdit(self)
        self.date.setObjectName("court_date")
        self.date.setAccessibleName(self.tr("Datum för rättens beslut"))
        self.date.setDateRange(_qdate(low), _qdate(today))
        self.date.setDate(_qdate(today))
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("court_outcome")
        self.outcome.setAccessibleName(self.tr("Rättens beslut"))
        self.granted = QComboBox(self)
        self.granted.setObjectName("court_granted")
        self.granted.setAccessibleName(self.tr("Grund som rätten biföll"))
        self.care_began = DateEdit(self)
        self.care_began.setObjectName("court_care_began")
        self.care_began.setAccessibleName(self.tr("Dagen då vården började"))
        self.care_began.setDateRange(_qdate(low), _qdate(today))
        self.care_began.setDate(_qdate(today))
        self.insats = QComboBox(self)
        self.insats.setObjectName("court_insats")
        self.insats.setAccessibleName(self.tr("Insats som domen gäller"))
        form = QFormLayout()
        self.rows = {}
        for key, text, w in (("court", self.tr("&Domstol:"), self.court),
                             ("number", self.tr("&Målnummer:"), self.case_number),
                             ("date", self.tr("&Rätten beslutade den:"), self.date),
                             ("outcome", self.tr("&Utfall:"), self.outcome),
                             ("granted", self.tr("&Vård enligt:"), self.granted),
                             ("care", self.tr("Vården &började den:"), self.care_began),
                             ("insats", self.tr("&Insats:"), self.insats)):
            self.rows[key] = (add_row(form, text, w), w)
        self.result = QLabel(self)
        self.result.setObjectName("court_result")
        self.result.setWordWrap(True)
        self.result.hide()
        self.ok = button(self, "court_ok", self.tr("&Spara"))
        self.ok.setDefault(True)
        self.ok.setEnabled(False)  # until the form has loaded
        self.ok.clicked.connect(self.submit)
        self.cancel = button(self, "court_cancel", self.tr("Avbryt"))
        self.cancel.clicked.connect(self.reject)
        self.outcome.currentIndexChanged.connect(self._show_rows)
        self.date.dateChanged.connect(self._ruled_on_changed)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.ok)
        row.addWidget(self.cancel)
        box = QVBoxLayout(self)
        box.addWidget(self.intro)
        box.addLayout(form)
        box.addWidget(self.result)
        box.addLayout(row)
        fit_to_screen(self, 560, 320)
        self._show_rows()
        app.run(court.court_ruling_form, info.id, owner=self, on_done=self._loaded, on_error=self._failed)

    # --- loading -----------------------------------------------------------------------------

    def _loaded(self, f) -> None:
        self.form_data = f
        decided = f.decision.decided_on.isoformat() if f.decision.decided_on else ""
        if f.kind == "ansokan":
            text = self.tr("Nämnden ansökte den %1 om vård (%2). För in förvaltningsrättens dom när den kommer in: "
                           "övervägandet av vården räknas från dagen då vården enligt domen började.")
        else:
            text = self.tr("Nämndens beslut %1 (%2) har underställts förvaltningsrätten. För in rättens beslut "
                           "när det kommer in; fristerna som räknas från det startar då.")
        self.intro.setText(text.replace("%1", decided).replace("%2", html.escape(f.decision.title)))
        for key in f.outcomes:
            self.outcome.addItem(self.tr(OUTCOMES[key]), key)
        for g in f.grounds:
            self.granted.addItem(g.label, g.value)
        for i in f.insatser:
            self.insats.addItem(i.label, f"insats:{i.id}")
        for kind, label in f.placement_kinds:
            self.insats.addItem(self.tr("Ny insats: %1").replace("%1", label), f"new:{kind}")
        if f.current is not None:
            self._fill(f.current)
        self.ok.setEnabled(True)
        self._show_rows()
        self.loaded.emit()

    def _fill(self, c) -> None:
        self.court.setText(c.court)
        self.case_number.setText(c.court_case_number)
        self.date.setDate(_qdate(c.ruled_on))
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(c.outcome)))
        if c.care_began_on:
            self.care_began.setDate(_qdate(c.care_began_on))
        if c.granted_lagrum:
            match = [g.value for g in self.form_data.grounds if g.lagrum == tuple(c.granted_lagrum)]
            if match:
                self.granted.setCurrentIndex(self.granted.findData(match[0]))
        if c.insats_id is not None:
            self.insats.setCurrentIndex(max(0, self.insats.findData(f"insats:{c.insats_id}")))

    def _ruled_on_changed(self, q: QDate) -> None:
        self.care_began.setMinimumDate(q)  # vård under the judgment cannot begin before it

    def _show_rows(self, *_args) -> None:
        f = self.form_data
        application = f is not None and f.kind == "ansokan"
        outcome = self.outcome.currentData()
        granting = application and outcome in court.GRANTING
        visible = {"court": application, "number": application, "granted": application and outcome == "delvis",
                   "care": granting, "insats": granting}
        for key, (label, w) in self.rows.items():
            on = visible.get(key, True)
            label.setVisible(on)
            w.setVisible(on)

    # --- saving ------------------------------------------------------------------------------

    def values(self) -> tuple[date, str]:
        return _date(self.date.date()), self.outcome.currentData()

    def details(self) -> dict:
        """The ansökan's fields; empty for an underställt decision."""
        f = self.form_data
        if f is None or f.kind != "ansokan":
            return {}
        out = dict(court=self.court.text(), court_case_number=self.case_number.text())
        outcome = self.outcome.currentData()
        if outcome in court.GRANTING:
            out["care_began_on"] = _date(self.care_began.date())
            what, _, key = (self.insats.currentData() or "new:").partition(":")
            if what == "insats":
                out["insats_id"] = uuid.UUID(key)
            else:
                out["placement_kind"] = key
        if outcome == "delvis":
            out["granted"] = next((g.lagrum for g in f.grounds if g.value == self.granted.currentData()), ())
        return out

    def submit(self) -> None:
        ruled_on, outcome = self.values()
        self.ok.setEnabled(False)
        self.app.run(court.record_court_ruling, self.info.id, ruled_on, outcome, owner=self,
                     on_done=self._done, on_error=self._failed, **self.details())

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
        elif ruling.outcome in court.GRANTING:
            lines = [self.tr("<b>Rättens beslut är infört.</b>")]
        else:
            lines = [self.tr("<b>Rättens beslut är infört.</b> Rätten sade nej; ingen frist räknas från det.")]
        self.result.setText("<br>".join(lines))
        self.result.show()
        self.ok.hide()
        self.cancel.setText(self.tr("S&täng"))
        self.cancel.setFocus()
        self.recorded.emit(ruling)

    def _failed(self, exc: Exception) -> None:
        self.ok.setEnabled(self.form_data is not None)
        if isinstance(exc, (ValidationError, PermissionDenied, ConflictError)):
            self.result.setText(theme.escaped_span(str(exc), "danger", bold=True))
            self.result.show()
        else:
            self.app.report_error(exc)
