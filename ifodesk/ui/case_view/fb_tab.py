"""Förhandsbedömning: notes while it is open; its decision is taken in the decision editor.

A new report on a child under investigation is instead added to the ongoing utredning
(cases.attach_to_ongoing_utredning). After the decision, the reporter who asked is informed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ifodesk.services import cases, caseview
from ifodesk.services.cases import FB_OUTCOMES
from ifodesk.services.context import STOCKHOLM
from ifodesk.services.dto import CaseDetail, ForhandsbedomningInfo

from ..appctx import DecisionRequest
from ..dialogs import ask
from ..forms import VersionedForm
from ..widgets.inputs import button, error_label, name, set_read_only, text_edit
from .fb_feedback import FeedbackBox


def _save_notes(fb_id):
    return lambda ctx, version, v: cases.save_forhandsbedomning_notes(ctx, fb_id, version, v["notes"])


def _attach(fb_id, notes_changed: bool):
    """Unsaved notes first (a concluded förhandsbedömning takes no more), then the attachment."""
    def attach(ctx, version, v):
        if notes_changed:
            version = cases.save_forhandsbedomning_notes(ctx, fb_id, version, v["notes"]).version
        return cases.attach_to_ongoing_utredning(ctx, fb_id, version)
    return attach


def _reload_fb(case_id, fb_id):
    def reload(ctx):
        return next(fb for fb in caseview.get_case(ctx, case_id).anmalningar if fb.id == fb_id)
    return reload


class FbTab(QWidget):
    saved = Signal()

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.detail: CaseDetail | None = None
        self.items: list[ForhandsbedomningInfo] = []
        self.forms: dict = {}
        self.choice = name(QComboBox(self), "fb_choice", self.tr("Förhandsbedömning"))
        self.choice.currentIndexChanged.connect(self._show_selected)
        self.info = QLabel(self)
        self.info.setObjectName("fb_info")
        self.info.setWordWrap(True)
        self.notes = text_edit(self, "fb_notes", self.tr("Anteckningar i förhandsbedömningen"), 100)
        self.error = error_label(self, "fb_error")
        self.state = QLabel(self)
        self.state.setObjectName("fb_state")
        self.save_button = button(self, "fb_save", self.tr("&Spara anteckningar"))
        self.save_button.clicked.connect(self._save)
        self.decide_button = button(self, "fb_decide", self.tr("Beslut om förhandsbedömning …"))
        self.decide_button.clicked.connect(self._decide)
        self.attach_button = button(self, "fb_attach", self.tr("Fö&r till pågående utredning"))
        self.attach_button.clicked.connect(self._ask_attach)
        self.attach_button.hide()  # only while the case has an ongoing utredning
        self.confirm = None
        self.feedback = FeedbackBox(app, lambda fb_id: _reload_fb(self.detail.summary.id, fb_id), self)
        self.feedback.setObjectName("fb_feedback")
        self.feedback.saved.connect(self.saved)
        self.feedback.hide()
        self._layout()

    def _layout(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        row.addWidget(self.save_button)
        row.addWidget(self.attach_button)
        row.addWidget(self.decide_button)
        box = QVBoxLayout(self)
        box.addWidget(self.choice)
        box.addWidget(self.info)
        box.addWidget(QLabel(self.tr("A&nteckningar (vad som framkommit, kontakter, bedömning):"), self))
        box.itemAt(box.count() - 1).widget().setBuddy(self.notes)
        box.addWidget(self.notes, 1)
        box.addWidget(self.error)
        box.addLayout(row)
        box.addWidget(self.feedback)

    def show_case(self, detail: CaseDetail) -> None:
        self.detail, self.items = detail, list(detail.anmalningar)
        current = self.choice.currentIndex()
        self.choice.blockSignals(True)
        self.choice.clear()
        for fb in self.items:
            self.choice.addItem(self.tr("Anmälan %1 – %2").replace(
                "%1", fb.received_at.astimezone(STOCKHOLM).strftime("%Y-%m-%d"))
                .replace("%2", FB_OUTCOMES.get(fb.outcome, self.tr("pågår")) if fb.outcome else self.tr("pågår")))
        open_row = next((i for i, fb in enumerate(self.items) if fb.outcome is None), len(self.items) - 1)
        self.choice.setCurrentIndex(current if 0 <= current < len(self.items) else max(open_row, 0))
        self.choice.blockSignals(False)
        self._show_selected(self.choice.currentIndex())

    def _selected(self) -> ForhandsbedomningInfo | None:
        row = self.choice.currentIndex()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show_selected(self, _row: int) -> None:
        fb = self._selected()
        self.info.setText(self._describe(fb) if fb else self.tr("Ingen anmälan i ärendet."))
        is_open = fb is not None and fb.outcome is None
        for w in (self.save_button, self.decide_button):
            w.setEnabled(is_open)  # the notes stay readable and selectable, only not editable
        set_read_only(self.notes, not is_open)
        self.attach_button.setVisible(is_open and self._ongoing_utredning())
        self.feedback.setVisible(FeedbackBox.applies(fb))
        if fb is not None:
            self._form_for(fb).refresh(fb)
        if FeedbackBox.applies(fb):
            self.feedback.show_fb(fb)

    def _ongoing_utredning(self) -> bool:
        return self.detail is not None and any(u.closed_on is None for u in self.detail.utredningar)

    def _describe(self, fb: ForhandsbedomningInfo) -> str:
        text = self.tr("Påbörjad %1 · ska vara klar senast <b>%2</b>").replace(
            "%1", fb.started_on.isoformat()).replace("%2", fb.due_on.isoformat())
        if fb.outcome:
            text += self.tr("<br>Beslut %1 av %2: <b>%3</b> %4").replace("%1", str(fb.decided_on)).replace(
                "%2", fb.decided_by_name or "").replace("%3", FB_OUTCOMES.get(fb.outcome, fb.outcome)).replace(
                "%4", fb.outcome_reason or "")
        if fb.reporter_wants_feedback and fb.decided_on is None:
            text += self.tr("<br>Anmälaren vill ha återkoppling: informera inom en vecka från beslutet.")
        if fb.outcome is None and self._ongoing_utredning():
            text += self.tr("<br>Barnet utreds redan: anmälan kan föras till den pågående utredningen i "
                            "stället för ett nytt beslut om att inleda utredning.")
        return text

    def _form_for(self, fb: ForhandsbedomningInfo) -> VersionedForm:
        form = self.forms.get(fb.id)
        if form is None:
            for other in self.forms.values():
                other.detach()
            form = VersionedForm(self.app, f"fb-{fb.id}", {"notes": self.notes},
                                 {"notes": self.tr("Anteckningar")}, save=_save_notes(fb.id),
                                 reload=_reload_fb(self.detail.summary.id, fb.id),
                                 values_of=lambda info: {"notes": info.notes}, error_label=self.error, owner=self)
            form.state_changed.connect(self.state.setText)
            self.forms = {fb.id: form}
            form.load(fb)
        return form

    def _save(self) -> None:
        fb = self._selected()
        if fb is not None:
            self._form_for(fb).save(lambda _i: self.saved.emit())

    def _ask_attach(self) -> None:
        fb = self._selected()
        if fb is None:
            return
        self.confirm = ask(self, self.tr("Föra anmälan från %1 till den pågående utredningen? Förhandsbedömningen "
                                         "avslutas då, och det kan inte ångras.")
                           .replace("%1", fb.received_at.astimezone(STOCKHOLM).strftime("%Y-%m-%d")),
                           self.tr("Fö&r till utredningen"), lambda: self._attach(fb), "fb_attach_confirm",
                           self.tr("För till pågående utredning"))

    def _attach(self, fb: ForhandsbedomningInfo) -> None:
        form = self._form_for(fb)
        form.save(lambda _i: self.saved.emit(), fn=_attach(fb.id, form.dirty))

    def _decide(self) -> None:
        """Unsaved notes are saved first: once the decision is signed the förhandsbedömning takes
        no more notes, so a local draft would be stranded for good."""
        fb = self._selected()
        if fb is None:
            return
        request = DecisionRequest(self.detail.summary.id, "forhandsbedomning", fb.id)
        form = self._form_for(fb)
        self.feedback.flush()
        if form.dirty:
            form.save(lambda _i: self._saved_then_decide(request))
        else:
            self.app.new_decision.emit(request)

    def _saved_then_decide(self, request: DecisionRequest) -> None:
        self.saved.emit()
        self.app.new_decision.emit(request)

    def flush(self) -> None:
        for form in self.forms.values():
            form.write_draft()
        self.feedback.flush()
