"""The decision editor: pick a template, fill in facts and motivering, see the letter and who decides.

A proposal is saved to the case as an utkast a moment after the caseworker stops typing (and on
close); every keystroke is on disk before that (the local draft store), so nothing is lost. The
action buttons follow the delegation check (decisions.routing) and say why when they are disabled.
"""

from __future__ import annotations

import html
import uuid

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ifodesk.domain.catalog import load_catalog
from ifodesk.services import caseview, decisions
from ifodesk.services import court as court_svc

from .decision.actions import ActionBar, routing_html, routing_text
from .decision.editor_actions import ActionsMixin
from .decision.fields import DecisionFields
from .decision.parties_box import PartiesBox
from .decision.preview import letter_html, render_preview
from .decision.saving import SavingMixin
from .decision.templates import TemplatePicker
from .decision.urgent_box import UrgentBox, urgent_missing
from . import theme
from .dialogs import fit_to_screen
from .widgets.inputs import button, error_label, name, set_read_only

DRAFT_MS = 500  # local draft on disk
AUTOSAVE_MS = 1500  # utkast saved in the case after this much idle time
ROUTING_MS = 300
OPEN_STATUSES = ("utkast", "avslagen")
UNLOCKABLE = ("for_godkannande", "godkand")


def case_heading(ctx, case_id):
    return caseview.case_rows(ctx, [case_id])[0]


