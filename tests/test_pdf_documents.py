"""PDF documents: FL content, protected identities, determinism, fonts, escaping."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from datetime import date

import pytest
from pypdf import PdfReader

from ifodesk.documents.pdf import (
    PROTECTED_ADDRESS_TEXT,
    SECRECY_MARKING,
    render_agenda,
    render_decision_letter,
    render_delegation_list,
    render_protocol_extract,
)
from ifodesk.documents.pdf_data import (
    AgendaItem,
    DecisionLetter,
    DelegationList,
    DelegationListRow,
    Letterhead,
    MeetingAgenda,
    PartyInfo,
    ProtocolExtract,
)

# Synthetic test data only: personnummer in the Skatteverket test range (födelsenummer 980–999).
STREET = "Hemliga vägen 17"

LETTERHEAD = Letterhead(
    municipality_name="Ankeby kommun",
    board_name="Socialnämnden",
    unit_name="Individ- och familjeomsorgen",
    address_lines=("Box 100", "123 45 Ankeby"),
    phone="0123-456 00",
    email="socialtjansten@ankeby.se",
    org_number="212000-0000",
)

PARTY = PartyInfo(
    name="Åsa Öberg",
    personnummer_display="19850312-9820",
    address_lines=("Storgatan 3", "123 45 Ankeby"),
    protected=False,
)

PROTECTED = PartyInfo(
    name="Kim Lind",
    personnummer_display="19900101-9836",
    address_lines=(STREET, "123 45 Ankeby"),
    protected=True,
)

APPEAL_TEXT = (
    "Om du vill överklaga beslutet ska du skriva till förvaltningsrätten. Skicka eller lämna "
    "överklagandet till socialnämnden. Överklagandet ska ha kommit in inom tre veckor från den "
    "dag du fick del av beslutet."
)


def make_letter(**changes) -> DecisionLetter:
    letter = DecisionLetter(
        letterhead=LETTERHEAD,
        case_number="IFO-2026-0042",
        decision_date=date(2026, 11, 20),
        party=PARTY,
        title="Beslut om bistånd i form av kontaktfamilj",
        decision_text=(
            "Socialnämnden beviljar bistånd i form av kontaktfamilj två helger per månad."
        ),
        lagrum=(
            "11 kap. 1 § socialtjänstlagen (2025:400)",
            "13 kap. 7 § socialtjänstlagen (2025:400)",
        ),
        motivering="Utredningen visar att behovet inte kan tillgodoses på annat sätt.",
        decided_by_name="Märta Sjöö",
        decided_by_title="1:e socialsekreterare",
        foredragande_name="Örjan Ek",
        participants=("Ärla Åström",),
        delegation_note=(
            "Beslutet är fattat med stöd av delegation enligt socialnämndens "
            "delegationsordning punkt 3.2"
        ),
        appeal="forvaltningsbesvar",
        appeal_text=APPEAL_TEXT,
        urgent_note="Beslutet gäller omedelbart.",
        law_version="SoL (2025:400)",
    )
    return dataclasses.replace(letter, **changes)


def make_agenda(**changes) -> MeetingAgenda:
    agenda = MeetingAgenda(
        letterhead=LETTERHEAD,
        committee_name="Individutskottet",
        meeting_date=date(2026, 11, 20),
        time_place="Kl. 13.00, sammanträdesrum Älgen, kommunhuset",
        members=("Göran Åberg", "Lena Öst", "Pär Ång"),
        chair="Göran Åberg",
        secretary="Sara Nyström",
        items=(
            AgendaItem(paragraph_no=14, case_number="IFO-2026-0042",
                       title="Övervägande om fortsatt vård i familjehem",
                       party_display="K.L. 1990", foredragande="Örjan Ek", kind="beslut",
                       protected=True),
            AgendaItem(paragraph_no=15, case_number="IFO-2026-0050",
                       title="Ansökan om vård enligt LVU", party_display="A.Ö. 2012",
                       foredragande="Märta Sjöö", kind="beslut"),
            AgendaItem(paragraph_no=16, case_number="-",
                       title="Anmälan av delegationsbeslut", party_display="–",
                       foredragande="Sara Nyström", kind="anmalan"),
        ),
    )
    return dataclasses.replace(agenda, **changes)


def make_extract(**changes) -> ProtocolExtract:
    extract = ProtocolExtract(
        letterhead=LETTERHEAD,
        committee_name="Individutskottet",
        meeting_date=date(2026, 11, 20),
        paragraph_no=14,
        case_number="IFO-2026-0042",
        party=PARTY,
        title="Övervägande om fortsatt vård i familjehem",
        decision_text="Individutskottet beslutar att vården i familjehem ska fortsätta.",
        lagrum=("22 kap. 13 § socialtjänstlagen (2025:400)",),
        motivering="Barnets behov tillgodoses väl i familjehemmet.",
        present_members=("Göran Åberg", "Lena Öst", "Pär Ång"),
        chair="Göran Åberg",
        secretary="Sara Nyström",
        justerare="Lena Öst",
        appeal_text=APPEAL_TEXT,
        extract_certified_by="Sara Nyström, nämndsekreterare",
    )
    return dataclasses.replace(extract, **changes)


def make_delegation_list(**changes) -> DelegationList:
    dl = DelegationList(
        letterhead=LETTERHEAD,
        period_from=date(2026, 11, 1),
        period_to=date(2026, 11, 30),
        rows=(
            DelegationListRow(decision_date=date(2026, 11, 12), case_number="IFO-2026-0061",
                              title="Bistånd i form av kontaktperson",
                              lagrum=("13 kap. 7 § SoL",), decided_by="Märta Sjöö",
                              level_label="1:e socialsekreterare", party_initials="B.Å."),
            DelegationListRow(decision_date=date(2026, 11, 3), case_number="IFO-2026-0042",
                              title="Inleda utredning", lagrum=("14 kap. 2 § SoL",),
                              decided_by="Örjan Ek", level_label="Socialsekreterare",
                              party_initials="K.L.", protected=True),
        ),
    )
    return dataclasses.replace(dl, **changes)


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Whitespace-normalised text, so wrapped lines still match."""
    return re.sub(r"\s+", " ", text)


