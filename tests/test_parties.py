"""The people around a child and who is a party: guardians, siblings, secrecy between guardians."""

from __future__ import annotations

from datetime import date

import pytest

from ifodesk.domain import parties as rules
from ifodesk.services import cases as case_svc
from ifodesk.services import parties
from ifodesk.services.dto import ChildInput
from ifodesk.services.errors import PermissionDenied, ValidationError
from ifodesk.services.parties_dto import RelatedInput

from test_case_path import MAJA, NILS, anmalan

MOR = "19850101-2382"
FAR = "19830505-1230"
SOL = rules.PartyRule(15, 18, True)


# --- who is a party (pure) ---------------------------------------------------------------------

def test_child_is_party_from_the_fifteenth_birthday_not_the_day_before():
    birth = date(2011, 3, 2)
    day_before = rules.decision_parties(SOL, "c", birth, date(2026, 3, 1), ["m", "f"])
    birthday = rules.decision_parties(SOL, "c", birth, date(2026, 3, 2), ["m", "f"])
    assert [(p.person_id, p.capacity) for p in day_before] == [("m", "vardnadshavare"), ("f", "vardnadshavare")]
    assert [(p.person_id, p.capacity) for p in birthday] == [
        ("m", "vardnadshavare"), ("f", "vardnadshavare"), ("c", "barnet")]


def test_adult_matter_and_eighteen_year_old_are_their_own_only_party():
    assert rules.decision_parties(None, "c", date(2000, 1, 1), date(2026, 3, 2), ["m"]) == (rules.Party("c", "den_enskilde"),)
    assert rules.decision_parties(SOL, "c", date(2008, 3, 2), date(2026, 3, 2), ["m"]) == (rules.Party("c", "den_enskilde"),)


def test_which_law_a_template_falls_under_comes_from_its_data():
    r = parties.party_rules()
    assert r.rule_for("LVU", "barn").child_party_from_age == 15
    assert r.rule_for("SoL", "vuxen") is None


def test_appeal_clock_moves_off_a_weekend_and_holidays():
    # Notified Friday 2026-03-06: three weeks = Friday 27 March, a working day.
    c = rules.appeal_clock(date(2026, 3, 6), 21)
    assert c.last_day_accepted == date(2026, 3, 27) and c.legal_force_on == date(2026, 3, 28)
    # Notified Saturday 7 March: strict day Saturday 28 March, accepted Monday 30 March.
    c = rules.appeal_clock(date(2026, 3, 7), 21)
    assert c.last_day == date(2026, 3, 28) and c.last_day_accepted == date(2026, 3, 30)
    assert rules.appeal_in_time(date(2026, 3, 7), date(2026, 3, 30), 21)
    assert not rules.appeal_in_time(date(2026, 3, 7), date(2026, 3, 31), 21)
    # Good Friday 2026 is 3 April; Easter Monday 6 April.
    assert rules.next_working_day(date(2026, 4, 3)) == date(2026, 4, 7)
    assert rules.next_working_day(date(2026, 6, 19)) == date(2026, 6, 22)  # midsommarafton


# --- services ---------------------------------------------------------------------------------

@pytest.fixture
def maja(ctx, org):
    return case_svc.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"))).children[0]


def guardians(ctx, child_id, *, protected_mother=False, hidden_from_father=False):
    mor = parties.add_related(ctx, child_id, RelatedInput(
        "vardnadshavare", personnummer=MOR, first_name="Sara", last_name="Öberg", custody="gemensam",
        address_street="Hemliga vägen 7", address_postal="123 45 Lillby", phone="070-111",
        protection="skyddad_folkbokforing" if protected_mother else "none"))
    far = parties.add_related(ctx, child_id, RelatedInput(
        "vardnadshavare", personnummer=FAR, first_name="Olle", last_name="Öberg", custody="gemensam",
        address_street="Storgatan 1", address_postal="123 40 Lillby", language="arabiska", interpreter=True))
    if hidden_from_father:
        mor = parties.set_address_secret_from(ctx, mor.relation_id, mor.relation_version, far.person_id)
    return mor, far


def test_two_guardians_are_registered_with_contact_data(ctx, maja):
    mor, far = guardians(ctx, maja.person.id)
    net = parties.network(ctx, maja.person.id)
    assert {p.name for p in net} == {"Sara Öberg", "Olle Öberg"}
    olle = next(p for p in net if p.name == "Olle Öberg")
    assert olle.is_guardian and olle.custody == "gemensam" and olle.interpreter and olle.language == "arabiska"
    assert olle.address_street == "Storgatan 1"


