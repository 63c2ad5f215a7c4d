"""Återkoppling: the reporter who asked to be told is informed within a week of the decision.

Shown under a decided förhandsbedömning whose reporter asked for feedback: the deadline, whether
it was kept, and "Anmälaren har informerats" with the date (cases.mark_reporter_informed).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ifodesk.domain import deadlines as rules
from ifodesk.services import cases
from ifodesk.services.dto import ForhandsbedomningInfo

from ..forms import VersionedForm
from ..labels import deadline_css, deadline_status_text
from ..widgets.inputs import button, error_label, name

KIND = "aterkoppling_anmalare"


class Due(NamedTuple):
    """Where the återkoppling stands, in the shape labels.deadline_status_text() reads."""

    status: str
    days_left: int


def feedback_due(fb: ForhandsbedomningInfo) -> date:
    return rules.compute(KIND, fb.decided_on).due


def _mark_informed(fb_id):
    return lambda ctx, version, v: cases.mark_reporter_informed(ctx, fb_id, version,
                                                               date.fromisoformat(v["informed_on"]))


def _informed_values(info: ForhandsbedomningInfo) -> dict[str, str]:
    return {"informed_on": info.reporter_informed_on.isoformat() if info.reporter_informed_on else ""}


class FeedbackBox(QWidget):
    saved = Signal()

    def __init__(self, app, reload_fb, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self._reload_fb = reload_fb  # (fb id) -> ReloadFn for the conflict dialog
        self.form: VersionedForm | None = None
        self.form_fb = None
        self.status = QLabel(self)
        self.status.setObjectName("fb_feedback_status")
        self.status.setWordWrap(True)
        self.informed_on = name(QDateEdit(self), "fb_informed_on", self.tr("Datum då anmälaren informerades"))
        self.informed_on.setDisplayFormat("yyyy-MM-dd")
        self.informed_on.setCalendarPopup(True)
        self.error = error_label(self, "fb_feedback_error")
        self.state = QLabel(self)
        self.state.setObjectName("fb_feedback_state")
        self.informed_button = button(self, "fb_informed", self.tr("Anmälaren &har informerats"))
        self.informed_button.clicked.connect(self._save)
        date_label = QLabel(self.tr("Återkopplingsdatu&m:"), self)
        date_label.setBuddy(self.informed_on)
        row = QHBoxLayout()
        row.addWidget(date_label)
        row.addWidget(self.informed_on)
        row.addWidget(self.informed_button)
        row.addWidget(self.state, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        rule = rules.default_rules()[KIND]  # title and lagrum are data (resources/deadlines.toml)
        heading = QLabel(self.tr("<b>%1</b> (%2): inom en vecka från beslutet, när anmälaren har bett om det")
                         .replace("%1", rule.title).replace("%2", ", ".join(rule.lagrum)), self)
        heading.setToolTip(rule.description)
        box.addWidget(heading)
        box.addWidget(self.status)
        box.addLayout(row)
        box.addWidget(self.error)

    @staticmethod
    def applies(fb: ForhandsbedomningInfo | None) -> bool:
        return fb is not None and fb.reporter_wants_feedback and fb.decided_on is not None

    def show_fb(self, fb: ForhandsbedomningInfo) -> None:
        self.status.setText(self._status_text(fb))
        if self.form is None or self.form_fb != fb.id:
            if self.form is not None:
                self.form.detach()
            self.form_fb = fb.id
            self.form = VersionedForm(self.app, f"fb-aterkoppling-{fb.id}", {"informed_on": self.informed_on},
                                      {"informed_on": self.tr("Återkopplingsdatum")}, save=_mark_informed(fb.id),
                                      reload=self._reload_fb(fb.id), values_of=_informed_values,
                                      error_label=self.error, owner=self)
            self.form.state_changed.connect(self.state.setText)
            self.form.load(fb)
        else:
            self.form.refresh(fb)
        if fb.reporter_informed_on is None:
            today = self.app.services.today()
            self.form.preset({"informed_on": today.isoformat()})  # a default, not a change

    def _status_text(self, fb: ForhandsbedomningInfo) -> str:
        due = feedback_due(fb)
        today = self.app.services.today()
        d = Due(rules.status(due, fb.reporter_informed_on, today).value, rules.days_left(due, today))
        colour = deadline_css(d) + "padding:2px"
        state = f"<span style='{colour}'>&nbsp;{deadline_status_text(d)}&nbsp;</span>"
        text = self.tr("Beslutet fattades %1 · anmälaren ska informeras senast <b>%2</b> %3").replace(
            "%1", fb.decided_on.isoformat()).replace("%2", due.isoformat()).replace("%3", state)
        if fb.reporter_informed_on is not None:
            text += self.tr("<br>Anmälaren informerades %1.").replace("%1", fb.reporter_informed_on.isoformat())
        else:
            text += self.tr("<br>Anmälaren är inte informerad än.")
        return text

    def _save(self) -> None:
        if self.form is not None:
            self.form.save(lambda _i: self.saved.emit())

    def flush(self) -> None:
        if self.form is not None:
            self.form.write_draft()
