"""The legal catalog and decision templates, checked the way a jurist would read them."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from ifodesk.domain.catalog import CatalogError, catalog_as_json, load_catalog
from ifodesk.domain.templates import (
    InvalidFieldError,
    MissingFieldError,
    content_hash,
    render_decision_text,
)
from ifodesk.resources import resources_dir

# The exact citation form used in decisions: "22 kap. 2 § SoL", "6 § LVU", "11 kap. 1 a § SoL".
LAGRUM_RE = re.compile(r"^(\d+ kap\. )?\d+( [a-z])? § (SoL|LVU|LVM|KL|FL)$")

REQUIRED_TEMPLATES = {
    "inleda_utredning",
    "inte_inleda_utredning",
    "forlangd_utredningstid",
    "avsluta_utredning_utan_insats",
    "bistand_oppenvard",
    "kontaktperson_kontaktfamilj",
    "placering_hvb",
    "placering_stodboende",
    "vard_familjehem",
    "vard_jourhem",
    "overvagande_sol",
    "avslag_bistand",
    "ekonomiskt_bistand_bifall",
    "ekonomiskt_bistand_avslag",
    "lvu_ansokan_vard",
    "lvu_omedelbart_omhandertagande",
    "lvu_overvagande",
    "lvu_umgange_hemlighallande",
    "lvu_upphorande",
    "lvm_ansokan_vard",
    "lvm_omedelbart_omhandertagande",
}

# law.md: "Utskott only, never an employee" — SoL 30:6 (familjehem, jourhem, övervägande),
# SoL 30:7 (the LVU decisions), SoL 30:9 [I] (LVM 11 and 13 §§).
UTSKOTT_ONLY = {
    "vard_familjehem": "30 kap. 6 § SoL",
    "vard_jourhem": "30 kap. 6 § SoL",
    "overvagande_sol": "30 kap. 6 § SoL",
    "lvu_ansokan_vard": "30 kap. 7 § SoL",
    "lvu_omedelbart_omhandertagande": "30 kap. 7 § SoL",
    "lvu_overvagande": "30 kap. 7 § SoL",
    "lvu_umgange_hemlighallande": "30 kap. 7 § SoL",
    "lvu_upphorande": "30 kap. 7 § SoL",
    "lvm_ansokan_vard": "30 kap. 9 § SoL",
    "lvm_omedelbart_omhandertagande": "30 kap. 9 § SoL",
    # Issue 10: refusals are as reserved as approvals; new LVU and SoL 30 kap. 6 § templates.
    "avslag_vard_familjehem": "30 kap. 6 § SoL",
    "avslag_vard_jourhem": "30 kap. 6 § SoL",
    "medgivande_familjehem": "30 kap. 6 § SoL",
    "vardnadsoverflyttning_overvagande": "30 kap. 6 § SoL",
    "aterkrav_talan": "30 kap. 6 § SoL",
    "lvu_placering_11": "30 kap. 7 § SoL",
    "lvu_tillfalligt_flyttningsforbud": "30 kap. 7 § SoL",
    "lvu_ansokan_flyttningsforbud": "30 kap. 7 § SoL",
    "lvu_flyttningsforbud_omprovning": "30 kap. 7 § SoL",
    "lvu_polishandrackning": "30 kap. 7 § SoL",
    "lvu_fortsatt_omhandertagande": "30 kap. 7 § SoL",
    "lvu_upphora_omedelbart": "30 kap. 7 § SoL",
    "lvu_mellantvang": "30 kap. 7 § SoL",
    # Issue 13: placeringsformer Socialstyrelsen counts (nätverkshem under SoL; SiS and eget hem under LVU).
    "vard_natverkshem": "30 kap. 6 § SoL",
    "lvu_vard_sis": "30 kap. 7 § SoL",
    "lvu_vard_eget_hem": "30 kap. 7 § SoL",
}


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def sample_fields(template) -> dict[str, str]:
    values = {}
    for f in template.fields:
        if f.kind == "date":
            values[f.name] = "2026-11-02"
        elif f.kind == "choice":
            values[f.name] = f.options[0].value
        else:
            values[f.name] = f"Exempel på {f.label.lower()}"
    return values


# --- Laws and versions ----------------------------------------------------------------------


def test_law_versions_cover_old_and_new_sol(catalog):
    versions = catalog.law_versions
    for vid in ("SoL 2025:400", "SoL 2001:453", "LVU 1990:52", "LVM 1988:870", "KL 2017:725", "FL 2017:900"):
        assert vid in versions
    assert versions["SoL 2001:453"].valid_to == date(2025, 6, 30)
    assert versions["SoL 2025:400"].valid_from == date(2025, 7, 1)
    assert versions["SoL 2025:400"].valid_to is None
    assert catalog.version_in_force("SoL", date(2025, 6, 30)).id == "SoL 2001:453"
    assert catalog.version_in_force("SoL", date(2025, 7, 1)).id == "SoL 2025:400"


def test_paragraph_marks_follow_law_md(catalog):
    # law.md: SoL 30:9 (utskott only for LVM) is inferred, 30:6/30:7 and 35:1 are verified.
    assert catalog.paragraph("30 kap. 9 § SoL", "SoL 2025:400").mark == "I"
    for c in ("30 kap. 6 § SoL", "30 kap. 7 § SoL", "35 kap. 1 § SoL", "22 kap. 2 § SoL"):
        assert catalog.paragraph(c, "SoL 2025:400").mark == "V"
    for v in catalog.law_versions.values():
        for p in v.paragraphs:
            assert LAGRUM_RE.match(p.citation), p.citation
            assert p.citation.endswith(" " + v.law_id)
            assert p.mark in ("V", "I", "U") and p.text


def test_every_lagrum_in_deadlines_file_is_in_the_catalog(catalog):
    """The deadline rules (another module's data) cite paragraphs this catalog must know."""
    path = resources_dir() / "deadlines.toml"
    if not path.exists():
        pytest.skip("resources/deadlines.toml finns inte ännu")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for d in data["deadline"]:
        for citation in d["lagrum"]:
            law_id = citation.rsplit(" ", 1)[1]
            version = catalog.version_in_force(law_id, date(2026, 1, 1))
            assert version is not None and version.paragraph(citation), (d["id"], citation)


# --- Templates -------------------------------------------------------------------------------


def test_required_templates_exist(catalog):
    assert REQUIRED_TEMPLATES <= set(catalog.templates)


def test_every_template_has_lagrum_in_exact_form(catalog):
    for t in catalog.templates.values():
        assert t.lagrum, t.id
        cited = [*t.lagrum, t.utskott_basis, t.urgent_basis, t.appeal.basis, t.socionom_basis]
        for legacy in t.legacy_lagrum.values():
            cited.extend(legacy)
        for f in t.fields:
            for o in f.options:
                cited.extend(o.lagrum)
        for c in cited:
            if c is not None:
                assert LAGRUM_RE.match(c), (t.id, c)


def test_template_basics(catalog):
    for t in catalog.templates.values():
        assert t.category in ("barn", "vuxen", "ekonomi")
        assert t.kind in ("approval", "refusal", "other")
        if t.kind == "refusal":
            assert catalog.template(t.approval_pair).kind == "approval"
        assert t.law_version in catalog.law_versions
        assert t.fields and t.wording and t.title


def test_utskott_only_templates_are_marked_with_basis(catalog):
    for tid, basis in UTSKOTT_ONLY.items():
        t = catalog.template(tid)
        assert t.utskott_only, tid
        assert t.utskott_basis == basis, tid
        assert t.lowest_decider == "utskott"
    for t in catalog.templates.values():
        if t.id not in UTSKOTT_ONLY:
            assert not t.utskott_only, t.id
            assert t.utskott_basis is None


def test_urgent_routes_only_where_the_law_gives_one(catalog):
    urgent = {t.id: t.urgent_basis for t in catalog.templates.values() if t.urgent_route}
    assert urgent == {
        "lvu_omedelbart_omhandertagande": "6 § LVU",  # 6 § 2 st LVU
        "lvm_omedelbart_omhandertagande": "13 § LVM",  # 13 § 2 st LVM
        "lvu_umgange_hemlighallande": "6 kap. 39 § KL",  # HFD 2016 ref. 74
        "vard_jourhem": "6 kap. 39 § KL",  # [I]
        "lvu_placering_11": "11 § LVU",  # 11 § 3 st LVU
        "lvu_vard_sis": "11 § LVU",  # where the vård is given: the same 11 § decision
        "lvu_vard_eget_hem": "11 § LVU",
        "lvu_tillfalligt_flyttningsforbud": "27 § LVU",  # 27 § 2 st LVU
        "lvu_polishandrackning": "43 § LVU",
    }
    for tid in urgent:
        t = catalog.template(tid)
        assert t.urgent_route == "ordforande"
        assert "ordforandebeslut_anmalan" in t.urgent_starts_deadlines
    # A planned decision never qualifies: no urgent route for an application for vård.
    assert catalog.template("lvu_ansokan_vard").urgent_route is None
    assert catalog.template("vard_familjehem").urgent_route is None


def test_appeal_routes(catalog):
    # SoL 35:1: insatser under 11 kap. 1 § or 12 kap. 1 § → förvaltningsbesvär.
    for t in catalog.templates.values():
        if {"11 kap. 1 § SoL", "12 kap. 1 § SoL"} & set(t.lagrum):
            assert t.appeal.route == "forvaltningsbesvar", t.id
            assert t.appeal.basis == "35 kap. 1 § SoL", t.id
    assert catalog.template("inleda_utredning").appeal.route == "none"
    not_open = catalog.template("inte_inleda_utredning").appeal
    assert (not_open.route, not_open.basis) == ("laglighetsprovning", "13 kap. 1 § KL")
    assert "laglighetsprövning" in not_open.text.lower()
    # LVU 41 § lists 14 § decisions as appealable; 6 § is reviewed by underställning instead.
    assert catalog.template("lvu_umgange_hemlighallande").appeal.basis == "41 § LVU"
    assert catalog.template("lvu_umgange_hemlighallande").appeal.route == "forvaltningsbesvar"
    lvu6 = catalog.template("lvu_omedelbart_omhandertagande").appeal
    assert lvu6.route == "none" and "förvaltningsrätten" in lvu6.text and "en vecka" in lvu6.text
    lvm13 = catalog.template("lvm_omedelbart_omhandertagande").appeal
    assert (lvm13.route, lvm13.basis) == ("none", "44 § LVM")
    assert "dagen efter" in lvm13.text


def test_forvaltningsbesvar_text_says_where_how_and_when(catalog):
    text = catalog.template("bistand_oppenvard").appeal.text
    assert "förvaltningsrätten" in text
    assert "socialnämnden" in text  # the written appeal is sent to the nämnd
    assert "tre veckor" in text and "fick del av beslutet" in text


def test_deadlines_started(catalog):
    def starts(tid):
        return set(catalog.template(tid).starts_deadlines)

    assert starts("inleda_utredning") == {"utredning"}
    assert "lvu_understallning" in starts("lvu_omedelbart_omhandertagande")
    assert "lvm_understallning" in starts("lvm_omedelbart_omhandertagande")
    assert starts("overvagande_sol") == {"overvagande_sol"}
    assert starts("lvu_overvagande") == {"overvagande_lvu"}
    assert starts("lvu_umgange_hemlighallande") == {"lvu_14_omprovning"}
    assert "overvagande_sol" in starts("vard_familjehem")
    # Jourhem: the two months run from the utredning's closing, not from the placement.
    assert "jourhem" not in starts("vard_jourhem")
    assert catalog.template("vard_jourhem").deadlines_after_utredning == ("jourhem",)
    assert catalog.template("forlangd_utredningstid").extends_deadlines == ("utredning",)


def test_deadline_ids_are_those_of_the_deadlines_file(catalog):
    path = resources_dir() / "deadlines.toml"
    if path.exists():
        ids = {d["id"] for d in tomllib.loads(path.read_text(encoding="utf-8"))["deadline"]}
        assert catalog.deadline_ids == ids
    for t in catalog.templates.values():
        used = {*t.starts_deadlines, *t.optional_deadlines, *t.extends_deadlines, *t.urgent_starts_deadlines}
        assert used <= catalog.deadline_ids, t.id


def test_statistics_hints(catalog):
    expected = {
        "bistand_oppenvard": "oppenvard",
        "kontaktperson_kontaktfamilj": "kontaktfamilj",
        "placering_hvb": "hvb",
        "placering_stodboende": "stodboende",
        "vard_familjehem": "familjehem",
        "vard_jourhem": "jourhem",
        "bistand_oppenvard_program": "oppenvard_program",
        "bistand_personligt_stod": "oppenvard_personligt_stod",
        "sarskilt_kvalificerad_kontaktperson": "kvalificerad_kontaktperson",
        "vard_natverkshem": "natverkshem",
    }
    for tid, insats in expected.items():
        s = catalog.template(tid).statistics
        assert (s.insats_type, s.legal_basis) == (insats, "SoL")
    for tid, insats in (("lvu_vard_sis", "sis"), ("lvu_vard_eget_hem", "eget_hem")):
        s = catalog.template(tid).statistics
        assert (s.insats_type, s.legal_basis) == (insats, "LVU")
    assert catalog.template("lvu_omedelbart_omhandertagande").statistics.legal_basis == "LVU"
    assert catalog.template("lvm_ansokan_vard").statistics.legal_basis == "LVM"
    assert catalog.template("inleda_utredning").statistics is None


# --- Rendering -------------------------------------------------------------------------------


@pytest.mark.parametrize("template_id", sorted(REQUIRED_TEMPLATES))
def test_render_every_template(catalog, template_id):
    t = catalog.template(template_id)
    fields = sample_fields(t)
    r = render_decision_text(t, fields)
    assert r.title == t.title
    assert r.law_version == t.law_version
    assert set(t.lagrum) <= set(r.lagrum)
    for c in r.lagrum:
        assert c in r.text  # the motivering names the provisions applied (FL 32 §)
    assert "{" not in r.text and "}" not in r.text
    for f in t.fields:
        if f.kind == "text":
            assert fields[f.name] in r.text
        elif f.kind == "date":
            assert "2026-11-02" in r.text
        else:
            assert f.options[0].text in r.text
    assert r.appeal_route == t.appeal.route
    assert r.appeal_text == t.appeal.text and r.appeal_text
    if t.appeal.route == "forvaltningsbesvar":
        assert "tre veckor" in r.appeal_text
    if t.appeal.route == "none":
        assert "kan inte överklagas" in r.appeal_text


def test_missing_required_fields_are_listed_in_swedish(catalog):
    t = catalog.template("vard_familjehem")
    fields = sample_fields(t)
    del fields["motivering"]
    fields["familjehem"] = "   "
    with pytest.raises(MissingFieldError) as exc:
        render_decision_text(t, fields)
    msg = str(exc.value)
    assert "Obligatoriska fält saknas" in msg
    assert "Motivering" in msg and "Familjehemmet (namn)" in msg
    assert {f.name for f in exc.value.missing} == {"motivering", "familjehem"}


def test_optional_field_may_be_empty(catalog):
    t = catalog.template("ekonomiskt_bistand_bifall")
    fields = sample_fields(t)
    fields["motivering"] = ""
    r = render_decision_text(t, fields)
    assert "\n\n\n" not in r.text


def test_bad_date_and_unknown_choice_are_refused(catalog):
    t = catalog.template("forlangd_utredningstid")
    fields = sample_fields(t)
    fields["slutdatum"] = "31/12"
    with pytest.raises(InvalidFieldError, match="Ny sista dag för utredningen"):
        render_decision_text(t, fields)
    fields["slutdatum"] = "2026-02-30"
    with pytest.raises(InvalidFieldError):
        render_decision_text(t, fields)
    t = catalog.template("lvu_ansokan_vard")
    fields = sample_fields(t)
    fields["grund"] = "5"
    with pytest.raises(InvalidFieldError, match="inget tillåtet val"):
        render_decision_text(t, fields)


def test_lvu_ground_adds_its_paragraph(catalog):
    t = catalog.template("lvu_ansokan_vard")
    fields = sample_fields(t) | {"grund": "3"}
    r = render_decision_text(t, fields)
    assert r.lagrum == ("4 § LVU", "3 § LVU")
    assert "den unges eget beteende" in r.text
    fields["grund"] = "2_3"
    assert render_decision_text(t, fields).lagrum == ("4 § LVU", "2 § LVU", "3 § LVU")


def test_old_decision_renders_with_old_paragraphs(catalog):
    t = catalog.template("vard_familjehem")
    r = render_decision_text(t, sample_fields(t), law_version="SoL 2001:453")
    assert r.lagrum == ("4 kap. 1 § SoL", "6 kap. 6 § SoL")
    assert "6 kap. 6 § SoL" in r.text and "22 kap. 2 § SoL" not in r.text
    t = catalog.template("inleda_utredning")
    r = render_decision_text(t, sample_fields(t), law_version="SoL 2001:453")
    assert r.lagrum == ("11 kap. 1 § SoL",)
    assert catalog.lagrum_for("overvagande_sol", "SoL 2001:453") == ("6 kap. 8 § SoL",)
    assert catalog.lagrum_for("overvagande_sol") == ("22 kap. 13 § SoL",)


def test_law_version_for_decision_date(catalog):
    assert catalog.law_version_for_decision("vard_familjehem", date(2025, 6, 30)) == "SoL 2001:453"
    assert catalog.law_version_for_decision("vard_familjehem", date(2025, 7, 1)) == "SoL 2025:400"
    assert catalog.law_version_for_decision("lvu_omedelbart_omhandertagande", date(2024, 3, 1)) == "LVU 1990:52"


def test_unknown_law_version_is_refused(catalog):
    t = catalog.template("vard_familjehem")
    with pytest.raises(ValueError, match="SoL 1980:620"):
        render_decision_text(t, sample_fields(t), law_version="SoL 1980:620")


# --- Broken catalog files --------------------------------------------------------------------


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    src = resources_dir()
    root = tmp_path / "resources"
    shutil.copytree(src / "catalog", root / "catalog")
    shutil.copytree(src / "templates", root / "templates")
    if (src / "deadlines.toml").exists():
        shutil.copy(src / "deadlines.toml", root / "deadlines.toml")
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_copied_tree_loads(tree):
    assert set(load_catalog(tree).templates) == set(load_catalog().templates)


def test_unknown_lagrum_names_file_and_entry(tree):
    _edit(tree / "templates" / "vard_familjehem.toml", '"22 kap. 2 § SoL"]', '"22 kap. 99 § SoL"]')
    with pytest.raises(CatalogError) as exc:
        load_catalog(tree)
    msg = str(exc.value)
    assert "templates/vard_familjehem.toml" in msg
    assert "mall vard_familjehem" in msg and "lagrum[1]" in msg
    assert "'22 kap. 99 § SoL' finns inte i SoL 2025:400" in msg


def test_lagrum_in_wrong_form(tree):
    _edit(tree / "templates" / "lvu_upphorande.toml", '["21 § LVU"]', '["LVU 21 §"]')
    with pytest.raises(CatalogError, match=r"templates/lvu_upphorande.toml: mall lvu_upphorande.*fel form"):
        load_catalog(tree)


def test_old_paragraph_not_valid_in_new_law(tree):
    # 6 kap. 6 § belongs to SoL 2001:453; a new decision may not cite it.
    _edit(tree / "templates" / "vard_familjehem.toml", '"22 kap. 2 § SoL"]', '"6 kap. 6 § SoL"]')
    with pytest.raises(CatalogError, match="'6 kap. 6 § SoL' finns inte i SoL 2025:400"):
        load_catalog(tree)


def test_bad_level(tree):
    _edit(tree / "templates" / "placering_hvb.toml", 'lowest_decider = "enhetschef"', 'lowest_decider = "chef"')
    with pytest.raises(CatalogError) as exc:
        load_catalog(tree)
    msg = str(exc.value)
    assert "templates/placering_hvb.toml: mall placering_hvb" in msg
    assert "lowest_decider 'chef' är ingen känd beslutsnivå" in msg


def test_bad_toml(tree):
    (tree / "templates" / "inleda_utredning.toml").write_text('id = "inleda_utredning\n', encoding="utf-8")
    with pytest.raises(CatalogError, match=r"templates/inleda_utredning.toml: filen: ogiltig TOML"):
        load_catalog(tree)


def test_bad_law_file(tree):
    _edit(tree / "catalog" / "laws" / "lvu.toml", 'citation = "6 § LVU"', 'citation = "6§ LVU"')
    with pytest.raises(CatalogError) as exc:
        load_catalog(tree)
    msg = str(exc.value)
    assert "catalog/laws/lvu.toml" in msg and "versions[LVU 1990:52].paragraphs['6§ LVU']" in msg


def test_utskott_only_without_basis(tree):
    _edit(tree / "templates" / "vard_jourhem.toml", 'utskott_basis = "30 kap. 6 § SoL"\n', "")
    with pytest.raises(CatalogError, match="mall vard_jourhem: utskott_only kräver utskott_basis"):
        load_catalog(tree)


def test_urgent_route_without_basis(tree):
    _edit(tree / "templates" / "lvm_omedelbart_omhandertagande.toml", 'urgent_basis = "13 § LVM"\n', "")
    with pytest.raises(CatalogError, match="urgent_route kräver urgent_basis"):
        load_catalog(tree)


def test_unknown_deadline_and_appeal(tree):
    _edit(tree / "templates" / "inleda_utredning.toml", 'starts_deadlines = ["utredning"]', 'starts_deadlines = ["utredningen"]')
    _edit(tree / "templates" / "inte_inleda_utredning.toml", 'route = "laglighetsprovning"', 'route = "besvar"')
    with pytest.raises(CatalogError) as exc:
        load_catalog(tree)
    msg = str(exc.value)
    assert "templates/inleda_utredning.toml: mall inleda_utredning, starts_deadlines: okänd frist 'utredningen'" in msg
    assert "templates/inte_inleda_utredning.toml" in msg and "route måste vara en av" in msg


def test_undeclared_placeholder(tree):
    _edit(tree / "templates" / "lvu_upphorande.toml", "{upphor_datum}.", "{upphorsdatum}.")
    with pytest.raises(CatalogError) as exc:
        load_catalog(tree)
    msg = str(exc.value)
    assert "{upphorsdatum} är inte deklarerat" in msg
    assert "fält 'upphor_datum': fältet används inte i formuleringen" in msg


def test_refusal_without_approval_pair(tree):
    _edit(tree / "templates" / "avslag_bistand.toml", 'approval_pair = "bistand_vuxen_oppenvard"\n', "")
    with pytest.raises(CatalogError, match="avslagsbeslut .* måste ange approval_pair"):
        load_catalog(tree)


# --- Content hash ----------------------------------------------------------------------------


def test_content_hash_stable_across_dict_order(catalog):
    t = catalog.template("vard_familjehem")
    fields = sample_fields(t)
    reordered = dict(reversed(list(fields.items())))
    assert content_hash(t.id, t.law_version, fields) == content_hash(t.id, t.law_version, reordered)
    assert re.fullmatch(r"[0-9a-f]{64}", content_hash(t.id, t.law_version, fields))


def test_content_hash_changes_on_any_edit(catalog):
    t = catalog.template("vard_familjehem")
    fields = sample_fields(t)
    base = content_hash(t.id, t.law_version, fields)
    for name in fields:
        edited = dict(fields)
        edited[name] = fields[name] + "."
        assert content_hash(t.id, t.law_version, edited) != base, name
    assert content_hash(t.id, "SoL 2001:453", fields) != base
    assert content_hash("vard_jourhem", t.law_version, fields) != base
    assert content_hash(t.id, t.law_version, fields | {"extra": ""}) != base


def test_content_hash_ignores_unicode_normal_form():
    nfc = {"motivering": unicodedata.normalize("NFC", "Vårdnadshavaren är överens")}
    nfd = {"motivering": unicodedata.normalize("NFD", "Vårdnadshavaren är överens")}
    assert nfc != nfd
    assert content_hash("x", "SoL 2025:400", nfc) == content_hash("x", "SoL 2025:400", nfd)


# --- Admin JSON ------------------------------------------------------------------------------


def test_catalog_as_json(catalog):
    rows = catalog_as_json(catalog)
    json.dumps(rows, ensure_ascii=False)
    assert {r["id"] for r in rows} == set(catalog.templates)
    levels = {"handlaggare", "forste_socialsekreterare", "enhetschef", "ifo_chef", "socialchef",
              "ordforande", "utskott", "namnd"}
    for r in rows:
        for key in ("id", "title", "law_version", "lagrum", "lowest_decider", "utskott_only",
                    "urgent_route", "appeal", "starts_deadlines"):
            assert key in r, key
        assert r["lowest_decider"] in levels
        assert r["appeal"] in ("forvaltningsbesvar", "laglighetsprovning", "none")
        assert r["urgent_route"] in (None, "ordforande")
        assert isinstance(r["utskott_only"], bool)
        assert r["lagrum"] and all(LAGRUM_RE.match(c) for c in r["lagrum"])
    by_id = {r["id"]: r for r in rows}
    lvu6 = by_id["lvu_omedelbart_omhandertagande"]
    assert lvu6["lagrum"] == ["6 § LVU"]
    assert (lvu6["utskott_only"], lvu6["urgent_route"], lvu6["appeal"]) == (True, "ordforande", "none")
    assert lvu6["law_version"] == "LVU 1990:52"
    assert "lvu_understallning" in lvu6["starts_deadlines"]
    assert by_id["vard_familjehem"]["legacy_lagrum"] == {"SoL 2001:453": ["4 kap. 1 § SoL", "6 kap. 6 § SoL"]}
