"""Utredning: plan, the child's and guardians' views, analysis and the investigation's sections.

Each part is saved against its own version, so two people writing different sections never
collide. Extending or closing the investigation is a decision (the decision editor's part).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ifodesk.services import cases
from ifodesk.services.cases import CLOSING_OUTCOMES
from ifodesk.services.dto import CaseDetail, SectionInfo, UtredningInfo

from ..appctx import DecisionRequest
from ..forms import VersionedForm
from ..widgets.inputs import add_row, button, error_label, set_read_only, text_edit

MAIN_FIELDS = ("plan", "child_view", "guardian_view", "analysis")


def _save_main(uid):
    return lambda ctx, version, v: cases.update_utredning(ctx, uid, version, **v)


def _save_section(sid):
    return lambda ctx, version, v: cases.save_section(ctx, sid, version, v["text"])


def _reload_section(uid, sid):
    return lambda ctx: next(s for s in cases.get_utredning(ctx, uid).sections if s.id == sid)


class UtredningTab(QWidget):
    saved = Signal()

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.case_id = None
        self.utredning: UtredningInfo | None = None
        self.forms: dict[str, VersionedForm] = {}
        self.titles: dict[str, str] = {}  # form key -> what the user calls that part
        self.section_states: dict[str, QLabel] = {}
        self.info = QLabel(self)
        self.info.setObjectName("utredning_info")
        self.info.setWordWrap(True)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.state = QLabel(self)
        self.state.setObjectName("utredning_state")
        self.save_button = button(self, "utredning_save", self.tr("&Spara utredningen"))
        self.save_button.clicked.connect(self.save_all)
        self.extend_button = button(self, "utredning_extend", self.tr("Förläng utredningstiden …"))
        self.close_button = button(self, "utredning_close", self.tr("Avsluta utredningen …"))
        self.extend_button.clicked.connect(lambda: self._decide("forlangning"))
        self.close_button.clicked.connect(lambda: self._decide("avslut"))
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        for b in (self.save_button, self.extend_button, self.close_button):
            row.addWidget(b)
        box = QVBoxLayout(self)
        box.addWidget(self.info)
        box.addWidget(self.scroll, 1)
        box.addLayout(row)

    def show_case(self, detail: CaseDetail) -> None:
        self.case_id = detail.summary.id
        u = detail.utredningar[-1] if detail.utredningar else None
        if u is None or self.utredning is None or u.id != self.utredning.id:
            self._rebuild(u)
        self.utredning = u
        self.info.setText(self._describe(u))
        if u is not None:
            self.forms["main"].refresh(u)
            for sec in u.sections:
                self.forms[f"section-{sec.id}"].refresh(sec)

    def _describe(self, u: UtredningInfo | None) -> str:
        if u is None:
            return self.tr("Ingen utredning är inledd. En utredning inleds genom beslut om förhandsbedömning.")
        text = self.tr("Inledd %1 · ska vara klar senast <b>%2</b>").replace("%1", u.opened_on.isoformat()).replace(
            "%2", u.due_on.isoformat())
        for e in u.extensions:
            text += self.tr("<br>Förlängd %1 av %2 till %3: %4").replace("%1", e.decided_on.isoformat()).replace(
                "%2", e.decided_by_name).replace("%3", e.new_due_on.isoformat()).replace("%4", e.reason)
        if u.closed_on:
            text += self.tr("<br>Avslutad %1: %2").replace("%1", u.closed_on.isoformat()).replace(
                "%2", CLOSING_OUTCOMES.get(u.closing_outcome, u.closing_outcome or ""))
        return text

    def _rebuild(self, u: UtredningInfo | None) -> None:
        for form in self.forms.values():
            form.detach()
        self.forms, self.titles, self.section_states = {}, {}, {}
        page = QWidget()
        if u is not None:
            self._build_forms(page, u)
        self.scroll.setWidget(page)
        editable = u is not None and u.closed_on is None
        for b in (self.save_button, self.extend_button, self.close_button):
            b.setEnabled(editable)

    def _build_forms(self, page: QWidget, u: UtredningInfo) -> None:
        layout = QFormLayout(page)
        labels = {"plan": self.tr("Utredningsplan"), "child_view": self.tr("Barnets egen berättelse"),
                  "guardian_view": self.tr("Vårdnadshavarnas synpunkter"), "analysis": self.tr("Analys")}
        main_error = error_label(page, "utredning_error")
        fields = {k: text_edit(page, f"utredning_{k}", labels[k]) for k in MAIN_FIELDS}
        for k in MAIN_FIELDS:
            add_row(layout, labels[k] + ":", fields[k])
            set_read_only(fields[k], u.closed_on is not None)
        layout.addRow(main_error)
        self._add_form(layout, "main", self.tr("Plan, berättelser och analys"), f"utredning-{u.id}", fields, labels,
                       _save_main(u.id), lambda ctx: cases.get_utredning(ctx, u.id),
                       lambda i: {k: getattr(i, k) for k in MAIN_FIELDS}, main_error, u)
        for sec in u.sections:
            self._add_section(page, layout, u, sec)

    def _add_section(self, page: QWidget, layout: QFormLayout, u: UtredningInfo, sec: SectionInfo) -> None:
        edit = text_edit(page, f"section_{sec.heading_key}", sec.heading, 90)
        set_read_only(edit, u.closed_on is not None)
        err = error_label(page, f"section_{sec.heading_key}_error")
        add_row(layout, sec.heading + ":", edit)
        layout.addRow(err)
        self._add_form(layout, f"section-{sec.id}", sec.heading, f"avsnitt-{sec.id}", {"text": edit},
                       {"text": sec.heading}, _save_section(sec.id), _reload_section(u.id, sec.id),
                       lambda i: {"text": i.text}, err, sec)

    def _add_form(self, layout, key, title, draft_key, fields, labels, save, reload, values_of, err, info) -> None:
        """Each part shows its own state under it; the bar at the bottom sums them up."""
        state = QLabel(layout.parentWidget())
        state.setObjectName(f"{draft_key.split('-')[0]}_{len(self.forms)}_state")
        layout.addRow("", state)
        form = VersionedForm(self.app, draft_key, fields, labels, save=save, reload=reload,
                             values_of=values_of, error_label=err, owner=self)
        form.state_changed.connect(state.setText)
        form.state_changed.connect(self._summarize)
        self.forms[key], self.titles[key], self.section_states[key] = form, title, state
        form.load(info)

    def _summarize(self, *_args) -> None:
        """One line for all parts: never "Sparat" while any part is only a draft on this computer."""
        unsaved = [self.titles[k] for k, f in self.forms.items() if f.dirty]
        if any(f.saving for f in self.forms.values()):
            text = self.tr("Sparar …")
        elif len(unsaved) == 1:
            text = self.tr("1 avsnitt osparat: %1").replace("%1", unsaved[0])
        elif unsaved:
            text = self.tr("%1 avsnitt osparade: %2").replace("%1", str(len(unsaved))).replace("%2", ", ".join(unsaved))
        else:
            text = self.tr("Allt sparat") if self.forms else ""
        self.state.setText(text)

    def save_all(self) -> None:
        dirty = [f for f in self.forms.values() if f.dirty]
        if not dirty:
            self.state.setText(self.tr("Inget att spara"))
        for form in dirty:
            form.save(self._part_saved)

    def _part_saved(self, _info) -> None:
        if not any(f.saving for f in self.forms.values()):
            self.saved.emit()  # one reload of the case once every save is back

    def _decide(self, purpose: str) -> None:
        if self.utredning is not None:
            self.flush()
            self.app.new_decision.emit(DecisionRequest(self.case_id, purpose, self.utredning.id))

    def flush(self) -> None:
        for form in self.forms.values():
            form.write_draft()
