"""Message boxes, non-blocking (open(), not exec()), so the app and its tests never hang on one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

translate = QCoreApplication.translate


def _box(parent: QWidget | None, icon, title: str, text: str, name: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(name)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.open()
    return box


def show_error(parent: QWidget | None, text: str, title: str | None = None) -> QMessageBox:
    return _box(parent, QMessageBox.Icon.Warning, title or translate("Dialogs", "Det gick inte"), text,
                "error_message")


def show_info(parent: QWidget | None, text: str, title: str | None = None) -> QMessageBox:
    return _box(parent, QMessageBox.Icon.Information, title or translate("Dialogs", "ifodesk"), text,
                "info_message")
