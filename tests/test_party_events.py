"""Consent per person, kommunicering before a decision, notification and appeal per party."""

from __future__ import annotations

from datetime import date

import pytest

from ifodesk.services import cases as case_svc
from ifodesk.services import decisions, parties, party_events
from ifodesk.services.admin import actor_for
from ifodesk.services.dto import ChildInput
from ifodesk.services.errors import ValidationError
from ifodesk.services.parties_dto import RelatedInput

from test_case_path import MAJA, anmalan
from test_parties import guardians
from test_party_letters import pnr, signed

STODBOENDE = {"barnets_namn": "Alva Ek", "stodboende": "Stödboendet Linden", "startdatum": "2026-03-10",
              "samtycke": "samtycker", "fakta": "Alva kan inte bo hemma.", "motivering": "Behov av stöd."}


@pytest.fixture
def maja(ctx, org):
    return case_svc.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"))).children[0]


@pytest.fixture
def alva(ctx, org):
    teen = case_svc.register_anmalan(ctx, anmalan(org, ChildInput(pnr("2011-03-02"), "Alva", "Ek"))).children[0]
    mor = parties.add_related(ctx, teen.person.id, RelatedInput(
        "vardnadshavare", personnummer=pnr("1980-01-01", "123"), first_name="Eva", last_name="Ek", custody="ensam"))
    return teen, mor


def _decide_stodboende(ctx, case_id):
    d = decisions.draft_decision(ctx, case_id, "placering_stodboende", STODBOENDE)
    sent = decisions.send_for_approval(ctx, d.id, d.version)
    return decisions.approve(ctx.as_user(actor_for(ctx.db, "eva.lundgren")), d.id, sent.version)


def test_consent_refused_by_the_fifteen_year_old_blocks_a_sol_placement(ctx, alva):
    teen, mor = alva
    party_events.record_consent(ctx, teen.case_id, mor.person_id, "placering_stodboende", "given")
    party_events.record_consent(ctx, teen.case_id, teen.person.id, "placering_stodboende", "refused",
                                note="Vill inte flytta.")
    state = party_events.consent_state(ctx, teen.case_id, "placering_stodboende")
    assert not state.all_given and state.refused_by == ("Alva Ek",)
    with pytest.raises(ValidationError, match="kan inte beviljas enligt SoL.*LVU"):
        _decide_stodboende(ctx, teen.case_id)
    # She changes her mind: the latest consent counts, and the placement can be granted.
    party_events.record_consent(ctx, teen.case_id, teen.person.id, "placering_stodboende", "given")
    assert party_events.consent_state(ctx, teen.case_id, "placering_stodboende").all_given
    d = decisions.get_decision(ctx, decisions.decisions_for_case(ctx, teen.case_id)[0].id)
    done = decisions.approve(ctx.as_user(actor_for(ctx.db, "eva.lundgren")), d.id, d.version)
    assert done.status == "beslutad"


def test_withdrawn_consent_blocks_too_and_is_listed_per_person(ctx, alva):
    teen, mor = alva
    party_events.record_consent(ctx, teen.case_id, mor.person_id, "placering_stodboende", "given")
    party_events.record_consent(ctx, teen.case_id, mor.person_id, "placering_stodboende", "withdrawn")
    listed = party_events.consents(ctx, teen.case_id)
    assert [(c.person_name, c.status_label) for c in listed] == [("Eva Ek", "Samtycket återkallat")]
    with pytest.raises(ValidationError, match="Eva Ek"):
        _decide_stodboende(ctx, teen.case_id)


def test_kommunicering_warns_until_the_reply_time_has_run_out(ctx, maja, clock):
    mor, far = guardians(ctx, maja.person.id)
    k = party_events.send_kommunicering(ctx, maja.case_id, far.person_id, "Utredningen, utkast 2026-03-02",
                                        reply_due_on=date(2026, 3, 16))
    assert k.reply_due_on == date(2026, 3, 16)
    warn = party_events.signing_warning(ctx, maja.case_id)
    assert "Olle Öberg" in warn and "2026-03-16" in warn
    default = party_events.send_kommunicering(ctx, maja.case_id, mor.person_id, "Utredningen")
    assert default.reply_due_on == date(2026, 3, 16)  # 14 days, from parties.toml
    party_events.record_reply(ctx, default.id, default.version, date(2026, 3, 5), "Jag håller med.")
    clock.set(2026, 3, 17)
    assert party_events.signing_warning(ctx, maja.case_id) is None
    with pytest.raises(ValidationError, match="efter"):
        party_events.send_kommunicering(ctx, maja.case_id, far.person_id, "x", sent_on=date(2026, 3, 17),
                                        reply_due_on=date(2026, 3, 17))


def test_notification_and_appeal_in_time_vs_late_across_a_weekend(ctx, maja, clock):
    mor, far = guardians(ctx, maja.person.id)
    from test_party_letters import FIELDS

    d = signed(ctx, maja.case_id, FIELDS)
    clock.set(2026, 3, 20)
    # Sara got the letter Saturday 7 March: the strict last day is Saturday 28 March, the
    # appeal may come in on Monday 30 March.
    n = party_events.record_notification(ctx, d.id, mor.person_id, date(2026, 3, 7), "brev")
    assert n.appeal_last_day == date(2026, 3, 30) and n.legal_force_on == date(2026, 3, 31)
    party_events.record_notification(ctx, d.id, far.person_id, date(2026, 3, 6), "delgivning")
    clock.set(2026, 4, 1)
    sara = party_events.register_appeal(ctx, d.id, mor.person_id, date(2026, 3, 30))
    assert sara.appeal_in_time and sara.appeal_forward_by == date(2026, 4, 6) and sara.legal_force_on is None
    olle = party_events.register_appeal(ctx, d.id, far.person_id, date(2026, 3, 30))
    assert olle.appeal_in_time is False and olle.appeal_forward_by is None  # his last day was Friday 27 March
    listed = {x.name: x for x in party_events.notifications(ctx, d.id)}
    assert listed["Olle Öberg"].notified_how == "delgivning"
    with pytest.raises(ValidationError, match="part"):
        party_events.record_notification(ctx, d.id, maja.person.id, date(2026, 3, 7), "brev")  # a child under 15
    with pytest.raises(ValidationError, match="innan"):
        party_events.record_notification(ctx, d.id, mor.person_id, date(2026, 3, 1), "brev")
