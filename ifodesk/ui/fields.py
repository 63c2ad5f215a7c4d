"""Read and write plain values of input widgets, so forms and drafts treat them alike."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QDateTimeEdit, QLineEdit, QPlainTextEdit, QWidget

from ifodesk.services.context import STOCKHOLM

from . import theme

DATETIME_FORMAT = "yyyy-MM-ddTHH:mm"


def wall_clock(at: datetime) -> QDateTime:
    """Swedish wall-clock time for a date-time field, whatever the machine's time zone."""
    local = at.astimezone(STOCKHOLM)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_wall_clock(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M").replace(tzinfo=STOCKHOLM)


def get_value(w: QWidget) -> str:
    if isinstance(w, QPlainTextEdit):
        return w.toPlainText()
    if isinstance(w, QLineEdit):
        return w.text()
    if isinstance(w, QDateEdit):
        return w.date().toString("yyyy-MM-dd")
    if isinstance(w, QDateTimeEdit):
        return w.dateTime().toString(DATETIME_FORMAT)
    if isinstance(w, QComboBox):
        return str(w.currentIndex())
    if isinstance(w, QCheckBox):
        return "1" if w.isChecked() else ""
    raise TypeError(f"unsupported field widget {type(w).__name__}")


def set_value(w: QWidget, value: str) -> None:
    if isinstance(w, QPlainTextEdit):
        if w.toPlainText() != value:
            w.setPlainText(value)
    elif isinstance(w, QLineEdit):
        w.setText(value)
    elif isinstance(w, QDateEdit):
        if value:
            w.setDate(QDate.fromString(value, "yyyy-MM-dd"))
    elif isinstance(w, QDateTimeEdit):
        if value:
            w.setDateTime(QDateTime.fromString(value, DATETIME_FORMAT))
    elif isinstance(w, QComboBox):
        # A combo with a placeholder ("– välj –") starts with no answer rather than the first one.
        w.setCurrentIndex(int(value) if value else (-1 if w.placeholderText() else 0))
    elif isinstance(w, QCheckBox):
        w.setChecked(bool(value))


def changed_signal(w: QWidget):
    if isinstance(w, QPlainTextEdit):
        return w.textChanged
    if isinstance(w, QLineEdit):
        return w.textEdited
    if isinstance(w, QDateEdit):
        return w.dateChanged
    if isinstance(w, QDateTimeEdit):
        return w.dateTimeChanged
    if isinstance(w, QComboBox):
        return w.currentIndexChanged
    return w.toggled


def mark_invalid(w: QWidget, invalid: bool) -> None:
    w.setProperty("invalid", invalid)
    theme.invalid_border(w, invalid)
