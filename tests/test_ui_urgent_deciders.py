"""Appointed ledamöter as urgent deciders (issue 10, item 6) through the widgets: the admin page
shows and sets the nämnd's appointment and the "tillräcklig erfarenhet" fact; the decision
editor for an urgent decision (LVU 6 §) shows who may decide urgently and asks why the nämnd's
decision could not be awaited and which ground applies. And the kommunicering warning only for a
decision that goes against the party (issue 11, item 4)."""

from __future__ import annotations

from datetime import date

import pytest

from ifodesk.services import admin, decisions, party_events
from ifodesk.services.errors import PermissionDenied, ValidationError
from ifodesk.ui.appctx import DecisionRequest

from test_decision_flow import _user_ids
from test_parties import guardians
from test_ui_decisions import desk_for, editor_of, fill, maja_case, pick_template, select_row, wait_routing  # noqa: F401

pytestmark = pytest.mark.ui


def test_appointment_and_experience_are_shown_and_set_on_the_admin_page(desk_for, ctx_for, tmp_path):  # noqa: F811
    from ifodesk.ui.pages.admin import AdminPage

    sys = desk_for("admin")
    page = sys.page(AdminPage)
    sys.qtbot.waitUntil(lambda: page.users.rowCount() > 10)
    headers = [c.header for c in page.users.columns]
    assert "Brådskande beslut" in headers and "Erfarenhet" in headers
    rows = {u.username: r for r, u in enumerate(page.users.records())}
    col = headers.index("Brådskande beslut")
    assert page.users.index(rows["birgitta.strom"], col).data() == "Ordförande"
    assert page.users.index(rows["lars.eklund"], col).data() == ""

    # Lars Eklund (ledamot) is appointed by the nämnd.
    select_row(sys, page.users_view, lambda u: u.username == "lars.eklund")
    sys.click(page.user_actions.buttons["facts"])
    sys.qtbot.waitUntil(lambda: page.facts_dialog is not None and page.facts_dialog.isVisible())
    dialog = page.facts_dialog
    assert dialog.urgent.isEnabled() and not dialog.experienced.isEnabled()  # experience concerns staff
    dialog.urgent.setChecked(True)
    sys.click(dialog.ok)
    sys.qtbot.waitUntil(lambda: page.users.index(rows["lars.eklund"], col).data() == "Förordnad", timeout=10000)
    assert next(u for u in admin.list_users(sys.app.services.db) if u.username == "lars.eklund").urgent_appointed

    # Klara Björk (new handläggare): not experienced enough; an employee cannot be appointed.
    select_row(sys, page.users_view, lambda u: u.username == "klara.bjork")
    sys.click(page.user_actions.buttons["facts"])
    sys.qtbot.waitUntil(lambda: page.facts_dialog is not dialog and page.facts_dialog.isVisible())
    dialog = page.facts_dialog
    assert not dialog.urgent.isEnabled() and "anställd" in dialog.urgent_note.text()
    dialog.experienced.setChecked(False)
    sys.click(dialog.ok)
    exp = headers.index("Erfarenhet")
    sys.qtbot.waitUntil(lambda: page.users.index(rows["klara.bjork"], exp).data() == "Nej", timeout=10000)
    page.grab().save(str(tmp_path / "admin.png"))

    # The service refuses what the dialog does not offer, and a handläggare cannot change it at all.
    ids = _user_ids(ctx_for("admin").db)
    with pytest.raises(ValidationError, match="Bara en ledamot"):
        admin.set_user_facts(ctx_for("admin"), ids["anna.lind"], experienced=True, urgent_appointed=True)
    with pytest.raises(PermissionDenied):
        admin.set_user_facts(ctx_for("anna.lind"), ids["lars.eklund"], experienced=True, urgent_appointed=False)
    anna = desk_for("anna.lind")
    page = anna.page(AdminPage)
    anna.qtbot.waitUntil(lambda: page.users.rowCount() > 10)
    select_row(anna, page.users_view, lambda u: u.username == "lars.eklund")
    b = page.user_actions.buttons["facts"]
    assert not b.isEnabled() and "systemansvarig" in b.toolTip()


def _appoint_lars(ctx_for):
    """The nämnd appoints Lars Eklund and lets the delegationsordning use appointed ledamöter."""
    ids = _user_ids(ctx_for("admin").db)
    admin.set_user_facts(ctx_for("admin"), ids["lars.eklund"], experienced=True, urgent_appointed=True)


