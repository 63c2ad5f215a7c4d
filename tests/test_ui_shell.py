"""The shell: who is signed in, page classes, shortcuts, Swedish, keyboard and screen-reader names."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from ui_support import MAJA, child, drafts, make_app, make_window, open_case, report, wait_idle  # noqa: F401

from ifodesk.services import cases
from ifodesk.ui.pages.base import Page

pytestmark = pytest.mark.ui
INPUTS = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def test_signed_in_user_role_and_delegation_are_always_visible(qtbot, make_window):
    w = make_window("karin.berg")
    status = w.findChild(QLabel, "signed_in_status").text()
    assert status == "Inloggad: Karin Berg – 1:e socialsekreterare (delegation: 1:e socialsekreterare)"
    assert "Karin Berg" in w.findChild(QLabel, "signed_in_header").text()
    assert [w.nav.item(i).text() for i in range(w.nav.count())] == [
        "Start", "Anmälningar", "Tidsbevakning", "Sök", "Administration"]
    qtbot.keyClick(w, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert w.stack.currentWidget() is w.page("admin")


class _ExtraPage(Page):
    title = QT_TRANSLATE_NOOP("Page", "Att besluta")
    page_id = "to_decide"
    activated = 0

    def activate(self) -> None:
        type(self).activated += 1


def test_the_shell_hosts_any_list_of_page_classes(qtbot, make_window):
    from ui_support import my_pages

    _ExtraPage.activated = 0
    pages = my_pages()
    pages.insert(3, _ExtraPage)
    w = make_window(pages=pages)
    assert w.nav.item(3).text() == "Att besluta" and w.nav.item(3).toolTip() == "Ctrl+4"
    qtbot.keyClick(w, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert w.stack.currentWidget().objectName() == "page_to_decide" and _ExtraPage.activated == 1


def test_default_pages_are_those_of_the_issues_in_order():
    from ifodesk.ui.pages import default_pages

    # Loggkontroll (issue 9) after Administration.
    assert [c.page_id for c in default_pages()] == [
        "start", "inbox", "deadlines", "att_besluta", "iu", "search", "statistik", "admin", "log_review"]


def _unnamed_inputs(root: QWidget) -> list[str]:
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, INPUTS) or w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if w.window() is not root.window() or isinstance(w.parent(), (QComboBox, QAbstractSpinBox)) \
                or w.objectName().startswith("qt_"):
            continue  # Qt's own parts of a compound widget
        if not w.objectName() or not w.accessibleName():
            out.append(f"{type(w).__name__} '{w.objectName()}' '{getattr(w, 'text', lambda: '')()}'")
    return out


def test_every_input_has_an_object_name_and_an_accessible_name(qtbot, make_window, ctx_for, org):
    res = cases.register_anmalan(ctx_for(), report(org, child(MAJA, "Maja")))
    w = make_window()
    for i in range(len(w.pages)):
        w.show_page(i)
        wait_idle(qtbot, w.app)
    open_case(qtbot, w, res.children[0].case_id)
    w.new_anmalan()
    wait_idle(qtbot, w.app)
    assert _unnamed_inputs(w) == []
    assert _unnamed_inputs(w._anmalan_dialog) == []


def test_swedish_translations_are_installed_for_ours_and_qts_own_buttons(qapp):
    from ifodesk.ui.i18n import install_translators

    translators = install_translators(qapp)
    try:
        assert len(translators) == 2
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Ok)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Avbryt"
        assert QApplication.translate("Page", "Tidsbevakning") == "Tidsbevakning"
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_no_list_needs_sideways_scrolling_on_a_1366x768_screen(qtbot, make_window, ctx_for, org):
    """Every column of every list on every page (and in the case view) is visible at 1366×768."""
    from PySide6.QtWidgets import QTableView

    from ifodesk.services import cases
    from ifodesk.ui.pages import default_pages

    child_case = cases.register_anmalan(ctx_for("karin.berg"), report(org, child(MAJA, "Maja"))).children[0]
    w = make_window("karin.berg", pages=default_pages())
    assert (w.width(), w.height()) == (1366, 768)
    screens = [(page.page_id, lambda i=i: w.show_page(i)) for i, page in enumerate(w.pages)]
    inbox = w.page("inbox")
    screens.append(("inbox, alla öppna", lambda: (w.show_page(w.pages.index(inbox)), inbox.show_combo.setCurrentIndex(1))))
    screens.append(("ärende", lambda: w.show_case(child_case.case_id)))
    for name, show in screens:
        show()
        wait_idle(qtbot, w.app)
        current = w.stack.currentWidget()
        tabs = getattr(current, "tabs", None)
        for t in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(t)
            qtbot.wait(20)
            for view in current.findChildren(QTableView):
                if view.isVisible():
                    bar = view.horizontalScrollBar()
                    assert bar.maximum() == 0, f"{name}: {view.objectName()} rullar i sidled ({bar.maximum()} px)"
