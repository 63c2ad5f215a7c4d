"""The main window: a thin shell with navigation, a stack of pages, the case view and the status bar.

Pages are passed in as classes (see pages.PAGE_SPECS); the shell knows nothing about what
they show. Everything a page needs comes through the AppContext.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ifodesk.public_errors import sanitise
from ifodesk.services import access
from ifodesk.services.errors import ServiceError

from . import theme
from .appctx import AppContext
from .appearance import install_shortcuts as install_appearance_shortcuts
from .case_view import CaseView
from .decision.launcher import DecisionEditorLauncher
from .dialogs import show_error
from .labels import level_label, role_label
from .pages.base import Page
from .widgets.focus import focus_first_in

log = logging.getLogger(__name__)

NAV_WIDTH = 190


class NavList(QListWidget):
    """The navigation: getting focus never opens a page (Qt would make the first row current)."""

    def focusInEvent(self, event) -> None:
        if self.currentRow() >= 0:
            super().focusInEvent(event)
            return
        blocked = self.blockSignals(True)
        try:
            super().focusInEvent(event)
            self.setCurrentRow(-1)
        finally:
            self.blockSignals(blocked)


class MainWindow(QMainWindow):
    ready = Signal()  # the first page has shown its data: the window is usable

    def __init__(self, app: AppContext, pages: Sequence[type[Page]], parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("ifodesk – %1").replace("%1", app.actor.full_name))
        # The one owner of the decision editors: pages ask through app.open_decision / new_decision.
        self.decision_editors = DecisionEditorLauncher.install(app, self)
        self.nav = NavList(self)
        self.stack = QStackedWidget(self)
        self.pages: list[Page] = [cls(app, self.stack) for cls in pages]
        self.case_view = CaseView(app, self.stack)
        self.case_view.back_requested.connect(self.go_back)
        self._previous = 0
        self._ready_sent = False
        self._anmalan_dialog = None
        self._build_nav()
        self._build_layout()
        self._build_status_bar()
        self._build_shortcuts()
        self._connect_app()

    # --- building --------------------------------------------------------------------------

    def _build_nav(self) -> None:
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Navigering"))
        self.nav.setFixedWidth(NAV_WIDTH)
        # No font size of its own: the navigation follows the system font and the zoom (appearance).
        self.nav.setStyleSheet("QListWidget::item { padding: 7px 6px; }")
        for i, page in enumerate(self.pages):
            self.stack.addWidget(page)
            item = QListWidgetItem(page.nav_title(), self.nav)
            if i < 9:
                item.setToolTip(f"Ctrl+{i + 1}")
        self.stack.addWidget(self.case_view)
        self.nav.currentRowChanged.connect(self._nav_changed)

    def _build_layout(self) -> None:
        who = QLabel(self._user_text(), self)
        who.setObjectName("signed_in_header")
        who.setWordWrap(True)
        theme.style(who, lambda: theme.css("identity") + "padding:6px;")
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(who)
        left.addWidget(self.nav, 1)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(left)
        body.addWidget(self.stack, 1)
        central = QWidget(self)
        central.setLayout(body)
        self.setCentralWidget(central)

    def _user_text(self) -> str:
        a = self.app.actor
        return self.tr("<b>%1</b><br>%2<br>Delegation: %3").replace("%1", a.full_name).replace(
            "%2", role_label(a.role)).replace("%3", level_label(a.delegate_level))

    def _build_status_bar(self) -> None:
        a = self.app.actor
        user = QLabel(self.tr("Inloggad: %1 – %2 (delegation: %3)").replace("%1", a.full_name).replace(
            "%2", role_label(a.role)).replace("%3", level_label(a.delegate_level)), self)
        user.setObjectName("signed_in_status")
        self.busy = QLabel(self.tr("Arbetar …"), self)
        self.busy.setObjectName("busy_indicator")
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(user)

    def _build_shortcuts(self) -> None:
        for i in range(min(len(self.pages), 9)):
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, partial(self.show_page_from_keyboard, i))
        if access.may(self.app.services, "case.create"):  # no "Ny anmälan" for a role that cannot register
            QShortcut(QKeySequence("Ctrl+N"), self, self.new_anmalan)
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_search)
        install_appearance_shortcuts(self)

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    def _connect_app(self) -> None:
        self.app.open_case.connect(self.show_case)
        self.app.new_anmalan.connect(self.new_anmalan)
        self.app.status_message.connect(self._show_status)
        self.app.nav_counts.connect(self.set_nav_counts)
        self.app.show_page.connect(lambda page_id: self.show_page_by_id(page_id))
        if getattr(self.app.drafts, "warning", None):  # drafts' key in a file, not the OS keyring
            self.statusBar().showMessage(self.app.drafts.warning, 30000)
        self.app.tasks.failed.connect(self._show_error)
        self.app.tasks.busy_changed.connect(self._busy_changed)

    # --- navigation ------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.nav.currentRow() < 0 and self.pages:
            self.nav.setCurrentRow(0)

    def show_page(self, index: int) -> None:
        if 0 <= index < len(self.pages):
            if self.nav.currentRow() == index:
                self._nav_changed(index)  # e.g. back from the case view: refresh the page
            self.nav.setCurrentRow(index)

    def show_page_from_keyboard(self, index: int) -> None:
        """Ctrl+n: the page, with the focus in it (not left in the navigation or a case)."""
        self.show_page(index)
        if 0 <= index < len(self.pages) and not self.pages[index].focus_search():
            focus_first_in(self.pages[index])

    def show_page_by_id(self, page_id: str) -> None:
        page = self.page(page_id)
        if page is not None:
            self.show_page(self.pages.index(page))

    def set_nav_counts(self, counts: dict) -> None:
        """"Anmälningar (3)": what waits on a page, in its navigation row (and its accessible text)."""
        for i, page in enumerate(self.pages):
            n = counts.get(page.page_id)
            if n is None:
                continue
            item = self.nav.item(i)
            item.setText(f"{page.nav_title()} ({n})" if n else page.nav_title())

    def page(self, page_id: str) -> Page | None:
        return next((p for p in self.pages if p.page_id == page_id), None)

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        self._previous = row
        self.stack.setCurrentIndex(row)
        self.pages[row].activate()

    def show_case(self, case_id) -> None:
        self.case_view.load(case_id)
        self.stack.setCurrentWidget(self.case_view)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(-1)
        self.nav.blockSignals(False)

    def go_back(self) -> None:
        self.show_page(self._previous)

    def focus_search(self) -> None:
        """Ctrl+F: the Sök page with the cursor in its search box, from anywhere."""
        search = self.page("search")
        if search is not None:
            self.show_page(self.pages.index(search))
            search.focus_search()

    def new_anmalan(self) -> None:
        from .anmalan_dialog import AnmalanDialog

        if not access.may(self.app.services, "case.create"):
            return
        if self._anmalan_dialog is not None:
            self._anmalan_dialog.raise_()
            return
        dialog = AnmalanDialog(self.app, self)
        dialog.registered.connect(self._registered)
        dialog.finished.connect(lambda _r: setattr(self, "_anmalan_dialog", None))
        self._anmalan_dialog = dialog
        dialog.open()

    def _registered(self, result) -> None:
        numbers = ", ".join(c.case_number for c in result.children)
        self.statusBar().showMessage(self.tr("Anmälan registrerad: %1").replace("%1", numbers), 15000)
        self.app.data_changed.emit("anmalan")
        if result.children:
            self.show_case(result.children[0].case_id)

    # --- status ----------------------------------------------------------------------------

    def _busy_changed(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        if not busy and not self._ready_sent and self.isVisible():
            self._ready_sent = True
            self.ready.emit()

    def _show_error(self, exc: Exception) -> None:
        if isinstance(exc, ServiceError):
            show_error(self, str(exc))
        else:  # never the raw text: it may carry SQL parameters or personal data
            exc = sanitise(exc, log, "Fel i fönstret")
            show_error(self, self.tr("%1\n\nFörsök igen. Det du skrivit finns kvar som utkast.")
                       .replace("%1", str(exc)))

    def closeEvent(self, event) -> None:
        """Nothing typed is lost: forms keep their local drafts, open decision editors save to the case."""
        self.case_view.save_drafts_now()
        if self._anmalan_dialog is not None:
            self._anmalan_dialog.write_draft()
        self.decision_editors.close_all()
        self.app.tasks.drain(10000, until=lambda: not self.decision_editors.editors)
        self.app.tasks.wait(5000)
        super().closeEvent(event)
