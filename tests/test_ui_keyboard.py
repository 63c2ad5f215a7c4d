"""Issue 8, item 7: the keyboard always gets somewhere -- Tab order, unique Alt-shortcuts, focus after switching."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
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
