"""Choosing a decision template: a small list model, a filter (category, text, purpose) and the picker."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from ifodesk.domain.catalog import DecisionTemplate

from ..widgets.inputs import name

translate = QCoreApplication.translate
TemplateRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2

CATEGORIES = {
    "barn": QT_TRANSLATE_NOOP("Templates", "Barn och unga"),
    "vuxen": QT_TRANSLATE_NOOP("Templates", "Vuxen"),
    "ekonomi": QT_TRANSLATE_NOOP("Templates", "Ekonomiskt bistånd"),
}
PURPOSES = {
    "forhandsbedomning": QT_TRANSLATE_NOOP("Templates", "förhandsbedömningen"),
    "forlangning": QT_TRANSLATE_NOOP("Templates", "förlängd utredningstid"),
    "avslut": QT_TRANSLATE_NOOP("Templates", "att avsluta utredningen"),
}
FB_TEMPLATES = ("inleda_utredning", "inte_inleda_utredning")
CLOSING_TEMPLATES = ("avsluta_utredning_utan_insats", "lvu_ansokan_vard")


def fits_purpose(t: DecisionTemplate, purpose: str) -> bool:
    """The templates that conclude what the caseworker came from (förhandsbedömning, utredning)."""
    if purpose == "forhandsbedomning":
        return t.id in FB_TEMPLATES
    if purpose == "forlangning":
        return "utredning" in t.extends_deadlines
    if purpose == "avslut":
        return t.id in CLOSING_TEMPLATES or bool(t.statistics and t.statistics.insats_type)
    return True


def category_label(category: str) -> str:
    return translate("Templates", CATEGORIES[category]) if category in CATEGORIES else category


def template_tooltip(t: DecisionTemplate) -> str:
    text = ", ".join(t.lagrum)
    if t.utskott_only:
        text += translate("Templates", " · förbehållet utskottet")
    if t.urgent_route:
        text += translate("Templates", " · brådskande väg via ordföranden")
    return text


class TemplateListModel(QAbstractListModel):
    """The decision templates, sorted by category then title."""

    def __init__(self, templates, parent=None):
        super().__init__(parent)
        order = list(CATEGORIES)
        self._items: list[DecisionTemplate] = sorted(
            templates, key=lambda t: (order.index(t.category) if t.category in order else 9, t.title))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        t = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return t.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return template_tooltip(t)
        if role == TemplateRole:
            return t
        if role == IdRole:
            return t.id
        return None

    def row_of(self, template_id: str) -> int:
        return next((i for i, t in enumerate(self._items) if t.id == template_id), -1)


class TemplateFilter(QSortFilterProxyModel):
    """Category, free text (title or lagrum) and, when asked, the purpose the editor was opened for."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.category = ""
        self.text = ""
        self.purpose = ""

    def set_filter(self, *, category: str | None = None, text: str | None = None, purpose: str | None = None) -> None:
        self.beginFilterChange()
        if category is not None:
            self.category = category
        if text is not None:
            self.text = text.strip().lower()
        if purpose is not None:
            self.purpose = purpose
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        t: DecisionTemplate = self.sourceModel().index(row, 0, parent).data(TemplateRole)
        if t is None:
            return False
        if self.category and t.category != self.category:
            return False
        if self.purpose and not fits_purpose(t, self.purpose):
            return False
        if self.text:
            hay = (t.title + " " + " ".join(t.lagrum)).lower()
            return all(word in hay for word in self.text.split())
        return True


class TemplatePicker(QWidget):
    """Category, search and the list; Enter or a click chooses a template."""

    chosen = Signal(object)  # DecisionTemplate

    def __init__(self, templates, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = TemplateListModel(templates, self)
        self.proxy = TemplateFilter(self)
        self.proxy.setSourceModel(self.model)
        self.category = name(QComboBox(self), "template_category", self.tr("Mallkategori"))
        self.category.addItem(self.tr("Alla kategorier"), "")
        for key in CATEGORIES:
            self.category.addItem(category_label(key), key)
        self.search = name(QLineEdit(self), "template_search", self.tr("Sök beslutsmall"))
        self.search.setPlaceholderText(self.tr("Sök mall eller lagrum …"))
        self.search.setClearButtonEnabled(True)
        self.purpose_only = name(QCheckBox(self), "template_purpose_only", self.tr("Visa bara passande mallar"))
        self.purpose_only.hide()
        self.view = name(QListView(self), "template_list", self.tr("Beslutsmallar"))
        self.view.setModel(self.proxy)
        self.view.setWordWrap(True)
        self._layout()
        self.category.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filter(category=self.category.currentData()))
        self.search.textChanged.connect(lambda text: self.proxy.set_filter(text=text))
        self.search.returnPressed.connect(self._choose_first)
        self.purpose_only.toggled.connect(self._purpose_toggled)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)
        self._purpose = ""

    def _layout(self) -> None:
        label = QLabel(self.tr("&Beslutsmall:"), self)
        label.setBuddy(self.search)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(label)
        box.addWidget(self.category)
        box.addWidget(self.search)
        box.addWidget(self.purpose_only)
        box.addWidget(self.view, 1)

    def set_purpose(self, purpose: str) -> None:
        """Opened from a förhandsbedömning or utredning: show the templates that conclude it."""
        self._purpose = purpose if purpose in PURPOSES else ""
        self.purpose_only.setVisible(bool(self._purpose))
        if self._purpose:
            self.purpose_only.setText(self.tr("Bara mallar för %1").replace(
                "%1", translate("Templates", PURPOSES[self._purpose])))
        self.purpose_only.setChecked(bool(self._purpose))
        self.proxy.set_filter(purpose=self._purpose)

    def _purpose_toggled(self, on: bool) -> None:
        self.proxy.set_filter(purpose=self._purpose if on else "")

    def _choose_first(self) -> None:
        if self.proxy.rowCount():
            index = self.proxy.index(0, 0)
            self.view.setCurrentIndex(index)
            self._activated(index)

    def _activated(self, index) -> None:
        t = index.data(TemplateRole)
        if t is not None:
            self.chosen.emit(t)

    def select(self, template_id: str) -> None:
        row = self.model.row_of(template_id)
        if row >= 0:
            self.view.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))

    def visible_ids(self) -> list[str]:
        return [self.proxy.index(r, 0).data(IdRole) for r in range(self.proxy.rowCount())]
