"""Message boxes, non-blocking (open(), not exec()), so the app and its tests never hang on one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

translate = QCoreApplication.translate

FRAME = QSize(16, 40)  # a window's title bar and borders, around what Qt calls its size


def available_size(widget: QWidget | None = None) -> QSize:
    """The room on the widget's screen (taskbar excluded), in device-independent pixels: a
    1366×768 laptop at 125 % scaling leaves about 1093×574."""
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Open at the size the content wants, but never larger than the screen it opens on."""
    room = available_size(widget) - FRAME
    widget.resize(min(width, room.width()), min(height, room.height()))


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


def ask(parent: QWidget | None, text: str, yes_text: str, on_yes, name: str, title: str | None = None) -> QMessageBox:
    """A question with a named yes button and Avbryt; on_yes() runs only when yes is clicked."""
    box = QMessageBox(QMessageBox.Icon.Question, title or translate("Dialogs", "ifodesk"), text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName(f"{name}_yes")
    yes.setAccessibleName(yes_text.replace("&", ""))
    no = box.addButton(translate("Dialogs", "Avbryt"), QMessageBox.ButtonRole.RejectRole)
    no.setObjectName(f"{name}_no")
    no.setAccessibleName(no.text())
    box.setDefaultButton(no)  # an action that cannot be undone is never the default
    box.buttonClicked.connect(lambda b: b is yes and on_yes())
    box.open()
    return box
