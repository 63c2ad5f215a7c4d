"""Register an anmälan fast from the keyboard: reporter, reasons, text, and one or more children.

What is typed is kept as a local draft (anmalan_draft) and comes back with the next "Ny anmälan";
Esc or Avbryt asks before anything is thrown away.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ifodesk.domain.categories import load_categories
from ifodesk.services import admin, cases
from ifodesk.services.dto import AnmalanInput
from ifodesk.services.errors import ValidationError

from . import anmalan_draft
from .anmalan_child import ChildRow
from .fields import changed_signal, from_wall_clock, get_value, wall_clock
from .forms import DRAFT_DELAY_MS
from .widgets.inputs import add_row, button, error_label, line_edit, name, text_edit
from .dialogs import fit_to_screen

MAX_CHILDREN = 8


class AnmalanDialog(QDialog):
    registered = Signal(object)  # AnmalanResult

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.cats = load_categories()
        self.children: list[ChildRow] = []
        self.pending_unit: str | None = None  # a draft's unit, chosen once the units are read
        self.discard_box: QMessageBox | None = None
        self._restoring = True
        self.setObjectName("anmalan_dialog")
        self.setWindowTitle(self.tr("Ny anmälan"))
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.write_draft)
        self._build_fields()
        self._build_layout()
        self.add_child()
        self._category_changed()
        self._watch(self.received, self.unit, self.channel, self.category, self.reporter_name, self.reporter_org,
                    self.reporter_contact, self.anonymous, self.feedback, self.text)
        self.reasons.itemChanged.connect(self._changed)
        self._restore_draft()
        self._restoring = False
        app.run(_my_units, owner=self, on_done=self._fill_units)
        self.received.setFocus()

    # --- building ----------------------------------------------------------------------------

    def _build_fields(self) -> None:
        self.received = name(QDateTimeEdit(wall_clock(self.app.services.now()), self), "anmalan_received",
                             self.tr("Mottagen datum och tid"))
        self.received.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.unit = self._combo("anmalan_unit", self.tr("Enhet"), [])
        self.channel = self._combo("anmalan_channel", self.tr("Kanal"), self.cats.channels)
        self.category = self._combo("anmalan_category", self.tr("Anmälarkategori"), self.cats.reporter_categories)
        self.category.currentIndexChanged.connect(self._category_changed)
        self.reporter_name = line_edit(self, "anmalan_reporter_name", self.tr("Anmälarens namn"))
        self.reporter_org = line_edit(self, "anmalan_reporter_org", self.tr("Anmälarens organisation"))
        self.reporter_contact = line_edit(self, "anmalan_reporter_contact", self.tr("Anmälarens kontaktuppgift"))
        self.anonymous = name(QCheckBox(self.tr("Anmälaren är a&nonym"), self), "anmalan_anonymous",
                              self.tr("Anmälaren är anonym"))
        self.anonymous.toggled.connect(self._anonymous_changed)
        self.feedback = name(QCheckBox(self.tr("Vill ha återko&ppling"), self), "anmalan_feedback",
                             self.tr("Anmälaren vill ha återkoppling"))
        self.reasons = name(QListWidget(self), "anmalan_reasons", self.tr("Anledningar (mellanslag kryssar)"))
        for r in self.cats.reasons:
            item = QListWidgetItem(r.label, self.reasons)
            item.setData(Qt.ItemDataRole.UserRole, r.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.reasons.setCurrentRow(0)
        rows = self.reasons.sizeHintForRow(0) * self.reasons.count()
        self.reasons.setMinimumHeight(rows + 2 * self.reasons.frameWidth() + 2)  # all reasons, no scrolling
        self.text = text_edit(self, "anmalan_text", self.tr("Vad anmälan gäller"), 80)
        self.children_box = QVBoxLayout()
        self.add_child_button = button(self, "anmalan_add_child", self.tr("&Lägg till barn (Ctrl+B)"))
        self.add_child_button.clicked.connect(lambda: self.add_child(focus=True))
        QShortcut(QKeySequence("Ctrl+B"), self, lambda: self.add_child(focus=True))
        self.error = error_label(self, "anmalan_error")
        self.draft_state = QLabel(self)
        self.draft_state.setObjectName("anmalan_draft_state")
        self.submit = button(self, "anmalan_submit", self.tr("&Registrera"))
        self.submit.setDefault(True)
        self.submit.clicked.connect(self.register)
        self.cancel = button(self, "anmalan_cancel", self.tr("Avbryt"))
        self.cancel.setAutoDefault(False)
        self.cancel.clicked.connect(self.reject)

    def _combo(self, object_name: str, accessible: str, items) -> QComboBox:
        combo = name(QComboBox(self), object_name, accessible)
        for c in items:
            combo.addItem(c.label, c.code)
        return combo

    def _build_layout(self) -> None:
        form = QFormLayout()
        add_row(form, self.tr("Motta&gen:"), self.received)
        add_row(form, self.tr("&Enhet:"), self.unit)
        add_row(form, self.tr("&Kanal:"), self.channel)
        add_row(form, self.tr("Anm&älare:"), self.category)
        add_row(form, self.tr("Na&mn:"), self.reporter_name)
        add_row(form, self.tr("&Organisation:"), self.reporter_org)
        add_row(form, self.tr("Kon&takt:"), self.reporter_contact)
        checks = QHBoxLayout()
        checks.addWidget(self.anonymous)
        checks.addWidget(self.feedback)
        form.addRow("", checks)
        right = QFormLayout()
        add_row(right, self.tr("&Anledning:"), self.reasons)
        add_row(right, self.tr("&Beskrivning:"), self.text)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addLayout(right, 1)
        kids = QWidget(self)
        outer = QVBoxLayout(kids)
        outer.addLayout(self.children_box)
        outer.addStretch(1)
        self.children_scroll = QScrollArea(self)
        self.children_scroll.setWidgetResizable(True)
        self.children_scroll.setWidget(kids)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_child_button)
        buttons.addWidget(self.draft_state, 1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.submit)
        box = QVBoxLayout(self)
        box.addLayout(top, 2)  # the description shares the height with the children (small screens)
        box.addWidget(QLabel(self.tr("<b>Barn som anmälan gäller</b> – ett barn per rad; syskon får var sin "
                                     "förhandsbedömning"), self))
        box.addWidget(self.children_scroll, 1)
        box.addWidget(self.error)
        box.addLayout(buttons)
        fit_to_screen(self, 1100, 680)

    # --- behaviour ---------------------------------------------------------------------------

    def add_child(self, focus: bool = False) -> ChildRow | None:
        if len(self.children) >= MAX_CHILDREN:
            return None
        row = ChildRow(self.app, len(self.children) + 1, self)
        row.remove_requested.connect(self._remove_child)
        self._watch(row.pnr, row.first, row.last, row.birth)
        self.children.append(row)
        self.children_box.addWidget(row)
        self._fix_tab_order()
        if focus:
            row.pnr.setFocus()
        return row

    def _remove_child(self, row: ChildRow) -> None:
        if len(self.children) > 1:
            self.children.remove(row)
            row.deleteLater()
            self._fix_tab_order()
            self._changed()

    def _fix_tab_order(self) -> None:
        """Children come right after the text, before the buttons."""
        chain = [self.text]
        for row in self.children:
            chain += [row.pnr, row.first, row.last, row.birth, row.remove]
        chain += [self.add_child_button, self.submit, self.cancel]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    def _category_changed(self, *_args) -> None:
        cat = self.cats.reporter(self.category.currentData())
        if cat.professional:
            self.anonymous.setChecked(False)
        self.anonymous.setEnabled(not cat.professional)
        self.anonymous.setToolTip(self.tr("%1 har anmälningsskyldighet och kan inte vara anonym.")
                                  .replace("%1", cat.label) if cat.professional else "")
        if cat.code == "anonym":
            self.anonymous.setChecked(True)

    def _anonymous_changed(self, anonymous: bool) -> None:
        for w in (self.reporter_name, self.reporter_contact):
            w.setEnabled(not anonymous)
        if anonymous:
            self.feedback.setChecked(False)
        self.feedback.setEnabled(not anonymous)

    def _fill_units(self, units) -> None:
        self._restoring = True
        for u in units:
            self.unit.addItem(u.name, u.id)
            if self.pending_unit == str(u.id):
                self.unit.setCurrentIndex(self.unit.count() - 1)
        self.pending_unit = None
        self._restoring = False

    def checked_reasons(self) -> tuple[str, ...]:
        items = (self.reasons.item(i) for i in range(self.reasons.count()))
        return tuple(i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked)

    # --- registering -------------------------------------------------------------------------

    def build_input(self) -> AnmalanInput:
        anonymous = self.anonymous.isChecked()
        return AnmalanInput(
            unit_id=self.unit.currentData(), received_at=from_wall_clock(get_value(self.received)),
            channel=self.channel.currentData(), reporter_category=self.category.currentData(),
            children=tuple(r.child_input() for r in self.children if not r.is_empty()),
            reasons=self.checked_reasons(), text=self.text.toPlainText().strip(),
            reporter_name=None if anonymous else self.reporter_name.text().strip() or None,
            reporter_organisation=self.reporter_org.text().strip() or None,
            reporter_contact=None if anonymous else self.reporter_contact.text().strip() or None,
            reporter_anonymous=anonymous, reporter_wants_feedback=self.feedback.isChecked())

    def register(self) -> None:
        for row in self.children:
            problem = row.local_error()
            if problem:
                self._show_error(problem, row.pnr if row.pnr.text().strip() else row.birth)
                return
        if self.unit.currentData() is None:
            self._show_error(self.tr("Enheterna läses fortfarande in – försök igen om en sekund."), self.unit)
            return
        self.submit.setEnabled(False)
        self.app.run(cases.register_anmalan, self.build_input(), owner=self, on_done=self._done,
                     on_error=self._failed)

    def _done(self, result) -> None:
        self._draft_timer.stop()
        self.app.drafts.discard(anmalan_draft.DRAFT_KEY)
        self.registered.emit(result)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.submit.setEnabled(True)
        if not isinstance(exc, ValidationError):
            self.app.report_error(exc)
            return
        self._show_error(str(exc), self._widget_for(exc.field))

    def _widget_for(self, field: str | None) -> QWidget:
        first = next((r for r in self.children if not r.is_empty()), self.children[0])
        return {"received_at": self.received, "reporter_anonymous": self.anonymous,
                "reporter_name": self.reporter_name, "reporter_wants_feedback": self.feedback,
                "reasons": self.reasons, "category": self.category, "children": first.pnr,
                "personnummer": first.pnr, "name": first.first, "birth_date": first.birth}.get(field or "", self.text)

    def _show_error(self, text: str, widget: QWidget) -> None:
        self.error.setText(text)
        self.error.show()
        widget.setFocus()

    # --- the local draft ---------------------------------------------------------------------

    def _watch(self, *widgets: QWidget) -> None:
        for w in widgets:
            changed_signal(w).connect(self._changed)

    def _changed(self, *_args) -> None:
        if not self._restoring:
            self._draft_timer.start()

    def _restore_draft(self) -> None:
        draft = self.app.drafts.load(anmalan_draft.DRAFT_KEY)
        if draft is None or not anmalan_draft.has_content(draft.values):
            return
        anmalan_draft.restore(self, draft.values)
        self.draft_state.setText(self.tr("Osparad anmälan från %1 återställd")
                                 .replace("%1", draft.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")))

    def has_content(self) -> bool:
        return anmalan_draft.has_content(anmalan_draft.snapshot(self))

    def write_draft(self) -> None:
        """On disk now; a protected child's details never are (they stay only in the window)."""
        self._draft_timer.stop()
        if any(row.protected for row in self.children):
            self.app.drafts.discard(anmalan_draft.DRAFT_KEY)
            self.draft_state.setText(self.tr("Skyddade personuppgifter: inget utkast sparas på datorn"))
            return
        values = anmalan_draft.snapshot(self)
        if not anmalan_draft.has_content(values):
            self.app.drafts.discard(anmalan_draft.DRAFT_KEY)
            return
        self.app.drafts.save(anmalan_draft.DRAFT_KEY, None, values)
        self.draft_state.setText(self.tr("Utkast sparat på datorn %1, inte registrerat än")
                                 .replace("%1", QDateTime.currentDateTime().toString("HH:mm:ss")))

    def reject(self) -> None:
        """Esc, Avbryt or closing the window: nothing typed goes without the user choosing so."""
        if not self.has_content():
            self._draft_timer.stop()
            self.app.drafts.discard(anmalan_draft.DRAFT_KEY)
            super().reject()
            return
        self.write_draft()
        if self.discard_box is not None and self.discard_box.isVisible():
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Ny anmälan"),
                          self.tr("Anmälan är inte registrerad. Vad vill du göra med det du skrivit?"),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("anmalan_discard")
        keep = box.addButton(self.tr("Stäng och spara &utkast"), QMessageBox.ButtonRole.AcceptRole)
        keep.setObjectName("anmalan_discard_keep")
        throw = box.addButton(self.tr("&Kasta anmälan"), QMessageBox.ButtonRole.DestructiveRole)
        throw.setObjectName("anmalan_discard_throw")
        back = box.addButton(self.tr("&Fortsätt skriva"), QMessageBox.ButtonRole.RejectRole)
        back.setObjectName("anmalan_discard_back")
        for b in (keep, throw, back):
            b.setAccessibleName(b.text().replace("&", ""))
        box.setDefaultButton(back)  # Esc twice never throws anything away
        box.setEscapeButton(back)
        box.setInformativeText(self.tr("Ett sparat utkast kommer tillbaka nästa gång du väljer Ny anmälan."))
        box.buttonClicked.connect(self._discard_answered)
        self.discard_box = box
        box.open()

    def _discard_answered(self, clicked) -> None:
        answer = clicked.objectName()
        if answer == "anmalan_discard_throw":
            self._draft_timer.stop()
            self.app.drafts.discard(anmalan_draft.DRAFT_KEY)
        if answer in ("anmalan_discard_keep", "anmalan_discard_throw"):
            QDialog.reject(self)  # "Fortsätt skriva": the dialog stays as it was


def _my_units(ctx):
    units = admin.list_units(ctx.db, ctx.actor.municipality_id)
    mine = [u for u in units if u.id in ctx.actor.unit_ids]
    return mine or units
