"""Search inside text (issue 8, item 11): FTS on both back ends, the access rules of a read, audit."""

from __future__ import annotations

from datetime import date

import pytest

from ifodesk.services import caseview, cases, journal, people, text_search
from ifodesk.services.audit import audit_trail
from ifodesk.services.errors import ValidationError
from ui_support import MAJA, NILS, child, report


def _setup(ctx_for, org):
    karin = ctx_for("karin.berg")
    res = cases.register_anmalan(karin, report(org, child(MAJA, "Maja"), child(NILS, "Nils")))
    anna = org.actor("anna.lind")
    for c in res.children:
        caseview.assign_case(karin, c.case_id, caseview.get_case(karin, c.case_id).version, anna.user_id)
    journal.add_note(ctx_for("anna.lind"), res.children[0].case_id, event_date=date(2026, 3, 2),
                     text="Mamman berättade om bråk i hemmet och att pappan druckit.", heading="Hembesök",
                     sign=True)
    return res


def test_text_search_finds_journal_and_anmalan_text_by_word_and_word_start(ctx_for, org):
    res = _setup(ctx_for, org)
    anna = ctx_for("anna.lind")
    hits = text_search.search_text(anna, "hembesök").hits
    assert [(h.source, h.case_number) for h in hits] == [("journal", res.children[0].case_number)]
    assert "hembesök" not in hits[0].snippet.lower() and hits[0].heading == "Hembesök"  # found in the heading
    found = text_search.search_text(anna, "bråk hemm").hits  # every word, also as the start of a word
    assert len(found) == 1 and "bråk i hemmet" in found[0].snippet
    assert text_search.search_text(anna, "bråk fotboll").hits == ()
    report_hits = text_search.search_text(anna, "HUNGRIG skolan").hits  # the anmälan text, both children
    assert sorted(h.person.first_name for h in report_hits) == ["Maja", "Nils"]
    assert {h.source for h in report_hits} == {"anmalan"}
    with pytest.raises(ValidationError, match="minst ett ord"):
        text_search.search_text(anna, "a b")
    logged = [e for e in audit_trail(ctx_for("eva.lundgren")) if e.action == "search" and e.entity == "text"]
    assert len(logged) == 4 and any("'bråk hemm' (1 träffar" in e.detail for e in logged)


def test_text_search_keeps_to_the_unit_and_hides_protected_persons_without_a_reason(ctx_for, org):
    res = _setup(ctx_for, org)
    petra = ctx_for("petra.vuxen")  # the adult unit: may not read the children's unit without a reason
    assert text_search.search_text(petra, "hembesök").hits == ()
    maja = res.children[0]
    eva = ctx_for("eva.lundgren")
    d = people.get_person(eva, maja.person.id)
    people.update_person(eva, maja.person.id, d.version, protection="skyddad_folkbokforing")
    erik = ctx_for("erik.sjoberg")  # same unit, not the handläggare: sees no hit about a protected child
    result = text_search.search_text(erik, "hembesök")
    assert result.hits == () and result.hidden_protected == 1
    with_reason = text_search.search_text(erik, "hembesök", reason="Ersätter Anna under hennes frånvaro")
    assert len(with_reason.hits) == 1 and with_reason.hits[0].person.first_name == "Maja"
    assert text_search.search_text(ctx_for("anna.lind"), "hembesök").hits[0].person.first_name == "Maja"
    logged = [e for e in audit_trail(eva) if e.action == "search" and e.entity == "text" and e.username == "erik.sjoberg"]
    assert [e.reason for e in logged].count("Ersätter Anna under hennes frånvaro") == 1


def test_the_index_follows_edits_of_journal_drafts(ctx_for, org):
    res = _setup(ctx_for, org)
    anna = ctx_for("anna.lind")
    n = journal.add_note(anna, res.children[1].case_id, event_date=date(2026, 3, 1), text="Ringde förskolan.")
    assert len(text_search.search_text(anna, "förskolan").hits) == 1
    journal.update_draft(anna, n.id, n.version, text="Ringde farmor.", event_date=date(2026, 3, 1))
    assert text_search.search_text(anna, "förskolan").hits == ()
    assert len(text_search.search_text(anna, "farmor").hits) == 1


@pytest.mark.parametrize("prefilter", [400, 1, 3])
def test_the_hits_are_the_newest_across_sources_with_the_limit_after_the_ordering(ctx_for, org, monkeypatch,
                                                                                  prefilter):
    """More matches than the limit: the newest are shown, whatever order the rows were written in
    (and whether or not the match is first cut to its newest rows: the result is the same)."""
    from datetime import datetime

    from ifodesk.services.context import STOCKHOLM

    res = _setup(ctx_for, org)  # today is 2026-03-02; that anmälan says "hungrig" for Maja and Nils
    anna = ctx_for("anna.lind")
    maja = res.children[0].case_id
    for day in (25, 10, 27, 20):  # written out of date order; 10 February is the oldest of all
        when = date(2026, 2, day)
        journal.add_note(anna, maja, event_date=when, text=f"Barnet var hungrig igen ({when}).", sign=True)
    night = report(org, child(MAJA, "Maja"), received=datetime(2026, 3, 1, 0, 30, tzinfo=STOCKHOLM))
    cases.register_anmalan(ctx_for("karin.berg"), night)  # 28 February in UTC, 1 March in Sweden

    monkeypatch.setattr(text_search, "PREFILTER", prefilter)
    monkeypatch.setattr(text_search, "LIMIT", 4)
    result = text_search.search_text(anna, "hungrig")
    assert [(h.source, h.on) for h in result.hits] == [
        ("anmalan", date(2026, 3, 2)), ("anmalan", date(2026, 3, 2)), ("anmalan", date(2026, 3, 1)),
        ("journal", date(2026, 2, 27))]
    assert result.more

    monkeypatch.setattr(text_search, "LIMIT", 100)
    everything = text_search.search_text(anna, "hungrig")
    assert [h.on for h in everything.hits] == [date(2026, 3, 2)] * 2 + [date(2026, 3, 1)] + [
        date(2026, 2, d) for d in (27, 25, 20, 10)]
    assert not everything.more
