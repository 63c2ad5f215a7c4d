"""Decision letters per party: one per guardian, none to a child under 15, the young person's own
letter from 15, protected addresses never printed, and the letter reads well."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from ifodesk.domain.personnummer import luhn_check_digit
from ifodesk.services import cases as case_svc
from ifodesk.services import decision_docs, decisions, parties
from ifodesk.services.dto import ChildInput
from ifodesk.services.parties_dto import RelatedInput

from test_case_path import MAJA, anmalan
from test_parties import guardians


def pdf_pages(data: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


def text(data: bytes) -> str:
    return "\n".join(pdf_pages(data))


def pnr(birth: str, serial: str = "238") -> str:
    digits = birth[2:].replace("-", "") + serial
    return f"{birth.replace('-', '')}-{serial}{luhn_check_digit(digits)}"


FIELDS = {"namn": "Maja Öberg", "insats": "Familjebehandling", "omfattning": "En gång i veckan",
          "giltighet": "Sex månader", "fakta": "Familjen har bett om stöd i vardagen.",
          "motivering": "Behovet kan inte tillgodoses på annat sätt."}


def signed(ctx, case_id, fields=FIELDS, template="bistand_oppenvard"):
    """Drafted by Anna Lind, decided under delegation by Karin Berg (1:e socialsekreterare)."""
    from ifodesk.services.admin import actor_for

    d = decisions.draft_decision(ctx, case_id, template, dict(fields))
    sent = decisions.send_for_approval(ctx, d.id, d.version)
    return decisions.approve(ctx.as_user(actor_for(ctx.db, "karin.berg")), d.id, sent.version)


@pytest.fixture
def maja(ctx, org):
    return case_svc.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"))).children[0]


def test_two_guardians_get_one_letter_each_and_the_ten_year_old_none(ctx, maja):
    guardians(ctx, maja.person.id)
    d = signed(ctx, maja.case_id)
    letters = decision_docs.decision_letters(ctx, d.id)
    assert sorted(x.recipient_name for x in letters) == ["Olle Öberg", "Sara Öberg"]
    by_name = {x.recipient_name: text(x.data) for x in letters}
    sara, olle = by_name["Sara Öberg"], by_name["Olle Öberg"]
    assert "Hemliga vägen 7" in sara and "Storgatan 1" not in sara
    assert "Storgatan 1" in olle and "Hemliga vägen 7" not in olle
    for t in (sara, olle):
        assert "ditt barn Maja" in t and "Hur du överklagar" in t
        assert "Det här brevet handlar om dig" not in t


def test_the_letter_reads_well(ctx, maja):
    guardians(ctx, maja.person.id)
    d = signed(ctx, maja.case_id)
    t = text(decision_docs.decision_letters(ctx, d.id)[0].data)
    flat = " ".join(t.split())
    assert flat.count("Behovet kan inte tillgodoses på annat sätt.") == 1  # motivering once
    assert flat.count("11 kap. 1 § SoL") == 1  # the lagrum once, in the decision's own sentence
    assert "Beslutet gäller sex månader." in flat and "i form av familjebehandling" in flat
    # Signed by the caseworker under delegation: no meeting, nobody "present".
    assert "sammanträde" not in flat and "Närvarande" not in flat and "protokoll" not in flat
    assert "delegation" in flat


def test_the_akt_copy_lists_who_it_is_sent_to_without_addresses(ctx, maja):
    guardians(ctx, maja.person.id)
    d = signed(ctx, maja.case_id)
    flat = " ".join(text(decision_docs.decision_letter(ctx, d.id)).split())
    assert "Skickas till" in flat and "Sara Öberg (vårdnadshavare)" in flat
    assert "Hemliga vägen" not in flat and "Storgatan 1" not in flat


def test_protected_guardian_address_is_in_no_document(ctx, maja):
    guardians(ctx, maja.person.id, protected_mother=True)
    d = signed(ctx, maja.case_id)
    docs = [x.data for x in decision_docs.decision_letters(ctx, d.id)] + [decision_docs.decision_letter(ctx, d.id)]
    for data in docs:
        assert "Hemliga vägen" not in text(data) and "123 45 Lillby" not in text(data)
    sara = next(x for x in decision_docs.decision_letters(ctx, d.id) if x.recipient_name == "Sara Öberg")
    assert "adress lämnas ej ut" in " ".join(text(sara.data).split()) and sara.via_skatteverket
    assert "skickas via Skatteverket" in " ".join(text(decision_docs.decision_letter(ctx, d.id)).split())


def test_address_secret_from_the_father_is_not_on_his_letter(ctx, maja):
    guardians(ctx, maja.person.id, hidden_from_father=True)
    d = signed(ctx, maja.case_id)
    olle = next(x for x in decision_docs.decision_letters(ctx, d.id) if x.recipient_name == "Olle Öberg")
    assert "Hemliga vägen" not in text(olle.data) and "070-111" not in text(olle.data)


def test_a_fifteen_year_old_gets_a_letter_of_their_own(ctx, org):
    teen = case_svc.register_anmalan(ctx, anmalan(org, ChildInput(pnr("2011-03-02"), "Alva", "Ek"))).children[0]
    parties.add_related(ctx, teen.person.id, RelatedInput("vardnadshavare", personnummer=pnr("1980-01-01", "123"),
                                                         first_name="Eva", last_name="Ek", custody="ensam",
                                                         address_street="Ekvägen 2", address_postal="123 40 Lillby"))
    d = signed(ctx, teen.case_id, dict(FIELDS, namn="Alva Ek"))
    letters = {x.capacity: x for x in decision_docs.decision_letters(ctx, d.id)}
    assert set(letters) == {"vardnadshavare", "barnet"}
    young = " ".join(text(letters["barnet"].data).split())
    assert "Det här brevet handlar om dig" in young and "Anna Lind" in young
    assert "ditt barn" not in young


def test_no_guardian_means_no_letter_and_a_clear_message(ctx, maja):
    d = signed(ctx, maja.case_id)
    from ifodesk.services.errors import ValidationError

    with pytest.raises(ValidationError, match="ingen registrerad vårdnadshavare"):
        decision_docs.decision_letters(ctx, d.id)


def test_cli_writes_one_pdf_per_recipient(ctx, maja, db, tmp_path, monkeypatch):
    guardians(ctx, maja.person.id)
    d = signed(ctx, maja.case_id)
    from ifodesk.cli import main

    url = db.engine.url.render_as_string(hide_password=False)
    assert main(["render", "letter", "--decision", str(d.id), "--out", str(tmp_path), "--database", url]) == 0
    files = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert len(files) == 2 and all(f.startswith(f"beslut-{maja.case_number}-") for f in files)
    assert main(["render", "letter", "--decision", str(d.id), "--out", str(tmp_path / "saknas"),
                 "--database", url]) == 2


def test_write_sample_letters(ctx, maja, org, tmp_path):
    """Writes the letters to IFODESK_LETTER_SAMPLES (when set) for a person to look at."""
    import os

    out = os.environ.get("IFODESK_LETTER_SAMPLES")
    if not out:
        pytest.skip("IFODESK_LETTER_SAMPLES är inte satt")
    guardians(ctx, maja.person.id, protected_mother=True)
    d = signed(ctx, maja.case_id)
    teen = case_svc.register_anmalan(ctx, anmalan(org, ChildInput(pnr("2011-03-02"), "Alva", "Ek"))).children[0]
    parties.add_related(ctx, teen.person.id, RelatedInput("vardnadshavare", personnummer=pnr("1980-01-01", "123"),
                                                         first_name="Eva", last_name="Ek", custody="ensam",
                                                         address_street="Ekvägen 2", address_postal="123 40 Lillby"))
    d2 = signed(ctx, teen.case_id, dict(FIELDS, namn="Alva Ek"))
    for x in decision_docs.decision_letters(ctx, d.id) + decision_docs.decision_letters(ctx, d2.id):
        with open(os.path.join(out, x.filename), "wb") as f:
            f.write(x.data)
