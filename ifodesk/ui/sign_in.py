"""The demo database's sign-in: pick who you are from the list of users."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from .labels import level_label, role_label


class UserPickerDialog(QDialog):
    def __init__(self, users, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("user_picker")
        self.setWindowTitle(self.tr("Välj användare – demodatabas"))
        self.list = QListWidget(self)
        self.list.setObjectName("user_list")
        self.list.setAccessibleName(self.tr("Användare"))
        for u in users:
            item = QListWidgetItem(f"{u.full_name} – {role_label(u.role)} (delegation: {level_label(u.delegate_level)})")
            item.setData(256, u.username)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("Det här är en demodatabas med påhittade personer. Välj vem du vill vara:"), self))
        box.addWidget(self.list, 1)
        box.addWidget(buttons)
        self.resize(520, 480)

    def username(self) -> str | None:
        item = self.list.currentItem()
        return item.data(256) if item else None
