"""Each role starts on its own work (issue 8, items 9 and 10): real windows, both back ends."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from ifodesk.services import caseview, cases, decisions, handover, journal
from ui_support import MAJA, NILS, child, drafts, make_app, make_window, report, wait_idle  # noqa: F401


def _assign(ctx_for, org, res, to="anna.lind"):
    karin = ctx_for("karin.berg")
    for c in res.children:
        caseview.assign_case(karin, c.case_id, caseview.get_case(karin, c.case_id).version, org.actor(to).user_id)


def _nav_texts(w):
    return [w.nav.item(i).text() for i in range(w.nav.count())]


def test_the_secretary_is_offered_no_new_anmalan(qtbot, make_window):
    w = make_window("helena.wallin")
    page = w.page("start")
    assert page.kind == "meetings" and page.new_button is None
    assert not [b for b in w.findChildren(QPushButton) if "Ny anmälan" in b.text() and b.isVisibleTo(w)]
    qtbot.waitUntil(lambda: "kommande sammanträden" in page.summary.text() or "sammanträde" in page.summary.text(),
                    timeout=10000)
    qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert w._anmalan_dialog is None and QApplication.activeModalWidget() is None
    assert page.meeting_view.isVisibleTo(w) and not page.work_view.isVisibleTo(w)


def test_caseworker_start_lists_returned_proposals_and_drafts_with_counts_in_the_navigation(
        qtbot, make_window, ctx_for, org):
    res = cases.register_anmalan(ctx_for("karin.berg"), report(org, child(MAJA, "Maja")))
    _assign(ctx_for, org, res)
    anna, case_id = ctx_for("anna.lind"), res.children[0].case_id
    journal.add_note(anna, case_id, event_date=date(2026, 3, 2), text="Ringde skolan.", heading="Samtal med skolan")
    d = decisions.draft_decision(anna, case_id, "inte_inleda_utredning",
                                 {"barnets_namn": "Maja Öberg", "anmalan_datum": "2026-03-02",
                                  "fakta": "Skolan oroas.", "motivering": "Stöd finns."})
    d = decisions.send_for_approval(anna, d.id, d.version)
    decisions.reject(ctx_for("karin.berg"), d.id, d.version, "Utveckla motiveringen.")
    w = make_window("anna.lind")
    page = w.page("start")
    qtbot.waitUntil(lambda: page.work_model.rowCount() == 2, timeout=10000)
    assert page.kind == "caseworker" and page.new_button is not None
    text = page.summary.text()
    assert "1 öppet ärende" in text and "1 återsänt förslag" in text and "1 osignerad journalanteckning" in text
    kinds = [page.work_model.index(r, 0).data() for r in range(2)]
    assert kinds == ["Återsänt förslag", "Osignerad journalanteckning"]
    assert "Utveckla motiveringen." in page.work_model.index(0, 4).data()
    assert _nav_texts(w)[0] == "Start (2)"
    assert page.deadline_model.rowCount() >= 1 and page.cases is not None
    # Opening the journal draft row opens the case.
    with qtbot.waitSignal(w.case_view.loaded, timeout=10000):
        page.work_view.activated.emit(page.work_model.index(1, 0))
    assert w.case_view.detail.summary.id == case_id


def test_supervisor_registers_absence_names_a_stand_in_and_hands_over(qtbot, make_window, ctx_for, org):
    res = cases.register_anmalan(ctx_for("karin.berg"), report(org, child(MAJA, "Maja"), child(NILS, "Nils")))
    _assign(ctx_for, org, res)
    cases.register_anmalan(ctx_for("karin.berg"), report(org, child("20160101-9803", "Ella", "Ek")))
    anna = org.actor("anna.lind")
    handover.record_absence(ctx_for("karin.berg"), anna.user_id, date(2026, 3, 1), date(2026, 3, 31))
    w = make_window("karin.berg")
    page = w.page("start")
    qtbot.waitUntil(lambda: page.absence_model.rowCount() == 1, timeout=10000)
    assert "1 frånvarande utan ersättare" in page.summary.text()
    assert "2 ärenden med frånvarande handläggare" in page.summary.text()
    assert page.absence_model.index(0, 3).data() == "⚠ Ingen ersättare"
    assert "Anmälningar (1)" in _nav_texts(w) and _nav_texts(w)[0] == "Start (1)"
    # Name a stand-in for the absence.
    page.absence_view.setCurrentIndex(page.absence_model.index(0, 0))
    qtbot.mouseClick(page.findChild(QPushButton, "start_absence"), Qt.MouseButton.LeftButton)
    dlg = page.dialog
    qtbot.waitUntil(lambda: dlg.target.count() > 2, timeout=10000)
    assert not dlg.person.isEnabled() and dlg.person.currentText() == "Anna Lind"
    dlg.target.setCurrentIndex(dlg.target.findText("Anna Lind"))
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.error.isVisibleTo(dlg), timeout=10000)
    assert "egen ersättare" in dlg.error.text()
    dlg.target.setCurrentIndex(dlg.target.findText("Erik Sjöberg"))
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.absence_model.rowCount() == 1
                    and page.absence_model.index(0, 3).data() == "Erik Sjöberg", timeout=10000)
    qtbot.waitUntil(lambda: _nav_texts(w)[0] == "Start", timeout=10000)
    # Hand all of Anna's cases to Erik.
    qtbot.mouseClick(page.findChild(QPushButton, "start_handover_all"), Qt.MouseButton.LeftButton)
    dlg = page.dialog
    qtbot.waitUntil(lambda: dlg.target.count() > 2, timeout=10000)
    assert dlg.person.currentText() == "Anna Lind"
    dlg.target.setCurrentIndex(dlg.target.findText("Erik Sjöberg"))
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "0 ärenden med frånvarande" in page.summary.text(), timeout=10000)
    for c in res.children:
        assert caseview.get_case(ctx_for("karin.berg"), c.case_id).summary.assigned_name == "Erik Sjöberg"
    # One case by hand: the unassigned anmälan in the list goes to Anna's colleague Maria.
    row = next(r for r in range(page.work_model.rowCount()) if page.work_model.record(r).kind == "unassigned")
    page.work_view.setCurrentIndex(page.work_model.index(row, 0))
    qtbot.mouseClick(page.findChild(QPushButton, "start_handover_case"), Qt.MouseButton.LeftButton)
    dlg = page.dialog
    qtbot.waitUntil(lambda: dlg.target.count() > 2, timeout=10000)
    dlg.target.setCurrentIndex(dlg.target.findText("Maria Östlund"))
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "0 ofördelade" in page.summary.text(), timeout=10000)
    wait_idle(qtbot, w.app)


def test_chef_sees_each_unit_in_numbers(qtbot, make_window, ctx_for, org):
    cases.register_anmalan(ctx_for("karin.berg"), report(org, child(MAJA, "Maja"), child(NILS, "Nils")))
    w = make_window("eva.lundgren")
    page = w.page("start")
    qtbot.waitUntil(lambda: page.unit_model.rowCount() == 3, timeout=10000)
    bu = next(page.unit_model.record(r) for r in range(3) if page.unit_model.record(r).unit_id == org.unit.id)
    assert (bu.open_cases, bu.unassigned) == (2, 2)
    assert page.unit_view.isVisibleTo(w) and not page.work_view.isVisibleTo(w)
    assert "Anmälningar (2)" in _nav_texts(w)


def test_search_page_finds_words_inside_journal_text(qtbot, make_window, ctx_for, org):
    res = cases.register_anmalan(ctx_for("karin.berg"), report(org, child(MAJA, "Maja")))
    _assign(ctx_for, org, res)
    journal.add_note(ctx_for("anna.lind"), res.children[0].case_id, event_date=date(2026, 3, 2),
                     text="Pappan berättade om skulder och bråk.", heading="Telefonsamtal", sign=True)
    w = make_window("anna.lind")
    page = w.page("search")
    w.show_page(w.pages.index(page))
    page.tabs.setCurrentWidget(page.texts)
    panel = page.texts
    qtbot.keyClicks(panel.query, "skuld")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10000)
    assert panel.count.text() == "1 träff"
    assert panel.model.index(0, 0).data() == "Journal" and "skulder och bråk" in panel.model.index(0, 5).data()
    panel.query.setText("x")
    qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "minst ett ord" in panel.count.text(), timeout=10000)
    panel.query.setText("skuld")
    qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10000)
    with qtbot.waitSignal(w.case_view.loaded, timeout=10000):
        panel.view.activated.emit(panel.model.index(0, 0))
    assert w.case_view.detail.summary.id == res.children[0].case_id


def test_byt_handlaggare_in_the_case_view_shows_the_new_one_in_the_header(qtbot, make_window, ctx_for, org):
    from ui_support import open_case, type_text

    res = cases.register_anmalan(ctx_for("karin.berg"), report(org, child(MAJA, "Maja")))
    _assign(ctx_for, org, res)
    case_id = res.children[0].case_id
    # The handläggare herself is not offered the action (case.assign is not hers).
    anna = make_window("anna.lind")
    assert not open_case(qtbot, anna, case_id).header.handover.isVisibleTo(anna)
    wait_idle(qtbot, anna.app)

    w = make_window("karin.berg")
    view = open_case(qtbot, w, case_id)
    header = view.header
    assert "Handläggare: Anna Lind" in header.facts.text()
    assert header.handover.isVisibleTo(w)
    qtbot.mouseClick(header.handover, Qt.MouseButton.LeftButton)
    dlg = header.handover_dialog
    qtbot.waitUntil(lambda: dlg.isVisible() and dlg.target.count() > 1, timeout=10000)
    assert "Byt handläggare" in dlg.windowTitle() and res.children[0].case_number in dlg.windowTitle()
    dlg.target.setCurrentIndex(dlg.target.findText("Anna Lind"))
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)  # the same person: refused beside the field
    qtbot.waitUntil(lambda: dlg.error.isVisibleTo(dlg), timeout=10000)
    assert "redan handläggare" in dlg.error.text()
    dlg.target.setCurrentIndex(dlg.target.findText("Erik Sjöberg"))
    type_text(qtbot, dlg.note, "Anna är föräldraledig.")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Handläggare: Erik Sjöberg" in header.facts.text(), timeout=10000)
    assert not dlg.isVisible() and w.stack.currentWidget() is view  # still in the case
    assert caseview.get_case(ctx_for("karin.berg"), case_id).summary.assigned_name == "Erik Sjöberg"
    wait_idle(qtbot, w.app)


def test_text_search_shows_the_newest_hit_first_and_says_when_older_ones_exist(
        qtbot, make_window, ctx_for, org, monkeypatch):
    from ifodesk.services import text_search

    res = cases.register_anmalan(ctx_for("karin.berg"), report(org, child(MAJA, "Maja")))
    _assign(ctx_for, org, res)
    anna = ctx_for("anna.lind")
    for day, text in ((1, "Skulder hos pappan, första samtalet."), (2, "Skulderna växer, andra samtalet.")):
        journal.add_note(anna, res.children[0].case_id, event_date=date(2026, 3, day), text=text,
                         heading="Samtal", sign=True)
    monkeypatch.setattr(text_search, "LIMIT", 1)
    w = make_window("anna.lind")
    page = w.page("search")
    w.show_page(w.pages.index(page))
    page.tabs.setCurrentWidget(page.texts)
    panel = page.texts
    qtbot.keyClicks(panel.query, "skuld")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10000)
    assert "andra samtalet" in panel.model.index(0, 5).data()  # the newer note, not the first written
    assert panel.count.text().startswith("1 träff (de senaste; fler äldre finns")
    wait_idle(qtbot, w.app)
