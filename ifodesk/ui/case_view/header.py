"""The person and case header: name, personnummer, case, and an unmistakable protection banner.

A protected person's address is never shown until the user gives a reason, which the service
logs (people.get_person(..., address_reason=...)).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ifodesk.services import people
from ifodesk.services.caseview import STATUS_LABELS
from ifodesk.services.dto import CaseDetail, PersonDetail

from ..labels import PROTECTED_RED, protection_label


class AddressReasonDialog(QDialog):
    """Why do you need the protected address? The answer is logged with the read."""

    reason_given = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("address_reason_dialog")
        self.setWindowTitle(self.tr("Skyddad adress"))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("address_reason")
        self.reason.setAccessibleName(self.tr("Skäl att visa adressen"))
        self.reason.setPlaceholderText(self.tr("T.ex. hembesök enligt utredningsplanen"))
        self.error = QLabel(self)
        self.error.setStyleSheet(f"color: {PROTECTED_RED};")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("address_reason_buttons")
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("Personen har skyddade personuppgifter. Adressen visas bara om du anger "
                                     "varför du behöver den. Skälet och din läsning loggas."), self))
        box.addWidget(self.reason)
        box.addWidget(self.error)
        box.addWidget(buttons)

    def _ok(self) -> None:
        text = self.reason.text().strip()
        if len(text) < 5:
            self.error.setText(self.tr("Skriv ett skäl (minst fem tecken)."))
            self.reason.setFocus()
            return
        self.reason_given.emit(text)
        self.accept()


class CaseHeader(QWidget):
    back_requested = Signal()

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.person: PersonDetail | None = None
        self.reason_dialog: AddressReasonDialog | None = None
        self.banner = self._label("protection_banner")
        self.banner.setStyleSheet(f"background: {PROTECTED_RED}; color: white; font-weight: bold; "
                                  "font-size: 15pt; padding: 6px;")
        self.banner.hide()
        self.name = self._label("case_person_name")
        self.facts = self._label("case_facts")
        self.address = self._label("case_address")
        self.show_address = QPushButton(self.tr("Visa &adress …"), self)
        self.show_address.setObjectName("show_address")
        self.show_address.setAccessibleName(self.tr("Visa skyddad adress (kräver skäl)"))
        self.show_address.clicked.connect(self._ask_reason)
        self.show_address.hide()  # shown with a protected person's header
        self.back = QPushButton(self.tr("← &Tillbaka"), self)
        self.back.setObjectName("case_back")
        self.back.setAccessibleName(self.tr("Tillbaka till listan"))
        self.back.clicked.connect(self.back_requested)
        self._layout()

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def _layout(self) -> None:
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        grid.addWidget(self.name, 0, 0)
        grid.addWidget(self.back, 0, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.facts, 1, 0, 1, 2)
        row = QHBoxLayout()
        row.addWidget(self.address, 1)
        row.addWidget(self.show_address)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.banner)
        box.addLayout(grid)
        box.addLayout(row)

    def show_case(self, detail: CaseDetail, person: PersonDetail) -> None:
        s = detail.summary
        self.name.setText(f"<h2>{s.person.name} <span style='font-weight:normal'>{s.person.display_id}</span></h2>")
        self.facts.setText(self.tr("Ärende <b>%1</b> · %2 · %3 · Handläggare: %4 · Öppnat %5")
                           .replace("%1", s.case_number).replace("%2", STATUS_LABELS.get(s.status, s.status))
                           .replace("%3", detail.unit_name)
                           .replace("%4", s.assigned_name or self.tr("ofördelat"))
                           .replace("%5", s.opened_on.isoformat()))
        self.show_person(person)

    def show_person(self, person: PersonDetail) -> None:
        self.person = person
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

    def _ask_reason(self) -> None:
        self.reason_dialog = AddressReasonDialog(self)
        self.reason_dialog.reason_given.connect(self._reveal)
        self.reason_dialog.open()

    def _reveal(self, reason: str) -> None:
        pid = self.person.summary.id
        self.app.run(people.get_person, pid, address_reason=reason, owner=self, on_done=self.show_person,
                     on_error=self.app.report_error)
