"""Decisions through the services: drafting, routing, approval bound to a version, IU, urgent route."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from ifodesk.db.models import AuditLog
from ifodesk.services import caseview, decision_docs, decisions, meetings, people
from ifodesk.services import cases as case_svc
from ifodesk.services.dto import ChildInput
from ifodesk.services.errors import PermissionDenied, ValidationError

from test_case_path import MAJA, anmalan


def pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def child_case(ctx, org):
    res = case_svc.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg")))
    return res.children[0]


def test_caseworker_signs_inleda_utredning_which_opens_the_utredning(ctx, child_case):
    d = decisions.draft_decision(ctx, child_case.case_id, "inleda_utredning",
                                 {"barnets_namn": "Maja Öberg", "anmalan_datum": "2026-03-02", "fakta": "Skolan oroas för omsorgen.",
                                  "motivering": "Oron gäller omsorgssvikt."})
    r = decisions.routing(ctx, d.id)
    assert r.route == "sign" and r.can_sign
    signed = decisions.sign(ctx, d.id, d.version)
    assert signed.status == "beslutad" and signed.decided_by_name == "Anna Lind"
    assert signed.lagrum == ("14 kap. 2 § SoL", "20 kap. 2 § SoL")
    detail = caseview.get_case(ctx, child_case.case_id)
    assert detail.summary.status == "utredning"
    assert detail.anmalningar[0].outcome == "inleda"
    kinds = {x.kind: x for x in detail.deadlines}
    assert kinds["forhandsbedomning"].met_on == date(2026, 3, 2)
    assert kinds["utredning"].due_on == date(2026, 7, 2)


def test_inte_inleda_needs_forste_socialsekreterare_and_approval_decides(ctx, ctx_for, child_case):
    d = decisions.draft_decision(ctx, child_case.case_id, "inte_inleda_utredning",
                                 {"barnets_namn": "Maja Öberg", "anmalan_datum": "2026-03-02", "fakta": "Skolan oroas för omsorgen.",
                                  "motivering": "Familjen har redan stöd från BUP."})
    r = decisions.routing(ctx, d.id)
    assert not r.can_sign and r.route == "approval" and r.required_level == "forste_socialsekreterare"
    assert r.send_reason == "Beslutet fattas av 1:e socialsekreterare."  # a fact, not an instruction
    with pytest.raises(PermissionDenied):
        decisions.sign(ctx, d.id, d.version)
    sent = decisions.send_for_approval(ctx, d.id, d.version)
    again = decisions.routing(ctx, d.id)
    assert not again.can_send and again.send_reason == "Förslaget är redan skickat."  # issue 8, item 12
    karin = ctx_for("karin.berg")
    assert [x.id for x in decisions.waiting_for_me(karin)] == [d.id]
    assert decisions.waiting_for_me(ctx_for("erik.sjoberg")) == []
    done = decisions.approve(karin, d.id, sent.version)
    assert done.status == "beslutad" and done.decided_by_name == "Karin Berg"
    assert done.decider_level == "forste_socialsekreterare"
    assert caseview.get_case(ctx, child_case.case_id).summary.status == "avslutad"


def test_rejection_needs_a_reason_and_returns_the_proposal(ctx, ctx_for, child_case):
    d = decisions.draft_decision(ctx, child_case.case_id, "inte_inleda_utredning",
                                 {"barnets_namn": "Maja Öberg", "anmalan_datum": "2026-03-02", "fakta": "Skolan oroas för omsorgen.", "motivering": "x"})
    d = decisions.send_for_approval(ctx, d.id, d.version)
    karin = ctx_for("karin.berg")
    with pytest.raises(ValidationError, match="varför"):
        decisions.reject(karin, d.id, d.version, "  ")
    back = decisions.reject(karin, d.id, d.version, "Motiveringen räcker inte.")
    assert back.status == "avslagen" and back.rejection_reason == "Motiveringen räcker inte."
    assert decisions.routing(ctx, d.id).can_send


def test_nobody_approves_their_own_proposal(ctx_for, org):
    karin = ctx_for("karin.berg")
    res = case_svc.register_anmalan(karin, anmalan(org, ChildInput(MAJA, "Maja", "Öberg")))
    d = decisions.draft_decision(karin, res.children[0].case_id, "vard_familjehem", _familjehem_fields())
    d = decisions.send_for_approval(karin, d.id, d.version)
    r = decisions.routing(karin, d.id)
    assert not r.can_approve and "eget förslag" in r.approve_reason


def _user_ids(db) -> dict:
    from ifodesk.services.admin import list_users

    return {u.username: u.id for u in list_users(db)}


def _familjehem_fields():
    return {"barnets_namn": "Maja Öberg", "familjehem": "Familjen Berg, Småby", "hemmet_utrett": "2026-02-20",
            "startdatum": "2026-03-10", "fakta": "Barnet kan inte bo hemma.", "motivering": "Behov av vård utanför hemmet.",
            "samtycke": "samtycker"}


def test_utskott_only_decision_cannot_be_signed_by_any_employee_and_goes_to_iu(ctx, ctx_for, org, child_case, clock):
    d = decisions.draft_decision(ctx, child_case.case_id, "vard_familjehem", _familjehem_fields())
    if d.render_error:
        pytest.fail(d.render_error)
    for user in ("anna.lind", "karin.berg", "eva.lundgren", "goran.falk"):
        r = decisions.routing(ctx_for(user), d.id)
        assert not r.can_sign, user
    with pytest.raises(PermissionDenied):  # the ordförande sees it only once it is on the agenda
        decisions.routing(ctx_for("birgitta.strom"), d.id)
    r = decisions.routing(ctx, d.id)
    assert r.route == "utskott" and "30 kap. 6 § SoL" in r.reason
    with pytest.raises(PermissionDenied):
        decisions.sign(ctx_for("eva.lundgren"), d.id, d.version)
    d = decisions.send_for_approval(ctx, d.id, d.version)
    karin = ctx_for("karin.berg")
    approved = decisions.approve(karin, d.id, d.version)
    assert approved.status == "godkand" and approved.approval_valid

    secretary = ctx_for("helena.wallin")
    users = _user_ids(ctx.db)
    m = meetings.create_meeting(secretary, meeting_date=date(2026, 3, 12), time_place="Kl. 13.00, Nämndrummet",
                                chair_id=users["birgitta.strom"], secretary_id=users["helena.wallin"],
                                member_ids=[users["lars.eklund"], users["fatima.ali"]], first_paragraph=41)
    m = meetings.add_to_agenda(secretary, m.id, d.id, approved.version)
    assert [(i.paragraph_no, i.kind) for i in m.items] == [(41, "beslut")]
    assert m.items[0].party_display == "M.Ö. (2015)"
    agenda_text = pdf_text(decision_docs.agenda(secretary, m.id))
    assert "§ 41" in agenda_text and "Maja" not in agenda_text

    with pytest.raises(ValidationError, match="hålls 2026-03-12"):
        meetings.record_item(secretary, m.items[0].id, m.items[0].version, "bifall")
    clock.set(2026, 3, 12, 14)
    m = meetings.record_item(secretary, m.items[0].id, m.items[0].version, "bifall")
    decided = decisions.get_decision(ctx, d.id)
    assert decided.status == "beslutad" and decided.decided_by_name == "Individutskottet"
    assert decided.decider_level == "utskott" and not decided.delegated
    with pytest.raises(ValidationError, match="justerat"):  # an extract certifies the justerat protocol
        decision_docs.protocol_extract(secretary, m.items[0].id)
    # Issue 10, item 9: the letter goes out only after justering; justering within 14 days and
    # anslag within 2 days are recorded (late ones shown as late).
    with pytest.raises(ValidationError, match="justerat"):
        decision_docs.decision_letter(ctx, d.id)
    m = meetings.close_meeting(secretary, m.id, m.version)
    with pytest.raises(ValidationError, match="ordförande"):
        meetings.record_justering(secretary, m.id, m.version, justerare_id=users["birgitta.strom"],
                                  justerad_on=date(2026, 3, 12))
    clock.set(2026, 3, 30, 9)
    m = meetings.record_justering(secretary, m.id, m.version, justerare_id=users["lars.eklund"],
                                  justerad_on=date(2026, 3, 27))
    assert m.justerare_name == "Lars Eklund" and m.justering_due == date(2026, 3, 26) and m.justering_late
    m = meetings.record_anslag(secretary, m.id, m.version, date(2026, 3, 29))
    assert m.anslag_on == date(2026, 3, 29) and m.anslag_late is False
    extract = pdf_text(decision_docs.protocol_extract(secretary, m.items[0].id))
    assert "Lars Eklund" in extract and "§ 41" in extract and "22 kap. 2 § SoL" in extract
    assert m.appeal_until == date(2026, 4, 19) and m.appeal_in_time_until == date(2026, 4, 20)  # a Sunday
    letter = pdf_text(decision_docs.decision_letter(ctx, d.id))
    assert "individutskottet, protokoll 2026-03-12 § 41" in letter
    assert "Helena Wallin, sekreterare" in letter  # took part without deciding (FL 31 §)
    assert "Beslutande: " in letter and "(ordförande)" in letter  # who decided at the meeting
    assert "förvaltningsrätten" in letter.lower()


def test_approval_is_voided_by_any_edit(ctx, ctx_for, child_case, db):
    d = decisions.draft_decision(ctx, child_case.case_id, "vard_familjehem", _familjehem_fields())
    d = decisions.send_for_approval(ctx, d.id, d.version)
    approved = decisions.approve(ctx_for("karin.berg"), d.id, d.version)
    assert approved.approval_valid
    fields = dict(approved.fields, motivering=approved.fields["motivering"] + " Tillägg.")
    edited = decisions.update_fields(ctx, d.id, approved.version, fields)
    assert edited.status == "utkast" and not edited.approval_valid and edited.approved_by_name is None
    assert not decisions.routing(ctx_for("helena.wallin"), d.id).can_place_on_agenda
    with db.session() as s:
        assert s.scalar(select(AuditLog).where(AuditLog.action == "approval_voided")) is not None


def test_lagrum_and_appeal_text_cannot_be_edited(ctx, child_case):
    d = decisions.draft_decision(ctx, child_case.case_id, "inleda_utredning",
                                 {"barnets_namn": "Maja", "anmalan_datum": "2026-03-02", "fakta": "Skolan oroas för omsorgen.", "motivering": "x",
                                  "lagrum": "4 kap. 1 § SoL"})
    assert d.lagrum == ("14 kap. 2 § SoL", "20 kap. 2 § SoL")
    assert "4 kap. 1 §" not in d.rendered.text


def test_urgent_lvu_6_by_ordforande_starts_clocks_and_is_reported_at_next_meeting(ctx, ctx_for, child_case, clock):
    fields = {"barnets_namn": "Maja Öberg", "fakta": "Polisen hittade barnet ensamt hemma.", "grund": "2",
              "motivering": "Rättens beslut om vård kan inte avvaktas.",
              "bradskande_skal": "barnet var ensamt hemma en fredagskväll och utskottet sammanträder först om två veckor."}
    d = decisions.draft_decision(ctx, child_case.case_id, "lvu_omedelbart_omhandertagande", fields)
    r = decisions.routing(ctx, d.id)
    assert r.route == "utskott" and r.urgent_available and not r.can_sign and not r.can_sign_urgent
    d = decisions.send_for_approval(ctx, d.id, d.version, urgent=True)
    chair = ctx_for("birgitta.strom")
    assert [x.id for x in decisions.waiting_for_me(chair)] == [d.id]
    with pytest.raises(PermissionDenied):
        decisions.sign(ctx_for("goran.falk"), d.id, d.version, urgent=True)
    done = decisions.approve(chair, d.id, d.version)
    assert done.urgent and done.decider_level == "ordforande" and done.decided_by_name == "Birgitta Ström"
    kinds = {x.kind: x for x in caseview.get_case(ctx, child_case.case_id).deadlines}
    assert kinds["lvu_understallning"].due_on == date(2026, 3, 9)
    assert not done.delegated  # rests on 6 § LVU, not on delegation
    # The reporting deadline exists before any meeting is planned (provisional).
    assert kinds["ordforandebeslut_anmalan"].due_on == date(2026, 4, 2)
    # The NÄMND's next meeting gets the decision on its list of urgent decisions to report;
    # an utskott meeting does not.
    secretary = ctx_for("helena.wallin")
    users = _user_ids(ctx.db)
    iu = meetings.create_meeting(secretary, meeting_date=date(2026, 3, 12), time_place="Kl. 9",
                                 chair_id=users["birgitta.strom"], secretary_id=users["helena.wallin"],
                                 member_ids=[users["lars.eklund"], users["fatima.ali"]])
    assert iu.items == ()
    m = meetings.create_meeting(secretary, meeting_date=date(2026, 3, 19), time_place="Kl. 13",
                                chair_id=users["birgitta.strom"], secretary_id=users["helena.wallin"],
                                member_ids=[users["lars.eklund"], users["fatima.ali"]], body="namnd")
    assert m.committee_name == "Socialnämnden"
    assert [(i.kind, i.decision_id) for i in m.items] == [("anmalan", d.id)]
    kinds = {x.kind: x for x in caseview.get_case(ctx, child_case.case_id).deadlines}
    assert kinds["ordforandebeslut_anmalan"].due_on == date(2026, 3, 19)
    letter = pdf_text(decision_docs.decision_letter(ctx, d.id))
    assert "6 § LVU" in letter and "nästa sammanträde" in letter


def test_utskott_meeting_needs_three_members(ctx_for, ctx):
    users = _user_ids(ctx.db)
    with pytest.raises(ValidationError, match="minst 3"):
        meetings.create_meeting(ctx_for("helena.wallin"), meeting_date=date(2026, 3, 19), time_place="",
                                chair_id=users["birgitta.strom"], secretary_id=users["helena.wallin"],
                                member_ids=[users["lars.eklund"]])


def test_extension_decision_moves_the_deadline(ctx, ctx_for, child_case, clock):
    d = decisions.draft_decision(ctx, child_case.case_id, "inleda_utredning",
                                 {"barnets_namn": "Maja", "anmalan_datum": "2026-03-02", "fakta": "Skolan oroas för omsorgen.", "motivering": "Oro."})
    decisions.sign(ctx, d.id, d.version)
    clock.set(2026, 6, 20)
    ext = decisions.draft_decision(ctx, child_case.case_id, "forlangd_utredningstid",
                                   {"barnets_namn": "Maja", "utredning_inledd": "2026-03-02",
                                    "slutdatum": "2026-09-02", "sarskilda_skal": "Väntar på BUP:s bedömning."})
    ext = decisions.send_for_approval(ctx, ext.id, ext.version)
    decisions.approve(ctx_for("eva.lundgren"), ext.id, ext.version)
    detail = caseview.get_case(ctx, child_case.case_id)
    assert detail.utredningar[0].due_on == date(2026, 9, 2)
    assert detail.utredningar[0].extensions[0].reason == "Väntar på BUP:s bedömning."
    assert {x.kind: x.due_on for x in detail.deadlines}["utredning"] == date(2026, 9, 2)


def test_protected_address_never_printed_on_letter(ctx, child_case):
    p = people.get_person(ctx, child_case.person.id)
    people.update_person(ctx, p.summary.id, p.version, address_street="Hemliga vägen 7",
                         address_postal="123 45 Småby", protection="skyddad_folkbokforing")
    d = decisions.draft_decision(ctx, child_case.case_id, "inleda_utredning",
                                 {"barnets_namn": "Maja", "anmalan_datum": "2026-03-02", "fakta": "Skolan oroas för omsorgen.", "motivering": "Oro."})
    decisions.sign(ctx, d.id, d.version)
    text = pdf_text(decision_docs.decision_letter(ctx, d.id))
    assert "Hemliga vägen" not in text and "Skyddade personuppgifter" in text


def test_delegation_list_for_the_namnd(ctx, ctx_for, child_case):
    d = decisions.draft_decision(ctx, child_case.case_id, "inte_inleda_utredning",
                                 {"barnets_namn": "Maja", "anmalan_datum": "2026-03-02", "fakta": "Skolan oroas för omsorgen.", "motivering": "Stöd finns."})
    d = decisions.send_for_approval(ctx, d.id, d.version)
    decisions.approve(ctx_for("karin.berg"), d.id, d.version)
    secretary = ctx_for("helena.wallin")  # the nämndsekreterare reports them to the nämnd
    rows = decision_docs.delegated_decisions(secretary, date(2026, 3, 1), date(2026, 3, 31))
    assert [(r.title, r.decided_by, r.punkt) for r in rows] == [("Beslut att inte inleda utredning", "Karin Berg", "1.2")]
    assert decision_docs.delegated_decisions(secretary, date(2026, 4, 1), date(2026, 4, 30)) == []
    with pytest.raises(PermissionDenied):
        decision_docs.delegated_decisions(ctx, date(2026, 3, 1), date(2026, 3, 31))
    text = pdf_text(decision_docs.delegation_list_pdf(secretary, date(2026, 3, 1), date(2026, 3, 31)))
    assert "Karin Berg" in text and "2026-03-02" in text


def _users(ctx):
    from ifodesk.services.admin import list_users

    return {u.username: u.id for u in list_users(ctx.db)}


def test_preview_routing_shows_who_decides_before_anything_is_saved(ctx, ctx_for, child_case):
    r = decisions.preview_routing(ctx, "vard_familjehem", _familjehem_fields())
    assert r.route == "utskott" and not r.can_sign and "30 kap. 6 § SoL" in r.reason
    assert decisions.preview_routing(ctx, "inleda_utredning", {}).can_sign is False  # fields missing
    full = {"barnets_namn": "Maja", "anmalan_datum": "2026-03-02", "fakta": "Oro.", "motivering": "Oro."}
    assert decisions.preview_routing(ctx, "inleda_utredning", full).can_sign
    assert decisions.decisions_for_case(ctx, child_case.case_id) == []  # nothing was saved
    with pytest.raises(ValidationError):
        decisions.preview_routing(ctx, "finns_inte", {})


def test_approved_for_agenda_lists_only_valid_utskott_approvals_for_those_who_place_them(ctx, ctx_for, child_case):
    d = decisions.draft_decision(ctx, child_case.case_id, "vard_familjehem", _familjehem_fields())
    other = decisions.draft_decision(ctx, child_case.case_id, "vard_familjehem", _familjehem_fields())
    d = decisions.send_for_approval(ctx, d.id, d.version)
    other = decisions.send_for_approval(ctx, other.id, other.version)
    karin = ctx_for("karin.berg")
    decisions.approve(karin, d.id, d.version)
    other = decisions.approve(karin, other.id, other.version)
    secretary = ctx_for("helena.wallin")
    assert [x.id for x in decisions.approved_for_agenda(secretary)] == [d.id, other.id]
    decisions.update_fields(ctx, other.id, other.version, dict(other.fields, motivering="Ändrad."))
    assert [x.id for x in decisions.approved_for_agenda(secretary)] == [d.id]
    assert decisions.approved_for_agenda(ctx) == []  # a handläggare does not build agendas


def test_drafter_discards_an_unsent_draft_which_can_then_not_be_signed(ctx, ctx_for, child_case):
    d = decisions.draft_decision(ctx, child_case.case_id, "inleda_utredning",
                                 {"barnets_namn": "Maja", "anmalan_datum": "2026-03-02", "fakta": "Oro.", "motivering": "Oro."})
    with pytest.raises(PermissionDenied):
        decisions.discard_draft(ctx_for("karin.berg"), d.id, d.version)
    gone = decisions.discard_draft(ctx, d.id, d.version)
    assert gone.status == "makulerad" and gone.status_label == "Makulerat utkast"
    assert decisions.my_drafts(ctx) == []
    r = decisions.routing(ctx, d.id)
    assert not r.can_sign and r.sign_reason == "Utkastet är makulerat."
    with pytest.raises(PermissionDenied):
        decisions.sign(ctx, d.id, gone.version)
    with pytest.raises(PermissionDenied, match="makulerat"):
        decisions.update_fields(ctx, d.id, gone.version, gone.fields)
    sent = decisions.draft_decision(ctx, child_case.case_id, "inte_inleda_utredning", dict(d.fields))
    sent = decisions.send_for_approval(ctx, sent.id, sent.version)
    with pytest.raises(PermissionDenied):
        decisions.discard_draft(ctx, sent.id, sent.version)


def test_ordforande_may_return_an_urgent_proposal_with_a_reason(ctx, ctx_for, child_case):
    fields = {"barnets_namn": "Maja Öberg", "fakta": "Oro.", "motivering": "Kan inte avvaktas.", "grund": "2",
              "bradskande_skal": "det var natt."}
    d = decisions.draft_decision(ctx, child_case.case_id, "lvu_omedelbart_omhandertagande", fields)
    d = decisions.send_for_approval(ctx, d.id, d.version, urgent=True)
    karin = ctx_for("karin.berg")
    with pytest.raises(PermissionDenied):
        decisions.reject(karin, d.id, d.version, "Inte brådskande.")
    with pytest.raises(PermissionDenied, match="ordföranden"):
        decisions.approve(karin, d.id, d.version)  # addressed to the ordförande, not to the beredning
    back = decisions.reject(ctx_for("birgitta.strom"), d.id, d.version, "Kan avvakta utskottets sammanträde.")
    assert back.status == "avslagen" and back.rejection_reason == "Kan avvakta utskottets sammanträde."


def test_the_lasting_reason_comes_before_missing_fields(ctx, child_case):
    r = decisions.preview_routing(ctx, "vard_familjehem", {"barnets_namn": "Maja"})
    assert not r.can_sign and "30 kap. 6 § SoL" in r.sign_reason
    assert not r.can_send and "Obligatoriska fält saknas" in r.send_reason


def test_socionom_rule_applies_to_the_work_not_to_signing(ctx_for, org, db, ctx):
    """SoL 25 kap. 1 §: doing the förhandsbedömning needs the degree and enough experience;
    signing does not (issue 10, item 4)."""
    from ifodesk.services.admin import UserSpec, create_user

    create_user(db, org.municipality_id, UserSpec("ny.behandlare", "Ny Behandlare", "handlaggare", "handlaggare",
                                                  ("BU",), date(2020, 1, 1), socionom=False))
    create_user(db, org.municipality_id, UserSpec("gron.socionom", "Grön Socionom", "handlaggare", "handlaggare",
                                                  ("BU",), date(2020, 1, 1), experienced=False))
    create_user(db, org.municipality_id, UserSpec("chef.ekonom", "Chef Ekonom", "chef", "enhetschef",
                                                  ("BU",), date(2010, 1, 1), socionom=False))
    me = ctx_for("ny.behandlare")
    res = case_svc.register_anmalan(me, anmalan(org, ChildInput(MAJA, "Maja", "Öberg")))
    case_id = res.children[0].case_id
    fields = {"barnets_namn": "Maja", "anmalan_datum": "2026-03-02", "fakta": "Oro.", "motivering": "Oro."}
    with pytest.raises(PermissionDenied, match="socionomexamen"):
        decisions.draft_decision(me, case_id, "inleda_utredning", fields)
    with pytest.raises(PermissionDenied, match="tillräcklig erfarenhet"):
        decisions.draft_decision(ctx_for("gron.socionom"), case_id, "inleda_utredning", fields)
    # Assigning the förhandsbedömning to them is refused with the same clear reason.
    case = caseview.get_case(ctx, case_id)
    users = _user_ids(ctx.db)
    with pytest.raises(ValidationError, match="tillräcklig erfarenhet"):
        caseview.assign_case(ctx_for("eva.lundgren"), case_id, case.version, users["gron.socionom"])
    # A qualified caseworker does the work; a chef without the degree may still sign it.
    d = decisions.draft_decision(ctx, case_id, "inleda_utredning", fields)
    sent = decisions.send_for_approval(ctx, d.id, d.version) if not decisions.routing(ctx, d.id).can_sign else d
    if sent.status == "for_godkannande":
        assert decisions.approve(ctx_for("chef.ekonom"), d.id, sent.version).status == "beslutad"
    chef = ctx_for("chef.ekonom")
    d2 = decisions.draft_decision(ctx, case_id, "bistand_oppenvard",
                                  {"namn": "Maja", "insats": "Stöd", "omfattning": "1 h/v", "giltighet": "6 mån",
                                   "fakta": "f", "motivering": "m"})
    d2 = decisions.send_for_approval(ctx, d2.id, d2.version)
    assert decisions.approve(chef, d2.id, d2.version).decided_by_name == "Chef Ekonom"
