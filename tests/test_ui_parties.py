"""Parter/Nätverk through the widgets: a child with two guardians from the anmälan to the decision,
one letter per guardian, and the notification recorded (pytest-qt, offscreen)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate

from ifodesk.services import party_events
from ifodesk.ui.appctx import DecisionRequest

from test_ui_decisions import (  # noqa: F401 (desk_for is a fixture)
    desk_for,
    editor_of,
    fill,
    open_case_view,
    pick_template,
    register_with_dialog,
    wait_routing,
    wait_status,
)

pytestmark = pytest.mark.ui


def add_person(desk, tab, role: str, pnr: str, first: str, last: str, street: str, postal: str,
               custody: str | None = None, hidden_from: str | None = None, protection: str = "none") -> None:
    desk.click(tab.add_button)
    desk.qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    d = tab.dialog
    d.role.setCurrentIndex(d.role.findData(role))
    if custody:
        d.custody.setCurrentIndex(d.custody.findData(custody))
    d.protection.setCurrentIndex(d.protection.findData(protection))
    if hidden_from:
        d.hidden_from.setCurrentIndex(d.hidden_from.findText(hidden_from))
    for w, text in ((d.pnr, pnr), (d.first, first), (d.last, last), (d.street, street), (d.postal, postal)):
        desk.type(w, text)
    rows = tab.net_model.rowCount()
    desk.click(d.save_button)
    desk.qtbot.waitUntil(lambda: tab.net_model.rowCount() == rows + 1, timeout=10000)
    desk.idle()


def test_two_guardians_decision_letters_and_notification_through_the_widgets(desk_for, clock, tmp_path, monkeypatch):
    anna = desk_for("anna.lind")
    child = register_with_dialog(anna)
    case = open_case_view(anna, child.case_id)
    case.tabs.setCurrentWidget(case.parties)
    anna.idle()
    assert "Ingen vårdnadshavare" in case.parties.siblings.text()
    add_person(anna, case.parties, "vardnadshavare", "19850101-2382", "Sara", "Öberg", "Hemliga vägen 7",
               "123 45 Lillby", custody="gemensam")
    add_person(anna, case.parties, "vardnadshavare", "19830505-1230", "Olle", "Öberg", "Storgatan 1",
               "123 40 Lillby", custody="gemensam")
    names = {r.name: r for r in case.parties.net_model.records()}
    assert case.parties.net_model.index(0, 4).data()  # the address column is filled
    assert set(names) == {"Sara Öberg", "Olle Öberg"} and names["Olle Öberg"].custody == "gemensam"
    grab = case.grab()
    grab.save(str(tmp_path / "parter.png"))

    # The decision: the editor shows the parties before anything is signed.
    case.tabs.setCurrentWidget(case.decisions)
    anna.app.new_decision.emit(DecisionRequest(child.case_id, "forhandsbedomning"))
    editor = editor_of(anna)
    pick_template(anna, editor, "att inleda", "Beslut att inleda utredning")
    anna.qtbot.waitUntil(lambda: editor.parties_box.preview is not None, timeout=10000)
    box = editor.parties_box.text()
    assert "Sara Öberg" in box and "Olle Öberg" in box and "inget eget brev" in box
    anna.qtbot.waitUntil(lambda: editor.fields.values()["barnets_namn"] == "Maja Öberg")
    fill(anna, editor, fakta="Skolan oroas för omsorgen.", motivering="Oron behöver utredas.")
    wait_routing(anna, editor, lambda r: r.can_sign)
    editor.grab().save(str(tmp_path / "editor.png"))
    anna.click(editor.actions.buttons["sign"])
    wait_status(anna, editor, "beslutad")
    anna.click(editor.actions.buttons["close"])

    # Letters: one PDF per guardian, none for Maja (10 years old).
    tab = case.parties
    case.tabs.setCurrentWidget(tab)
    tab.reload()
    anna.idle()
    anna.qtbot.waitUntil(lambda: tab.decision.count() == 1 and tab.n_model.rowCount() == 2, timeout=10000)
    out = tmp_path / "brev"
    out.mkdir()
    monkeypatch.setattr("ifodesk.ui.case_view.parties_tab.QFileDialog.getExistingDirectory",
                        lambda *a, **k: str(out))
    anna.click(tab.letters_button)
    anna.qtbot.waitUntil(lambda: len(list(out.glob("*.pdf"))) == 2, timeout=10000)
    anna.idle()
    texts = {p.name: "\n".join(x.extract_text() for x in PdfReader(io.BytesIO(p.read_bytes())).pages)
             for p in out.glob("*.pdf")}
    assert any("Hemliga vägen 7" in t and "Storgatan 1" not in t for t in texts.values())
    assert any("Storgatan 1" in t and "Hemliga vägen 7" not in t for t in texts.values())

    # Notification: Sara got the letter on Tuesday 3 March; a date in the future is refused.
    tab.n_date.setDate(QDate(2026, 3, 3))
    anna.click(tab.n_button)
    anna.qtbot.waitUntil(lambda: "framtiden" in tab.error.text(), timeout=10000)
    clock.set(2026, 3, 4)
    tab.n_person.setCurrentIndex(tab.n_person.findText("Sara Öberg"))
    tab.n_date.setDate(QDate(2026, 3, 3))
    tab.n_how.setCurrentIndex(tab.n_how.findData("brev"))
    anna.click(tab.n_button)
    anna.qtbot.waitUntil(lambda: any(n.notified_on for n in tab.n_model.records()), timeout=10000)
    anna.idle()
    sara = next(n for n in tab.n_model.records() if n.name == "Sara Öberg")
    assert sara.notified_on == date(2026, 3, 3) and sara.appeal_last_day == date(2026, 3, 24)
    rows = party_events.notifications(anna.app.services, tab.decision.currentData())
    assert {r.name: r.notified_how for r in rows} == {"Sara Öberg": "brev", "Olle Öberg": None}

    # Sara appeals the same week; it is in time and is forwarded to the court.
    anna.click(tab.appeal_button)
    anna.qtbot.waitUntil(lambda: any(n.appeal_received_on for n in tab.n_model.records()), timeout=10000)
    anna.idle()
    anna.click(tab.forward_button)
    anna.qtbot.waitUntil(lambda: any(n.appeal_forwarded_on for n in tab.n_model.records()), timeout=10000)
    anna.idle()
    sara = next(n for n in tab.n_model.records() if n.name == "Sara Öberg")
    assert sara.appeal_in_time and sara.appeal_forwarded_on == date(2026, 3, 3) and sara.legal_force_on is None
    assert "i rätt tid, överlämnat" in tab.n_model.index(0, 5).data() + tab.n_model.index(1, 5).data()


def test_a_new_anmalan_for_one_child_shows_the_siblings_cases_at_once(desk_for, ctx, org):
    from ifodesk.services import cases as case_svc
    from ifodesk.services import parties
    from ifodesk.services.dto import ChildInput
    from ifodesk.services.parties_dto import RelatedInput
    from ifodesk.ui.anmalan_dialog import AnmalanDialog

    from test_case_path import MAJA, NILS, anmalan

    maja = case_svc.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"))).children[0]
    sara = parties.add_related(ctx, maja.person.id, RelatedInput("vardnadshavare", personnummer="19850101-2382",
                                                                 first_name="Sara", last_name="Öberg", custody="ensam"))
    nils_case = case_svc.register_anmalan(ctx, anmalan(org, ChildInput(NILS, "Nils", "Öberg"))).children[0]
    parties.add_related(ctx, nils_case.person.id, RelatedInput("vardnadshavare", person_id=sara.person_id,
                                                               custody="ensam"))
    anna = desk_for("anna.lind")
    dialog = AnmalanDialog(anna.app)
    anna.qtbot.addWidget(dialog)
    dialog.show()
    row = dialog.children[0]
    anna.type(row.pnr, NILS)
    anna.qtbot.waitUntil(lambda: row.earlier_count is not None, timeout=10000)
    assert "Syskons ärenden" in row.earlier.text() and maja.case_number in row.earlier.text()


def test_the_editor_warns_before_signing_while_a_reply_time_runs(desk_for, ctx, ctx_for, org, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ifodesk.services import cases as case_svc
    from ifodesk.services import decisions, parties
    from ifodesk.services.dto import ChildInput
    from ifodesk.services.parties_dto import RelatedInput

    from test_case_path import MAJA, anmalan

    maja = case_svc.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"))).children[0]
    sara = parties.add_related(ctx, maja.person.id, RelatedInput("vardnadshavare", personnummer="19850101-2382",
                                                                 first_name="Sara", last_name="Öberg", custody="ensam"))
    party_events.send_kommunicering(ctx, maja.case_id, sara.person_id, "Underlaget", reply_due_on=date(2026, 3, 16))
    # Opening an utredning does not go against the party: no warning (issue 11, item 4).
    assert party_events.signing_warning(ctx, maja.case_id, template_id="inleda_utredning") is None
    # Ending an insats can: the 1:e socialsekreterare decides it herself and is warned first.
    d = decisions.draft_decision(ctx_for("karin.berg"), maja.case_id, "avsluta_insats",
                                 {"barnets_namn": "Maja Öberg", "insats": "Kontaktfamilj", "upphor_datum": "2026-03-02",
                                  "fakta": "Insatsen har inte längre effekt.", "motivering": "Behovet är tillgodosett."})
    karin = desk_for("karin.berg")
    karin.app.open_decision.emit(d.id)
    editor = editor_of(karin)
    karin.qtbot.waitUntil(lambda: editor.parties_box.preview is not None, timeout=10000)
    assert "2026-03-16" in editor.parties_box.text() and "Sara Öberg" in editor.parties_box.text()
    wait_routing(karin, editor, lambda r: r.can_sign)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    karin.click(editor.actions.buttons["sign"])
    karin.idle()
    assert asked and decisions.get_decision(ctx, d.id).status == "utkast"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    karin.click(editor.actions.buttons["sign"])
    wait_status(karin, editor, "beslutad")


def test_the_network_shows_markings_and_whom_an_address_is_kept_from(desk_for, ctx, org):
    from ifodesk.services import cases as case_svc
    from ifodesk.services.dto import ChildInput

    from test_case_path import MAJA, anmalan
    from test_parties import guardians

    maja = case_svc.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"))).children[0]
    guardians(ctx, maja.person.id, hidden_from_father=True)
    anna = desk_for("anna.lind")
    case = open_case_view(anna, maja.case_id)
    case.tabs.setCurrentWidget(case.parties)
    anna.qtbot.waitUntil(lambda: case.parties.net_model.rowCount() == 2, timeout=10000)
    model = case.parties.net_model
    rows = {model.index(r, 0).data(): model.index(r, 4).data() for r in range(model.rowCount())}
    assert rows["Sara Öberg"] == "Hemliga vägen 7, 123 45 Lillby (lämnas inte ut till Olle Öberg)"
    assert rows["Olle Öberg"] == "Storgatan 1, 123 40 Lillby"


def test_parties_inputs_are_named_and_reachable_and_models_pass_the_tester(desk_for, ctx, org, qtmodeltester):
    from ifodesk.services import cases as case_svc
    from ifodesk.services.dto import ChildInput
    from ifodesk.ui.case_view.related_dialog import RelatedDialog

    from test_case_path import MAJA, anmalan
    from test_parties import guardians
    from test_ui_decisions import _unnamed_or_unreachable

    maja = case_svc.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"))).children[0]
    guardians(ctx, maja.person.id)
    anna = desk_for("anna.lind")
    case = open_case_view(anna, maja.case_id)
    case.tabs.setCurrentWidget(case.parties)
    anna.qtbot.waitUntil(lambda: case.parties.net_model.rowCount() == 2, timeout=10000)
    assert _unnamed_or_unreachable(case.parties) == []
    dialog = RelatedDialog(anna.app, maja.person.id, case.parties.network)
    anna.qtbot.addWidget(dialog)
    assert _unnamed_or_unreachable(dialog) == []
    qtmodeltester.check(case.parties.net_model)
    qtmodeltester.check(case.parties.n_model)


def test_utredning_for_kommunicering_printed_for_the_father_after_the_checklist(desk_for, ctx, org, tmp_path,
                                                                               monkeypatch):
    from ifodesk.services import caseview, decisions
    from ifodesk.services import cases as case_svc
    from ifodesk.services.dto import ChildInput

    from test_case_path import MAJA, anmalan
    from test_parties import guardians

    maja = case_svc.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"))).children[0]
    mor, far = guardians(ctx, maja.person.id, hidden_from_father=True)
    d = decisions.draft_decision(ctx, maja.case_id, "inleda_utredning",
                                 {"barnets_namn": "Maja Öberg", "anmalan_datum": "2026-03-02",
                                  "fakta": "Skolan oroas.", "motivering": "Oron behöver utredas."})
    decisions.sign(ctx, d.id, d.version)
    u = caseview.get_case(ctx, maja.case_id).utredningar[0]
    case_svc.update_utredning(ctx, u.id, case_svc.get_utredning(ctx, u.id).version,
                              guardian_view="Mamma bor på Hemliga vägen 7. Pappa vill ha umgänge.")
    anna = desk_for("anna.lind")
    case = open_case_view(anna, maja.case_id)
    tab = case.parties
    case.tabs.setCurrentWidget(tab)
    anna.qtbot.waitUntil(lambda: tab.family_docs.recipient.count() == 3, timeout=10000)
    box = tab.family_docs
    box.recipient.setCurrentIndex(box.recipient.findText("Olle Öberg"))
    monkeypatch.setattr("ifodesk.ui.case_view.family_docs_box.QFileDialog.getExistingDirectory",
                        lambda *a, **k: str(tmp_path))
    anna.click(box.utredning_button)
    anna.qtbot.waitUntil(lambda: box.dialog is not None and box.dialog.isVisible())
    assert not box.dialog.ok.isEnabled()  # nothing prints before every point is confirmed
    for c in box.dialog.checks:
        c.setChecked(True)
    anna.click(box.dialog.ok)
    anna.qtbot.waitUntil(lambda: len(list(tmp_path.glob("utredning-*.pdf"))) == 1, timeout=10000)
    anna.idle()
    pdf = next(tmp_path.glob("utredning-*.pdf"))
    t = " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages).split())
    assert "Pappa vill ha umgänge" in t and "Hemliga vägen" not in t and "Storgatan 1" in t
    anna.qtbot.waitUntil(lambda: "Olle Öberg" in tab.k_label.text(), timeout=10000)  # recorded as kommunicerat
