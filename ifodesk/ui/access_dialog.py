"""Reading outside one's own cases and unit: the service asks for a reason; this dialog asks the user.

The reason is checked as the service will check it (access policy: real length) and then passed
to the service, which logs it with the read. AddressReasonDialog (case_view/header.py) is the same
dialog for a protected address.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ifodesk.services import access

from . import theme
from .dialogs import fit_to_screen

# PySide's self.tr() looks a string up in the context of the object's own class, so in a subclass
# the base class's strings would never be found. They are translated in this fixed context instead
# (literal arguments: pyside6-lupdate extracts them from this form).
translate = QCoreApplication.translate


class ReasonRule(QObject):
    """The policy's rule for a reason, and its message. A class of its own so that its tr context
    is the same for every dialog using it; pyside6-lupdate extracts a plural only from self.tr()."""

    def ok(self, text: str) -> bool:
        return access.policy().reason_ok(text)

    def message(self) -> str:
        return self.tr("Skriv ett verkligt skäl (minst %n bokstäver eller siffror).", "",
                       access.policy().reason_min_chars)


class AccessReasonDialog(QDialog):
    """Why do you need to open this? `message` is the service's refusal (no personal data in it).

    `prefix` names the dialog and its inputs for tests and screen readers (prefix_dialog, prefix,
    prefix_error …)."""

    reason_given = Signal(str)

    def __init__(self, message: str, parent: QWidget | None = None, *, prefix: str = "access_reason"):
        super().__init__(parent)
        self.setObjectName(f"{prefix}_dialog")
        self.setWindowTitle(translate("AccessReasonDialog", "Skäl för att läsa"))
        self.message = QLabel(message, self)
        self.message.setObjectName(f"{prefix}_message")
        self.message.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName(prefix)
        self.reason.setAccessibleName(translate("AccessReasonDialog", "Skäl"))
        self.reason.setPlaceholderText(translate("AccessReasonDialog", "T.ex. jourärende: barnet placerades akut i natt"))
        self.message.setBuddy(self.reason)
        self.error = QLabel(self)
        self.error.setObjectName(f"{prefix}_error")
        theme.danger_label(self.error, bold=False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName(f"{prefix}_buttons")
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.message)
        box.addWidget(QLabel(translate("AccessReasonDialog", "Skälet och din läsning loggas och granskas i loggkontrollen."),
                             self))
        box.addWidget(self.reason)
        box.addWidget(self.error)
        box.addWidget(buttons)
        fit_to_screen(self, 480, 200)
        self.reason.setFocus()

    def _ok(self) -> None:
        text = self.reason.text().strip()
        rule = ReasonRule()
        if not rule.ok(text):
            self.error.setText(rule.message())
            self.reason.setFocus()
            return
        self.reason_given.emit(text)
        self.accept()