class DecisionEditor(SavingMixin, ActionsMixin, QDialog):
    saved = Signal(object)  # DecisionInfo after each save or action
    closed = Signal()

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.setObjectName("decision_editor")
        self.setWindowTitle(self.tr("Beslut"))
        self.catalog = load_catalog()
        self.case_id: uuid.UUID | None = None
        self.template = None
        self.info = None  # DecisionInfo once saved
        self.version: int | None = None
        self.routing = None
        self.dirty = self.busy = self._closing = self._unlocked = False
        self._routing_seq = 0
        self._case_text = ""
        self._protected = False  # skyddade personuppgifter: heading and letter preview say so
        self.conflict_dialog = self.pdf_dialog = self.meeting_menu = self.court_dialog = None
        self._build()
        self._timers()
        self._update_preview()  # says where the letter will appear
        self._show_state()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel(self.tr("<b>Nytt beslut</b>"), self)
        self.heading.setObjectName("editor_heading")
        self.status = QLabel(self)
        self.status.setObjectName("editor_status")
        self.status.setWordWrap(True)
        self.picker = TemplatePicker(self.catalog.templates.values(), self)
        self.picker.chosen.connect(self.choose_template)
        self.form_title = QLabel(self.tr("Välj en beslutsmall till vänster (sök och tryck Enter)."), self)
        self.form_title.setObjectName("editor_form_title")
        self.form_title.setWordWrap(True)
        self.lagrum = name(QLineEdit(self), "editor_lagrum", self.tr("Lagrum (från mallen, kan inte ändras)"))
        set_read_only(self.lagrum)
        self.fields = DecisionFields(self)
        self.fields.changed.connect(self._fields_changed)
        self.unlock_button = button(self, "editor_unlock", self.tr("Ä&ndra förslaget"))
        self.unlock_button.clicked.connect(self._unlock)
        self.unlock_button.hide()
        self.preview = name(QTextBrowser(self), "editor_preview", self.tr("Förhandsvisning av beslutet"))
        self.routing_label = QLabel(self)
        self.routing_label.setObjectName("editor_routing")
        self.routing_label.setWordWrap(True)
        theme.style(self.routing_label, lambda: theme.css("info") + "padding:6px;")
        self.error = error_label(self, "editor_error")
        self.parties_box = PartiesBox(self.app, self)
        self.urgent_box = UrgentBox(self.app, self)  # LVU 6 §, LVM 13 § …: who may decide urgently
        self.state = QLabel(self)
        self.state.setObjectName("editor_state")
        self.actions = ActionBar("editor_actions", self)
        self._buttons()
        self._layout()

    def _buttons(self) -> None:
        a = self.actions
        a.add("save", button(self, "editor_save", self.tr("&Spara utkast"))).clicked.connect(lambda: self.save())
        a.add("sign", button(self, "editor_sign", self.tr("&Fatta beslut"))).clicked.connect(self.sign)
        a.add("send", button(self, "editor_send", self.tr("Skicka för &godkännande"))).clicked.connect(self.send)
        a.add("urgent", button(self, "editor_send_urgent", self.tr("Skicka brådskande till &ordföranden"))) \
            .clicked.connect(self.send_urgent)
        a.add("agenda", button(self, "editor_agenda", self.tr("Till fö&redragningslista …"))) \
            .clicked.connect(self.choose_meeting)
        a.add("letter", button(self, "editor_letter", self.tr("Förhandsgranska &brev")), stretch_before=True) \
            .clicked.connect(self.show_letter)
        a.add("court", button(self, "editor_court", self.tr("För &in rättens beslut …"))) \
            .clicked.connect(self.record_court)
        a.add("discard", button(self, "editor_discard", self.tr("&Makulera utkast"))).clicked.connect(self.discard)
        a.add("close", button(self, "editor_close", self.tr("S&täng"))).clicked.connect(self.reject)
        a.buttons["save"].setAutoDefault(False)
        QShortcut(QKeySequence.StandardKey.Save, self, lambda: self.save())

    def _layout(self) -> None:
        form_page = QWidget(self)
        form_box = QVBoxLayout(form_page)
        form_box.addWidget(self.form_title)
        lagrum_label = QLabel(self.tr("&Lagrum:"), form_page)
        lagrum_label.setBuddy(self.lagrum)
        row = QHBoxLayout()
        row.addWidget(lagrum_label)
        row.addWidget(self.lagrum, 1)
        form_box.addLayout(row)
        form_box.addWidget(self.unlock_button)
        form_box.addWidget(self.fields)
        form_box.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("editor_form")
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_page)
        split = QSplitter(self)
        for w in (self.picker, scroll, self.preview):
            split.addWidget(w)
        split.setSizes([250, 520, 480])
        split.setStretchFactor(1, 1)
        split.setStretchFactor(2, 1)
        top = QHBoxLayout()
        top.addWidget(self.heading, 2)
        top.addWidget(self.status, 1)  # room for "Status: Beslutat 2026-03-02 av …" on one line
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(split, 1)
        box.addWidget(self.parties_box)
        box.addWidget(self.urgent_box)
        box.addWidget(self.routing_label)
        box.addWidget(self.error)
        box.addWidget(self.actions)
        box.addWidget(self.state)
        fit_to_screen(self, 1300, 720)

    def _timers(self) -> None:
        self.draft_timer = QTimer(self, singleShot=True, interval=DRAFT_MS)
        self.draft_timer.timeout.connect(self.write_draft)
        self.autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self._autosave)
        self.routing_timer = QTimer(self, singleShot=True, interval=ROUTING_MS)
        self.routing_timer.timeout.connect(self.refresh_routing)

    # --- opening -----------------------------------------------------------------------------

    def open_for_case(self, case_id: uuid.UUID, purpose: str = "", source_id: uuid.UUID | None = None) -> None:
        """A new proposal on a case; purpose narrows the templates (förhandsbedömning, förlängning …)."""
        self.case_id = case_id
        self.picker.set_purpose(purpose)
        self.picker.search.setFocus()
        self.app.run(case_heading, case_id, owner=self, on_done=self._show_case, on_error=self.app.report_error)

    def open_decision(self, decision_id: uuid.UUID) -> None:
        self.app.run(decisions.get_decision, decision_id, owner=self, on_done=self._loaded,
                     on_error=self.app.report_error)

    def _show_case(self, summary) -> None:
        self._case_text = f"{summary.case_number} · {summary.person.name}"
        self._set_heading(self.template.title if self.template else self.tr("Nytt beslut"),
                          summary.person.is_protected)
        self._update_preview()

    def _set_heading(self, title: str, protected: bool | None = None) -> None:
        """protected=None keeps what is known about the person (picking a template changes nothing)."""
        if protected is not None:
            self._protected = protected
        protected = self._protected
        mark = " " + theme.span(f"&nbsp;{html.escape(self.tr('SKYDDADE PERSONUPPGIFTER'))}&nbsp;", "protected",
                                area=True) if protected else ""
        self.heading.setText(f"<b>{html.escape(title)}</b> – {html.escape(self._case_text)}{mark}")
        self.setWindowTitle(f"{title} – {self._case_text}")

    def _loaded(self, info) -> None:
        self.picker.hide()  # an existing proposal's template is fixed; the form gets the room
        self.case_id = info.case_id
        self._case_text = f"{info.case_number} · {info.person_name}"
        self._use_template(self.catalog.template(info.template_id))
        self.picker.select(info.template_id)
        self._set_info(info)
        self.parties_box.show_for(info.case_id, info.template_id, info.id)  # on the decision date
        draft = self.app.drafts.load(self._draft_key())
        if draft is not None and draft.values != self._server_values(info):
            if self._editable():
                self._fill(draft.values, dirty=True)
                self.version = draft.base_version if draft.base_version is not None else info.version
                self._say(self.tr("Osparat utkast från %1 återställt – sparas strax").replace(
                    "%1", draft.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")))
                self.autosave_timer.start()
            else:
                self.app.drafts.keep_copy(self._draft_key(), "ej-sparat")
                self._fill(info.fields)
        else:
            self._fill(info.fields)
        self.refresh_routing()

    # --- template and values -----------------------------------------------------------------

    def choose_template(self, template) -> None:
        """A new proposal: build the form; keep what was already typed in fields with the same name."""
        if self.info is not None or (self.template is not None and template.id == self.template.id):
            return
        typed = {k: v for k, v in self.fields.values().items() if v.strip()} if self.dirty else {}
        self._use_template(template)
        draft = self.app.drafts.load(self._draft_key())
        if draft is not None:
            self._fill(draft.values, dirty=True)
            self._say(self.tr("Osparat utkast återställt"))
        else:
            self._fill(typed, dirty=bool(typed))
        self.app.run(decisions.suggest_fields, self.case_id, template.id, owner=self, on_done=self._suggested,
                     on_error=self.app.report_error)
        self.refresh_routing()

    def _use_template(self, template) -> None:
        self.template = template
        self.fields.build(template)
        self.form_title.setText(f"<b>{html.escape(template.title)}</b>")
        self.lagrum.setText(", ".join(template.lagrum))
        self._set_heading(template.title, self.info.person_protected if self.info else None)
        if self.info is None:
            self.parties_box.show_for(self.case_id, template.id)
        if self.info is None or self.info.status in OPEN_STATUSES:
            self.urgent_box.show_for(self.case_id, template)
        else:
            self.urgent_box.show_for(None, None)
        self._fix_tab_order()

    def _fix_tab_order(self) -> None:
        """Template, lagrum, the generated fields, then the preview and the buttons: in reading order."""
        chain = [self.picker.view, self.lagrum, self.unlock_button, *self.fields.tab_chain(), self.preview,
                 *self.actions.buttons.values()]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    def _suggested(self, known: dict) -> None:
        """Facts the case already knows fill only the fields still empty."""
        if self.info is not None:
            return
        current = self.fields.values()
        missing = {k: v for k, v in known.items() if not current.get(k, "").strip()}
        if missing:
            self.fields.set_values({**current, **missing})
            self._update_preview()
            self.refresh_routing()

    def _fill(self, values: dict, *, dirty: bool = False) -> None:
        self.fields.set_values(values)
        self.dirty = dirty
        self.fields.set_editable(self._editable())
        self._update_preview()

    def _server_values(self, info) -> dict[str, str]:
        return {f.name: str(info.fields.get(f.name) or "") for f in self.catalog.template(info.template_id).fields}

    def _draft_key(self) -> str:
        if self.info is not None:
            return f"beslut-{self.info.id}"
        return f"beslut-ny-{self.case_id}-{self.template.id if self.template else ''}"

    def _fields_changed(self) -> None:
        self.dirty = True
        self._update_preview()
        self.draft_timer.start()
        self.autosave_timer.start()
        self.routing_timer.start()
        self._say(self.tr("Ändrat – sparas strax som utkast"))

    def write_draft(self) -> None:
        self.draft_timer.stop()
        if self.dirty and self.template is not None:
            self.app.drafts.save(self._draft_key(), self.version, self.fields.values())

    def _update_preview(self) -> None:
        if self.template is None:
            self.preview.setHtml(self.tr("<p>Förhandsvisningen av beslutet visas här.</p>"))
            return
        law = self.info.law_version if self.info else None
        p = render_preview(self.template, self.fields.values(), law)
        decided = self.info is not None and self.info.status == "beslutad"
        self.preview.setHtml(letter_html(
            p, heading=self._case_text,
            decided_by=(self.info.decided_by_name or "") if decided else "",
            decided_on=self.info.decided_on.isoformat() if decided and self.info.decided_on else "",
            routing_text=routing_text(self.routing) if self.routing and not decided else "",
            protected=self._protected))
        self.fields.mark(set())

    # --- state -------------------------------------------------------------------------------

    def _is_drafter(self) -> bool:
        return self.info is None or self.info.drafted_by == self.app.user_id()

    def _editable(self) -> bool:
        if self.template is None or not self._is_drafter():
            return False
        if self.info is None or self.info.status in OPEN_STATUSES:
            return True
        return self._unlocked and self.info.status in UNLOCKABLE

    def _set_info(self, info) -> None:
        self.info, self.version = info, info.version
        self.picker.setEnabled(False)
        self.picker.setToolTip(self.tr("Mallen kan inte bytas när utkastet är sparat. Makulera utkastet för att "
                                       "börja om med en annan mall."))
        self._set_heading(info.title, info.person_protected)
        self.status.setText(self._status_text(info))
        self.fields.set_editable(self._editable())
        self.unlock_button.setVisible(self._is_drafter() and info.status in UNLOCKABLE and not self._unlocked)
        if info.status not in OPEN_STATUSES:
            self.urgent_box.show_for(None, None)  # sent or decided: nothing more to ask

    def _status_text(self, info) -> str:
        text = self.tr("Status: <b>%1</b>").replace("%1", html.escape(info.status_label))
        if info.status == "avslagen" and info.rejection_reason:
            text += self.tr(" – återvisat: %1").replace("%1", html.escape(info.rejection_reason))
        elif info.status == "godkand" and info.approved_by_name:
            text += self.tr(" av %1").replace("%1", html.escape(info.approved_by_name))
        elif info.status == "beslutad":
            text += self.tr(" %1 av %2").replace("%1", str(info.decided_on)).replace(
                "%2", html.escape(info.decided_by_name or ""))
        return text

    def _unlock(self) -> None:
        self._unlocked = True
        self.unlock_button.hide()
        self.fields.set_editable(self._editable())
        self._say(self.tr("Om du ändrar förslaget dras det tillbaka och ett godkännande upphör att gälla."))
        self.fields.focus_field(next(iter(self.fields.widgets), None))

    def _say(self, text: str) -> None:
        self.state.setText(text)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        if text:
            self._say(text)
        self._show_state()

    # --- routing and buttons -----------------------------------------------------------------

    def refresh_routing(self) -> None:
        self.routing_timer.stop()
        if self.template is None:
            return
        self._routing_seq += 1
        seq = self._routing_seq
        if self.info is None or (self.dirty and self.info.status in OPEN_STATUSES):
            call = (decisions.preview_routing, self.template.id, self.fields.values())
        else:
            call = (decisions.routing, self.info.id)
        self.app.run(*call, owner=self, on_done=lambda r: self._routed(seq, r), on_error=self.app.report_error)

    def _routed(self, seq: int, routing) -> None:
        if seq != self._routing_seq:
            return  # an older answer
        self.routing = routing
        text = routing_html(routing)
        if routing.route == "utskott" and not routing.can_place_on_agenda:
            text += "<br>" + html.escape(self.tr("Nästa steg: %1").replace("%1", routing.agenda_reason))
        self.routing_label.setText(text)
        self._update_preview()
        self._show_state()

    def _show_state(self) -> None:
        a, r, info = self.actions, self.routing, self.info
        if r is None or self.template is None:
            why = self.tr("Välj en beslutsmall först.")
            for key in a.buttons:
                if key != "close":
                    a.set_state(key, False, why, key not in ("urgent", "agenda"))
            return
        status = info.status if info else "utkast"
        locked = self.tr("Förslaget kan inte ändras (%1).").replace("%1", info.status_label if info else "")
        a.set_state("save", self._editable(), locked if self._is_drafter() else
                    self.tr("Bara den som skrivit förslaget ändrar det."))
        a.set_state("sign", r.can_sign, r.sign_reason)
        a.set_state("send", r.can_send, r.send_reason)
        missing = urgent_missing(self.template, self.fields.values()) if r.urgent_available else []
        a.set_state("urgent", r.can_send and not missing,
                    self.tr("Ett brådskande förslag ska ange: %1.").replace("%1", ", ".join(missing))
                    if r.can_send and missing else r.send_reason, visible=r.urgent_available)
        a.set_state("agenda", r.can_place_on_agenda, r.agenda_reason, visible=r.route == "utskott")
        blocked = info.letter_blocked if info is not None else None  # an utskott protocol not yet justerat
        a.set_state("letter", status == "beslutad" and not blocked,
                    blocked or self.tr("Brevet skrivs ut när beslutet är fattat; texten till höger visar hur det blir."))
        court = self.template.court_ruling is not None and status == "beslutad"  # LVU 4 §, LVM 13 § …
        a.set_state("court", court and self.app.actor.role in court_svc.COURT_RECORDERS,
                    self.tr("Bara handläggare, 1:e socialsekreterare och chefer för in rättens beslut."), visible=court)
        a.set_state("discard", info is not None and self._is_drafter() and status in OPEN_STATUSES,
                    self.tr("Bara ett sparat utkast som inte skickats kan makuleras."), visible=info is not None)
        if self.busy:
            for key, b in a.buttons.items():
                if key != "close":
                    b.setEnabled(False)
