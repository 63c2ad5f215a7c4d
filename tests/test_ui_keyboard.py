"""Issue 8, item 7: the keyboard always gets somewhere -- Tab order, unique Alt-shortcuts, focus after switching."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTabBar, QWidget
from ui_support import MAJA, child, drafts, make_app, make_window, open_case, report, wait_idle  # noqa: F401

from ifodesk.services import cases
from ifodesk.ui.appctx import DecisionRequest

from test_ui_shell_decisions import new_editor, pick

pytestmark = pytest.mark.ui


@pytest.fixture
def maja(ctx_for, org):
    return cases.register_anmalan(ctx_for("anna.lind"), report(org, child(MAJA, "Maja"))).children[0]


def tab_walk(qtbot, start, stop, limit: int = 40) -> list:
    """Widgets focused by pressing Tab from start until stop gets focus (at most limit presses)."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = []
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        w = QApplication.focusWidget()
        seen.append(w)
        if w is stop:
            return seen
    raise AssertionError(f"Tab never reached {stop.objectName()}: stuck at {[x.objectName() for x in seen[-3:]]}")


def test_tab_goes_through_the_generated_fields_then_the_preview_and_leaves_an_empty_date(qtbot, make_window, maja):
    w = make_window()
    editor = new_editor(qtbot, w, DecisionRequest(maja.case_id, "forhandsbedomning"))
    pick(qtbot, editor, "inte inleda", "Beslut att inte inleda utredning")
    date_field = editor.fields.widgets["anmalan_datum"]
    date_field.clear_date()
    assert editor.fields.values()["anmalan_datum"] == ""

    seen = tab_walk(qtbot, editor.lagrum, editor.preview)
    fields = list(editor.fields.widgets.values())
    focusable = [x for x in seen if x in fields]
    assert focusable == fields  # every field, in the template's order, before the preview
    assert seen.index(date_field) + 1 == seen.index(editor.fields.widgets["fakta"])  # one Tab leaves the date
    assert editor.fields.values()["anmalan_datum"] == ""  # tabbing through fills nothing in
    editor.dirty = False
    editor.reject()
    wait_idle(qtbot, w.app)


# --- Alt-shortcuts ---------------------------------------------------------------------------

def _mnemonic(text: str) -> str | None:
    text = re.sub(r"&[a-zA-Z]+;|&#\d+;", "", text).replace("&&", "")  # HTML entities, a literal &
    m = re.search(r"&(\S)", text)
    return m.group(1).lower() if m else None


def mnemonic_clashes(window) -> dict[str, list[str]]:
    """Alt+letter keys bound more than once among the live (visible, enabled) widgets of a window.

    Qt treats such a key as ambiguous: each press only moves focus between the widgets.
    """
    keys: dict[str, list[str]] = defaultdict(list)
    for w in [window, *window.findChildren(QWidget)]:
        if w.window() is not window or not w.isVisible() or not w.isEnabled():
            continue
        texts = []
        if isinstance(w, QAbstractButton):
            texts = [w.text()]
        elif isinstance(w, QLabel) and w.buddy() is not None:
            texts = [w.text()]
        elif isinstance(w, QGroupBox):
            texts = [w.title()]
        elif isinstance(w, QTabBar):
            texts = [w.tabText(i) for i in range(w.count()) if w.isTabEnabled(i) and w.isTabVisible(i)]
        for text in texts:
            key = _mnemonic(text)
            if key:
                keys[key].append(f"{w.objectName() or type(w).__name__}: {text}")
    return {k: v for k, v in keys.items() if len(v) > 1}


def _check(where: str, window, found: dict) -> None:
    for key, owners in mnemonic_clashes(window).items():
        found.setdefault(f"{where}: Alt+{key.upper()}", owners)


