"""Base class for a page hosted by the main window shell.

A page module defines one Page subclass with a Swedish `title` (marked for translation with
QT_TRANSLATE_NOOP("Page", ...)), a stable `page_id`, and `activate()`, which the shell calls
each time the page is shown. Pages reach services only through `self.app.run(...)`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from ..appctx import AppContext


class Page(QWidget):
    """A page: a Swedish nav title, an objectName for tests, and activate() to refresh."""

    title = ""
    page_id = ""

    def __init__(self, app: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.setObjectName(f"page_{self.page_id}")
        self.setAccessibleName(self.nav_title())

    @classmethod
    def nav_title(cls) -> str:
        return QCoreApplication.translate("Page", cls.title)

    def scroll_body(self) -> QWidget:
        """For a page taller than a small screen (1366×768 at 125 %: 1093×614): its content in a
        scroll area, so the page never makes the window larger than the screen."""
        scroll = QScrollArea(self)
        scroll.setObjectName(f"{self.page_id}_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        return body

    def activate(self) -> None:
        """Called each time the page is shown: load or refresh data (off the GUI thread)."""

    def refresh_if_visible(self, *_args) -> None:
        """For app-wide signals: a bound method, so the connection never keeps the page alive."""
        if self.isVisible():
            self.activate()

    def focus_search(self) -> bool:
        """Ctrl+F: put the cursor in this page's search field; False if it has none."""
        return False
