"""Table views set up for big lists: fixed row height, no resize-to-contents, keyboard first."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ..appearance import row_height


def make_table(object_name: str, accessible_name: str, model, parent: QWidget | None = None,
               widths: tuple[int, ...] = (), stretch: int | None = None) -> QTableView:
    """stretch: the column that takes the width left over (default: the last visible one), so a
    list never needs a horizontal scroll bar on a 1366×768 screen."""
    view = QTableView(parent)
    view.setObjectName(object_name)
    view.setAccessibleName(accessible_name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
    vh = view.verticalHeader()
    vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vh.setDefaultSectionSize(row_height(view))  # follows the font and the zoom (appearance)
    vh.hide()
    hh = view.horizontalHeader()
    hh.setStretchLastSection(stretch is None)
    hh.setHighlightSections(False)
    for col, width in enumerate(widths):
        view.setColumnWidth(col, width)
    if stretch is not None:
        hh.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view