RENDERERS = {
    "letter": lambda **kw: render_decision_letter(make_letter(**kw)),
    "agenda": lambda **kw: render_agenda(make_agenda(**kw)),
    "extract": lambda **kw: render_protocol_extract(make_extract(**kw)),
    "delegation": lambda **kw: render_delegation_list(make_delegation_list(**kw)),
}


# ----------------------------------------------------------------------------- decision letter


def test_letter_contains_every_fl_element():
    text = flat(text_of(render_decision_letter(make_letter())))
    for expected in (
        # headings
        "Beslut", "Lagrum", "Motivering", "Beslutsfattare", "Föredragande",
        "Närvarande utan att delta i beslutet", "Hur man överklagar",
        # content
        "Socialnämnden beviljar bistånd i form av kontaktfamilj",
        "Utredningen visar att behovet inte kan tillgodoses på annat sätt.",
        "2026-11-20",
        "Märta Sjöö, 1:e socialsekreterare",
        "Örjan Ek",
        "Ärla Åström",
        "delegationsordning punkt 3.2",
        "förvaltningsbesvär",
        "inom tre veckor",
        "Beslutet gäller omedelbart.",
        "SoL (2025:400)",
        "IFO-2026-0042",
        SECRECY_MARKING,
        "Ankeby kommun", "Socialnämnden", "Individ- och familjeomsorgen",
        "Åsa Öberg", "19850312-9820", "Storgatan 3",
        "Sida 1 av 1",
    ):
        assert expected in text, expected


def test_letter_lagrum_strings_present():
    text = flat(text_of(render_decision_letter(make_letter())))
    assert "11 kap. 1 § socialtjänstlagen (2025:400)" in text
    assert "13 kap. 7 § socialtjänstlagen (2025:400)" in text


def test_swedish_characters_extract():
    text = text_of(render_decision_letter(make_letter(motivering="Räksmörgås ÅÄÖ åäö é ü")))
    assert "Räksmörgås ÅÄÖ åäö é ü" in text


def test_appeal_kinds():
    none_default = flat(text_of(render_decision_letter(make_letter(appeal="none", appeal_text=""))))
    assert "Beslutet kan inte överklagas." in none_default
    assert "förvaltningsbesvär" not in none_default

    custom = "Beslutet är ett beslut som inte går att överklaga."
    none_custom = flat(text_of(render_decision_letter(
        make_letter(appeal="none", appeal_text=custom))))
    assert custom in none_custom

    lagl = flat(text_of(render_decision_letter(make_letter(
        appeal="laglighetsprovning",
        appeal_text="Laglighetsprövning sker hos förvaltningsrätten.",
    ))))
    assert "laglighetsprövning" in lagl
    assert "Laglighetsprövning sker hos förvaltningsrätten." in lagl


