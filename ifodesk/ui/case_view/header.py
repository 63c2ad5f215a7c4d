"""The person and case header: name, personnummer, case, and an unmistakable protection banner.

A protected person's address is never shown until the user gives a reason, which the service
logs (people.get_person(..., address_reason=...)). "Personuppgifter …" edits address, phone and
the marking (person_dialog.py), revealing a protected address through the same flow.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ifodesk.services import access, people
from ifodesk.services.caseview import STATUS_LABELS
from ifodesk.services.dto import CaseDetail, PersonDetail

from ..handover_dialog import HandoverDialog
from .. import theme
from ..access_dialog import AccessReasonDialog
from ..appearance import Appearance
from ..labels import deadline_status_text, protection_label
from .person_dialog import PersonDialog


class AddressReasonDialog(AccessReasonDialog):
    """Why do you need the protected address? The answer is logged with the read."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Personen har skyddade personuppgifter. Adressen visas bara om du anger "
                                 "varför du behöver den."), parent, prefix="address_reason")
        self.setWindowTitle(self.tr("Skyddad adress"))
        self.reason.setAccessibleName(self.tr("Skäl att visa adressen"))
        self.reason.setPlaceholderText(self.tr("T.ex. hembesök enligt utredningsplanen"))


class CaseHeader(QWidget):
    back_requested = Signal()
    person_shown = Signal(object)  # PersonDetail, each time the header shows one

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.person: PersonDetail | None = None
        self.reason_dialog: AddressReasonDialog | None = None
        self.person_dialog = None
        self.address_reason: str | None = None  # the logged reason the shown address was read with
        self.banner = self._label("protection_banner")
        theme.banner(self.banner, "protected")
        self.banner.hide()
        self.name = self._label("case_person_name")
        self.facts = self._label("case_facts")
        self.next_deadline = self._label("case_next_deadline")
        self.address = self._label("case_address")
        self.show_address = QPushButton(self.tr("Visa &adress …"), self)
        self.show_address.setObjectName("show_address")
        self.show_address.setAccessibleName(self.tr("Visa skyddad adress (kräver skäl)"))
        self.show_address.clicked.connect(lambda: self.ask_reason())
        self.show_address.hide()  # shown with a protected person's header
        self.edit_person = QPushButton(self.tr("&Personuppgifter …"), self)
        self.edit_person.setObjectName("edit_person")
        self.edit_person.setAccessibleName(self.tr("Personuppgifter: adress, telefon och skyddsmarkering"))
        self.edit_person.clicked.connect(self.open_person_dialog)
        self.edit_person.setEnabled(False)  # until a person is shown
        self.handover = QPushButton(self.tr("Byt handl&äggare …"), self)
        self.handover.setObjectName("case_handover")
        self.handover.setAccessibleName(self.tr("Byt handläggare för ärendet"))
        self.handover.clicked.connect(self.open_handover)
        self.handover.hide()  # shown for a role that may distribute cases in the case's unit
        self.handover_dialog = None
        self.detail: CaseDetail | None = None
        self.back = QPushButton(self.tr("← &Tillbaka"), self)
        self.back.setObjectName("case_back")
        self.back.setAccessibleName(self.tr("Tillbaka till listan"))
        self.back.clicked.connect(self.back_requested)
        self._layout()
        Appearance.of().changed.connect(self._restyle)

    def add_action(self, button: QPushButton) -> None:
        """A command about the case (check-out …), before "Tillbaka"."""
        self.actions.insertWidget(self.actions.count() - 1, button)

    def _restyle(self) -> None:
        """The palette changed: the rich text coloured when shown is coloured anew."""
        if self.detail is not None:
            self._show_next_deadline(self.detail)

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def _layout(self) -> None:
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        grid.addWidget(self.name, 0, 0)
        self.actions = QHBoxLayout()  # beside the name: one row less on a small screen
        self.actions.addWidget(self.handover)
        self.actions.addWidget(self.back)
        grid.addLayout(self.actions, 0, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.facts, 1, 0, 1, 2)
        grid.addWidget(self.next_deadline, 2, 0, 1, 2)
        row = QHBoxLayout()
        row.addWidget(self.address, 1)
        row.addWidget(self.show_address)
        row.addWidget(self.edit_person)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.banner)
        box.addLayout(grid)
        box.addLayout(row)

    def show_case(self, detail: CaseDetail, person: PersonDetail) -> None:
        s = detail.summary
        self.detail = detail
        self.handover.setVisible(self._may_hand_over(detail))
        self.name.setText(f"<h2>{s.person.name} <span style='font-weight:normal'>{s.person.display_id}</span></h2>")
        self.facts.setText(self.tr("Ärende <b>%1</b> · %2 · %3 · Handläggare: %4 · Öppnat %5")
                           .replace("%1", s.case_number).replace("%2", STATUS_LABELS.get(s.status, s.status))
                           .replace("%3", detail.unit_name)
                           .replace("%4", s.assigned_name or self.tr("ofördelat"))
                           .replace("%5", s.opened_on.isoformat()))
        self._show_next_deadline(detail)
        self.show_person(person)

    def _show_next_deadline(self, detail: CaseDetail) -> None:
        """The one date the caseworker must not miss, without opening Tidsfrister."""
        pending = [d for d in detail.deadlines if d.met_on is None]
        if not pending:
            self.next_deadline.setText(self.tr("Nästa tidsfrist: ingen öppen"))
            return
        d = min(pending, key=lambda x: x.due_on)
        text = self.tr("Nästa tidsfrist: <b>%1</b> senast <b>%2</b> – %3").replace("%1", d.title) \
            .replace("%2", d.due_on.isoformat()).replace("%3", deadline_status_text(d))
        if d.status == "overdue":
            text = theme.span(text, "danger")
        self.next_deadline.setText(text)

    def _may_hand_over(self, detail: CaseDetail) -> bool:
        """case.assign in resources/access.toml: within the role's scope (unit or municipality)."""
        ctx = self.app.services
        if getattr(ctx, "copy", None) is not None or not access.may(ctx, "case.assign"):
            return False  # an offline copy cannot hand over
        scope = access.role_grant(ctx, "case.assign").scope
        return scope == "municipality" or detail.summary.unit_id in ctx.actor.unit_ids

    def open_handover(self) -> None:
        """Byt handläggare on this case (services.handover); the view reloads on data_changed."""
        if self.detail is None:
            return
        if self.handover_dialog is not None:
            self.handover_dialog.deleteLater()
        s = self.detail.summary
        self.handover_dialog = HandoverDialog(self.app, "case", self.window(), case_id=s.id,
                                              case_number=s.case_number)
        self.handover_dialog.done_changes.connect(lambda: self.app.data_changed.emit("case"))
        self.handover_dialog.open()

    def show_person(self, person: PersonDetail) -> None:
        self.person = person
        if person.address_hidden:
            self.address_reason = None
        self.edit_person.setEnabled(True)
        marking = protection_label(person.summary.protection)
        self.banner.setVisible(bool(marking))
        self.banner.setText(self.tr("⚠ %1 – lämna aldrig ut adress eller uppgifter som kan röja var personen "
                                    "bor").replace("%1", marking))
        self.banner.setAccessibleName(marking)
        self.show_address.setVisible(person.address_hidden)
        if person.address_hidden:
            self.address.setText(self.tr("Adress: <i>dold (skyddade personuppgifter)</i>"))
        else:
            parts = [p for p in (person.address_street, person.address_postal, person.phone) if p]
            self.address.setText(self.tr("Adress: %1").replace("%1", ", ".join(parts) or self.tr("saknas")))
        self.person_shown.emit(person)

    def ask_reason(self, parent: QWidget | None = None) -> None:
        """Ask why the protected address is needed; then read it (the service logs the reason)."""
        self.reason_dialog = AddressReasonDialog(parent or self)
        self.reason_dialog.reason_given.connect(self._reveal)
        self.reason_dialog.open()

    def _reveal(self, reason: str) -> None:
        pid = self.person.summary.id
        self.app.run(people.get_person, pid, address_reason=reason, owner=self,
                     on_done=lambda person: self._revealed(reason, person), on_error=self.app.report_error)

    def _revealed(self, reason: str, person: PersonDetail) -> None:
        if self.person is None or person.summary.id != self.person.summary.id:
            return  # another case was opened meanwhile
        self.address_reason = reason
        self.show_person(person)

    def open_person_dialog(self) -> None:
        if self.person is None:
            return
        if self.person_dialog is not None:
            self.person_dialog.deleteLater()
        self.person_dialog = PersonDialog(self.app, self, self.window())
        self.person_dialog.open()
