"""Sign-in dialogs: the database password (shared PostgreSQL) and the demo database's user picker."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from . import theme
from .labels import level_label, role_label
from .dialogs import fit_to_screen


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
        fit_to_screen(self, 520, 480)

    def username(self) -> str | None:
        item = self.list.currentItem()
        return item.data(256) if item else None


class PasswordDialog(QDialog):
    """Asked only when the server wants a password (no Kerberos ticket, nothing remembered)."""

    def __init__(self, user: str, message: str = "", remember_possible: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("password_dialog")
        self.setWindowTitle(self.tr("Logga in – ifodesk"))
        self.user = QLineEdit(user, self)
        self.user.setObjectName("login_user")
        self.user.setAccessibleName(self.tr("Användarnamn"))
        self.password = QLineEdit(self)
        self.password.setObjectName("login_password")
        self.password.setAccessibleName(self.tr("Lösenord"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Kom ihåg lösenordet på den här datorn"), self)
        self.remember.setObjectName("remember_password")
        self.remember.setAccessibleName(self.tr("Kom ihåg lösenordet"))
        self.remember.setEnabled(remember_possible)
        self.remember.setToolTip(self.tr("Lösenordet sparas i operativsystemets nyckelring.") if remember_possible
                                 else self.tr("Datorn har ingen nyckelring där lösenordet kan sparas säkert."))
        self.message = QLabel(message, self)
        self.message.setObjectName("login_message")
        theme.danger_label(self.message, bold=False)
        self.message.setVisible(bool(message))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Logga in"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Användarnamn"), self.user)
        form.addRow(self.tr("Lösenord"), self.password)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("Databasen kräver lösenord. Logga in med ditt eget konto."), self))
        box.addLayout(form)
        box.addWidget(self.remember)
        box.addWidget(self.message)
        box.addWidget(buttons)
        (self.password if user else self.user).setFocus()

    def credentials(self) -> tuple[str, str, bool]:
        return self.user.text().strip(), self.password.text(), self.remember.isChecked()
