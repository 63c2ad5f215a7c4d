"""The utredning and the journal printed for a party: checklist first, others' protected data out."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from ifodesk.services import caseview, decisions, family_docs, journal, party_events
from ifodesk.services import cases as case_svc
from ifodesk.services.dto import ChildInput
from ifodesk.services.errors import ValidationError

from test_case_path import MAJA, anmalan
from test_parties import guardians


def text(data: bytes) -> str:
    return " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


@pytest.fixture
def family(ctx, org):
    maja = case_svc.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"))).children[0]
    mor, far = guardians(ctx, maja.person.id, hidden_from_father=True)
    d = decisions.draft_decision(ctx, maja.case_id, "inleda_utredning",
                                 {"barnets_namn": "Maja Öberg", "anmalan_datum": "2026-03-02",
                                  "fakta": "Skolan oroas.", "motivering": "Oron behöver utredas."})
    decisions.sign(ctx, d.id, d.version)
    u = caseview.get_case(ctx, maja.case_id).utredningar[0]
    info = case_svc.get_utredning(ctx, u.id)
    case_svc.update_utredning(ctx, u.id, info.version,
                              guardian_view="Mamma bor nu på Hemliga vägen 7 och nås på 070-111. Pappa vill ha umgänge.",
                              analysis="Maja behöver stöd.")
    return maja, mor, far, u.id


def test_checklist_must_be_confirmed_before_printing(ctx, family):
    maja, mor, far, uid = family
    with pytest.raises(ValidationError, match="sekretesskontrollen"):
        family_docs.utredning_for_kommunicering(ctx, uid, far.person_id, family_docs.secrecy_checklist()[:-1])


def test_utredning_for_the_father_leaves_out_the_mothers_secret_address_and_is_recorded(ctx, family):
    maja, mor, far, uid = family
    ok = family_docs.secrecy_checklist()
    data = family_docs.utredning_for_kommunicering(ctx, uid, far.person_id, ok, reply_due_on=date(2026, 3, 16))
    t = text(data)
    assert "Pappa vill ha umgänge" in t and "Maja behöver stöd" in t
    assert "Hemliga vägen" not in t and "070-111" not in t and "uppgift borttagen" in t
    assert "Storgatan 1" in t  # his own address block
    assert "Svara senast 2026-03-16" in t
    sent = party_events.kommunicering_for_case(ctx, maja.case_id)
    assert [(k.person_name, k.reply_due_on) for k in sent] == [("Olle Öberg", date(2026, 3, 16))]
    # The mother herself gets her own address back in her copy.
    assert "Hemliga vägen 7" in text(family_docs.utredning_for_kommunicering(ctx, uid, mor.person_id, ok))


def test_journal_for_partsinsyn_has_signed_notes_only_and_no_secret_data(ctx, family):
    maja, mor, far, uid = family
    n = journal.add_note(ctx, maja.case_id, event_date=date(2026, 3, 2), heading="Hembesök",
                         text="Besök hos mamma på Hemliga vägen 7. Maja verkade trygg.")
    journal.sign_note(ctx, n.id, n.version)
    journal.add_note(ctx, maja.case_id, event_date=date(2026, 3, 2), text="Utkast som inte är signerat.")
    t = text(family_docs.journal_for_party(ctx, maja.case_id, far.person_id, family_docs.secrecy_checklist()))
    assert "Maja verkade trygg" in t and "Hemliga vägen" not in t and "Utkast som inte" not in t
    with pytest.raises(ValidationError, match="inte vårdnadshavare"):
        family_docs.journal_for_party(ctx, maja.case_id, ctx.actor.user_id, family_docs.secrecy_checklist())
