"""Återvisa: a reason is required; the dialog will not accept an empty one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..widgets.inputs import button, error_label, text_edit
from ..dialogs import fit_to_screen


class ReasonDialog(QDialog):
    reason_given = Signal(str)

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reason_dialog")
        self.setWindowTitle(title)
        self.prompt = QLabel(prompt, self)
        self.prompt.setWordWrap(True)
        self.reason = text_edit(self, "reason_text", self.tr("Skäl"), 100)
        self.prompt.setBuddy(self.reason)
        self.error = error_label(self, "reason_error")
        self.ok_button = button(self, "reason_ok", self.tr("&Återvisa"))
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.accept)
        cancel = button(self, "reason_cancel", self.tr("Avbryt"))
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.ok_button)
        row.addWidget(cancel)
        box = QVBoxLayout(self)
        box.addWidget(self.prompt)
        box.addWidget(self.reason, 1)
        box.addWidget(self.error)
        box.addLayout(row)
        fit_to_screen(self, 460, 240)
        self.reason.setFocus()

    def accept(self) -> None:
        text = self.reason.toPlainText().strip()
        if not text:
            self.error.setText(self.tr("Skriv varför förslaget återvisas – handläggaren behöver veta vad "
                                       "som ska ändras."))
            self.error.show()
            self.reason.setFocus()
            return
        self.reason_given.emit(text)
        super().accept()