def test_appealable_letter_requires_appeal_text():
    with pytest.raises(ValueError):
        make_letter(appeal="forvaltningsbesvar", appeal_text="  ")
    with pytest.raises(ValueError):
        make_letter(appeal="overklagas")


def test_missing_optional_people_are_stated():
    text = flat(text_of(render_decision_letter(make_letter(
        foredragande_name=None, participants=(), delegation_note=None, urgent_note=None,
    ))))
    assert "Ingen föredragande." in text
    assert "Närvarande utan att delta i beslutet Inga." in text


def test_long_letter_flows_over_two_pages_with_page_numbers():
    long_motivering = "\n\n".join(
        f"Stycke {i}: Av utredningen framgår att familjen behöver stöd i vardagen. " * 3
        for i in range(1, 13)
    )
    pdf = render_decision_letter(make_letter(motivering=long_motivering))
    pages = pages_of(pdf)
    assert len(pages) == 2
    assert "Sida 1 av 2" in pages[0]
    assert "Sida 2 av 2" in pages[1]
    # header on every page
    for page in pages:
        assert "Ankeby kommun" in page
        assert "IFO-2026-0042" in page
        assert SECRECY_MARKING in flat(page)
    text = flat("\n".join(pages))
    assert "Stycke 1:" in text and "Stycke 12:" in text


def test_newlines_in_user_text_are_kept():
    text = text_of(render_decision_letter(make_letter(decision_text="Rad ett\nRad två")))
    assert re.search(r"Rad ett\s*\n\s*Rad två", text)


def test_markup_in_user_text_renders_literally():
    pdf = render_decision_letter(make_letter(
        title="Beslut <b>fet</b> & co",
        motivering="Se <b>detta</b> & <font size=40>stort</font> &amp; klart",
        lagrum=("<i>4 kap.</i> & 1 §",),
    ))
    text = flat(text_of(pdf))
    assert "Beslut <b>fet</b> & co" in text
    assert "Se <b>detta</b> & <font size=40>stort</font> &amp; klart" in text
    assert "<i>4 kap.</i> & 1 §" in text


# ------------------------------------------------------------------------------- all documents


@pytest.mark.parametrize("kind", ["letter", "extract"])
def test_protected_party_address_never_printed(kind):
    text = flat(text_of(RENDERERS[kind](party=PROTECTED)))
    assert STREET not in text
    assert "Hemliga" not in text
    assert PROTECTED_ADDRESS_TEXT in text
    assert "Kim Lind" in text


def test_protected_marking_on_agenda_and_delegation_list():
    for kind in ("agenda", "delegation"):
        text = flat(text_of(RENDERERS[kind]()))
        assert "Skyddade personuppgifter" in text, kind
        assert STREET not in text


def test_unprotected_party_without_address():
    text = flat(text_of(render_decision_letter(
        make_letter(party=dataclasses.replace(PARTY, address_lines=None)))))
    assert "Åsa Öberg" in text
    assert PROTECTED_ADDRESS_TEXT not in text


@pytest.mark.parametrize("kind", list(RENDERERS))
def test_same_input_gives_identical_bytes(kind):
    first = RENDERERS[kind]()
    second = RENDERERS[kind]()
    assert first == second
    assert first.startswith(b"%PDF-")


@pytest.mark.parametrize("kind,change", [
    ("letter", {"motivering": "En annan motivering."}),
    ("agenda", {"time_place": "Kl. 09.00, rum Björken"}),
    ("extract", {"decision_text": "Ett annat beslut."}),
    ("delegation", {"period_to": date(2026, 12, 31)}),
])
def test_different_input_gives_different_bytes(kind, change):
    assert RENDERERS[kind]() != RENDERERS[kind](**change)


def test_document_id_and_dates_follow_input():
    a = PdfReader(io.BytesIO(render_decision_letter(make_letter())))
    b = PdfReader(io.BytesIO(render_decision_letter(make_letter(motivering="Annan."))))
    assert a.trailer["/ID"] != b.trailer["/ID"]
    assert a.metadata["/CreationDate"].startswith("D:20261120")
    # no personal data in the document metadata
    meta = " ".join(str(v) for v in a.metadata.values())
    assert "Öberg" not in meta and "19850312-9820" not in meta


