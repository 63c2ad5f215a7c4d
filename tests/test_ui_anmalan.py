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
