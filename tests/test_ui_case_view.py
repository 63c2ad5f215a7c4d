"""The case view as a caseworker uses it: skyddsbedömning, journal, conflicts, protected identity, drafts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_support import MAJA, NILS, child, drafts, make_app, make_window, open_case, report, type_text, wait_idle  # noqa: F401

from ifodesk.services import caseview, cases, people

pytestmark = pytest.mark.ui


@pytest.fixture
def siblings(ctx_for, org):
    return cases.register_anmalan(ctx_for("anna.lind"), report(org, child(MAJA, "Maja"), child(NILS, "Nils"),
                                                               feedback=True))


def test_skyddsbedomning_is_recorded_and_its_deadline_met(qtbot, make_window, siblings, ctx_for):
    w = make_window()
    view = open_case(qtbot, w, siblings.children[0].case_id)
    view.tabs.setCurrentWidget(view.skydd)
    tab = view.skydd
    assert not tab.editor.isHidden() and "SAKNAS" in tab.choice.currentText()
    type_text(qtbot, tab.assessment, "Barnet är i skolan och säger att det är tryggt hemma i kväll.")
    with qtbot.waitSignal(view.loaded, timeout=10000):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.editor.isHidden() and "Inget omedelbart skyddsbehov" in tab.done_text.text()
    assert "Anna Lind" in tab.done_text.text()
    kinds = {d.kind: d for d in view.detail.deadlines}
    assert kinds["skyddsbedomning"].status == "met"
    assert view.deadline_model.rowCount() == len(view.detail.deadlines)


def test_immediate_need_without_measures_is_refused_in_swedish(qtbot, make_window, siblings):
    w = make_window()
    view = open_case(qtbot, w, siblings.children[0].case_id)
    view.tabs.setCurrentWidget(view.skydd)
    tab = view.skydd
    tab.need.setCurrentIndex(1)
    tab.assessment.setPlainText("Pappan har hotat barnet.")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.error.text() != "", timeout=10000)
    assert tab.error.text().startswith("Ange vilka skyddsåtgärder")
    assert tab.measures.property("invalid") is True


def test_journal_note_written_signed_and_corrected(qtbot, make_window, siblings):
    w = make_window()
    view = open_case(qtbot, w, siblings.children[0].case_id)
    view.tabs.setCurrentWidget(view.journal)
    j = view.journal
    type_text(qtbot, j.heading, "Samtal med skolan")
    type_text(qtbot, j.text, "Mentorn berättar att Maja ofta är trött.")
    with qtbot.waitSignal(view.loaded, timeout=10000):
        qtbot.mouseClick(j.sign_button, Qt.MouseButton.LeftButton)
    assert j.model.rowCount() == 1
    note = j.model.record(0)
    assert note.signed_at is not None and note.heading == "Samtal med skolan"
    assert j.text.toPlainText() == ""  # back to a new, empty note
    j.view.setCurrentIndex(j.model.index(0, 0))
    assert j.correct_button.isEnabled()
    qtbot.mouseClick(j.correct_button, Qt.MouseButton.LeftButton)
    assert "Rättelse" in j.heading_label.text()
    type_text(qtbot, j.text, "Rättelse: det var Nils som var trött.")
    with qtbot.waitSignal(view.loaded, timeout=10000):
        qtbot.mouseClick(j.sign_button, Qt.MouseButton.LeftButton)
    notes = {n.id: n for n in view.detail.journal}
    correction = next(n for n in notes.values() if n.corrects_id)
    assert correction.corrects_id == note.id and notes[note.id].text == "Mentorn berättar att Maja ofta är trött."


def test_deadline_shows_in_tidsbevakning_in_words(qtbot, make_window, siblings, clock):
    clock.set(2026, 3, 5)
    w = make_window()
    qtbot.keyClick(w, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = w.page("deadlines")
    assert w.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.model.rowCount() >= 2, timeout=10000)
    rows = [page.model.record(r) for r in range(page.model.rowCount())]
    skydd = next(r for r in range(len(rows)) if rows[r].kind == "skyddsbedomning")
    text = page.model.index(skydd, 0).data()
    assert text == "⚠ Försenad 3 dagar"
    assert page.model.index(skydd, 0).data(Qt.ItemDataRole.BackgroundRole).name() == "#b00020"
    assert all(r.kind != "forhandsbedomning" for r in rows)  # due in 11 days: outside 7
    assert page.count.text() == "2 frister, varav 2 försenade"
    page.within.setCurrentIndex(page.within.findData(14))
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10000)
    rows = [page.model.record(r) for r in range(page.model.rowCount())]
    fb = next(r for r in range(len(rows)) if rows[r].kind == "forhandsbedomning")
    assert page.model.index(fb, 0).data() == "Om 11 dagar"
    per_user = page.summary_model.record(0)
    assert per_user[0] == "Anna Lind" and per_user[1] == 2


def test_save_conflict_names_the_other_user_and_offers_compare(qtbot, make_window, siblings, ctx_for):
    w = make_window()
    view = open_case(qtbot, w, siblings.children[0].case_id)
    view.tabs.setCurrentWidget(view.fb)
    fb = view.fb
    type_text(qtbot, fb.notes, "Min anteckning: ringt mamman.")
    fb_info = view.detail.anmalningar[0]
    cases.save_forhandsbedomning_notes(ctx_for("karin.berg"), fb_info.id, fb_info.version, "Karins text: ringt skolan.")
    qtbot.mouseClick(fb.save_button, Qt.MouseButton.LeftButton)
    form = fb.forms[fb_info.id]
    qtbot.waitUntil(lambda: form.conflict_dialog is not None and form.conflict_dialog.isVisible(), timeout=10000)
    dlg = form.conflict_dialog
    assert "Karin Berg" in dlg.message.text() and "2026-03-02 10:00" in dlg.message.text()
    qtbot.mouseClick(dlg.compare_button, Qt.MouseButton.LeftButton)
    from PySide6.QtWidgets import QPlainTextEdit

    assert dlg.findChild(QPlainTextEdit, "conflict_mine_notes").toPlainText() == "Min anteckning: ringt mamman."
    assert dlg.findChild(QPlainTextEdit, "conflict_theirs_notes").toPlainText() == "Karins text: ringt skolan."
    qtbot.mouseClick(dlg.reload_button, Qt.MouseButton.LeftButton)
    assert fb.notes.toPlainText() == "Karins text: ringt skolan."
    kept = list(w.app.drafts.root.glob("*krock*"))
    assert kept and b"Min anteckning" not in kept[0].read_bytes()  # encrypted on disk
    kept_key = kept[0].name.removesuffix(".utkast")
    assert "Min anteckning" in " ".join(w.app.drafts.load(kept_key).values.values())  # nothing typed is lost


def test_keep_mine_after_compare_saves_only_when_asked(qtbot, make_window, siblings, ctx_for):
    w = make_window()
    view = open_case(qtbot, w, siblings.children[0].case_id)
    fb = view.fb
    fb_info = view.detail.anmalningar[0]
    fb.notes.setPlainText("Min version.")
    cases.save_forhandsbedomning_notes(ctx_for("karin.berg"), fb_info.id, fb_info.version, "Karins version.")
    fb._save()
    form = fb.forms[fb_info.id]
    qtbot.waitUntil(lambda: form.conflict_dialog is not None, timeout=10000)
    form.conflict_dialog.show_compare()
    qtbot.mouseClick(form.conflict_dialog.keep_button, Qt.MouseButton.LeftButton)
    assert fb.notes.toPlainText() == "Min version."
    assert caseview.get_case(ctx_for(), view.detail.summary.id).anmalningar[0].notes == "Karins version."
    with qtbot.waitSignal(view.loaded, timeout=10000):
        fb._save()
    assert view.detail.anmalningar[0].notes == "Min version."


def test_protected_identity_is_marked_and_the_address_needs_a_logged_reason(qtbot, make_window, siblings, ctx_for):
    from ifodesk.services.audit import audit_trail

    ctx = ctx_for()
    pid = siblings.children[0].person.id
    p = people.get_person(ctx, pid)
    people.update_person(ctx, pid, p.version, address_street="Hemliga vägen 1", address_postal="123 45 Orten",
                         protection="skyddad_folkbokforing")
    w = make_window()
    view = open_case(qtbot, w, siblings.children[0].case_id)
    header = view.header
    assert not header.banner.isHidden() and "SKYDDAD FOLKBOKFÖRING" in header.banner.text()
    assert "Hemliga" not in header.address.text() and "dold" in header.address.text()
    qtbot.mouseClick(header.show_address, Qt.MouseButton.LeftButton)
    dlg = header.reason_dialog
    assert dlg is not None and dlg.isVisible()
    qtbot.keyClicks(dlg.reason, "ok")
    qtbot.keyClick(dlg.reason, Qt.Key.Key_Return)
    assert "minst fem tecken" in dlg.error.text() and dlg.isVisible()
    qtbot.keyClicks(dlg.reason, " - hembesok enligt plan")
    qtbot.keyClick(dlg.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Hemliga vägen 1" in header.address.text(), timeout=10000)
    logged = [e for e in audit_trail(ctx, person_id=pid) if e.action == "read_protected_address"]
    assert logged and logged[0].reason == "ok - hembesok enligt plan" and logged[0].username == "anna.lind"
    wait_idle(qtbot, w.app)
    # In lists the marking follows the name.
    w.show_page(0)
    page = w.page("start")
    qtbot.waitUntil(lambda: page.cases.model.rowCount() == 2 and page.cases.model.case_at(0) is not None)
    names = [page.cases.model.index(r, 1).data() for r in range(2)]
    assert any("[SKYDDAD]" in n for n in names)


def test_typed_text_survives_a_crash_and_comes_back_on_reopen(qtbot, make_app, siblings, drafts):
    from ifodesk.ui.case_view import CaseView

    case_id = siblings.children[0].case_id
    first = CaseView(make_app(), None)
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.loaded, timeout=10000):
        first.load(case_id)
    type_text(qtbot, first.fb.notes, "Viktigt: mamman ringde kl. 9.")
    form = next(iter(first.fb.forms.values()))
    qtbot.waitUntil(lambda: drafts.load(form.key) is not None, timeout=5000)  # written without any save
    # "Crash": a new app instance opens the case again.
    second = CaseView(make_app(), None)
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.loaded, timeout=10000):
        second.load(case_id)
    assert second.fb.notes.toPlainText() == "Viktigt: mamman ringde kl. 9."
    assert "återställt" in second.fb.state.text()


def test_decision_hooks_emit_requests_for_the_decision_editor(qtbot, make_window, siblings):
    w = make_window()
    view = open_case(qtbot, w, siblings.children[0].case_id)
    with qtbot.waitSignal(w.app.new_decision) as sig:
        qtbot.mouseClick(view.fb.decide_button, Qt.MouseButton.LeftButton)
    req = sig.args[0]
    assert req.case_id == siblings.children[0].case_id and req.purpose == "forhandsbedomning"
    assert req.source_id == view.detail.anmalningar[0].id
    with qtbot.waitSignal(w.app.new_decision) as sig:
        qtbot.mouseClick(view.decisions.new_button, Qt.MouseButton.LeftButton)
    assert sig.args[0].purpose == ""
    assert not view.utredning.extend_button.isEnabled()  # no utredning yet


def test_opening_a_case_changes_nothing_and_leaves_no_draft(qtbot, make_window, siblings, drafts):
    """Today's date in an empty note or assessment is a default, not something typed."""
    w = make_window()
    view = open_case(qtbot, w, siblings.children[0].case_id)
    for tab in (view.skydd, view.journal):
        view.tabs.setCurrentWidget(tab)
    qtbot.wait(800)  # longer than the draft delay
    assert not view.journal.form.dirty and not view.skydd.form.dirty
    assert "Ändrat" not in view.journal.state.text() and "Ändrat" not in view.skydd.state.text()
    assert view.journal.event_date.date().toString("yyyy-MM-dd") == "2026-03-02"
    assert not list(drafts.root.glob("*"))
