"""Kommunicering (FL 25 §) before a decision that goes against a party, judged from the template
data (``against_party``), not for every decision (issue 11, item 4)."""

from __future__ import annotations

from datetime import date

import pytest

from ifodesk.domain.catalog import CatalogError, load_catalog
from ifodesk.services import party_events

from test_catalog import _edit, tree  # noqa: F401  (fixture)
from test_parties import guardians
from test_party_events import maja  # noqa: F401  (fixture)


def test_refusals_and_compulsory_measures_go_against_the_party_grants_do_not():
    t = load_catalog().templates
    assert all(x.against_party for x in t.values() if x.kind == "refusal")
    for tid in ("avslag_bistand", "ekonomiskt_bistand_avslag", "lvu_ansokan_vard", "lvu_omedelbart_omhandertagande",
                "lvm_omedelbart_omhandertagande", "lvu_placering_11", "aterkrav_beslut", "avsluta_insats"):
        assert t[tid].against_party, tid
    for tid in ("inleda_utredning", "bistand_oppenvard", "vard_familjehem", "ekonomiskt_bistand_bifall",
                "lvu_upphorande", "forlangd_utredningstid"):
        assert not t[tid].against_party, tid


def test_a_refusal_without_against_party_is_refused_by_the_catalog(tree):  # noqa: F811
    _edit(tree / "templates" / "avslag_bistand.toml", "against_party = true\n", "")
    with pytest.raises(CatalogError, match="avslag_bistand.*ett avslag går parten emot: ange against_party = true"):
        load_catalog(tree)


def test_against_party_must_be_true_or_false(tree):  # noqa: F811
    _edit(tree / "templates" / "lvu_ansokan_vard.toml", "against_party = true", 'against_party = "ja"')
    with pytest.raises(CatalogError, match="lvu_ansokan_vard.*'against_party' måste vara true eller false"):
        load_catalog(tree)


def test_the_signing_warning_only_for_a_decision_against_the_party(ctx, maja):  # noqa: F811
    mor, far = guardians(ctx, maja.person.id)
    party_events.send_kommunicering(ctx, maja.case_id, far.person_id, "Utredningen, utkast",
                                    reply_due_on=date(2026, 3, 16))
    assert "Olle Öberg" in party_events.signing_warning(ctx, maja.case_id, template_id="lvu_ansokan_vard")
    assert "2026-03-16" in party_events.signing_warning(ctx, maja.case_id, template_id="avslag_bistand")
    assert party_events.signing_warning(ctx, maja.case_id, template_id="bistand_oppenvard") is None
    assert party_events.signing_warning(ctx, maja.case_id, template_id="inleda_utredning") is None
    with pytest.raises(Exception, match="Okänd beslutsmall"):
        party_events.signing_warning(ctx, maja.case_id, template_id="finns_inte")
