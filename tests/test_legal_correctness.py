"""Issue 10 (legal correctness 2): each error the jurist found has a test that fails on the old
behaviour; every template renders with its lagrum and appeal text."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ifodesk.domain.catalog import load_catalog
from ifodesk.domain.templates import InvalidFieldError, MissingFieldError, render_decision_text
from ifodesk.services import caseview, decisions
from ifodesk.services import cases as case_svc
from ifodesk.services.dto import ChildInput
from ifodesk.services.errors import PermissionDenied, ValidationError

from test_case_path import MAJA, anmalan


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def sample(t) -> dict[str, str]:
    out = {}
    for f in t.fields:
        if f.kind == "date":
            out[f.name] = "2026-03-01"
        elif f.kind == "choice":
            out[f.name] = next(o.value for o in f.options if not o.refuse)
        else:
            out[f.name] = "Text"
    return out


def test_every_template_renders_with_lagrum_and_appeal_text(catalog):
    for t in catalog.templates.values():
        r = render_decision_text(t, sample(t), decided_on=date(2026, 3, 2), urgent=t.urgent_route is not None)
        assert r.lagrum and all(c in r.text for c in r.lagrum), t.id
        assert r.appeal_text.strip(), t.id
        if r.appeal_route != "forvaltningsbesvar":
            assert "kan inte överklagas" in r.appeal_text, t.id  # plain words (item 12)


def test_laglighetsprovning_is_only_the_kl_route_in_plain_words(catalog):
    r = catalog.template("inte_inleda_utredning").appeal
    assert r.text.startswith("Beslutet kan inte överklagas.") and "kommunallagen" in r.text


def test_lvu_upphorande_for_a_minor_makes_follow_up_mandatory(catalog):
    t = catalog.template("lvu_upphorande")
    f = sample(t) | {"uppfoljning": "kravs", "hemflytt_datum": ""}
    with pytest.raises(MissingFieldError, match="flyttar"):
        render_decision_text(t, f)
    r = render_decision_text(t, f | {"hemflytt_datum": "2026-03-10"})
    assert "21 b § LVU" in r.lagrum and "sex månader" in r.text
    assert t.field("uppfoljning").option("kravs").starts_deadlines == ("lvu_uppfoljning",)
    assert t.deadline_start_fields["lvu_uppfoljning"] == "hemflytt_datum"
    assert "uppfoljning" not in t.optional_deadlines


def test_sol_placement_without_consent_cannot_be_granted(catalog):
    for tid in ("vard_familjehem", "vard_jourhem", "placering_hvb", "placering_stodboende", "vard_natverkshem"):
        t = catalog.template(tid)
        assert t.field("samtycke").kind == "choice"
        for refused in ("samtycker_inte", "inte_tillfragad"):
            with pytest.raises(InvalidFieldError, match="samtycke"):
                render_decision_text(t, sample(t) | {"samtycke": refused})


def test_follow_up_without_consent_needs_sarskilda_behov_and_information(catalog):
    t = catalog.template("uppfoljning_start")
    f = sample(t) | {"samtycke": "samtycker_inte", "sarskilda_behov": "", "information_datum": ""}
    with pytest.raises(MissingFieldError) as exc:
        render_decision_text(t, f)
    assert {x.name for x in exc.value.missing} == {"sarskilda_behov", "information_datum"}


def test_home_investigated_before_the_decision(catalog):
    for tid in ("vard_familjehem", "vard_jourhem", "vard_natverkshem"):
        t = catalog.template(tid)
        with pytest.raises(InvalidFieldError, match="före"):
            render_decision_text(t, sample(t) | {"hemmet_utrett": "2026-03-05"}, decided_on=date(2026, 3, 2))


def test_refusals_are_paired_with_their_own_reserved_approval(catalog):
    for refusal, approval in (("avslag_vard_familjehem", "vard_familjehem"),
                              ("avslag_vard_jourhem", "vard_jourhem"),
                              ("avslag_placering_hvb", "placering_hvb")):
        t = catalog.template(refusal)
        assert t.approval_pair == approval
        assert t.utskott_only == catalog.template(approval).utskott_only
    assert catalog.template("avslag_bistand").approval_pair == "bistand_vuxen_oppenvard"


def test_catalog_as_it_applied_on_a_date(capsys):
    from ifodesk.cli import main

    assert main(["catalog", "--json", "--date", "2025-03-01"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["vard_familjehem"]["law_version"] == "SoL 2001:453"
    assert "6 kap. 6 § SoL" in rows["vard_familjehem"]["lagrum"]
    assert main(["catalog", "--json", "--date", "2026-03-01"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["vard_familjehem"]["law_version"] == "SoL 2025:400"
    assert main(["catalog", "--date", "2025-02-30"]) == 2


# --- through the services ---------------------------------------------------------------------


@pytest.fixture
def child_case(ctx, org):
    return case_svc.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"))).children[0]


def test_decision_dated_before_july_2025_renders_with_the_old_sol(ctx, org, clock):
    from test_case_path import at

    clock.set(2025, 3, 1, 10)
    child = case_svc.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"),
                                                   received=at(2025, 2, 25, 9, 0))).children[0]
    d = decisions.draft_decision(ctx, child.case_id, "inleda_utredning",
                                 {"barnets_namn": "Maja", "anmalan_datum": "2025-02-25", "fakta": "Oro.",
                                  "motivering": "Oro."})
    assert d.law_version == "SoL 2001:453"  # drafted on a day the old law applied
    done = decisions.sign(ctx, d.id, d.version)
    assert done.law_version == "SoL 2001:453"
    assert done.lagrum == ("11 kap. 1 § SoL",) and "2025:400" not in done.rendered.text
    assert "11 kap. 1 § SoL" in done.rendered.text


def test_late_forhandsbedomning_asks_for_synnerliga_skal_and_counts_as_late(ctx, ctx_for, child_case, clock):
    clock.set(2026, 3, 24)  # anmälan 2026-03-02: day 22
    fields = {"barnets_namn": "Maja", "anmalan_datum": "2026-03-02", "fakta": "Oro.", "motivering": "Oro."}
    d = decisions.draft_decision(ctx, child_case.case_id, "inte_inleda_utredning", fields)
    assert d.rendered is not None  # the draft itself is fine; the decision asks for the reasons
    r = decisions.routing(ctx, d.id)
    assert not r.can_sign and not r.can_send and "Synnerliga skäl" in r.send_reason
    d = decisions.update_fields(ctx, d.id, d.version, fields | {"synnerliga_skal": "Familjen var utomlands."})
    d = decisions.send_for_approval(ctx, d.id, d.version)
    done = decisions.approve(ctx_for("karin.berg"), d.id, d.version)
    assert done.status == "beslutad" and "Familjen var utomlands." in done.rendered.text
    fb = caseview.get_case(ctx, child_case.case_id)
    kinds = {x.kind: x for x in fb.deadlines}
    assert kinds["forhandsbedomning"].status == "met_late"


def test_urgent_decision_records_why_the_namnd_could_not_wait(ctx, ctx_for, child_case):
    fields = {"barnets_namn": "Maja", "grund": "2", "fakta": "Oro.", "motivering": "Kan inte vänta på rätten."}
    d = decisions.draft_decision(ctx, child_case.case_id, "lvu_omedelbart_omhandertagande", fields)
    with pytest.raises(ValidationError, match="inte kunde avvaktas"):  # asked before it is sent
        decisions.send_for_approval(ctx, d.id, d.version, urgent=True)
    d = decisions.get_decision(ctx, d.id)
    assert d.status == "utkast" and "2 § LVU" in d.lagrum


def test_jourhem_deadline_runs_from_the_utredning_closing(ctx, ctx_for, child_case, clock):
    fields = {"barnets_namn": "Maja", "anmalan_datum": "2026-03-02", "fakta": "Oro.", "motivering": "Oro."}
    d = decisions.draft_decision(ctx, child_case.case_id, "inleda_utredning", fields)
    decisions.sign(ctx, d.id, d.version)
    clock.set(2026, 3, 10)
    j = decisions.draft_decision(ctx, child_case.case_id, "vard_jourhem",
                                 {"barnets_namn": "Maja", "jourhem": "Jourhemmet", "hemmet_utrett": "2026-03-01",
                                  "startdatum": "2026-03-10", "samtycke": "samtycker", "fakta": "f", "motivering": "m"})
    with pytest.raises(ValidationError, match="inte kunde avvaktas"):  # asked before it is sent urgently
        decisions.send_for_approval(ctx, j.id, j.version, urgent=True)
    chair = ctx_for("birgitta.strom")
    j = decisions.update_fields(ctx, j.id, j.version, dict(j.fields, bradskande_skal="barnet kunde inte bo kvar i natt."))
    j = decisions.send_for_approval(ctx, j.id, j.version, urgent=True)
    assert decisions.approve(chair, j.id, j.version).status == "beslutad"
    kinds = {x.kind for x in caseview.get_case(ctx, child_case.case_id).deadlines}
    assert "jourhem" not in kinds and "utredning" in kinds  # no alarm while the utredning runs
    clock.set(2026, 4, 20)
    c = decisions.draft_decision(ctx, child_case.case_id, "avsluta_utredning_utan_insats",
                                 {"barnets_namn": "Maja", "utredning_inledd": "2026-03-02", "uppfoljning": "nej",
                                  "fakta": "f", "motivering": "m"})
    c = decisions.send_for_approval(ctx, c.id, c.version)
    decisions.approve(ctx_for("karin.berg"), c.id, c.version)
    jour = {x.kind: x for x in caseview.get_case(ctx, child_case.case_id).deadlines}["jourhem"]
    assert (jour.start_on, jour.due_on) == (date(2026, 4, 20), date(2026, 6, 20))


def test_demo_decisions_obey_the_delegationsordning_and_the_law_of_their_date(db, org):
    """Issue 10, items 8 and 11: demo decisions go through the same routing as real ones."""
    from sqlalchemy import select

    from ifodesk.config import Municipality
    from ifodesk.db.models import Decision
    from ifodesk.domain import delegation as deleg
    from ifodesk.resources import resource_path
    from ifodesk.services.demo import generate_demo

    generate_demo(db, Municipality(), cases=300, seed=7, today=date(2026, 3, 1))
    catalog = load_catalog()
    order = deleg.load_and_validate(resource_path("delegation/default.toml"), catalog)
    with db.session() as s:
        rows = s.scalars(select(Decision).where(Decision.status == "beslutad")).all()
    assert rows and any(d.decided_on < date(2025, 7, 1) for d in rows)
    for d in rows:
        need = deleg.required_level(order, catalog, d.template_id)
        assert deleg.level_index(d.decider_level) >= deleg.level_index(need), (d.template_id, d.decider_level)
        if need in deleg.UTSKOTT_LEVELS:
            assert not d.delegated
        assert d.law_version == catalog.law_version_for_decision(d.template_id, d.decided_on)
        if d.decided_on < date(2025, 7, 1) and d.law_version.startswith("SoL"):
            assert d.law_version == "SoL 2001:453", d.template_id


def test_an_appointed_ledamot_decides_an_urgent_proposal_and_another_ledamot_cannot(ctx, ctx_for, child_case, db):
    """Issue 10, item 6: the urgent route is the ordförande's *or* a ledamot the nämnd has appointed."""
    from ifodesk.services import admin
    from ifodesk.services.errors import PermissionDenied

    lars = admin.actor_for(db, "lars.eklund")
    admin.set_user_facts(ctx_for("admin"), lars.user_id, experienced=True, urgent_appointed=True)
    fields = {"barnets_namn": "Maja", "grund": "2", "fakta": "Oro.", "motivering": "Kan inte vänta på rätten.",
              "bradskande_skal": "Barnet kan inte lämnas kvar hemma i natt."}
    d = decisions.draft_decision(ctx, child_case.case_id, "lvu_omedelbart_omhandertagande", fields)
    d = decisions.send_for_approval(ctx, d.id, d.version, urgent=True)
    fatima = ctx_for("fatima.ali")  # a ledamot, not appointed
    assert d.id not in [w.id for w in decisions.waiting_for_me(fatima)]
    with pytest.raises(PermissionDenied):
        decisions.approve(fatima, d.id, d.version)
    appointed = ctx_for("lars.eklund")
    assert [w.id for w in decisions.waiting_for_me(appointed)] == [d.id]
    done = decisions.approve(appointed, d.id, d.version)
    assert done.status == "beslutad" and done.urgent and done.decided_by_name == "Lars Eklund"
