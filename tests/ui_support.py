"""Fixtures for the UI tests: a real main window on the test database, threads waited for."""

from __future__ import annotations

from datetime import datetime

import pytest

from ifodesk.services.context import STOCKHOLM
from ifodesk.services.dto import AnmalanInput, ChildInput

MAJA = "20150312-9809"
NILS = "20180704-9810"


def report(org, *children, received=None, category="skola", feedback=False) -> AnmalanInput:
    return AnmalanInput(unit_id=org.unit.id, received_at=received or datetime(2026, 3, 2, 8, 15, tzinfo=STOCKHOLM),
                        channel="telefon", reporter_category=category, children=tuple(children),
                        reasons=("omsorgssvikt",), text="Barnet kommer ofta hungrig till skolan.",
                        reporter_name="Lena Rektor", reporter_organisation="Björkskolan",
                        reporter_contact="0123-456", reporter_wants_feedback=feedback)


def child(pnr: str, first: str, last: str = "Öberg") -> ChildInput:
    return ChildInput(pnr, first, last)


def my_pages():
    from ifodesk.ui.pages.admin import AdminPage
    from ifodesk.ui.pages.deadlines import DeadlinesPage
    from ifodesk.ui.pages.inbox import InboxPage
    from ifodesk.ui.pages.search import SearchPage
    from ifodesk.ui.pages.start import StartPage

    return [StartPage, InboxPage, DeadlinesPage, SearchPage, AdminPage]


@pytest.fixture
def drafts(tmp_path):
    from ifodesk.ui.drafts import DraftStore

    return DraftStore(tmp_path / "utkast")


@pytest.fixture
def make_app(qtbot, ctx_for, drafts):
    from ifodesk.ui.appctx import AppContext

    made = []

    def make(username: str = "anna.lind"):
        app = AppContext(ctx_for(username), drafts=drafts)
        made.append(app)
        return app

    yield make
    for app in made:  # no thread may outlive its test
        assert app.tasks.wait(10000)
        qtbot.waitUntil(lambda app=app: app.tasks.pending == 0, timeout=10000)


@pytest.fixture
def make_window(qtbot, make_app):
    from ifodesk.ui.main_window import MainWindow

    def make(username: str = "anna.lind", pages=None):
        app = make_app(username)
        w = MainWindow(app, pages if pages is not None else my_pages())
        qtbot.addWidget(w)
        w.resize(1366, 768)
        with qtbot.waitSignal(w.ready, timeout=10000):
            w.show()
        return w

    return make


def wait_idle(qtbot, app) -> None:
    qtbot.waitUntil(lambda: app.tasks.pending == 0, timeout=10000)


def open_case(qtbot, window, case_id):
    with qtbot.waitSignal(window.case_view.loaded, timeout=10000):
        window.show_case(case_id)
    return window.case_view


def type_text(qtbot, widget, text: str) -> None:
    """Like qtbot.keyClicks, but also for å, ä, ö (QTest only maps ASCII to keys)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)
