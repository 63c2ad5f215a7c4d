"""Verkställighet of the chosen decision: uppdrag to an utförare, place in the queue, verkställt or
avbrutet (SoL 34 kap.: a gynnande decision not carried out within three months is reported to IVO)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from ifodesk.domain.verkstallighet import default_config
from ifodesk.services import verkstallighet

from ..decision.fields import DateEdit
from ..widgets.inputs import button, error_label, line_edit, name


def _date(w: DateEdit):
    return w.date().toPython()


class VerkstallighetBox(QGroupBox):
    changed = Signal(object)  # the new VerkstallighetInfo

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(self.tr("Verkställighet"), parent)
        self.setObjectName("verkstallighet_box")
        self.app = app
        self.info = None
        cfg = default_config()
        self.status = QLabel(self.tr("Välj ett beslut i listan."), self)
        self.status.setObjectName("verkstallighet_status")
        self.status.setWordWrap(True)
        self.utforare = name(QComboBox(self), "verkstallighet_utforare", self.tr("Utförare"))
        for key, label in cfg.utforare.items():
            self.utforare.addItem(label, key)
        self.utforare_name = line_edit(self, "verkstallighet_utforare_namn", self.tr("Utförarens namn"))
        self.utforare_name.setPlaceholderText(self.tr("Namn (krävs för extern utförare)"))
        self.uppdrag_date = name(DateEdit(self), "verkstallighet_uppdrag_datum", self.tr("Datum för uppdraget"))
        self.assign_button = button(self, "verkstallighet_uppdrag", self.tr("Ge upp&drag"))
        self.assign_button.clicked.connect(self.assign)
        self.done_date = name(DateEdit(self), "verkstallighet_verkstallt_datum", self.tr("Verkställt datum"))
        self.done_button = button(self, "verkstallighet_verkstallt", self.tr("&Markera verkställt"))
        self.done_button.clicked.connect(self.mark_done)
        self.reason = name(QComboBox(self), "verkstallighet_skal", self.tr("Skäl till avbrott"))
        for key, r in cfg.reasons.items():
            self.reason.addItem(r.label, key)
        self.note = line_edit(self, "verkstallighet_anteckning", self.tr("Kommentar till avbrottet"))
        self.note.setPlaceholderText(self.tr("Kommentar (valfri)"))
        self.stop_date = name(DateEdit(self), "verkstallighet_avbrott_datum", self.tr("Datum för avbrottet"))
        self.stop_button = button(self, "verkstallighet_avbrutet", self.tr("Markera av&brutet"))
        self.stop_button.clicked.connect(self.mark_stopped)
        self.history = QLabel(self)
        self.history.setObjectName("verkstallighet_historik")
        self.history.setWordWrap(True)
        self.error = error_label(self, "verkstallighet_fel")
        grid = QGridLayout()
        grid.addWidget(self.utforare, 0, 0)
        grid.addWidget(self.utforare_name, 0, 1)
        grid.addWidget(self.uppdrag_date, 0, 2)
        grid.addWidget(self.assign_button, 0, 3)
        grid.addWidget(QLabel(self.tr("Insatsen började:"), self), 1, 0)
        grid.addWidget(self.done_date, 1, 2)
        grid.addWidget(self.done_button, 1, 3)
        grid.addWidget(self.reason, 2, 0)
        grid.addWidget(self.note, 2, 1)
        grid.addWidget(self.stop_date, 2, 2)
        grid.addWidget(self.stop_button, 2, 3)
        grid.setColumnStretch(1, 1)
        box = QVBoxLayout(self)
        box.addWidget(self.status)
        box.addLayout(grid)
        box.addWidget(self.history)
        box.addWidget(self.error)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        for w in (self.utforare, self.utforare_name, self.uppdrag_date, self.assign_button, self.done_date,
                  self.done_button, self.reason, self.note, self.stop_date, self.stop_button):
            w.setEnabled(on)

    def show_decision(self, decision_id) -> None:
        self.info = None
        self.error.hide()
        self._enable(False)
        if decision_id is None:
            self.status.setText(self.tr("Välj ett beslut i listan."))
            self.history.clear()
            return
        self.status.setText(self.tr("Hämtar …"))
        self.app.run(verkstallighet.get_verkstallighet, decision_id, owner=self, on_done=self._show,
                     on_error=self._failed)

    def _show(self, info) -> None:
        self.info = info
        self.error.hide()
        if not info.applicable:
            self.status.setText(self.tr("Beslutet gäller ingen beviljad insats som ska verkställas."))
            self.history.clear()
            self._enable(False)
            return
        parts = [info.state_text]
        if info.queue_position:
            parts.append(self.tr("plats %1 av %2 i kön").replace("%1", str(info.queue_position))
                         .replace("%2", str(info.queue_length)))
        if info.days_waited is not None:
            parts.append(self.tr("väntat %1 dagar").replace("%1", str(info.days_waited)))
        if info.due is not None:
            parts.append(self.tr("tremånadersgräns %1").replace("%1", info.due.isoformat()))
        if info.utforare_kind:
            parts.append(self.tr("utförare: %1").replace("%1", self.utforare.itemText(
                max(self.utforare.findData(info.utforare_kind), 0)) + (f": {info.utforare_name}"
                                                                      if info.utforare_name else "")))
        self.status.setText(" · ".join(parts))
        self.history.setText("\n".join(f"{e.on.isoformat()}  {e.text}" + (f" ({e.by})" if e.by else "")
                                       for e in info.events))
        today = QDate.fromString(self.app.services.today().isoformat(), "yyyy-MM-dd")
        for w in (self.uppdrag_date, self.done_date, self.stop_date):
            w.setDate(today)
        self._enable(info.state != "avslutad")
        self.done_button.setEnabled(info.waiting)
        self.done_date.setEnabled(info.waiting)

    def _failed(self, exc) -> None:
        self.error.setText(str(exc))
        self.error.show()

    def _after(self, info) -> None:
        self._show(info)
        self.note.clear()
        self.changed.emit(info)

    def assign(self) -> None:
        if self.info is None:
            return
        self.app.run(verkstallighet.assign_utforare, self.info.decision_id, self.utforare.currentData(),
                     self.utforare_name.text(), _date(self.uppdrag_date), self.info.version, owner=self,
                     on_done=self._after, on_error=self._failed)

    def mark_done(self) -> None:
        if self.info is None:
            return
        self.app.run(verkstallighet.mark_verkstallt, self.info.decision_id, _date(self.done_date), self.info.version,
                     owner=self, on_done=self._after, on_error=self._failed)

    def mark_stopped(self) -> None:
        if self.info is None:
            return
        self.app.run(verkstallighet.mark_avbrutet, self.info.decision_id, _date(self.stop_date),
                     self.reason.currentData(), self.note.text(), self.info.version, owner=self,
                     on_done=self._after, on_error=self._failed)

    def follow(self, view, model) -> None:
        """Show the verkställighet of the decision chosen in ``view`` (a table of timeline entries)."""

        def current(index, _previous) -> None:
            e = model.record(index.row()) if index.isValid() else None
            self.show_decision(e.ref_id if e is not None and e.kind == "beslut" else None)

        view.selectionModel().currentRowChanged.connect(current)
        model.modelReset.connect(lambda: self.show_decision(None))
