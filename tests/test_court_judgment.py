"""The förvaltningsrätt's judgment on the nämnd's application for vård under LVU (4 §): court,
målnummer, date, bifall/avslag/delvis, the day vård began; linked to the insats; LVU 13 §
övervägande counts from the day vård began; the register counts the judgment's date (issue 10)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate

from ifodesk.services import caseview, court, decisions, meetings
from ifodesk.services import cases as case_svc
from ifodesk.services.dto import ChildInput
from ifodesk.services.errors import ValidationError
from ifodesk.services.statistics import register_extract

from test_case_path import MAJA, anmalan
from test_decision_flow import _user_ids
from test_statistics import admin_ctx  # noqa: F401  (fixture)
from test_ui_decisions import desk_for, editor_of  # noqa: F401  (fixture)

APPLICATION = {"barnets_namn": "Maja Öberg", "grund": "2_3", "planerad_vard": "Familjehem.",
               "fakta": "Brister i omsorgen och eget beteende.", "motivering": "Samtycke saknas."}


@pytest.fixture
def lvu_applied(ctx, ctx_for, org, clock):
    """The IU decides on 2026-03-12 to apply for vård of Maja under 2 and 3 §§ LVU."""
    child = case_svc.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"))).children[0]
    d = decisions.draft_decision(ctx, child.case_id, "lvu_ansokan_vard", APPLICATION)
    d = decisions.send_for_approval(ctx, d.id, d.version)
    approved = decisions.approve(ctx_for("karin.berg"), d.id, d.version)
    secretary = ctx_for("helena.wallin")
    users = _user_ids(ctx.db)
    m = meetings.create_meeting(secretary, meeting_date=date(2026, 3, 12), time_place="Kl. 13.00",
                                chair_id=users["birgitta.strom"], secretary_id=users["helena.wallin"],
                                member_ids=[users["lars.eklund"], users["fatima.ali"]], first_paragraph=1)
    m = meetings.add_to_agenda(secretary, m.id, d.id, approved.version)
    clock.set(2026, 3, 12, 14)
    meetings.record_item(secretary, m.items[0].id, m.items[0].version, "bifall")
    decided = decisions.get_decision(ctx, d.id)
    assert decided.status == "beslutad" and decided.decided_on == date(2026, 3, 12)
    return child, decided


def _deadlines(ctx, case_id):
    return {d.kind: d for d in caseview.get_case(ctx, case_id).deadlines}


def test_bifall_links_an_insats_and_starts_lvu_13_from_the_day_care_began(ctx, lvu_applied, clock):
    child, decided = lvu_applied
    assert "overvagande_lvu" not in _deadlines(ctx, child.case_id)  # nothing before the judgment
    clock.set(2026, 4, 10, 9)
    form = court.court_ruling_form(ctx, decided.id)
    assert form.kind == "ansokan" and form.outcomes == ("bifall", "avslag", "delvis")
    assert form.applied_grounds == ("2 § LVU", "3 § LVU") and form.current is None
    r = court.record_court_ruling(ctx, decided.id, date(2026, 4, 2), "bifall", court="Förvaltningsrätten i Göteborg",
                                  court_case_number="1234-26", care_began_on=date(2026, 4, 3),
                                  placement_kind="familjehem")
    assert (r.outcome, r.court_case_number, r.granted_lagrum) == ("bifall", "1234-26", ("2 § LVU", "3 § LVU"))
    assert r.insats_id is not None
    over = _deadlines(ctx, child.case_id)["overvagande_lvu"]
    # Six calendar months from the day vård began, not from the nämnd's or the court's date.
    assert (over.start_on, over.due_on) == (date(2026, 4, 3), date(2026, 10, 3))
    assert [x.kind for x in r.deadlines] == ["overvagande_lvu"]
    detail = caseview.get_case(ctx, child.case_id)
    note = next(n for n in detail.journal if n.heading == "Rättens beslut")
    assert "mål nr 1234-26" in note.text and "biföll den 2026-04-02" in note.text and "2026-10-03" in note.text
    again = court.court_ruling_form(ctx, decided.id)
    assert again.current.insats_id == r.insats_id and again.current.care_began_on == date(2026, 4, 3)


def test_the_register_uses_the_judgment_and_the_ground_granted(ctx, admin_ctx, lvu_applied, clock):
    child, decided = lvu_applied
    clock.set(2026, 4, 10, 9)
    court.record_court_ruling(ctx, decided.id, date(2026, 4, 2), "delvis", court="Förvaltningsrätten i Göteborg",
                              court_case_number="1234-26", care_began_on=date(2026, 4, 2),
                              placement_kind="hvb", granted=["3 § LVU"])
    ex = register_extract(admin_ctx, 2026)
    ins = next(i for c in ex.children for i in c.insatser if i.decision_template == "lvu_ansokan_vard")
    assert (ins.decided_on, ins.decided_by_court, ins.specification) == (date(2026, 4, 2), True, "LVU3")
    assert [(p.kind, p.start_on) for p in ins.placements] == [("hvb", date(2026, 4, 2))]
    assert "namndens_datum" not in {i.code for i in ex.report.issues}


def test_an_existing_lvu_insats_is_linked_not_duplicated(ctx, db, lvu_applied, clock):
    from sqlalchemy import func, select

    from ifodesk.db.models import Insats

    child, decided = lvu_applied
    with db.session(write=True) as s:  # the placement was registered before the judgment came in
        s.add(Insats(case_id=child.case_id, person_id=decided.person_id, kind="familjehem", legal_basis="LVU",
                     start_on=date(2026, 4, 3)))
    clock.set(2026, 4, 10, 9)
    form = court.court_ruling_form(ctx, decided.id)
    assert len(form.insatser) == 1 and "Familjehem" in form.insatser[0].label
    r = court.record_court_ruling(ctx, decided.id, date(2026, 4, 2), "bifall", court="FR Göteborg",
                                  court_case_number="1-26", care_began_on=date(2026, 4, 3),
                                  insats_id=form.insatser[0].id)
    assert r.insats_id == form.insatser[0].id
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Insats).where(Insats.case_id == child.case_id)) == 1
        assert s.get(Insats, r.insats_id).decision_id == decided.id


def test_avslag_starts_nothing_and_bad_input_is_refused_in_swedish(ctx, lvu_applied, clock):
    child, decided = lvu_applied
    clock.set(2026, 4, 10, 9)
    base = dict(court="Förvaltningsrätten i Göteborg", court_case_number="1234-26")
    with pytest.raises(ValidationError, match="biföll, avslog eller delvis"):
        court.record_court_ruling(ctx, decided.id, date(2026, 4, 2), "faststallt", **base)
    with pytest.raises(ValidationError, match="målnumret"):
        court.record_court_ruling(ctx, decided.id, date(2026, 4, 2), "avslag", court="FR")
    with pytest.raises(ValidationError, match="vården enligt domen började"):
        court.record_court_ruling(ctx, decided.id, date(2026, 4, 2), "bifall", **base, placement_kind="hvb")
    with pytest.raises(ValidationError, match="före domen"):
        court.record_court_ruling(ctx, decided.id, date(2026, 4, 2), "bifall", **base, placement_kind="hvb",
                                  care_began_on=date(2026, 4, 1))
    with pytest.raises(ValidationError, match="vilken grund"):
        court.record_court_ruling(ctx, decided.id, date(2026, 4, 2), "delvis", **base, placement_kind="hvb",
                                  care_began_on=date(2026, 4, 2))
    r = court.record_court_ruling(ctx, decided.id, date(2026, 4, 2), "avslag", **base)
    assert r.deadlines == () and r.insats_id is None
    assert "overvagande_lvu" not in _deadlines(ctx, child.case_id)


@pytest.mark.ui
def test_the_judgment_through_the_dialog(desk_for, lvu_applied, clock, ctx):  # noqa: F811
    child, decided = lvu_applied
    clock.set(2026, 4, 10, 9)
    anna = desk_for("anna.lind")
    anna.app.open_decision.emit(decided.id)
    editor = editor_of(anna)
    anna.qtbot.waitUntil(lambda: editor.info is not None and editor.routing is not None)
    anna.idle()
    button = editor.actions.buttons["court"]
    assert button.isVisible() and button.isEnabled()
    anna.click(button)
    anna.qtbot.waitUntil(lambda: editor.court_dialog is not None and editor.court_dialog.form_data is not None)
    dialog = editor.court_dialog
    assert dialog.court.isVisible() and dialog.case_number.isVisible() and dialog.insats.isVisible()
    assert not dialog.granted.isVisible()  # only for a delvis bifall
    anna.type(dialog.court, "Förvaltningsrätten i Göteborg")
    anna.type(dialog.case_number, "1234-26")
    dialog.date.setDate(QDate(2026, 4, 2))
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("delvis"))
    assert dialog.granted.isVisible()
    dialog.granted.setCurrentIndex(dialog.granted.findData("2"))
    dialog.care_began.setDate(QDate(2026, 4, 6))
    dialog.insats.setCurrentIndex(dialog.insats.findData("new:familjehem"))
    anna.click(dialog.ok)
    anna.qtbot.waitUntil(lambda: dialog.result.isVisible(), timeout=10000)
    anna.idle()
    assert "2026-10-06" in dialog.result.text() and "13 § LVU" in dialog.result.text()
    dialog.cancel.click()
    again = court.court_ruling_form(ctx, decided.id).current
    assert (again.court, again.court_case_number, again.outcome) == ("Förvaltningsrätten i Göteborg", "1234-26", "delvis")
    assert again.granted_lagrum == ("2 § LVU",) and again.care_began_on == date(2026, 4, 6)
    assert _deadlines(ctx, child.case_id)["overvagande_lvu"].due_on == date(2026, 10, 6)


def test_migration_0014_keeps_rulings_recorded_only_in_the_audit_trail(ctx, db, lvu_applied):
    """Before 0014 the ruling lived in the audit trail ('YYYY-MM-DD outcome'); the upgrade copies it."""
    from ifodesk.db.migrate import downgrade, upgrade
    from ifodesk.services import audit

    _child, decided = lvu_applied
    downgrade(db, "0012")
    try:
        with db.session(write=True) as s:
            audit.record(s, ctx, "court_ruling", "decision", decided.id, decided.person_id, detail="2026-03-20 faststallt")
    finally:
        upgrade(db)
    current = court.court_ruling_form(ctx, decided.id).current
    assert (current.ruled_on, current.outcome, current.court) == (date(2026, 3, 20), "bifall", "")
