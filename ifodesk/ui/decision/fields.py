"""The form a template asks for: one input per template field, generated from the template.

Dates are QDateEdit (blank until set: a date is never filled in by accident), choices QComboBox,
multiline text QPlainTextEdit. Values are the plain strings the decision service stores.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ifodesk.domain.catalog import DecisionTemplate, TemplateField

from ..fields import mark_invalid
from ..widgets.inputs import name, set_read_only, text_edit

EMPTY_DATE = QDate(1900, 1, 1)
DATE_FORMAT = "yyyy-MM-dd"


class DateEdit(QDateEdit):
    """ÅÅÅÅ-MM-DD typed as written: focus from the keyboard starts at the year, "-" is not a skip."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if event.reason() != Qt.FocusReason.MouseFocusReason:
            self.setSelectedSection(QDateEdit.Section.YearSection)

    def focusNextPrevChild(self, next_: bool) -> bool:
        """Tab leaves the field (QDateEdit would step through its sections, and never leaves a
        blank one); the parts are reached by typing, "-" or the arrow keys."""
        return QWidget.focusNextPrevChild(self, next_)

    def keyPressEvent(self, event) -> None:
        line = self.lineEdit()
        if event.text() == "-" and line.cursorPosition() > 0 and line.text()[line.cursorPosition() - 1] == "-":
            return  # Qt already moved on after a full year or month
        super().keyPressEvent(event)


class OptionalDateEdit(DateEdit):
    """Shows blank until a date is chosen; the first key or arrow starts from today."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumDate(EMPTY_DATE)
        self.setSpecialValueText(self.tr("ÅÅÅÅ-MM-DD"))
        self.clear_date()

    def is_empty(self) -> bool:
        return self.date() == EMPTY_DATE

    def clear_date(self) -> None:
        self.setDate(EMPTY_DATE)

    def keyPressEvent(self, event) -> None:
        if self.is_empty() and (event.text().isdigit() or event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)):
            self.setDate(QDate.currentDate())
            self.setSelectedSection(QDateEdit.Section.YearSection)
            if not event.text().isdigit():
                return
        line = self.lineEdit()
        erase = event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        if erase and self.currentSection() == QDateEdit.Section.YearSection and line.selectedText() == line.text():
            self.clear_date()
            return
        super().keyPressEvent(event)


def field_label(f: TemplateField) -> str:
    if not f.required and f.required_when is not None and f.required_when.urgent:
        return f.label + " " + QCoreApplication.translate("DecisionFields", "(krävs vid brådskande beslut)")
    return f.label + (" *" if f.required else "")


class DecisionFields(QWidget):
    """The generated inputs of one template."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.template: DecisionTemplate | None = None
        self.widgets: dict[str, QWidget] = {}
        self.form = QFormLayout(self)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # label above: long labels stay readable
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._loading = False

    # --- building ----------------------------------------------------------------------------

    def build(self, template: DecisionTemplate | None) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.widgets = {}
        self.template = template
        if template is None:
            return
        for f in template.fields:
            w = self._make(f)
            self.widgets[f.name] = w
            label = QLabel(field_label(f) + ":", self)
            label.setWordWrap(True)  # a long label wraps rather than widening the form (small screens)
            label.setBuddy(w)
            self.form.addRow(label, w)
        note = QLabel(self.tr("* obligatoriskt. Lagrum och överklagandehänvisning kommer från mallen och kan "
                              "inte ändras."), self)
        note.setObjectName("fields_note")
        note.setWordWrap(True)
        self.form.addRow(note)

    def _make(self, f: TemplateField) -> QWidget:
        object_name, accessible = f"field_{f.name}", f.label
        if f.kind == "date":
            w = name(OptionalDateEdit(self), object_name, accessible)
            w.dateChanged.connect(self._emit)
        elif f.kind == "choice":
            w = name(QComboBox(self), object_name, accessible)
            # A long option is shown whole in the open list, not by widening the form.
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            w.setMinimumContentsLength(20)
            w.addItem(self.tr("– välj –"), "")
            for o in f.options:
                w.addItem(o.label, o.value)
            w.currentIndexChanged.connect(self._emit)
        elif f.multiline:
            w = text_edit(self, object_name, accessible, 90)
            w.textChanged.connect(self._emit)
        else:
            w = name(QLineEdit(self), object_name, accessible)
            w.textChanged.connect(self._emit)
        if f.required:
            w.setAccessibleDescription(self.tr("Obligatoriskt"))
        return w

    def _emit(self, *_args) -> None:
        if not self._loading:
            self.changed.emit()

    # --- values ------------------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        return {k: _get(w) for k, w in self.widgets.items()}

    def set_values(self, values: dict) -> None:
        """Fill without counting as an edit."""
        self._loading = True
        try:
            for k, w in self.widgets.items():
                _set(w, str(values.get(k) or ""))
        finally:
            self._loading = False

    def labels(self) -> dict[str, str]:
        return {f.name: f.label for f in self.template.fields} if self.template else {}

    def set_editable(self, editable: bool) -> None:
        for w in self.widgets.values():
            if isinstance(w, (QLineEdit, QPlainTextEdit)):
                set_read_only(w, not editable)
            else:
                w.setEnabled(editable)

    def mark(self, invalid: set[str]) -> None:
        for k, w in self.widgets.items():
            mark_invalid(w, k in invalid)

    def focus_field(self, field_name: str | None) -> None:
        w = self.widgets.get(field_name or "")
        if w is not None:
            w.setFocus()

    def first_widget(self) -> QWidget | None:
        return next(iter(self.widgets.values()), None)

    def tab_chain(self) -> list[QWidget]:
        """The inputs in the template's order (they are made after the rest of the window)."""
        return list(self.widgets.values())


def _get(w: QWidget) -> str:
    if isinstance(w, OptionalDateEdit):
        return "" if w.is_empty() else w.date().toString(DATE_FORMAT)
    if isinstance(w, QComboBox):
        return str(w.currentData() or "")
    if isinstance(w, QPlainTextEdit):
        return w.toPlainText()
    return w.text()


def _set(w: QWidget, value: str) -> None:
    if isinstance(w, OptionalDateEdit):
        d = QDate.fromString(value, DATE_FORMAT) if value else EMPTY_DATE
        w.setDate(d if d.isValid() else EMPTY_DATE)
    elif isinstance(w, QComboBox):
        w.setCurrentIndex(max(w.findData(value), 0))
    elif isinstance(w, QPlainTextEdit):
        if w.toPlainText() != value:
            w.setPlainText(value)
    elif w.text() != value:
        w.setText(value)