@pytest.fixture
def investigated(ctx_for, org):
    """A case with every tab in use: an open utredning and a second anmälan."""
    from datetime import date

    from ifodesk.db.models import Forhandsbedomning

    ctx = ctx_for("anna.lind")
    first = cases.register_anmalan(ctx, report(org, child(MAJA, "Maja"), feedback=True)).children[0]
    with ctx.write() as s:
        cases.conclude_forhandsbedomning(s, ctx, s.get(Forhandsbedomning, first.forhandsbedomning_id), "inleda",
                                         None, date(2026, 3, 2), ctx.actor.user_id, None)
    return cases.register_anmalan(ctx, report(org, child(MAJA, "Maja"), feedback=True)).children[0]


def _walk_pages(qtbot, w, found) -> None:
    for i, page in enumerate(w.pages):
        w.show_page(i)
        wait_idle(qtbot, w.app)
        _check(f"sida {page.page_id}", w, found)


@pytest.mark.parametrize("username", ["helena.wallin", "goran.falk", "admin"])
def test_no_alt_shortcut_is_bound_twice_on_any_page(qtbot, make_window, investigated, username):
    from ifodesk.ui.pages import default_pages

    found: dict[str, list[str]] = {}
    _walk_pages(qtbot, make_window(username, pages=default_pages()), found)
    assert found == {}, "\n".join(f"{k}: {' | '.join(v)}" for k, v in found.items())


@pytest.mark.parametrize("username", ["anna.lind", "karin.berg"])
def test_no_alt_shortcut_is_bound_twice_in_any_window(qtbot, make_window, investigated, username):
    from ifodesk.ui.pages import default_pages

    found: dict[str, list[str]] = {}
    w = make_window(username, pages=default_pages())
    _walk_pages(qtbot, w, found)

    view = open_case(qtbot, w, investigated.case_id)
    for i in range(view.tabs.count()):
        view.tabs.setCurrentIndex(i)
        wait_idle(qtbot, w.app)
        _check(f"ärende, flik {view.tabs.tabText(i)}", w, found)

    view.header.open_person_dialog()
    dlg = view.header.person_dialog
    qtbot.waitUntil(dlg.isVisible)
    wait_idle(qtbot, w.app)
    _check("personuppgifter", dlg, found)
    dlg.reject()

    w.new_anmalan()
    anm = w._anmalan_dialog
    qtbot.waitUntil(lambda: anm.unit.count() > 0)
    _check("ny anmälan", anm, found)
    anm.reject()

    editor = new_editor(qtbot, w, DecisionRequest(investigated.case_id, "forhandsbedomning"))
    _check("beslut, ingen mall", editor, found)
    pick(qtbot, editor, "inte inleda", "Beslut att inte inleda utredning")
    _check("beslut, mall vald", editor, found)
    editor.dirty = False
    editor.reject()
    wait_idle(qtbot, w.app)
    assert found == {}, "\n".join(f"{k}: {' | '.join(v)}" for k, v in found.items())


def test_switching_tab_or_page_by_shortcut_puts_the_focus_in_it(qtbot, make_window, investigated):
    from PySide6.QtTest import QTest

    w = make_window()
    view = open_case(qtbot, w, investigated.case_id)
    w.nav.setFocus()
    QTest.keyClick(w, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # &Utredning
    assert view.tabs.currentWidget() is view.utredning
    focus = QApplication.focusWidget()
    assert focus is not None and view.utredning.isAncestorOf(focus), focus
    QTest.keyClick(focus, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)  # &Journal
    assert view.tabs.currentWidget() is view.journal
    assert view.journal.isAncestorOf(QApplication.focusWidget())

    # Arrow keys on the tab bar itself keep the focus on the tab bar.
    bar = view.tabs.tabBar()
    bar.setFocus()
    qtbot.keyClick(bar, Qt.Key.Key_Left)
    assert QApplication.focusWidget() is bar

    # Ctrl+3: the page, with the focus in it rather than in the navigation.
    QTest.keyClick(w, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = w.pages[2]
    assert w.stack.currentWidget() is page
    assert page.isAncestorOf(QApplication.focusWidget()), QApplication.focusWidget()
    wait_idle(qtbot, w.app)
