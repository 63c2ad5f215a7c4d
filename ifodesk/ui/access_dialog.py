"""Reading outside one's own cases and unit: the service asks for a reason; this dialog asks the user.

The reason is checked as the service will check it (access policy: real length) and then passed
to the service, which logs it with the read.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ifodesk.services import access

from . import theme


class AccessReasonDialog(QDialog):
    """Why do you need to open this? `message` is the service's refusal (no personal data in it)."""

    reason_given = Signal(str)

    def __init__(self, message: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("access_reason_dialog")
        self.setWindowTitle(self.tr("Skäl för att läsa"))
        self.message = QLabel(message, self)
        self.message.setObjectName("access_reason_message")
        self.message.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("access_reason")
        self.reason.setAccessibleName(self.tr("Skäl"))
        self.reason.setPlaceholderText(self.tr("T.ex. jourärende: barnet placerades akut i natt"))
        self.message.setBuddy(self.reason)
        self.error = QLabel(self)
        self.error.setObjectName("access_reason_error")
        theme.danger_label(self.error, bold=False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("access_reason_buttons")
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.message)
        box.addWidget(QLabel(self.tr("Skälet och din läsning loggas och granskas i loggkontrollen."), self))
        box.addWidget(self.reason)
        box.addWidget(self.error)
        box.addWidget(buttons)
        self.resize(480, 200)
        self.reason.setFocus()

    def _ok(self) -> None:
        text = self.reason.text().strip()
        if not access.policy().reason_ok(text):
            self.error.setText(self.tr("Skriv ett verkligt skäl (minst %n bokstäver eller siffror).", "",
                                       access.policy().reason_min_chars))
            self.reason.setFocus()
            return
        self.reason_given.emit(text)
        self.accept()