@pytest.mark.parametrize("kind", list(RENDERERS))
def test_dejavu_font_is_embedded(kind):
    reader = PdfReader(io.BytesIO(RENDERERS[kind]()))
    base_fonts = set()
    embedded = False
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            base_fonts.add(str(font["/BaseFont"]))
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                embedded = True
    assert any("DejaVuSans" in name for name in base_fonts), base_fonts
    assert any("DejaVuSans-Bold" in name for name in base_fonts), base_fonts
    assert all("DejaVu" in name for name in base_fonts), base_fonts  # no standard-14 fonts
    assert embedded


# ------------------------------------------------------------------------- agenda, extract, list


def test_agenda_lists_items_with_paragraph_numbers():
    text = flat(text_of(render_agenda(make_agenda())))
    for expected in (
        "Föredragningslista", "Individutskottet", "2026-11-20",
        "Kl. 13.00, sammanträdesrum Älgen, kommunhuset",
        "Göran Åberg", "Lena Öst", "Pär Ång", "Sara Nyström",
        "§ 14", "§ 15", "§ 16",
        "Övervägande om fortsatt vård i familjehem", "Ansökan om vård enligt LVU",
        "K.L. 1990", "A.Ö. 2012", "IFO-2026-0050", "Anmälan", SECRECY_MARKING,
    ):
        assert expected in text, expected
    assert text.index("§ 14") < text.index("§ 15") < text.index("§ 16")


def test_agenda_item_without_paragraph_number():
    items = (dataclasses.replace(make_agenda().items[1], paragraph_no=None),)
    text = flat(text_of(render_agenda(make_agenda(items=items))))
    assert "Ansökan om vård enligt LVU" in text


def test_protocol_extract_content():
    text = flat(text_of(render_protocol_extract(make_extract())))
    for expected in (
        "Protokollsutdrag", "Individutskottet", "2026-11-20", "§ 14", "IFO-2026-0042",
        "Övervägande om fortsatt vård i familjehem",
        "Individutskottet beslutar att vården i familjehem ska fortsätta.",
        "22 kap. 13 § socialtjänstlagen (2025:400)",
        "Barnets behov tillgodoses väl i familjehemmet.",
        "Göran Åberg", "Lena Öst", "Pär Ång", "Ordförande", "Sekreterare", "Justerare",
        "Hur man överklagar", "inom tre veckor",
        "Utdragsbestyrkande", "Rätt utdraget intygar", "Sara Nyström, nämndsekreterare",
        SECRECY_MARKING, "Sida 1 av 1",
    ):
        assert expected in text, expected


def test_delegation_list_rows_and_period():
    text = flat(text_of(render_delegation_list(make_delegation_list())))
    for expected in (
        "Anmälan av delegationsbeslut", "2026-11-01 – 2026-11-30",
        "2026-11-03", "2026-11-12", "IFO-2026-0042", "IFO-2026-0061",
        "Bistånd i form av kontaktperson", "Inleda utredning",
        "13 kap. 7 § SoL", "14 kap. 2 § SoL", "Märta Sjöö", "Örjan Ek",
        "1:e socialsekreterare", "Socialsekreterare", "B.Å.", "K.L.",
        "Antal beslut 2", "anmäls till socialnämnden",
    ):
        assert expected in text, expected
    # chronological
    assert text.index("2026-11-03") < text.index("2026-11-12")


def test_empty_delegation_list():
    text = flat(text_of(render_delegation_list(make_delegation_list(rows=()))))
    assert "Inga delegationsbeslut under perioden." in text


def test_many_delegation_rows_repeat_header_over_pages():
    row = make_delegation_list().rows[0]
    rows = tuple(dataclasses.replace(row, case_number=f"IFO-2026-{i:04d}") for i in range(60))
    pages = pages_of(render_delegation_list(make_delegation_list(rows=rows)))
    assert len(pages) >= 2
    for n, page in enumerate(pages, 1):
        assert f"Sida {n} av {len(pages)}" in page
        assert "Delegationsnivå" in page


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("kind", list(RENDERERS))
def test_poppler_renders_every_page(kind, tmp_path):
    pdf = RENDERERS[kind]()
    source = tmp_path / f"{kind}.pdf"
    source.write_bytes(pdf)
    result = subprocess.run(
        ["pdftoppm", "-png", "-r", "40", str(source), str(tmp_path / kind)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr, result.stderr
    pngs = sorted(tmp_path.glob(f"{kind}*.png"))
    assert len(pngs) == len(PdfReader(io.BytesIO(pdf)).pages)
