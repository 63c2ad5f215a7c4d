"""Start pages per role (issue 8, item 9) and handover with absence cover (item 10), on both back ends."""

from __future__ import annotations

from datetime import date

import pytest

from ifodesk.services import caseview, cases, decisions, handover, journal, start
from ifodesk.services.errors import PermissionDenied, ValidationError
from ui_support import MAJA, NILS, child, report


def _assigned(ctx_for, org, to="anna.lind", *kids):
    res = cases.register_anmalan(ctx_for("karin.berg"), report(org, *(kids or (child(MAJA, "Maja"),)), feedback=True))
    forste = ctx_for("karin.berg")
    for c in res.children:
        v = caseview.get_case(forste, c.case_id).version
        caseview.assign_case(forste, c.case_id, v, org.actor(to).user_id)
    return res


def test_caseworker_start_counts_her_own_work(ctx_for, org):
    res = _assigned(ctx_for, org)
    anna = ctx_for("anna.lind")
    case_id = res.children[0].case_id
    journal.add_note(anna, case_id, event_date=date(2026, 3, 2), text="Ringde skolan.", heading="Samtal")
    d = decisions.draft_decision(anna, case_id, "inte_inleda_utredning",
                                 {"barnets_namn": "Maja Öberg", "anmalan_datum": "2026-03-02",
                                  "fakta": "Skolan oroas.", "motivering": "Stöd finns."})
    d = decisions.send_for_approval(anna, d.id, d.version)
    karin = ctx_for("karin.berg")
    sup = start.supervisor_start(karin)
    assert sup.counts["waiting"] == 1 and sup.nav["att_besluta"] == 1 and sup.counts["unassigned"] == 0
    decisions.reject(karin, d.id, d.version, "Motiveringen behöver utvecklas.")
    over = start.caseworker_start(anna)
    assert over.kind == "caseworker"
    assert over.counts["own_cases"] == 1 and over.counts["returned"] == 1 and over.counts["journal_drafts"] == 1
    assert over.counts["feedback_due"] == 0  # the reporter is told after the förhandsbedömning decision
    returned = [i for i in over.items if i.kind == "returned"][0]
    assert returned.detail == "Motiveringen behöver utvecklas." and returned.case_id == case_id
    assert over.deadlines and over.deadlines[0].kind in ("skyddsbedomning", "forhandsbedomning")
    assert over.nav["start"] == 2
    assert start.caseworker_start(ctx_for("erik.sjoberg")).counts["own_cases"] == 0


def test_each_role_gets_its_own_start_page_and_no_other(ctx_for, org):
    assert [start.start_kind(r) for r in ("handlaggare", "forste", "chef", "sekreterare", "systemansvarig")] == [
        "caseworker", "supervisor", "unit", "meetings", "system"]
    cases.register_anmalan(ctx_for("karin.berg"), report(org, child(MAJA, "Maja"), child(NILS, "Nils")))
    unit = start.unit_start(ctx_for("eva.lundgren"))
    bu = next(r for r in unit.units if r.unit_id == org.unit.id)
    assert (bu.open_cases, bu.unassigned) == (2, 2) and unit.nav["inbox"] == 2
    assert start.supervisor_start(ctx_for("karin.berg")).counts["unassigned"] == 2
    meetings = start.meetings_start(ctx_for("helena.wallin"))
    assert meetings.kind == "meetings" and meetings.counts["ready"] == 0
    with pytest.raises(PermissionDenied):
        start.caseworker_start(ctx_for("helena.wallin"))  # the secretary has no case lists
    with pytest.raises(PermissionDenied):
        start.supervisor_start(ctx_for("anna.lind"))


def test_absence_without_cover_shows_and_a_stand_in_covers(ctx_for, org, clock):
    _assigned(ctx_for, org)
    karin, anna = ctx_for("karin.berg"), org.actor("anna.lind")
    erik = org.actor("erik.sjoberg")
    aid = handover.record_absence(karin, anna.user_id, date(2026, 3, 1), date(2026, 3, 20))
    sup = start.supervisor_start(karin)
    assert sup.counts["uncovered"] == 1 and sup.counts["absent_cases"] == 1 and sup.nav["start"] == 1
    assert sup.absences[0].user_name == "Anna Lind" and sup.absences[0].open_cases == 1
    with pytest.raises(ValidationError, match="egen ersättare"):
        handover.set_stand_in(karin, aid, 1, anna.user_id)
    handover.set_stand_in(karin, aid, 1, erik.user_id)
    sup = start.supervisor_start(karin)
    assert sup.counts["uncovered"] == 0 and sup.absences[0].stand_in_name == "Erik Sjöberg"
    covering = start.caseworker_start(ctx_for("erik.sjoberg"))
    assert covering.counts["covering"] == 1 and covering.items[0].title == "Anna Lind"
    with pytest.raises(ValidationError, match="redan frånvaro"):
        handover.record_absence(karin, anna.user_id, date(2026, 3, 10), date(2026, 3, 12))
    with pytest.raises(ValidationError, match="före"):
        handover.record_absence(karin, erik.user_id, date(2026, 3, 10), date(2026, 3, 1))
    with pytest.raises(PermissionDenied):
        handover.record_absence(ctx_for("erik.sjoberg"), anna.user_id, date(2026, 4, 1), date(2026, 4, 2))


def test_handing_over_all_cases_moves_cases_and_deadlines_and_is_logged(ctx_for, org):
    from ifodesk.services.audit import audit_trail

    res = _assigned(ctx_for, org, "anna.lind", child(MAJA, "Maja"), child(NILS, "Nils"))
    karin = ctx_for("karin.berg")
    anna, erik = org.actor("anna.lind"), org.actor("erik.sjoberg")
    with pytest.raises(ValidationError, match="ansvarig"):
        handover.hand_over_case(karin, res.children[0].case_id, 2, None)
    assert handover.hand_over_all(karin, anna.user_id, erik.user_id, "Anna slutar.") == 2
    for c in res.children:
        detail = caseview.get_case(karin, c.case_id)
        assert detail.summary.assigned_name == "Erik Sjöberg"
        assert all(d.assigned_to == erik.user_id for d in detail.deadlines)
    assert start.caseworker_start(ctx_for("anna.lind")).counts["own_cases"] == 0
    assert start.caseworker_start(ctx_for("erik.sjoberg")).counts["own_cases"] == 2
    v = caseview.get_case(karin, res.children[0].case_id).version
    assert handover.hand_over_case(karin, res.children[0].case_id, v, anna.user_id) == "Anna Lind"
    logged = [e for e in audit_trail(ctx_for("eva.lundgren"), person_id=res.children[0].person.id)
              if e.action == "handover"]
    assert len(logged) == 2 and logged[0].username == "karin.berg"
    with pytest.raises(PermissionDenied):
        handover.hand_over_all(ctx_for("anna.lind"), erik.user_id, anna.user_id)