def test_the_urgent_lvu_6_editor_names_who_may_decide_and_asks_why_and_on_which_ground(
        desk_for, maja_case, ctx_for, tmp_path):  # noqa: F811
    _appoint_lars(ctx_for)
    anna = desk_for("anna.lind")
    anna.app.new_decision.emit(DecisionRequest(maja_case.case_id))
    editor = editor_of(anna)
    editor.picker.category.setCurrentIndex(editor.picker.category.findData("barn"))
    pick_template(anna, editor, "omedelbart omhändertagande enligt", "Omedelbart omhändertagande enligt LVU")
    anna.qtbot.waitUntil(lambda: editor.urgent_box.isVisible() and editor.urgent_box.deciders is not None)
    box = editor.urgent_box.text()
    assert "6 § LVU" in box and "Birgitta Ström" in box and "nämndens beslut inte kan avvaktas" in box
    names = [p.name for p in editor.urgent_box.deciders]
    assert "Birgitta Ström" in names and "Lars Eklund" in names and "Anna Lind" not in names
    assert "Lars Eklund (förordnad ledamot)" in box
    assert "varför nämndens beslut inte kunde avvaktas" in box and "Grund (2 § eller 3 § LVU)" in box
    # The urgent-only field says so on its label.
    label = editor.fields.form.labelForField(editor.fields.widgets["bradskande_skal"]).text()
    assert "krävs vid brådskande beslut" in label

    editor.grab().save(str(tmp_path / "urgent.png"))
    fill(anna, editor, grund="2", fakta="Polisen hittade Maja ensam hemma en natt.",
         motivering="Rättens beslut om vård kan inte avvaktas.")
    wait_routing(anna, editor, lambda r: r.can_send)
    urgent = editor.actions.buttons["urgent"]
    assert urgent.isVisible() and not urgent.isEnabled()
    assert "nämndens beslut inte kunde avvaktas" in urgent.toolTip()
    assert editor.actions.buttons["send"].isEnabled()  # to the utskott, the ordinary way, needs no reason
    fill(anna, editor, bradskande_skal="det var natt och utskottet kunde inte samlas.")
    wait_routing(anna, editor, lambda r: r.can_send)
    anna.qtbot.waitUntil(lambda: urgent.isEnabled(), timeout=10000)
    anna.click(urgent)
    anna.qtbot.waitUntil(lambda: editor.info is not None and editor.info.status == "for_godkannande", timeout=10000)
    anna.idle()
    assert not editor.urgent_box.isVisible()


def test_appointed_ledamot_is_listed_where_the_delegationsordning_allows_it(ctx, ctx_for, maja_case):  # noqa: F811
    _appoint_lars(ctx_for)
    people = decisions.urgent_deciders(ctx, maja_case.case_id, "lvu_omedelbart_omhandertagande")
    by_name = {p.name: p for p in people}
    assert "Birgitta Ström" in by_name and not by_name["Birgitta Ström"].appointed
    assert by_name["Lars Eklund"].appointed  # the default ordning: "ordforande_eller_ledamot" for LVU 6 §
    assert "Fatima Ali" not in by_name  # a ledamot the nämnd has not appointed
    assert decisions.urgent_deciders(ctx, maja_case.case_id, "inleda_utredning") == []


def test_the_kommunicering_warning_only_for_a_decision_against_the_party(desk_for, maja_case, ctx):  # noqa: F811
    mor, far = guardians(ctx, maja_case.person.id)
    party_events.send_kommunicering(ctx, maja_case.case_id, far.person_id, "Utredningen, utkast",
                                    reply_due_on=date(2026, 3, 16))
    anna = desk_for("anna.lind")
    anna.app.new_decision.emit(DecisionRequest(maja_case.case_id))
    editor = editor_of(anna)
    editor.picker.category.setCurrentIndex(editor.picker.category.findData("barn"))
    pick_template(anna, editor, "öppenvårdsinsats", "Bistånd i form av öppenvårdsinsats")
    anna.qtbot.waitUntil(lambda: editor.parties_box.isVisible() and editor.parties_box.preview is not None)
    anna.idle()
    assert editor.parties_box.warning is None and "Svarstiden" not in editor.parties_box.text()
    editor.dirty = False
    editor.reject()

    anna.app.new_decision.emit(DecisionRequest(maja_case.case_id))
    editor = editor_of(anna)
    editor.picker.category.setCurrentIndex(editor.picker.category.findData("barn"))
    pick_template(anna, editor, "ansökan om vård enligt lvu", "Ansökan om vård enligt LVU")
    anna.qtbot.waitUntil(lambda: editor.parties_box.warning is not None, timeout=10000)
    assert "Olle Öberg" in editor.parties_box.text() and "2026-03-16" in editor.parties_box.text()
