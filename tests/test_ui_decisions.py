"""The decision editor, Att besluta and IU-sammanträden, driven as people use them (pytest-qt).

One whole children's case from anmälan to the IU's decision and the printed letter, and one
urgent LVU 6 § decision by the ordförande. Runs on SQLite and PostgreSQL like the service tests.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton, QTextEdit

from ifodesk.services import cases as case_svc
from ifodesk.services import decisions
from ifodesk.services.dto import ChildInput
from ifodesk.ui.appctx import AppContext, DecisionRequest
from ifodesk.ui.decision.launcher import DecisionEditorLauncher
from ifodesk.ui.drafts import DraftStore

from test_case_path import MAJA, anmalan

pytestmark = pytest.mark.ui


def pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


class Desk:
    """One person at their desk: an AppContext of their own, and helpers to wait for the worker."""

    def __init__(self, qtbot, app: AppContext):
        self.qtbot, self.app = qtbot, app
        self.errors: list[Exception] = []
        app.tasks.failed.connect(self.errors.append)

    def idle(self, timeout: int = 10000) -> None:
        self.qtbot.waitUntil(lambda: self.app.tasks.pending == 0, timeout=timeout)

    def click(self, b: QPushButton) -> None:
        assert b.isEnabled(), f"{b.objectName()} är avstängd: {b.toolTip()}"
        self.qtbot.mouseClick(b, Qt.MouseButton.LeftButton)

    def type(self, w, text: str) -> None:
        """Key by key; å ä ö are sent as key events with text (QTest only knows ASCII keys)."""
        w.setFocus()
        for ch in text:
            if ch.isascii():
                self.qtbot.keyClick(w, ch)
                continue
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(w, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))

    def page(self, cls):
        page = cls(self.app)
        self.qtbot.addWidget(page)
        page.resize(1170, 700)
        page.show()
        page.activate()
        self.idle()
        return page


@pytest.fixture
def desk_for(qtbot, ctx_for, tmp_path):
    desks: list[Desk] = []

    def make(username: str) -> Desk:
        app = AppContext(ctx_for(username), drafts=DraftStore(tmp_path / "utkast" / username))
        DecisionEditorLauncher.install(app)  # as the shell does: the editor answers open/new decision
        desk = Desk(qtbot, app)
        desks.append(desk)
        return desk

    yield make
    for desk in desks:  # no thread outlives the test
        launcher = desk.app.findChild(DecisionEditorLauncher)
        if launcher is not None:
            for e in list(launcher.editors):
                e.dirty = False
                e.reject()
        qtbot.waitUntil(lambda d=desk: d.app.tasks.pending == 0, timeout=10000)
        assert desk.app.tasks.wait(10000)
    for desk in desks:
        assert desk.errors == [], desk.errors


# --- helpers that act like a person in the decision editor ----------------------------------

def editor_of(desk: Desk):
    launcher = DecisionEditorLauncher.install(desk.app)
    desk.idle()
    editor = launcher.editors[-1]
    desk.qtbot.waitUntil(lambda: editor.isVisible())
    return editor


def pick_template(desk: Desk, editor, search: str, expect_title: str) -> None:
    desk.type(editor.picker.search, search)
    desk.qtbot.keyClick(editor.picker.search, Qt.Key.Key_Return)
    desk.qtbot.waitUntil(lambda: editor.template is not None and editor.template.title == expect_title)
    desk.idle()


def fill(desk: Desk, editor, **values: str) -> None:
    from PySide6.QtWidgets import QComboBox

    for field_name, text in values.items():
        w = editor.fields.widgets[field_name]
        if isinstance(w, QComboBox):  # a choice (e.g. samtycke): picked from the list
            w.setFocus()
            w.setCurrentIndex(w.findData(text))
            continue
        desk.type(w, text)


def wait_routing(desk: Desk, editor, predicate) -> None:
    desk.qtbot.waitUntil(lambda: editor.routing is not None and predicate(editor.routing) and not editor.busy
                         and desk.app.tasks.pending == 0 and not editor.routing_timer.isActive(), timeout=10000)


def wait_status(desk: Desk, editor, status: str) -> None:
    desk.qtbot.waitUntil(lambda: editor.info is not None and editor.info.status == status, timeout=10000)
    desk.idle()


def select_row(desk: Desk, view, predicate) -> None:
    model = view.model()
    row = next(r for r, rec in enumerate(model.records()) if predicate(rec))
    view.setFocus()
    view.setCurrentIndex(model.index(row, 0))
    desk.idle()


# --- one whole children's case ---------------------------------------------------------------

def register_with_dialog(desk: Desk):
    from ifodesk.ui.anmalan_dialog import AnmalanDialog

    dialog = AnmalanDialog(desk.app)
    desk.qtbot.addWidget(dialog)
    dialog.show()
    desk.qtbot.waitUntil(lambda: dialog.unit.count() > 0)
    desk.type(dialog.reporter_name, "Lena Rektor")
    desk.type(dialog.reporter_org, "Björkskolan")
    desk.type(dialog.reporter_contact, "0123-456")
    dialog.reasons.setFocus()
    desk.qtbot.keyClick(dialog.reasons, Qt.Key.Key_Space)
    desk.type(dialog.text, "Maja kommer ofta hungrig till skolan och berättar att hon är ensam hemma.")
    child = dialog.children[0]
    desk.type(child.pnr, MAJA)
    desk.qtbot.waitUntil(lambda: child.earlier_count is not None)
    desk.type(child.first, "Maja")
    desk.type(child.last, "Öberg")
    with desk.qtbot.waitSignal(dialog.registered, timeout=10000) as registered:
        desk.click(dialog.submit)
    return registered.args[0].children[0]


def open_case_view(desk: Desk, case_id):
    from ifodesk.ui.case_view import CaseView

    view = CaseView(desk.app)
    desk.qtbot.addWidget(view)
    view.resize(1170, 700)
    view.show()
    with desk.qtbot.waitSignal(view.loaded, timeout=10000):
        view.load(case_id)
    return view


def reload_case(desk: Desk, view):
    with desk.qtbot.waitSignal(view.loaded, timeout=10000):
        view.load(view.case_id)
    return view.detail


def test_whole_childrens_case_from_anmalan_to_the_ius_decision_and_the_letter(desk_for, ctx_for, clock, tmp_path):
    from ifodesk.ui.pages.decide import DecidePage
    from ifodesk.ui.pages.meetings import MeetingsPage

    anna = desk_for("anna.lind")

    # Anmälan, registered from the keyboard, and the same day's skyddsbedömning.
    child = register_with_dialog(anna)
    case = open_case_view(anna, child.case_id)
    case.tabs.setCurrentWidget(case.skydd)
    case.skydd.need.setCurrentIndex(0)  # "Nej" chosen: nothing is pre-selected (issue 8)
    anna.type(case.skydd.assessment, "Ingen akut fara; mamma hemma på kvällarna.")
    with anna.qtbot.waitSignal(case.skydd.saved, timeout=10000):
        anna.click(case.skydd.save_button)
    detail = reload_case(anna, case)
    assert detail.anmalningar[0].skyddsbedomning is not None

    # Förhandsbedömning: the decision to open an utredning, signed in the editor by the handläggare.
    case.tabs.setCurrentWidget(case.fb)
    anna.click(case.fb.decide_button)
    editor = editor_of(anna)
    assert set(editor.picker.visible_ids()) == {"inleda_utredning", "inte_inleda_utredning"}
    pick_template(anna, editor, "att inleda", "Beslut att inleda utredning")
    anna.qtbot.waitUntil(lambda: editor.fields.values()["barnets_namn"] == "Maja Öberg")
    assert editor.fields.values()["anmalan_datum"] == "2026-03-02"
    assert editor.lagrum.isReadOnly() and "14 kap. 2 § SoL" in editor.lagrum.text()
    fill(anna, editor, fakta="Skolan oroas för omsorgen.", motivering="Oron gäller omsorgssvikt och behöver utredas.")
    assert "Oron gäller omsorgssvikt" in editor.preview.toPlainText()
    assert "förvaltningsrätten" in editor.preview.toPlainText() or "överklaga" in editor.preview.toPlainText().lower()
    wait_routing(anna, editor, lambda r: r.can_sign)
    assert "får fatta beslutet" in editor.routing_label.text()
    anna.click(editor.actions.buttons["sign"])
    wait_status(anna, editor, "beslutad")
    assert reload_case(anna, case).summary.status == "utredning"
    anna.click(editor.actions.buttons["close"])

    # Extend the utredning: drafted by the handläggare, decided by the enhetschef on Att besluta.
    case.tabs.setCurrentWidget(case.utredning)
    anna.click(case.utredning.extend_button)
    editor = editor_of(anna)
    assert editor.picker.visible_ids() == ["forlangd_utredningstid"]
    pick_template(anna, editor, "", "Beslut om förlängd utredningstid")
    anna.qtbot.waitUntil(lambda: editor.fields.values()["utredning_inledd"] == "2026-03-02")
    fill(anna, editor, slutdatum="2026-09-02", sarskilda_skal="Väntar på BUP:s bedömning av Maja.")
    assert editor.fields.values()["slutdatum"] == "2026-09-02"
    wait_routing(anna, editor, lambda r: r.can_send)
    assert not editor.actions.buttons["sign"].isEnabled()
    assert "enhetschef" in editor.actions.reason("sign").lower()
    anna.click(editor.actions.buttons["send"])
    wait_status(anna, editor, "for_godkannande")
    anna.click(editor.actions.buttons["close"])

    eva = desk_for("eva.lundgren")
    decide = eva.page(DecidePage)
    select_row(eva, decide.waiting, lambda i: i.template_id == "forlangd_utredningstid")
    eva.qtbot.waitUntil(lambda: decide.current is not None)
    assert "Väntar på BUP" in decide.detail.toPlainText() and "Anna Lind" in decide.detail.toPlainText()
    eva.click(decide.actions.buttons["approve"])
    eva.idle()
    assert decide.waiting_model.rowCount() == 0
    assert reload_case(anna, case).utredningar[0].due_on == date(2026, 9, 2)

    # A decision reserved for the IU: Fatta beslut is disabled, naming 30 kap. 6 § SoL.
    case.tabs.setCurrentWidget(case.decisions)
    anna.click(case.decisions.new_button)
    editor = editor_of(anna)
    editor.picker.category.setCurrentIndex(editor.picker.category.findData("barn"))
    pick_template(anna, editor, "vård i familjehem", "Vård i familjehem")
    fill(anna, editor, familjehem="Familjen Berg, Småby", hemmet_utrett="2026-02-20", startdatum="2026-04-01",
         samtycke="samtycker", fakta="Maja kan inte bo kvar hemma.",
         motivering="Maja behöver vård utanför hemmet i ett utrett familjehem.")
    wait_routing(anna, editor, lambda r: r.can_send)
    sign = editor.actions.buttons["sign"]
    assert not sign.isEnabled() and "30 kap. 6 § SoL" in sign.toolTip()
    assert "30 kap. 6 § SoL" in editor.actions.reasons.text() and editor.actions.reasons.isVisible()
    assert "Individutskottet" in editor.routing_label.text()
    editor.grab().save(str(tmp_path / "editor.png"))
    anna.click(editor.actions.buttons["send"])
    wait_status(anna, editor, "for_godkannande")
    familjehem_id = editor.info.id
    anna.click(editor.actions.buttons["close"])

    karin = desk_for("karin.berg")
    decide = karin.page(DecidePage)
    select_row(karin, decide.waiting, lambda i: i.id == familjehem_id)
    karin.qtbot.waitUntil(lambda: decide.current is not None)
    assert decide.actions.buttons["approve"].text().replace("&", "") == "Godkänn för utskottet"
    karin.click(decide.actions.buttons["approve"])
    karin.idle()
    assert decisions.get_decision(karin.app.services, familjehem_id).status == "godkand"

    # The secretary creates the meeting and places the proposal on the agenda.
    helena = desk_for("helena.wallin")
    iu = helena.page(MeetingsPage)
    helena.click(iu.new_button)
    dialog = iu.dialog
    helena.qtbot.waitUntil(lambda: dialog.create_button.isEnabled())
    helena.type(dialog.date, "2026-03-12")
    helena.type(dialog.time_place, "Kl. 13.00, Nämndrummet")
    assert len(dialog.member_ids()) == 3
    helena.click(dialog.create_button)
    helena.idle()
    helena.qtbot.waitUntil(lambda: iu.meeting is not None and iu.meeting.meeting_date == date(2026, 3, 12))
    helena.idle()
    select_row(helena, iu.approved_view, lambda d: d.id == familjehem_id)
    helena.click(iu.add_actions.buttons["add"])
    helena.idle()
    helena.qtbot.waitUntil(lambda: iu.agenda_model.rowCount() == 1)
    item = iu.agenda_model.record(0)
    assert (item.paragraph_no, item.kind, item.party_display) == (1, "beslut", "M.Ö. (2015)")
    record = iu.item_actions.buttons["record"]
    assert not record.isEnabled() and "2026-03-12" in record.toolTip()
    helena.click(iu.item_actions.buttons["agenda"])
    helena.qtbot.waitUntil(lambda: iu.pdf_dialog is not None)
    agenda = pdf_text(iu.pdf_dialog.data)
    assert "§ 1" in agenda and "Vård i familjehem" in agenda and "Maja" not in agenda
    iu.pdf_dialog.accept()
    iu.pdf_dialog = None

    # The meeting day: the IU grants the proposal (bifall), § 1 is recorded and printed.
    clock.set(2026, 3, 12, 14)
    iu.activate()
    helena.idle()
    select_row(helena, iu.agenda_view, lambda i: i.paragraph_no == 1)
    assert iu.outcome.currentData() == "bifall"
    helena.type(iu.note, "Enhälligt.")
    helena.click(record)
    helena.idle()
    helena.qtbot.waitUntil(lambda: iu.agenda_model.record(0).outcome == "bifall")
    select_row(helena, iu.agenda_view, lambda i: i.paragraph_no == 1)
    extract_button = iu.item_actions.buttons["extract"]
    assert not extract_button.isEnabled() and "justerat" in extract_button.toolTip()

    # The protocol is justerat (KL: within 14 days) before any extract or letter goes out
    # (issue 10, item 9); the secretary records it on the page.
    helena.click(iu.item_actions.buttons["close"])
    helena.idle()
    helena.qtbot.waitUntil(lambda: iu.meeting.status == "genomford")
    helena.click(iu.protocol.actions.buttons["justering"])
    helena.qtbot.waitUntil(lambda: iu.protocol.dialog is not None and iu.protocol.dialog.isVisible())
    justering = iu.protocol.dialog
    justering.person.setCurrentIndex(justering.person.findText("Lars Eklund"))
    helena.click(justering.ok)
    helena.qtbot.waitUntil(lambda: iu.meeting.justerad_on == date(2026, 3, 12), timeout=10000)
    helena.idle()
    select_row(helena, iu.agenda_view, lambda i: i.paragraph_no == 1)
    helena.click(extract_button)
    helena.qtbot.waitUntil(lambda: iu.pdf_dialog is not None)
    extract = pdf_text(iu.pdf_dialog.data)
    assert "§ 1" in extract and "22 kap. 2 § SoL" in extract
    iu.pdf_dialog.save_as()
    iu.pdf_dialog.file_dialog.selectFile(str(tmp_path / "utdrag.pdf"))
    iu.pdf_dialog.file_dialog.accept()
    assert (tmp_path / "utdrag.pdf").read_bytes() == iu.pdf_dialog.data

    # The decision letter, as it will be printed.
    anna.app.open_decision.emit(familjehem_id)
    editor = editor_of(anna)
    wait_status(anna, editor, "beslutad")
    wait_routing(anna, editor, lambda r: True)
    assert editor.info.decided_by_name == "Individutskottet"
    anna.click(editor.actions.buttons["letter"])
    anna.qtbot.waitUntil(lambda: editor.pdf_dialog is not None)
    letter = pdf_text(editor.pdf_dialog.data)
    assert "22 kap. 2 § SoL" in letter and "protokoll 2026-03-12 § 1" in letter
    assert editor.pdf_dialog.document.pageCount() >= 1


# --- an urgent LVU 6 § decision by the ordförande --------------------------------------------

@pytest.fixture
def maja_case(ctx, org):
    return case_svc.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"))).children[0]


def test_urgent_lvu_6_decided_by_the_ordforande_on_att_besluta_and_reported_at_the_next_meeting(
        desk_for, maja_case, clock):
    from ifodesk.ui.pages.decide import DecidePage
    from ifodesk.ui.pages.meetings import MeetingsPage

    anna = desk_for("anna.lind")
    anna.app.new_decision.emit(DecisionRequest(maja_case.case_id))
    editor = editor_of(anna)
    editor.picker.category.setCurrentIndex(editor.picker.category.findData("barn"))
    pick_template(anna, editor, "omedelbart omhändertagande enligt", "Omedelbart omhändertagande enligt LVU")
    anna.qtbot.waitUntil(lambda: editor.fields.values()["barnets_namn"] == "Maja Öberg")
    fill(anna, editor, grund="2", fakta="Polisen hittade Maja ensam hemma en natt i minusgrader.",
         motivering="Rättens beslut om vård kan inte avvaktas.",
         bradskande_skal="det var natt och utskottet kunde inte samlas.")
    wait_routing(anna, editor, lambda r: r.can_send)
    urgent = editor.actions.buttons["urgent"]
    assert urgent.isVisible() and urgent.isEnabled()
    assert not editor.actions.buttons["sign"].isEnabled()
    assert "30 kap. 7 § SoL" in editor.actions.reason("sign")
    anna.click(urgent)
    wait_status(anna, editor, "for_godkannande")
    assert editor.info.approver_level == "ordforande"
    decision_id = editor.info.id
    anna.click(editor.actions.buttons["close"])

    chair = desk_for("birgitta.strom")
    decide = chair.page(DecidePage)
    assert [i.id for i in decide.waiting_model.records()] == [decision_id]
    assert decide.waiting_model.index(0, 4).data().startswith("⚠ Brådskande")
    select_row(chair, decide.waiting, lambda i: i.id == decision_id)
    chair.qtbot.waitUntil(lambda: decide.current is not None)
    assert "Polisen hittade Maja" in decide.detail.toPlainText() and "6 § LVU" in decide.detail.toPlainText()
    assert not decide.actions.buttons["approve"].isEnabled()
    chair.click(decide.actions.buttons["urgent"])
    chair.idle()
    done = decisions.get_decision(chair.app.services, decision_id)
    assert done.status == "beslutad" and done.urgent and done.decided_by_name == "Birgitta Ström"

    # The case shows the underställning deadline.
    case = open_case_view(anna, maja_case.case_id)
    deadlines = {d.kind: d for d in case.deadline_model.records()}
    assert deadlines["lvu_understallning"].due_on == date(2026, 3, 9)

    # The next meeting lists the decision to report, and the secretary records it as anmäld.
    helena = desk_for("helena.wallin")
    iu = helena.page(MeetingsPage)
    helena.click(iu.new_button)
    dialog = iu.dialog
    helena.qtbot.waitUntil(lambda: dialog.create_button.isEnabled())
    dialog.body.setCurrentIndex(dialog.body.findData("namnd"))  # urgent decisions go to the nämnd
    helena.type(dialog.date, "2026-03-19")
    helena.type(dialog.time_place, "Kl. 13.00, Nämndrummet")
    helena.click(dialog.create_button)
    helena.idle()
    helena.qtbot.waitUntil(lambda: iu.agenda_model.rowCount() == 1)
    item = iu.agenda_model.record(0)
    assert item.kind == "anmalan" and item.decision_id == decision_id
    assert iu.agenda_model.index(0, 1).data() == "Anmälan av ordförandebeslut"
    clock.set(2026, 3, 19, 13, 30)
    iu.activate()
    helena.idle()
    select_row(helena, iu.agenda_view, lambda i: i.kind == "anmalan")
    assert [iu.outcome.itemData(i) for i in range(iu.outcome.count())] == ["anmald"]
    helena.click(iu.item_actions.buttons["record"])
    helena.idle()
    helena.qtbot.waitUntil(lambda: iu.agenda_model.record(0).outcome == "anmald")
    helena.click(iu.item_actions.buttons["close"])
    helena.idle()
    helena.qtbot.waitUntil(lambda: iu.meeting.status == "genomford")


# --- the smaller promises --------------------------------------------------------------------

def test_return_needs_a_reason_and_the_drafter_sees_it(desk_for, maja_case, ctx):
    from ifodesk.ui.pages.decide import DecidePage

    d = decisions.draft_decision(ctx, maja_case.case_id, "inte_inleda_utredning",
                                 {"barnets_namn": "Maja Öberg", "anmalan_datum": "2026-03-02",
                                  "fakta": "Skolan oroas.", "motivering": "Familjen har stöd."})
    decisions.send_for_approval(ctx, d.id, d.version)
    karin = desk_for("karin.berg")
    decide = karin.page(DecidePage)
    select_row(karin, decide.waiting, lambda i: i.id == d.id)
    karin.qtbot.waitUntil(lambda: decide.current is not None)
    karin.click(decide.actions.buttons["reject"])
    dialog = decide.reason_dialog
    karin.click(dialog.ok_button)
    assert dialog.isVisible() and "varför" in dialog.error.text()
    karin.type(dialog.reason, "Beskriv vilket stöd familjen har.")
    karin.click(dialog.ok_button)
    karin.idle()
    assert not dialog.isVisible()
    assert decide.waiting_model.rowCount() == 0

    anna = desk_for("anna.lind")
    mine = anna.page(DecidePage)
    assert mine.drafts_model.index(0, 3).data() == "Återvisat: Beskriv vilket stöd familjen har."
    select_row(anna, mine.drafts, lambda i: i.id == d.id)
    anna.qtbot.waitUntil(lambda: mine.current is not None)
    assert "Beskriv vilket stöd" in mine.detail.toPlainText()
    # Her own proposal is followed here, not decided: no Godkänn/Återvisa, only the way back to the editor.
    assert mine.actions.buttons["approve"].isHidden() and mine.actions.buttons["reject"].isHidden()
    anna.click(mine.actions.buttons["editor"])
    editor = editor_of(anna)
    wait_routing(anna, editor, lambda r: r.can_send)
    assert editor.info.status == "avslagen" and "Beskriv vilket stöd" in editor.status.text()
    editor.dirty = False


def test_typing_is_saved_as_an_utkast_without_pressing_save_and_restored_after_a_crash(desk_for, maja_case, ctx):
    anna = desk_for("anna.lind")
    anna.app.new_decision.emit(DecisionRequest(maja_case.case_id, "forhandsbedomning"))
    editor = editor_of(anna)
    pick_template(anna, editor, "att inleda", "Beslut att inleda utredning")
    fill(anna, editor, fakta="Skolan oroas.")
    anna.qtbot.waitUntil(lambda: editor.info is not None, timeout=10000)  # autosaved after a short idle
    anna.idle()
    saved = decisions.my_drafts(ctx)
    assert [x.fields["fakta"] for x in saved] == ["Skolan oroas."]
    # More typing, then the window is gone before the utkast is saved (a crash): the disk draft remains.
    fill(anna, editor, motivering="Oron gäller omsorgen.")
    editor.write_draft()
    editor.autosave_timer.stop()
    editor.dirty = False
    editor.hide()
    again = desk_for("anna.lind")
    again.app.drafts = anna.app.drafts
    again.app.open_decision.emit(saved[0].id)
    reopened = editor_of(again)
    again.qtbot.waitUntil(lambda: reopened.fields.values().get("motivering") == "Oron gäller omsorgen.")
    again.qtbot.waitUntil(lambda: not reopened.dirty and reopened.info.version > saved[0].version, timeout=10000)
    assert decisions.get_decision(ctx, saved[0].id).fields["motivering"] == "Oron gäller omsorgen."


def test_closing_the_editor_saves_what_was_typed(desk_for, maja_case, ctx):
    anna = desk_for("anna.lind")
    anna.app.new_decision.emit(DecisionRequest(maja_case.case_id, "forhandsbedomning"))
    editor = editor_of(anna)
    pick_template(anna, editor, "att inleda", "Beslut att inleda utredning")
    fill(anna, editor, fakta="Skrivet precis innan fönstret stängdes.")
    anna.click(editor.actions.buttons["close"])
    anna.qtbot.waitUntil(lambda: not DecisionEditorLauncher.install(anna.app).editors, timeout=10000)
    assert [x.fields["fakta"] for x in decisions.my_drafts(ctx)] == ["Skrivet precis innan fönstret stängdes."]


def test_a_save_conflict_names_who_changed_it_and_offers_reload_or_compare(desk_for, maja_case, ctx, ctx_for):
    d = decisions.draft_decision(ctx, maja_case.case_id, "inleda_utredning",
                                 {"barnets_namn": "Maja Öberg", "anmalan_datum": "2026-03-02", "fakta": "Första.",
                                  "motivering": "Oro."})
    anna = desk_for("anna.lind")
    anna.app.open_decision.emit(d.id)
    editor = editor_of(anna)
    anna.qtbot.waitUntil(lambda: editor.info is not None)
    anna.idle()
    # Meanwhile the same proposal is saved elsewhere (Anna's other computer).
    decisions.update_fields(ctx, d.id, d.version, dict(d.fields, fakta="Från den andra datorn."))
    fill(anna, editor, motivering=" Mer.")
    anna.click(editor.actions.buttons["save"])
    anna.qtbot.waitUntil(lambda: editor.conflict_dialog is not None, timeout=10000)
    dialog = editor.conflict_dialog
    assert "Anna Lind" in dialog.message.text() and "2026-03-02" in dialog.message.text()
    assert dialog.findChild(QTextEdit, "conflict_theirs_fakta").toPlainText() == "Från den andra datorn."
    anna.click(dialog.reload_button)
    assert editor.fields.values()["fakta"] == "Från den andra datorn."
    assert editor.fields.values()["motivering"] == "Oro."
    anna.idle()


def test_who_may_decide_is_shown_before_anything_is_saved(desk_for, maja_case, ctx):
    anna = desk_for("anna.lind")
    anna.app.new_decision.emit(DecisionRequest(maja_case.case_id))
    editor = editor_of(anna)
    assert not editor.actions.buttons["sign"].isEnabled()
    assert "mall" in editor.actions.reason("sign")
    pick_template(anna, editor, "vård i familjehem", "Vård i familjehem")
    wait_routing(anna, editor, lambda r: r.route == "utskott")
    assert "30 kap. 6 § SoL" in editor.routing_label.text()
    assert "saknas" in editor.preview.toPlainText()
    assert not editor.actions.buttons["send"].isEnabled() and "Obligatoriska fält" in editor.actions.reason("send")
    assert decisions.decisions_for_case(ctx, maja_case.case_id) == []
    editor.dirty = False


def test_template_picker_filters_by_category_purpose_and_text(qtbot, desk_for, maja_case):
    anna = desk_for("anna.lind")
    anna.app.new_decision.emit(DecisionRequest(maja_case.case_id, "avslut"))
    editor = editor_of(anna)
    picker = editor.picker
    assert "avsluta_utredning_utan_insats" in picker.visible_ids() and "inleda_utredning" not in picker.visible_ids()
    picker.purpose_only.setChecked(False)
    from ifodesk.domain.catalog import load_catalog

    assert len(picker.visible_ids()) == len(load_catalog().templates)
    picker.category.setCurrentIndex(picker.category.findData("ekonomi"))
    assert set(picker.visible_ids()) == {"ekonomiskt_bistand_avslag", "ekonomiskt_bistand_bifall",
                                         "aterkrav_beslut", "aterkrav_talan"}
    picker.category.setCurrentIndex(0)
    anna.type(picker.search, "6 § LVU")
    assert "lvu_omedelbart_omhandertagande" in picker.visible_ids() and "lvu_ansokan_vard" not in picker.visible_ids()


# --- item models -----------------------------------------------------------------------------

def test_item_models_pass_qtmodeltester(qtmodeltester, desk_for, maja_case, ctx, ctx_for):
    from ifodesk.domain.catalog import load_catalog
    from ifodesk.ui.decision.templates import TemplateFilter, TemplateListModel
    from ifodesk.ui.meeting.columns import agenda_columns, approved_columns, meeting_columns
    from ifodesk.ui.models.record_table import RecordTableModel
    from ifodesk.ui.pages.decide import draft_columns, waiting_columns
    from ifodesk.services import meetings
    from ifodesk.services.admin import list_users

    model = TemplateListModel(load_catalog().templates.values())
    qtmodeltester.check(model)
    proxy = TemplateFilter()
    proxy.setSourceModel(model)
    proxy.set_filter(category="barn", text="vård")
    qtmodeltester.check(proxy)

    fields = {"barnets_namn": "Maja Öberg", "familjehem": "Familjen Berg", "hemmet_utrett": "2026-02-20",
              "startdatum": "2026-04-01", "samtycke": "samtycker", "fakta": "F.", "motivering": "M."}
    d = decisions.draft_decision(ctx, maja_case.case_id, "vard_familjehem", fields)
    d = decisions.send_for_approval(ctx, d.id, d.version)
    karin = ctx_for("karin.berg")
    for columns, rows in ((waiting_columns(), decisions.waiting_for_me(karin)),
                          (draft_columns(), decisions.my_drafts(ctx))):
        table = RecordTableModel(columns)
        table.set_records(rows)
        assert table.rowCount() == 1
        qtmodeltester.check(table)
    decisions.approve(karin, d.id, d.version)
    secretary = ctx_for("helena.wallin")
    users = {u.username: u.id for u in list_users(ctx.db)}
    m = meetings.create_meeting(secretary, meeting_date=date(2026, 3, 12), time_place="Kl. 13",
                                chair_id=users["birgitta.strom"], secretary_id=users["helena.wallin"],
                                member_ids=[users["lars.eklund"], users["fatima.ali"]])
    approved = decisions.approved_for_agenda(secretary)
    m = meetings.add_to_agenda(secretary, m.id, d.id, approved[0].version)
    for columns, rows in ((meeting_columns(), [m]), (agenda_columns(), m.items), (approved_columns(), approved)):
        table = RecordTableModel(columns)
        table.set_records(rows)
        qtmodeltester.check(table)


# --- keyboard and screen readers ------------------------------------------------------------

def _unnamed_or_unreachable(root) -> list[str]:
    from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QHeaderView,
                                   QLineEdit, QTextEdit, QWidget)

    inputs = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit)
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, inputs) or w.objectName().startswith("qt_") or w.window() is not root.window() \
                or isinstance(w.parent(), (QComboBox, QAbstractSpinBox, QLineEdit)):
            continue  # Qt's own parts of a compound widget (popup list, spin arrows, clear button)
        if isinstance(w, QHeaderView):
            continue
        if isinstance(w, QAbstractItemView) and w.parent() is not None \
                and w.parent().inherits("QComboBoxPrivateContainer"):
            continue
        if not w.objectName() or not w.accessibleName():
            out.append(f"namnlös {type(w).__name__} '{w.objectName()}'")
        if not w.focusPolicy() & Qt.FocusPolicy.TabFocus and not isinstance(w, QAbstractButton):
            out.append(f"nås inte med Tab: {w.objectName()}")
    return out


def test_every_input_is_named_and_reachable_from_the_keyboard(desk_for, maja_case, ctx, ctx_for):
    from ifodesk.ui.decision.reason_dialog import ReasonDialog
    from ifodesk.ui.meeting.create_dialog import MeetingDialog
    from ifodesk.ui.pages.decide import DecidePage
    from ifodesk.ui.pages.meetings import MeetingsPage

    anna = desk_for("anna.lind")
    anna.app.new_decision.emit(DecisionRequest(maja_case.case_id))
    editor = editor_of(anna)
    for search, title in (("vård i familjehem", "Vård i familjehem"),):
        pick_template(anna, editor, search, title)
    assert _unnamed_or_unreachable(editor) == []
    kontakt = decisions.draft_decision(ctx, maja_case.case_id, "kontaktperson_kontaktfamilj", {"namn": "Maja"})
    anna.app.open_decision.emit(kontakt.id)
    choice = editor_of(anna)
    anna.qtbot.waitUntil(lambda: choice.info is not None)
    assert _unnamed_or_unreachable(choice) == []
    for desk, cls in ((anna, DecidePage), (desk_for("helena.wallin"), MeetingsPage)):
        page = desk.page(cls)
        assert _unnamed_or_unreachable(page) == [], cls.__name__
    helena = desk_for("helena.wallin")
    dialog = MeetingDialog(helena.app)
    helena.qtbot.addWidget(dialog)
    helena.idle()
    reason = ReasonDialog("Återvisa", "Varför?")
    helena.qtbot.addWidget(reason)
    assert _unnamed_or_unreachable(dialog) == [] and _unnamed_or_unreachable(reason) == []
    choice.dirty = editor.dirty = False


def test_an_approved_iu_proposal_is_placed_on_a_meeting_from_the_editor(desk_for, maja_case, ctx, ctx_for):
    from ifodesk.services import meetings
    from ifodesk.services.admin import list_users

    fields = {"barnets_namn": "Maja Öberg", "familjehem": "Familjen Berg", "hemmet_utrett": "2026-02-20",
              "startdatum": "2026-04-01", "samtycke": "samtycker", "fakta": "F.", "motivering": "M."}
    d = decisions.draft_decision(ctx, maja_case.case_id, "vard_familjehem", fields)
    d = decisions.send_for_approval(ctx, d.id, d.version)
    karin_ctx = ctx_for("karin.berg")
    decisions.approve(karin_ctx, d.id, d.version)
    users = {u.username: u.id for u in list_users(ctx.db)}
    m = meetings.create_meeting(ctx_for("helena.wallin"), meeting_date=date(2026, 3, 12), time_place="Kl. 13",
                                chair_id=users["birgitta.strom"], secretary_id=users["helena.wallin"],
                                member_ids=[users["lars.eklund"], users["fatima.ali"]])
    karin = desk_for("karin.berg")
    karin.app.open_decision.emit(d.id)
    editor = editor_of(karin)
    wait_routing(karin, editor, lambda r: r.can_place_on_agenda)
    assert not editor.actions.buttons["save"].isEnabled()  # not her proposal: read, not edited
    karin.click(editor.actions.buttons["agenda"])
    karin.qtbot.waitUntil(lambda: editor.meeting_menu is not None)
    editor.meeting_menu.actions()[0].trigger()
    wait_status(karin, editor, "pa_dagordning")
    assert [i.decision_id for i in meetings.get_meeting(karin_ctx, m.id).items] == [d.id]
    assert not editor.actions.buttons["agenda"].isEnabled()