def test_custody_rules_are_checked(ctx, maja):
    with pytest.raises(ValidationError, match="gemensam eller ensam"):
        parties.add_related(ctx, maja.person.id, RelatedInput("vardnadshavare", personnummer=MOR,
                                                             first_name="Sara", last_name="Öberg"))
    parties.add_related(ctx, maja.person.id, RelatedInput("vardnadshavare", personnummer=MOR, first_name="Sara",
                                                         last_name="Öberg", custody="ensam"))
    with pytest.raises(ValidationError, match="ensam vårdnad|redan"):
        parties.add_related(ctx, maja.person.id, RelatedInput("vardnadshavare", personnummer=FAR, first_name="Olle",
                                                             last_name="Öberg", custody="ensam"))
    # A parent without custody is no party, but part of the network.
    parties.add_related(ctx, maja.person.id, RelatedInput("forelder", personnummer=FAR, first_name="Olle",
                                                         last_name="Öberg"))
    prev = parties.parties_preview(ctx, maja.case_id, "bistand_oppenvard", date(2026, 3, 2))
    assert [p.name for p in prev.parties] == ["Sara Öberg"]


def test_address_secret_from_the_other_guardian_is_not_in_his_view(ctx, maja):
    mor, far = guardians(ctx, maja.person.id, hidden_from_father=True)
    for_father = {p.name: p for p in parties.network(ctx, maja.person.id, viewer_id=far.person_id)}
    assert for_father["Sara Öberg"].address_street is None and for_father["Sara Öberg"].address_hidden
    assert for_father["Sara Öberg"].phone is None
    for_case = {p.name: p for p in parties.network(ctx, maja.person.id)}
    assert for_case["Sara Öberg"].address_street == "Hemliga vägen 7"


def test_siblings_share_a_guardian_and_show_their_cases(ctx, org, maja):
    mor, far = guardians(ctx, maja.person.id)
    nils = case_svc.register_anmalan(ctx, anmalan(org, ChildInput(NILS, "Nils", "Öberg"))).children[0]
    parties.add_related(ctx, nils.person.id, RelatedInput("vardnadshavare", person_id=mor.person_id, custody="ensam"))
    sib = parties.siblings(ctx, maja.person.id)
    assert [(x.name, x.case_number) for x in sib] == [("Nils Öberg", nils.case_number)]
    assert [x.name for x in parties.siblings(ctx, nils.person.id)] == ["Maja Öberg"]


def test_parties_preview_for_a_child_under_fifteen_is_the_guardians(ctx, maja):
    guardians(ctx, maja.person.id)
    prev = parties.parties_preview(ctx, maja.case_id, "lvu_ansokan_vard", date(2026, 3, 2))
    assert sorted(p.name for p in prev.parties) == ["Olle Öberg", "Sara Öberg"]
    assert all(p.capacity == "vardnadshavare" for p in prev.parties) and prev.child_age == 10


def test_no_guardian_is_a_problem_shown_before_sending(ctx, maja):
    prev = parties.parties_preview(ctx, maja.case_id, "bistand_oppenvard")
    assert prev.parties == () and "ingen registrerad vårdnadshavare" in prev.problem


def test_utskott_member_cannot_read_the_network(ctx_for, maja):
    with pytest.raises(PermissionDenied):
        parties.network(ctx_for("lars.eklund"), maja.person.id)


def test_migration_0009_keeps_the_name_search_index_on_sqlite(tmp_path):
    """Adding the contact columns must not drop the FTS triggers on person (name search)."""
    from sqlalchemy import text

    from ifodesk.db.engine import Database
    from ifodesk.db.migrate import downgrade, upgrade

    db = Database(f"sqlite:///{tmp_path / 'm.sqlite3'}")

    def triggers() -> set:
        with db.engine.connect() as c:
            return set(c.execute(text("SELECT name FROM sqlite_master WHERE type='trigger'")).scalars())

    fts = {"person_fts_ai", "person_fts_ad", "person_fts_au"}
    upgrade(db)
    assert fts <= triggers()
    downgrade(db, "0005")
    assert fts <= triggers()
    upgrade(db)
    assert fts <= triggers()
    db.dispose()


def test_a_caseworker_of_another_unit_needs_a_reason_and_cannot_add_guardians(ctx_for, maja):
    petra = ctx_for("petra.vuxen")  # adult unit
    with pytest.raises(PermissionDenied):
        parties.network(petra, maja.person.id)
    with pytest.raises(PermissionDenied):
        parties.add_related(petra, maja.person.id, RelatedInput("vardnadshavare", personnummer=MOR, first_name="Sara",
                                                               last_name="Öberg", custody="ensam"))
