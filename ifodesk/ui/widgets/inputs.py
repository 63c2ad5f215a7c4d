"""Small factories so every input gets an objectName, an accessible name and a buddy label."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from .. import theme


def name(w: QWidget, object_name: str, accessible: str) -> QWidget:
    w.setObjectName(object_name)
    w.setAccessibleName(accessible.replace("&", ""))
    return w


def text_edit(parent: QWidget, object_name: str, accessible: str, min_height: int = 70) -> QPlainTextEdit:
    w = QPlainTextEdit(parent)
    w.setTabChangesFocus(True)  # Tab moves on; the keyboard never gets stuck in a text box
    w.setMinimumHeight(min_height)
    return name(w, object_name, accessible)


def line_edit(parent: QWidget, object_name: str, accessible: str) -> QLineEdit:
    return name(QLineEdit(parent), object_name, accessible)


def button(parent: QWidget, object_name: str, text: str) -> QPushButton:
    return name(QPushButton(text, parent), object_name, text)


def error_label(parent: QWidget, object_name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    theme.danger_label(label)
    label.hide()
    return label


def add_row(form: QFormLayout, text: str, w: QWidget) -> QLabel:
    label = QLabel(text, form.parentWidget())
    label.setBuddy(w)
    form.addRow(label, w)
    return label


def set_read_only(w, read_only: bool = True) -> None:
    """Text that cannot be changed looks so: the window's background, not an input's white.

    Only the Base role is set, from the current palette (a dark or high-contrast palette stays
    consistent); editable again means the inherited palette again.
    """
    w.setReadOnly(read_only)
    theme.read_only_look(w, read_only)
