"""Opening a case outside one's own cases and unit asks for a reason; a refusal is shown (issue 9, item 2)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from ifodesk.db.models import AuditLog
from ifodesk.services import cases
from ui_support import MAJA, child, drafts, make_app, make_window, report, type_text, wait_idle  # noqa: F401

pytestmark = pytest.mark.ui


@pytest.fixture
def maja(ctx_for, org):
    return cases.register_anmalan(ctx_for("anna.lind"), report(org, child(MAJA, "Maja"))).children[0]


def test_vuxen_handlaggare_states_a_reason_to_open_a_child_case(qtbot, make_window, maja, db):
    w = make_window("petra.vuxen")
    w.show_case(maja.case_id)
    view = w.case_view
    qtbot.waitUntil(lambda: view.reason_dialog is not None and view.reason_dialog.isVisible(), timeout=10000)
    dlg = view.reason_dialog
    assert "utanför dina egna ärenden och din enhet" in dlg.message.text()
    assert "Maja" not in dlg.message.text()
    qtbot.keyClicks(dlg.reason, ".")
    qtbot.keyClick(dlg.reason, Qt.Key.Key_Return)
    assert "minst 10 bokstäver eller siffror" in dlg.error.text() and dlg.isVisible()
    dlg.reason.clear()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        type_text(qtbot, dlg.reason, "Mamman söker ekonomiskt bistånd")
        qtbot.keyClick(dlg.reason, Qt.Key.Key_Return)
    assert view.detail.summary.id == maja.case_id and view.tabs.isEnabled()
    wait_idle(qtbot, w.app)
    with db.session() as s:
        row = s.scalar(select(AuditLog).where(AuditLog.username == "petra.vuxen", AuditLog.action == "read",
                                              AuditLog.entity == "case"))
    assert row.reason == "Mamman söker ekonomiskt bistånd"


def test_cancelling_the_reason_goes_back_and_reads_nothing(qtbot, make_window, maja, db):
    w = make_window("petra.vuxen")
    w.show_case(maja.case_id)
    view = w.case_view
    qtbot.waitUntil(lambda: view.reason_dialog is not None and view.reason_dialog.isVisible(), timeout=10000)
    with qtbot.waitSignal(view.back_requested, timeout=10000):
        view.reason_dialog.reject()
    assert view.detail is None
    with db.session() as s:
        assert s.scalar(select(AuditLog.id).where(AuditLog.username == "petra.vuxen",
                                                  AuditLog.entity == "case", AuditLog.action == "read")) is None


def test_a_refusal_is_shown_in_swedish(qtbot, make_window, maja):
    w = make_window("helena.wallin")  # the nämndsekreterare: agendas and decisions, not case files
    w.show_case(maja.case_id)
    qtbot.waitUntil(lambda: w.findChild(QMessageBox, "error_message") is not None, timeout=10000)
    box = w.findChild(QMessageBox, "error_message")
    assert "Nämndsekreterare" in box.text() and "läsa ärendet" in box.text()
    assert "Maja" not in box.text()
    assert w.case_view.detail is None
