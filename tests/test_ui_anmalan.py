"""Registering an anmälan from the keyboard, as the person at the reception desk does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_support import MAJA, NILS, child, drafts, make_app, make_window, report, type_text, wait_idle  # noqa: F401

from ifodesk.services import caseview, cases

pytestmark = pytest.mark.ui


def _type(qtbot, widget, text):
    widget.setFocus()
    type_text(qtbot, widget, text)


def _tab(qtbot, times=1):
    for _ in range(times):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def test_two_siblings_registered_from_the_keyboard_with_earlier_reports_shown(qtbot, make_window, ctx_for, org):
    cases.register_anmalan(ctx_for("karin.berg"), report(org, child(MAJA, "Maja"), category="polis",
                                                         received=None))
    w = make_window("anna.lind")
    qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w._anmalan_dialog is not None and w._anmalan_dialog.unit.count() > 0)
    dlg = w._anmalan_dialog
    category = dlg.category
    category.setFocus()
    qtbot.keyClicks(category, "Skola")  # combo boxes jump by typing
    assert category.currentData() == "skola"
    _type(qtbot, dlg.reporter_name, "Lena Rektor")
    _tab(qtbot)
    type_text(qtbot, QApplication.focusWidget(), "Björkskolan")
    _tab(qtbot)
    qtbot.keyClicks(QApplication.focusWidget(), "0123-456")
    dlg.reasons.setFocus()
    dlg.reasons.setCurrentRow(8)  # Omsorgssvikt
    qtbot.keyClick(dlg.reasons.viewport(), Qt.Key.Key_Space)
    assert dlg.checked_reasons() == ("omsorgssvikt",)
    _type(qtbot, dlg.text, "Barnen kommer hungriga till skolan.")
    _tab(qtbot)
    first = dlg.children[0]
    assert QApplication.focusWidget() is first.pnr
    qtbot.keyClicks(first.pnr, MAJA)
    qtbot.waitUntil(lambda: first.earlier_count == 1, timeout=10000)
    assert "Tidigare anmälningar om barnet (1)" in first.earlier.text()
    assert "Polis" in first.earlier.text() and "förhandsbedömning pågår" in first.earlier.text()
    assert first.first.text() == "Maja"  # filled in from the register
    qtbot.keyClick(dlg, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    second = dlg.children[1]
    assert QApplication.focusWidget() is second.pnr
    qtbot.keyClicks(second.pnr, NILS)
    qtbot.waitUntil(lambda: second.earlier_count == 0, timeout=10000)
    assert "Ny person" in second.status.text()
    _tab(qtbot)
    qtbot.keyClicks(second.first, "Nils")
    _tab(qtbot)
    type_text(qtbot, second.last, "Öberg")
    with qtbot.waitSignal(dlg.registered, timeout=10000) as sig:
        qtbot.keyClick(second.last, Qt.Key.Key_Return)
    result = sig.args[0]
    assert [c.person.first_name for c in result.children] == ["Maja", "Nils"]
    assert result.children[0].new_case is False and result.children[1].new_case is True
    qtbot.waitUntil(lambda: w.case_view.detail is not None)
    assert w.stack.currentWidget() is w.case_view
    assert w.case_view.detail.summary.id == result.children[0].case_id
    wait_idle(qtbot, w.app)


def test_invalid_personnummer_is_explained_inline_and_nothing_is_sent(qtbot, make_app, ctx_for, org):
    from ifodesk.ui.anmalan_dialog import AnmalanDialog

    dlg = AnmalanDialog(make_app())
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.children[0].pnr, "20150312-9808")
    assert "Kontrollsiffran" in dlg.children[0].status.text()
    assert dlg.children[0].pnr.property("invalid") is True
    dlg.register()
    assert "Kontrollsiffran" in dlg.error.text()
    assert caseview.case_ids(ctx_for(), caseview.CaseQuery()) == []


def test_professional_reporter_cannot_be_anonymous(qtbot, make_app):
    from ifodesk.ui.anmalan_dialog import AnmalanDialog

    dlg = AnmalanDialog(make_app())
    qtbot.addWidget(dlg)
    dlg.category.setCurrentIndex(dlg.category.findData("privatperson"))
    dlg.anonymous.setChecked(True)
    assert not dlg.reporter_name.isEnabled() and not dlg.feedback.isEnabled()
    dlg.category.setCurrentIndex(dlg.category.findData("polis"))
    assert not dlg.anonymous.isEnabled() and not dlg.anonymous.isChecked()
    assert "anmälningsskyldighet" in dlg.anonymous.toolTip()


def test_service_validation_is_shown_next_to_the_field(qtbot, make_app):
    from ifodesk.ui.anmalan_dialog import AnmalanDialog

    dlg = AnmalanDialog(make_app())
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.unit.count() > 0)
    dlg.reporter_name.setText("Lena Rektor")
    qtbot.keyClicks(dlg.children[0].pnr, MAJA)
    dlg.children[0].first.setText("Maja")
    dlg.children[0].last.setText("Öberg")
    dlg.register()
    qtbot.waitUntil(lambda: dlg.error.text() != "", timeout=10000)
    assert dlg.error.text() == "Ange minst en anledning till anmälan."
    assert dlg.submit.isEnabled()


def _discard_box(qtbot, dlg):
    qtbot.waitUntil(lambda: dlg.discard_box is not None and dlg.discard_box.isVisible())
    return dlg.discard_box


def _press(qtbot, box, name):
    from PySide6.QtWidgets import QPushButton

    qtbot.mouseClick(box.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def test_a_telephone_anmalan_is_kept_as_a_draft_and_esc_asks_before_throwing_it_away(qtbot, make_app, drafts):
    """Issue 8, item 3: Esc or Avbryt used to throw a whole anmälan away without a word."""
    from ifodesk.ui.anmalan_dialog import AnmalanDialog

    app = make_app()
    dlg = AnmalanDialog(app)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.unit.count() > 0)
    _type(qtbot, dlg.reporter_name, "Lena Rektor")
    _type(qtbot, dlg.text, "Maja kommer ofta hungrig till skolan.")
    dlg.reasons.setFocus()
    qtbot.keyClick(dlg.reasons, Qt.Key.Key_Space)
    _type(qtbot, dlg.children[0].first, "Maja")
    qtbot.waitUntil(lambda: drafts.load("anmalan-ny") is not None
                    and drafts.load("anmalan-ny").values["children"].count("Maja") == 1, timeout=5000)
    assert "Utkast sparat på datorn" in dlg.draft_state.text()

    # Esc asks; "Fortsätt skriva" (the default) keeps the dialog as it was.
    qtbot.keyClick(dlg.text, Qt.Key.Key_Escape)
    box = _discard_box(qtbot, dlg)
    assert box.defaultButton().objectName() == "anmalan_discard_back"
    _press(qtbot, box, "anmalan_discard_back")
    assert dlg.isVisible() and dlg.text.toPlainText() == "Maja kommer ofta hungrig till skolan."

    # Avbryt, "Stäng och spara utkast": the next Ny anmälan has it all back.
    qtbot.mouseClick(dlg.cancel, Qt.MouseButton.LeftButton)
    _press(qtbot, _discard_box(qtbot, dlg), "anmalan_discard_keep")
    qtbot.waitUntil(lambda: not dlg.isVisible())
    again = AnmalanDialog(app)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.unit.count() > 0)
    assert again.reporter_name.text() == "Lena Rektor"
    assert again.text.toPlainText() == "Maja kommer ofta hungrig till skolan."
    assert again.checked_reasons() == dlg.checked_reasons() != ()
    assert again.children[0].first.text() == "Maja"
    assert again.unit.currentData() == dlg.unit.currentData()
    assert "Osparad anmälan från" in again.draft_state.text()

    # "Kasta anmälan" is a choice the user makes: then the draft is gone.
    qtbot.keyClick(again.text, Qt.Key.Key_Escape)
    _press(qtbot, _discard_box(qtbot, again), "anmalan_discard_throw")
    qtbot.waitUntil(lambda: not again.isVisible())
    assert drafts.load("anmalan-ny") is None
    empty = AnmalanDialog(app)
    qtbot.addWidget(empty)
    assert empty.text.toPlainText() == "" and empty.draft_state.text() == ""
    empty.show()
    qtbot.keyClick(empty.received, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert not empty.isVisible() and empty.discard_box is None
    wait_idle(qtbot, app)


def test_registering_removes_the_draft(qtbot, make_app, drafts):
    from ifodesk.ui.anmalan_dialog import AnmalanDialog

    app = make_app()
    dlg = AnmalanDialog(app)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.unit.count() > 0)
    dlg.reporter_name.setText("Lena Rektor")
    _type(qtbot, dlg.text, "Barnet är ofta ensamt hemma.")
    dlg.reasons.item(0).setCheckState(Qt.CheckState.Checked)
    _type(qtbot, dlg.children[0].pnr, MAJA)
    dlg.children[0].first.setText("Maja")
    dlg.children[0].last.setText("Öberg")
    dlg.write_draft()
    assert drafts.load("anmalan-ny") is not None
    with qtbot.waitSignal(dlg.registered, timeout=10000):
        qtbot.mouseClick(dlg.submit, Qt.MouseButton.LeftButton)
    assert drafts.load("anmalan-ny") is None
    wait_idle(qtbot, app)
