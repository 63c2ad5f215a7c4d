"""Födelseland and ensamkommande through the widgets: the child's in Personuppgifter, a parent's
in Parter/Nätverk, and both in the register file to Socialstyrelsen (issue 13, item 2)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from ui_support import MAJA, child, drafts, make_app, make_window, open_case, report, wait_idle  # noqa: F401

from ifodesk.services import cases, parties, people
from ifodesk.services.audit import audit_trail

from test_ui_decisions import _unnamed_or_unreachable, desk_for, open_case_view  # noqa: F401

pytestmark = pytest.mark.ui


@pytest.fixture
def maja(ctx_for, org):
    return cases.register_anmalan(ctx_for("anna.lind"), report(org, child(MAJA, "Maja"))).children[0]


def choose_by_typing(qtbot, combo, text: str) -> None:
    """As a user does in a closed list: focus it and type the start of the name."""
    combo.setFocus()
    qtbot.keyClicks(combo, text)


def test_the_childs_country_of_birth_and_ensamkommande_are_edited_in_personuppgifter(
        qtbot, make_window, maja, ctx_for, tmp_path):
    w = make_window()
    view = open_case(qtbot, w, maja.case_id)
    qtbot.mouseClick(view.header.edit_person, Qt.MouseButton.LeftButton)
    dlg = view.header.person_dialog
    qtbot.waitUntil(lambda: dlg.isVisible())
    assert _unnamed_or_unreachable(dlg) == []
    assert dlg.birth_country.currentText() == "(inte angivet)"
    # Sverige and Okänt stand first; the rest in Swedish order.
    assert [dlg.birth_country.itemText(i) for i in range(1, 3)] == ["Sverige", "Okänt"]
    choose_by_typing(qtbot, dlg.birth_country, "Syr")
    assert dlg.birth_country.currentText() == "Syrien"
    dlg.unaccompanied.setFocus()
    dlg.unaccompanied.setCurrentIndex(dlg.unaccompanied.findText("Ja"))
    dlg.grab().save(str(tmp_path / "personuppgifter.png"))
    with qtbot.waitSignal(view.loaded, timeout=10000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    saved = people.get_person(ctx_for(), maja.person.id)
    assert (saved.birth_country, saved.unaccompanied) == ("SY", True)
    changes = [e for e in audit_trail(ctx_for("eva.lundgren"), person_id=maja.person.id) if e.action == "update"]
    assert changes[-1].detail == "födelseland, ensamkommande" and "Syrien" not in (changes[-1].detail or "")

    # Opened again: the saved choice; "Okänt" is a choice of its own.
    qtbot.mouseClick(view.header.edit_person, Qt.MouseButton.LeftButton)
    dlg = view.header.person_dialog
    qtbot.waitUntil(lambda: dlg.isVisible())
    assert (dlg.birth_country.currentText(), dlg.unaccompanied.currentText()) == ("Syrien", "Ja")
    dlg.birth_country.setCurrentIndex(dlg.birth_country.findData("XX"))
    with qtbot.waitSignal(view.loaded, timeout=10000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert people.get_person(ctx_for(), maja.person.id).birth_country == "XX"
    wait_idle(qtbot, w.app)


def test_a_code_not_in_the_list_is_refused_with_a_swedish_message(maja, ctx_for):
    from ifodesk.services.errors import ValidationError

    p = people.get_person(ctx_for(), maja.person.id)
    with pytest.raises(ValidationError, match="Välj födelseland i listan"):
        people.update_person(ctx_for(), p.summary.id, p.version, birth_country="Syrien")
    assert people.get_person(ctx_for(), maja.person.id).birth_country is None


def test_a_parents_country_of_birth_is_given_when_added_and_changed_in_the_network(desk_for, maja, ctx_for):
    anna = desk_for("anna.lind")
    case = open_case_view(anna, maja.case_id)
    tab = case.parties
    case.tabs.setCurrentWidget(tab)
    anna.idle()
    assert not tab.net_country_button.isEnabled()  # nobody marked
    # Added with the country chosen in the dialog.
    anna.click(tab.add_button)
    anna.qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    d = tab.dialog
    d.role.setCurrentIndex(d.role.findData("vardnadshavare"))
    d.custody.setCurrentIndex(d.custody.findData("ensam"))
    choose_by_typing(anna.qtbot, d.birth_country, "Somalia")
    assert d.birth_country.currentData() == "SO"
    for wdg, text in ((d.pnr, "19850101-2382"), (d.first, "Sara"), (d.last, "Öberg")):
        anna.type(wdg, text)
    anna.click(d.save_button)
    anna.qtbot.waitUntil(lambda: tab.net_model.rowCount() == 1, timeout=10000)
    anna.idle()
    col = [tab.net_model.headerData(i, Qt.Orientation.Horizontal) for i in range(tab.net_model.columnCount())]
    assert tab.net_model.index(0, col.index("Födelseland")).data() == "Somalia"

    # Changed for the marked person in the network.
    tab.net_view.setCurrentIndex(tab.net_model.index(0, 0))
    assert tab.net_country_button.isEnabled() and tab.net_country.currentData() == "SO"
    choose_by_typing(anna.qtbot, tab.net_country, "Eri")
    assert tab.net_country.currentText() == "Eritrea"
    anna.click(tab.net_country_button)
    anna.qtbot.waitUntil(lambda: tab.net_model.rowCount() == 1
                         and tab.net_model.index(0, col.index("Födelseland")).data() == "Eritrea", timeout=10000)
    sara = parties.network(ctx_for(), maja.person.id)[0]
    assert sara.birth_country == "ER"


def test_the_new_fields_reach_the_register_file(maja, ctx_for, db, org, clock, tmp_path):
    """Entered through the services the dialogs call, parsed back from the file."""
    from ifodesk.db.models import Insats
    from ifodesk.documents.socialstyrelsen import read_register
    from ifodesk.services.parties_dto import RelatedInput
    from ifodesk.services.statistics import export_register

    ctx = ctx_for()
    p = people.get_person(ctx, maja.person.id)
    people.update_person(ctx, p.summary.id, p.version, birth_country="af", unaccompanied=False)
    parties.add_related(ctx, maja.person.id, RelatedInput("forelder", personnummer="19830505-1230",
                                                          first_name="Olle", last_name="Öberg", birth_country="IR"))
    with db.session(write=True) as s:  # a placement without decision: the file is forced
        s.add(Insats(case_id=maja.case_id, person_id=maja.person.id, kind="hvb", legal_basis="SoL",
                     start_on=date(2025, 3, 1)))
    from ifodesk.services.admin import system_actor
    from ifodesk.services.context import ServiceContext

    admin = ServiceContext(db, system_actor(db, org.municipality_id), clock=clock)
    export_register(admin, 2025, tmp_path / "reg.txt", force=True)
    kid = next(r for r in read_register(tmp_path / "reg.txt") if r["post"] == "B")
    assert (kid["fodelseland"], kid["fodelseland_mor"], kid["fodelseland_far"], kid["ensamkommande"]) == (
        "AF", "", "IR", "N")


def test_only_the_childs_unit_may_change_a_country_of_birth_and_each_change_is_logged(maja, ctx_for):
    from ifodesk.services.errors import PermissionDenied
    from ifodesk.services.parties_dto import RelatedInput

    anna = ctx_for("anna.lind")
    sara = parties.add_related(anna, maja.person.id, RelatedInput(
        "vardnadshavare", personnummer="19850101-2382", first_name="Sara", last_name="Öberg", custody="ensam"))
    p = people.get_person(anna, maja.person.id)
    with pytest.raises(PermissionDenied):  # the adult unit's handläggare: another unit's child
        people.update_person(ctx_for("petra.vuxen"), p.summary.id, p.version, birth_country="SE")
    with pytest.raises(PermissionDenied):
        parties.set_birth_country(ctx_for("petra.vuxen"), sara.relation_id, sara.relation_version, "SE")
    changed = parties.set_birth_country(anna, sara.relation_id, sara.relation_version, "ER")
    assert changed.birth_country == "ER"
    logged = [e for e in audit_trail(ctx_for("eva.lundgren"), person_id=sara.person_id) if e.action == "update"]
    assert logged and logged[-1].detail == "födelseland" and logged[-1].username == "anna.lind"
