"""Issue 13, item 3: the insats kinds Socialstyrelsen counts (öppenvård split, nätverkshem, SiS,
eget hem) each have a decision template, decided through the ordinary path (delegate, urgent
ordförande, utskott), and the decision creates an insats of that kind that the register and the
öppenvård statistics classify as intended."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from ifodesk.db.models import Insats
from ifodesk.domain import statistics as st
from ifodesk.domain.catalog import load_catalog
from ifodesk.services import cases as case_svc
from ifodesk.services import decisions, meetings
from ifodesk.services.dto import ChildInput

from test_case_path import MAJA, anmalan

COMMON = {"fakta": "Behovet är utrett.", "motivering": "Insatsen svarar mot behovet."}
SOL_OPEN = {"namn": "Maja Öberg", "omfattning": "en gång i veckan", "samtycke": "samtycker",
            "giltighet": "från och med 2026-03-10 till och med 2026-09-30"}
LVU = {"barnets_namn": "Maja Öberg", "startdatum": "2026-03-10",
       "bradskande_skal": "platsen måste tas i dag och utskottet sammanträder först om två veckor."}

# template -> (fields, how it is decided, insats kind, legal basis, register placeringsform or öppenvård category)
CASES = {
    "bistand_oppenvard_program": ({**SOL_OPEN, "program": "Föräldraprogram, tolv träffar"}, "delegate",
                                  "oppenvard_program", "SoL", "program"),
    "bistand_personligt_stod": ({**SOL_OPEN, "stod": "samtalsstöd"}, "delegate",
                                "oppenvard_personligt_stod", "SoL", "personligt_stod"),
    "sarskilt_kvalificerad_kontaktperson": (SOL_OPEN, "delegate", "kvalificerad_kontaktperson", "SoL",
                                            "sarskilt_kvalificerad"),
    "vard_natverkshem": ({"barnets_namn": "Maja Öberg", "familjehem": "Mormor Stina Öberg, Småby",
                          "hemmet_utrett": "2026-02-20", "startdatum": "2026-03-20", "samtycke": "samtycker"},
                         "utskott", "natverkshem", "SoL", "NH"),
    "lvu_vard_sis": ({**LVU, "vardgrund": "3", "ungdomshem": "Ungdomshemmet Exempel"}, "urgent", "sis", "LVU", "SIS"),
    "lvu_vard_eget_hem": ({**LVU, "vardgrund": "2", "boende": "hemmet hos vårdnadshavarna"}, "urgent",
                          "eget_hem", "LVU", "EH"),
}


@pytest.fixture
def child_case(ctx, org):
    return case_svc.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"))).children[0]


def _users(db) -> dict:
    from ifodesk.services.admin import list_users

    return {u.username: u.id for u in list_users(db)}


def _decide(how: str, template_id: str, fields: dict, ctx_for, case_id, clock):
    if how == "delegate":  # the 1:e socialsekreterare is the delegate in the default order
        karin = ctx_for("karin.berg")
        d = decisions.draft_decision(karin, case_id, template_id, fields)
        assert decisions.routing(karin, d.id).can_sign, d.render_error
        return decisions.sign(karin, d.id, d.version)
    anna = ctx_for("anna.lind")
    d = decisions.draft_decision(anna, case_id, template_id, fields)
    assert d.render_error is None, d.render_error
    if how == "urgent":  # 11 § LVU: the ordförande when the utskott cannot wait
        d = decisions.send_for_approval(anna, d.id, d.version, urgent=True)
        return decisions.approve(ctx_for("birgitta.strom"), d.id, d.version)
    d = decisions.send_for_approval(anna, d.id, d.version)
    d = decisions.approve(ctx_for("karin.berg"), d.id, d.version)
    secretary, users = ctx_for("helena.wallin"), _users(anna.db)
    m = meetings.create_meeting(secretary, meeting_date=date(2026, 3, 12), time_place="Kl. 13.00",
                                chair_id=users["birgitta.strom"], secretary_id=users["helena.wallin"],
                                member_ids=[users["lars.eklund"], users["fatima.ali"]], first_paragraph=1)
    m = meetings.add_to_agenda(secretary, m.id, d.id, d.version)
    clock.set(2026, 3, 12, 14)
    meetings.record_item(secretary, m.items[0].id, m.items[0].version, "bifall")
    return decisions.get_decision(anna, d.id)


@pytest.mark.parametrize("template_id", sorted(CASES))
def test_each_new_template_creates_its_insats_kind(template_id, ctx_for, child_case, clock, db):
    fields, how, kind, basis, counted_as = CASES[template_id]
    t = load_catalog().template(template_id)
    assert (t.statistics.insats_type, t.statistics.legal_basis) == (kind, basis)
    done = _decide(how, template_id, {**COMMON, **fields}, ctx_for, child_case.case_id, clock)
    assert done.status == "beslutad"
    assert done.decider_level == {"delegate": "forste_socialsekreterare", "urgent": "ordforande",
                                  "utskott": "utskott"}[how]
    with db.session() as s:
        rows = s.execute(select(Insats.kind, Insats.legal_basis, Insats.start_on)
                         .where(Insats.decision_id == done.id)).all()
    start = date.fromisoformat(fields["startdatum"]) if "startdatum" in fields else done.decided_on
    assert rows == [(kind, basis, start)]
    # How Socialstyrelsen counts it: the placeringsform code, or the öppenvård category.
    layout = st.load_register_layout()
    if basis == "LVU" or kind in layout.placement_forms:
        assert layout.placement_form(kind) == counted_as
    else:
        assert {c.code for c in st.load_oppenvard() if kind in c.kinds} == {counted_as}


def test_the_lvu_ground_gives_the_register_its_specification():
    """SiS care for the unge's own behaviour is LVU3 in the register; an 18–20-year-old can only
    be in care under 3 § (law.md), which the template offers first."""
    cat, layout = load_catalog(), st.load_register_layout()
    from ifodesk.domain.templates import render_decision_text

    t = cat.template("lvu_vard_sis")
    assert t.field("vardgrund").options[0].value == "3"
    r = render_decision_text(t, {**COMMON, **CASES["lvu_vard_sis"][0]}, decided_on=date(2026, 3, 2), urgent=True)
    assert layout.specification("LVU", r.lagrum) == "LVU3"
    assert "12 § LVU" in r.lagrum and "11 § LVU" in r.lagrum
    six = render_decision_text(t, {**COMMON, **CASES["lvu_vard_sis"][0], "vardgrund": "6"},
                               decided_on=date(2026, 3, 2), urgent=True)
    assert layout.specification("LVU", six.lagrum) == "LVU6"
