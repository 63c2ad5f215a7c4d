"""Förhandsbedömning tab: a new report added to the ongoing utredning, and återkoppling to the reporter."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton
from ui_support import MAJA, child, drafts, make_app, make_window, open_case, report, type_text, wait_idle  # noqa: F401

from ifodesk.services import caseview, cases
from ifodesk.services.context import STOCKHOLM

from test_ui_decisions import _unnamed_or_unreachable

pytestmark = pytest.mark.ui


@pytest.fixture
def second_report(ctx_for, org, clock):
    """Maja is under investigation since 2 March; on 10 April the police report again and ask for feedback."""
    from ifodesk.db.models import Forhandsbedomning

    ctx = ctx_for("anna.lind")
    first = cases.register_anmalan(ctx, report(org, child(MAJA, "Maja"))).children[0]
    with ctx.write() as s:
        cases.conclude_forhandsbedomning(s, ctx, s.get(Forhandsbedomning, first.forhandsbedomning_id), "inleda",
                                         None, date(2026, 3, 2), ctx.actor.user_id, None)
    clock.set(2026, 4, 10)
    again = report(org, child(MAJA, "Maja"), category="polis", feedback=True,
                   received=datetime(2026, 4, 10, 8, 0, tzinfo=STOCKHOLM))
    return cases.register_anmalan(ctx, again).children[0]


def confirm(qtbot, tab) -> None:
    """Answer the "cannot be undone" question with its yes button (Avbryt is the default)."""
    qtbot.waitUntil(lambda: tab.confirm is not None and tab.confirm.isVisible())
    assert "kan inte ångras" in tab.confirm.text()
    assert tab.confirm.defaultButton().objectName() == "fb_attach_confirm_no"
    qtbot.mouseClick(tab.confirm.findChild(QPushButton, "fb_attach_confirm_yes"), Qt.MouseButton.LeftButton)


def test_new_report_is_attached_to_the_ongoing_utredning_and_the_reporter_informed(
        qtbot, make_window, second_report, ctx_for, clock):
    w = make_window()
    view = open_case(qtbot, w, second_report.case_id)
    view.tabs.setCurrentWidget(view.fb)
    tab = view.fb
    assert tab._selected().id == second_report.forhandsbedomning_id  # the open one is shown
    assert tab.attach_button.isVisible() and tab.feedback.isHidden()
    assert "Barnet utreds redan" in tab.info.text()
    assert _unnamed_or_unreachable(tab) == []

    # Karin saves a note meanwhile: the attachment goes through the conflict dialog, nothing is lost.
    type_text(qtbot, tab.notes, "Polisen var hemma hos familjen i natt.")
    fb = tab._selected()
    cases.save_forhandsbedomning_notes(ctx_for("karin.berg"), fb.id, fb.version, "Karin: ringt polisen.")
    qtbot.mouseClick(tab.attach_button, Qt.MouseButton.LeftButton)
    confirm(qtbot, tab)
    form = tab.forms[fb.id]
    qtbot.waitUntil(lambda: form.conflict_dialog is not None and form.conflict_dialog.isVisible(), timeout=10000)
    assert "Karin Berg" in form.conflict_dialog.message.text()
    qtbot.mouseClick(form.conflict_dialog.reload_button, Qt.MouseButton.LeftButton)
    assert tab.notes.toPlainText() == "Karin: ringt polisen."
    assert caseview.get_case(ctx_for(), second_report.case_id).utredningar[0].closed_on is None

    qtbot.mouseClick(tab.attach_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        confirm(qtbot, tab)
    done = next(f for f in view.detail.anmalningar if f.id == second_report.forhandsbedomning_id)
    assert done.outcome == "pagaende_utredning" and done.decided_on == date(2026, 4, 10)
    assert tab.attach_button.isHidden() and tab.notes.isReadOnly()

    # Återkoppling: due within a week of the decision.
    assert tab.feedback.isVisible()
    assert "senast <b>2026-04-17</b>" in tab.feedback.status.text() and "Om 7 dagar" in tab.feedback.status.text()
    assert tab.feedback.informed_on.date() == QDate(2026, 4, 10)  # today as a default
    assert not tab.feedback.form.dirty
    assert _unnamed_or_unreachable(tab) == []
    tab.feedback.informed_on.setFocus()
    tab.feedback.informed_on.setDate(QDate(2026, 4, 9))
    qtbot.mouseClick(tab.feedback.informed_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.feedback.error.text() != "", timeout=10000)
    assert tab.feedback.error.text() == "Datum för återkoppling måste ligga mellan beslutet och i dag."
    assert tab.feedback.informed_on.property("invalid") is True

    # A week and a half later the reporter is called: informed, but too late, and it says so.
    clock.set(2026, 4, 20)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.load(view.case_id)
    assert "Försenad 3 dagar" in tab.feedback.status.text()
    tab.feedback.informed_on.setDate(QDate(2026, 4, 20))
    with qtbot.waitSignal(view.loaded, timeout=10000):
        qtbot.mouseClick(tab.feedback.informed_button, Qt.MouseButton.LeftButton)
    assert "Klar för sent" in tab.feedback.status.text() and "informerades 2026-04-20" in tab.feedback.status.text()
    kinds = {d.kind: d for d in view.detail.deadlines}
    assert kinds["aterkoppling_anmalare"].met_on == date(2026, 4, 20)
    assert kinds["aterkoppling_anmalare"].status == "met_late"


def test_no_attach_button_without_an_ongoing_utredning(qtbot, make_window, ctx_for, org):
    res = cases.register_anmalan(ctx_for(), report(org, child(MAJA, "Maja"), feedback=True)).children[0]
    w = make_window()
    view = open_case(qtbot, w, res.case_id)
    view.tabs.setCurrentWidget(view.fb)
    assert view.fb.attach_button.isHidden() and view.fb.feedback.isHidden()
    assert "informera inom en vecka från beslutet" in view.fb.info.text()
    wait_idle(qtbot, w.app)


def test_notes_typed_before_the_decision_are_saved_in_the_case_before_the_editor_opens(
        qtbot, make_window, ctx_for, org, drafts):
    """Issue 8, item 2: the notes used to stay a local draft for ever once the decision was signed."""
    res = cases.register_anmalan(ctx_for(), report(org, child(MAJA, "Maja"))).children[0]
    w = make_window()
    view = open_case(qtbot, w, res.case_id)
    view.tabs.setCurrentWidget(view.fb)
    tab = view.fb
    type_text(qtbot, tab.notes, "Ringt skolan: hon har inte ätit frukost.")
    before = len(w.decision_editors.editors)
    qtbot.mouseClick(tab.decide_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(w.decision_editors.editors) == before + 1, timeout=10000)
    wait_idle(qtbot, w.app)

    saved = next(f for f in caseview.get_case(ctx_for(), res.case_id).anmalningar if f.id == res.forhandsbedomning_id)
    assert saved.notes == "Ringt skolan: hon har inte ätit frukost."
    form = tab.forms[res.forhandsbedomning_id]
    assert not form.dirty and tab.state.text() == "Sparat"
    assert drafts.load(f"fb-{res.forhandsbedomning_id}") is None
    assert tab.save_button.isEnabled()
    editor = w.decision_editors.editors[-1]
    editor.dirty = False
    editor.reject()
    wait_idle(qtbot, w.app)
