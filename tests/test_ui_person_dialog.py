"""Personuppgifter from the case header: address, phone and the protection marking."""

from __future__ import annotations


import pytest
from PySide6.QtCore import Qt
from ui_support import MAJA, child, drafts, make_app, make_window, open_case, report, type_text, wait_idle  # noqa: F401

from ifodesk.services import cases, people
from ifodesk.services.audit import audit_trail
from ifodesk.ui import theme

from test_ui_decisions import _unnamed_or_unreachable

pytestmark = pytest.mark.ui


@pytest.fixture
def maja(ctx_for, org):
    return cases.register_anmalan(ctx_for("anna.lind"), report(org, child(MAJA, "Maja"))).children[0]


def open_dialog(qtbot, view):
    qtbot.mouseClick(view.header.edit_person, Qt.MouseButton.LeftButton)
    dlg = view.header.person_dialog
    qtbot.waitUntil(lambda: dlg.isVisible())
    return dlg


def choose(dlg, code: str) -> None:
    dlg.protection.setFocus()
    dlg.protection.setCurrentIndex(dlg.protection.findData(code))


def test_marking_skyddad_folkbokforing_shows_in_header_and_lists_and_a_handlaggare_cannot_remove_it(
        qtbot, make_window, maja, ctx_for, drafts):
    w = make_window()
    view = open_case(qtbot, w, maja.case_id)
    header = view.header
    assert header.banner.isHidden()
    dlg = open_dialog(qtbot, view)
    assert _unnamed_or_unreachable(dlg) == []
    assert dlg.banner.isHidden() and dlg.street.isEnabled() and dlg.show_address.isHidden()
    type_text(qtbot, dlg.street, "Storgatan 1")
    type_text(qtbot, dlg.postal, "123 45 Småby")
    type_text(qtbot, dlg.phone, "070-123 45 67")
    choose(dlg, "skyddad_folkbokforing")
    with qtbot.waitSignal(view.loaded, timeout=10000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    assert not list(drafts.root.glob("*"))  # the address never lay on the workstation's disk

    # The header: the red marking, and the address hidden again.
    assert not header.banner.isHidden() and "SKYDDAD FOLKBOKFÖRING" in header.banner.text()
    assert "Storgatan" not in header.address.text() and "dold" in header.address.text()
    saved = people.get_person(ctx_for(), maja.person.id, address_reason="kontroll i testet")
    assert (saved.address_street, saved.address_postal, saved.phone) == ("Storgatan 1", "123 45 Småby", "070-123 45 67")

    # The lists: the name is red and carries the marking.
    w.show_page(0)
    page = w.page("start")
    qtbot.waitUntil(lambda: page.cases.model.rowCount() == 1
                    and "[SKYDDAD]" in (page.cases.model.index(0, 1).data() or ""), timeout=10000)
    cell = page.cases.model.index(0, 1)
    assert cell.data(Qt.ItemDataRole.ForegroundRole).name() == theme.text("danger").name() == "#b00020"

    # Anna tries to remove the marking: the address stays hidden, the service refuses at the field.
    view = open_case(qtbot, w, maja.case_id)
    dlg = open_dialog(qtbot, view)
    assert not dlg.banner.isHidden() and not dlg.street.isEnabled() and dlg.street.text() == ""
    lift = dlg.protection.model().item(dlg.protection.findData("none"))
    assert not lift.isEnabled()  # not offered to a handläggare; the service refuses it regardless
    choose(dlg, "none")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.error.text() != "", timeout=10000)
    assert dlg.error.text() == "Bara en chef kan ta bort en skyddsmarkering."
    assert dlg.protection.property("invalid") is True and dlg.isVisible()
    assert people.get_person(ctx_for(), maja.person.id).summary.protection == "skyddad_folkbokforing"

    # The address is shown in the dialog through the header's flow: a reason, which is logged.
    choose(dlg, "skyddad_folkbokforing")
    qtbot.mouseClick(dlg.show_address, Qt.MouseButton.LeftButton)
    reason = header.reason_dialog
    qtbot.waitUntil(lambda: reason.isVisible())
    type_text(qtbot, reason.reason, "adressen har ändrats enligt Skatteverket")
    qtbot.keyClick(reason.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.street.text() == "Storgatan 1", timeout=10000)
    assert dlg.street.isEnabled() and dlg.show_address.isHidden() and "Storgatan 1" in header.address.text()
    logged = [e for e in audit_trail(ctx_for("eva.lundgren"), person_id=maja.person.id) if e.action == "read_protected_address"]
    assert any(e.reason == "adressen har ändrats enligt Skatteverket" and e.username == "anna.lind" for e in logged)
    dlg.street.selectAll()
    type_text(qtbot, dlg.street, "Nya vägen 2")
    with qtbot.waitSignal(view.loaded, timeout=10000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert people.get_person(ctx_for(), maja.person.id, address_reason="kontroll av ny adress").address_street == "Nya vägen 2"
    assert "dold" in header.address.text()  # the reason was for one reading, not for good


def test_a_chef_may_remove_the_marking(qtbot, make_window, maja, ctx_for):
    ctx = ctx_for()
    p = people.get_person(ctx, maja.person.id)
    people.update_person(ctx, p.summary.id, p.version, address_street="Hemliga vägen 1",
                         protection="sekretessmarkering")
    w = make_window("eva.lundgren")
    view = open_case(qtbot, w, maja.case_id)
    assert "SEKRETESSMARKERING" in view.header.banner.text()
    dlg = open_dialog(qtbot, view)
    choose(dlg, "none")
    with qtbot.waitSignal(view.loaded, timeout=10000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert view.header.banner.isHidden() and "Hemliga vägen 1" in view.header.address.text()


def test_a_save_conflict_on_the_person_goes_through_the_conflict_dialog(qtbot, make_window, maja, ctx_for):
    w = make_window()
    view = open_case(qtbot, w, maja.case_id)
    dlg = open_dialog(qtbot, view)
    type_text(qtbot, dlg.phone, "070-111")
    p = people.get_person(ctx_for("karin.berg"), maja.person.id)
    people.update_person(ctx_for("karin.berg"), p.summary.id, p.version, phone="070-222")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.form.conflict_dialog is not None and dlg.form.conflict_dialog.isVisible(),
                    timeout=10000)
    assert "Karin Berg" in dlg.form.conflict_dialog.message.text()
    qtbot.mouseClick(dlg.form.conflict_dialog.reload_button, Qt.MouseButton.LeftButton)
    assert dlg.phone.text() == "070-222" and dlg.isVisible()
    wait_idle(qtbot, w.app)


def test_a_conflict_is_resolved_field_by_field_in_plain_words(qtbot, make_window, maja, ctx_for):
    """Issue 8, item 8: choose per field, differences marked, no "version 1 … version 2"."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QRadioButton, QTextEdit

    w = make_window()
    view = open_case(qtbot, w, maja.case_id)
    dlg = open_dialog(qtbot, view)
    type_text(qtbot, dlg.street, "Storgatan 1")
    type_text(qtbot, dlg.phone, "070-111 11 11")
    p = people.get_person(ctx_for("karin.berg"), maja.person.id)
    people.update_person(ctx_for("karin.berg"), p.summary.id, p.version, phone="070-222 22 22",
                         address_street="Lillgatan 2")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.form.conflict_dialog is not None and dlg.form.conflict_dialog.isVisible(),
                    timeout=10000)
    conflict = dlg.form.conflict_dialog
    text = conflict.message.text()
    assert "Karin Berg sparade" in text and "2 fält skiljer sig" in text
    assert "version" not in text.lower() and "version" not in conflict.windowTitle().lower()
    assert set(conflict.choices) == {"address_street", "phone"}  # only what differs is asked about

    # The differing words are marked (underlined, not only coloured); the equal ones are not.
    mine_phone = conflict.findChild(QTextEdit, "conflict_mine_phone")
    assert mine_phone.toPlainText() == "070-111 11 11"
    marked = mine_phone.toHtml()
    assert "underline" in marked and marked.count("underline") >= 1
    assert "070-222 22 22" == conflict.findChild(QTextEdit, "conflict_theirs_phone").toPlainText()

    # Nothing is applied until each field has a choice.
    assert not conflict.apply_button.isEnabled()
    def pick(name):
        radio = conflict.findChild(QRadioButton, name)
        qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))  # on the circle

    pick("conflict_pick_mine_address_street")
    assert not conflict.apply_button.isEnabled()
    pick("conflict_pick_theirs_phone")
    assert conflict.apply_button.isEnabled()
    qtbot.mouseClick(conflict.apply_button, Qt.MouseButton.LeftButton)
    assert dlg.street.text() == "Storgatan 1" and dlg.phone.text() == "070-222 22 22"
    assert people.get_person(ctx_for(), maja.person.id).phone == "070-222 22 22"  # saved only when asked

    with qtbot.waitSignal(view.loaded, timeout=10000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    saved = people.get_person(ctx_for(), maja.person.id)
    assert (saved.address_street, saved.phone) == ("Storgatan 1", "070-222 22 22")
    wait_idle(qtbot, w.app)
