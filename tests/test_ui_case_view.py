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
    assert tab.need.currentIndex() == -1 and tab.need.currentText() == ""  # no answer given in advance
    type_text(qtbot, tab.assessment, "Barnet är i skolan och säger att det är tryggt hemma i kväll.")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.error.text() != "", timeout=10000)
    assert tab.error.text() == "Ange om barnet har ett omedelbart skyddsbehov."
    assert tab.need.property("invalid") is True
    tab.need.setCurrentIndex(0)
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
    from PySide6.QtWidgets import QTextEdit

    assert dlg.findChild(QTextEdit, "conflict_mine_notes").toPlainText() == "Min anteckning: ringt mamman."
    assert dlg.findChild(QTextEdit, "conflict_theirs_notes").toPlainText() == "Karins text: ringt skolan."
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
    assert "minst 10 bokstäver eller siffror" in dlg.error.text() and dlg.isVisible()
    qtbot.keyClicks(dlg.reason, " - hembesok enligt plan")
    qtbot.keyClick(dlg.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Hemliga vägen 1" in header.address.text(), timeout=10000)
    logged = [e for e in audit_trail(ctx_for("eva.lundgren"), person_id=pid) if e.action == "read_protected_address"]
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


@pytest.fixture
def under_investigation(ctx_for, org):
    """Maja's förhandsbedömning concluded with "inleda": an open utredning with its sections."""
    from datetime import date

    from ifodesk.db.models import Forhandsbedomning

    ctx = ctx_for("anna.lind")
    first = cases.register_anmalan(ctx, report(org, child(MAJA, "Maja"))).children[0]
    with ctx.write() as s:
        cases.conclude_forhandsbedomning(s, ctx, s.get(Forhandsbedomning, first.forhandsbedomning_id), "inleda",
                                         None, date(2026, 3, 2), ctx.actor.user_id, None)
    return first


def test_utredning_never_says_sparat_while_a_section_is_only_a_local_draft(qtbot, make_app, under_investigation,
                                                                          drafts):
    """Issue 8, item 4: a restored draft in one section was hidden behind the last section's "Sparat"."""
    from ifodesk.ui.case_view import CaseView

    first = CaseView(make_app(), None)
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.loaded, timeout=10000):
        first.load(under_investigation.case_id)
    tab = first.utredning
    assert len(tab.forms) >= 3 and tab.state.text() == "Allt sparat"
    key, form = next((k, f) for k, f in tab.forms.items() if k.startswith("section-"))
    edit = next(iter(form.fields.values()))
    type_text(qtbot, edit, "Skolan beskriver god närvaro.")
    qtbot.waitUntil(lambda: drafts.load(form.key) is not None, timeout=5000)
    assert tab.state.text() == f"1 avsnitt osparat: {tab.titles[key]}"
    wait_idle(qtbot, first.app)

    # Reopened (after a crash): the draft comes back, and both its own line and the summary say so.
    second = CaseView(make_app(), None)
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.loaded, timeout=10000):
        second.load(under_investigation.case_id)
    tab = second.utredning
    assert next(iter(tab.forms[key].fields.values())).toPlainText() == "Skolan beskriver god närvaro."
    assert "återställt" in tab.section_states[key].text()
    assert all(tab.section_states[k].text() == "Sparat" for k in tab.forms if k != key)
    assert tab.state.text() == f"1 avsnitt osparat: {tab.titles[key]}"
    assert "Sparat" not in tab.state.text()

    with qtbot.waitSignal(second.loaded, timeout=10000):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.state.text() == "Allt sparat" and tab.section_states[key].text() == "Sparat"
    wait_idle(qtbot, second.app)


def test_saving_a_skyddsbedomning_keeps_the_user_in_the_case(qtbot, make_window, siblings):
    """Issue 8, item 5: the hidden save button handed focus to the navigation, which opened Start."""
    from PySide6.QtWidgets import QApplication

    w = make_window()
    view = open_case(qtbot, w, siblings.children[0].case_id)
    view.tabs.setCurrentWidget(view.skydd)
    tab = view.skydd
    tab.need.setCurrentIndex(0)
    type_text(qtbot, tab.assessment, "Barnet är tryggt hemma i kväll.")
    tab.save_button.setFocus()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        qtbot.keyClick(tab.save_button, Qt.Key.Key_Space)
    wait_idle(qtbot, w.app)
    qtbot.wait(50)
    assert w.stack.currentWidget() is view and view.tabs.currentWidget() is tab
    assert w.nav.currentRow() == -1
    focus = QApplication.focusWidget()
    assert focus is not None and view.isAncestorOf(focus), focus
    assert "Inget omedelbart skyddsbehov" in tab.done_text.text()
    w.nav.setFocus()  # the navigation getting focus by itself never opens a page either
    qtbot.wait(20)
    assert w.stack.currentWidget() is view and w.nav.currentRow() == -1


def test_header_next_deadline_and_a_timeline_without_invented_times(qtbot, make_window, ctx_for, org, clock):
    """Issue 8, item 12: the next deadline in the header; date-only events keep their day's order."""
    from datetime import date, datetime

    from ifodesk.db.models import Forhandsbedomning
    from ifodesk.services.context import STOCKHOLM

    clock.set(2026, 3, 2, 16, 0)
    ctx = ctx_for("anna.lind")
    afternoon = datetime(2026, 3, 2, 15, 0, tzinfo=STOCKHOLM)
    res = cases.register_anmalan(ctx, report(org, child(MAJA, "Maja"), received=afternoon)).children[0]
    w = make_window()
    view = open_case(qtbot, w, res.case_id)
    pending = [d for d in view.detail.deadlines if d.met_on is None]
    first = min(pending, key=lambda d: d.due_on)
    text = view.header.next_deadline.text()
    assert text.startswith("Nästa tidsfrist:") and first.title in text and first.due_on.isoformat() in text

    with ctx.write() as s:
        cases.conclude_forhandsbedomning(s, ctx, s.get(Forhandsbedomning, res.forhandsbedomning_id), "inleda",
                                         None, date(2026, 3, 2), ctx.actor.user_id, None)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.load(view.case_id)
    model = view.timeline.model
    rows = [(model.index(r, 0).data(), model.record(r).kind) for r in range(model.rowCount())]
    kinds = [k for _, k in rows]
    # Decided that day, after the report came in at 15:00: listed above it (newest first) ...
    assert kinds.index("forhandsbedomning") < kinds.index("anmalan")
    assert kinds.index("utredning") < kinds.index("anmalan")
    # ... and shown with its date only, not an invented 12:00.
    shown = dict((k, t) for t, k in rows)
    assert shown["forhandsbedomning"] == "2026-03-02" and shown["anmalan"] == "2026-03-02 15:00"
    assert not any(t.endswith("12:00") for t, _ in rows)
    # The reasons are kept apart from the reporter's text.
    anm = model.record(kinds.index("anmalan"))
    cell = model.index(kinds.index("anmalan"), 3).data()
    assert anm.text.startswith("Anledning: ") and " · Barnet kommer ofta hungrig" in cell
    wait_idle(qtbot, w.app)
