"""The children's case path through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from ifodesk.db.models import AuditLog, Deadline
from ifodesk.services import cases, caseview, journal, people
from ifodesk.services import deadlines as dl
from ifodesk.services.context import STOCKHOLM
from ifodesk.services.dto import AnmalanInput, ChildInput
from ifodesk.services.errors import ConflictError, PermissionDenied, ValidationError

# Synthetic test personnummer (födelsenummer 98x/99x), valid in form.
MAJA = "20150312-9809"
NILS = "20180704-9810"


def at(y, m, d, hh=9, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=STOCKHOLM)


def anmalan(org, *children, category="skola", anonymous=False, feedback=False, received=None, **kw):
    return AnmalanInput(
        unit_id=org.unit.id, received_at=received or at(2026, 3, 2, 8, 15), channel="telefon",
        reporter_category=category, children=tuple(children), reasons=("omsorgssvikt",),
        text="Barnet kommer ofta hungrig till skolan.",
        reporter_name=None if anonymous else "Lena Rektor", reporter_organisation="Björkskolan",
        reporter_contact="0123-456", reporter_anonymous=anonymous, reporter_wants_feedback=feedback, **kw)


def test_register_anmalan_for_siblings_gives_each_child_a_case_and_clocks(ctx, org, db):
    res = cases.register_anmalan(ctx, anmalan(
        org, ChildInput(MAJA, "Maja", "Öberg"), ChildInput(NILS, "Nils", "Öberg"), feedback=True))
    assert len(res.children) == 2
    numbers = [c.case_number for c in res.children]
    assert numbers == ["BU-2026-00001", "BU-2026-00002"]
    assert all(c.new_case and c.earlier_reports == () for c in res.children)
    maja = res.children[0]
    assert maja.person.legal_gender == "K" and maja.person.birth_date == date(2015, 3, 12)
    detail = caseview.get_case(ctx, maja.case_id)
    kinds = {d.kind: d for d in detail.deadlines}
    assert kinds["skyddsbedomning"].due_on == date(2026, 3, 2)
    assert kinds["forhandsbedomning"].due_on == date(2026, 3, 16)
    assert detail.summary.assigned_name == "Anna Lind"


def test_second_report_shows_earlier_reports_including_those_without_utredning(ctx, org, clock):
    first = cases.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg")))
    fb = caseview.get_case(ctx, first.children[0].case_id).anmalningar[0]
    cases.record_skyddsbedomning(ctx, first.children[0].anmalan_child_id, assessed_at=at(2026, 3, 2, 10),
                                 immediate_need=False, assessment="Ingen akut fara.")
    clock.set(2026, 3, 5)
    with ctx.write() as s:
        from ifodesk.db.models import Forhandsbedomning
        row = s.get(Forhandsbedomning, fb.id)
        cases.conclude_forhandsbedomning(s, ctx, row, "inte_inleda", "Familjen har redan stöd.",
                                         date(2026, 3, 5), ctx.actor.user_id, None)
    clock.set(2026, 6, 1)
    second = cases.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "", ""), category="polis",
                                                 received=at(2026, 6, 1, 7)))
    earlier = second.children[0].earlier_reports
    assert len(earlier) == 1
    assert earlier[0].reporter_category == "skola"
    assert earlier[0].outcome == "inte_inleda" and not earlier[0].led_to_utredning
    # The case was closed by "inte inleda", so the new report opens a new case.
    assert second.children[0].case_number == "BU-2026-00002"


@pytest.mark.parametrize("bad, message", [
    ("20150312-9808", "Kontrollsiffran"),
    ("20151332-9809", "månad 13"),
    ("abc", ""),
])
def test_invalid_personnummer_is_refused_with_swedish_message_and_nothing_saved(ctx, org, db, bad, message):
    with pytest.raises(ValidationError) as exc:
        cases.register_anmalan(ctx, anmalan(org, ChildInput(bad, "Maja", "Öberg")))
    assert message.lower() in str(exc.value).lower()
    with db.session() as s:
        from ifodesk.db.models import Anmalan
        assert s.scalar(select(func.count()).select_from(Anmalan)) == 0


def test_professional_reporter_cannot_be_anonymous(ctx, org):
    with pytest.raises(ValidationError, match="anmälningsskyldighet"):
        cases.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"), category="polis", anonymous=True))
    res = cases.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"), category="privatperson",
                                              anonymous=True))
    assert res.children


def test_report_in_the_future_is_refused(ctx, org):
    with pytest.raises(ValidationError, match="framtiden"):
        cases.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"), received=at(2026, 3, 9)))


def test_child_without_personnummer_gets_reserve_number(ctx, org):
    res = cases.register_anmalan(ctx, anmalan(org, ChildInput(None, "Amir", "Said", birth_date=date(2016, 5, 1))))
    assert res.children[0].person.display_id.startswith("R20160501-")


def test_skyddsbedomning_meets_same_day_deadline(ctx, org):
    res = cases.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg")))
    ch = res.children[0]
    with pytest.raises(ValidationError, match="skyddsåtgärder"):
        cases.record_skyddsbedomning(ctx, ch.anmalan_child_id, assessed_at=at(2026, 3, 2, 10),
                                     immediate_need=True, assessment="Barnet är rädd att gå hem.")
    cases.record_skyddsbedomning(ctx, ch.anmalan_child_id, assessed_at=at(2026, 3, 2, 10),
                                 immediate_need=False, assessment="Ingen akut fara.")
    overdue = dl.overview(ctx, unit_id=org.unit.id, within_days=0)
    assert [d.kind for d in overdue] == []  # förhandsbedömning not due yet, skydd met
    soon = dl.overview(ctx, unit_id=org.unit.id, within_days=14)
    assert [d.kind for d in soon] == ["forhandsbedomning"]


def test_deadline_overview_shows_overdue_for_user_and_unit(ctx, ctx_for, org, clock):
    cases.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg")))
    clock.set(2026, 3, 20)
    rows = dl.overview(ctx, user_id=ctx.actor.user_id, within_days=3)
    by_kind = {r.kind: r for r in rows}
    assert by_kind["skyddsbedomning"].status == "overdue"
    assert by_kind["forhandsbedomning"].status == "overdue"
    assert by_kind["forhandsbedomning"].days_left == -4
    other = ctx_for("erik.sjoberg")
    assert dl.overview(other, user_id=other.actor.user_id, within_days=30) == []
    assert len(dl.overview(other, unit_id=org.unit.id, within_days=30)) == 2


def _open_utredning(ctx, org, clock):
    res = cases.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg")))
    ch = res.children[0]
    with ctx.write() as s:
        from ifodesk.db.models import Forhandsbedomning
        fb = s.get(Forhandsbedomning, ch.forhandsbedomning_id)
        u = cases.conclude_forhandsbedomning(s, ctx, fb, "inleda", None, date(2026, 3, 2), ctx.actor.user_id, None)
        return ch, u.id


def test_utredning_due_in_four_calendar_months_and_extension(ctx, org, clock):
    ch, uid = _open_utredning(ctx, org, clock)
    u = cases.get_utredning(ctx, uid)
    assert u.due_on == date(2026, 7, 2)
    assert [s.heading for s in u.sections][:2] == ["Bakgrund och anledning till utredning", "Barnets behov och utveckling"]
    with ctx.write() as s:
        from ifodesk.db.models import Utredning
        row = s.get(Utredning, uid)
        with pytest.raises(ValidationError, match="efter nuvarande slutdatum"):
            cases.apply_extension(s, ctx, row, new_due_on=date(2026, 7, 1), reason="x",
                                  decided_on=date(2026, 3, 2), decided_by=ctx.actor.user_id, decision_id=None)
    with ctx.write() as s:
        row = s.get(Utredning, uid)
        cases.apply_extension(s, ctx, row, new_due_on=date(2026, 9, 2), reason="Väntar på BUP.",
                              decided_on=date(2026, 3, 2), decided_by=ctx.actor.user_id, decision_id=None)
    u = cases.get_utredning(ctx, uid)
    assert u.due_on == date(2026, 9, 2)
    assert u.extensions[0].previous_due_on == date(2026, 7, 2)
    detail = caseview.get_case(ctx, ch.case_id)
    assert {d.kind: d.due_on for d in detail.deadlines}["utredning"] == date(2026, 9, 2)
    assert any(e.kind == "forlangning" for e in detail.timeline)


def test_two_people_saving_the_same_utredning_second_gets_conflict(ctx, ctx_for, org, clock):
    _, uid = _open_utredning(ctx, org, clock)
    anna_view = cases.get_utredning(ctx, uid)
    karin = ctx_for("karin.berg")
    karin_view = cases.get_utredning(karin, uid)
    cases.update_utredning(karin, uid, karin_view.version, plan="Karins plan")
    with pytest.raises(ConflictError) as exc:
        cases.update_utredning(ctx, uid, anna_view.version, plan="Annas plan")
    assert "Karin Berg" in str(exc.value) and "Inget har skrivits över" in str(exc.value)
    assert cases.get_utredning(ctx, uid).plan == "Karins plan"


def test_journal_signed_note_is_never_edited_correction_points_back(ctx, org):
    res = cases.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg")))
    case_id = res.children[0].case_id
    n = journal.add_note(ctx, case_id, event_date=date(2026, 3, 2), text="Samtal med mamma.", sign=True)
    with pytest.raises(PermissionDenied, match="rättelse"):
        journal.update_draft(ctx, n.id, n.version, text="Ändrad")
    fix = journal.add_note(ctx, case_id, event_date=date(2026, 3, 2), text="Rättelse: samtal med pappa.",
                           sign=True, corrects_id=n.id)
    notes = caseview.get_case(ctx, case_id).journal
    original = next(x for x in notes if x.id == n.id)
    assert original.text == "Samtal med mamma."
    assert original.corrected_by_ids == (fix.id,)


def test_protected_address_needs_a_logged_reason(ctx, org, db):
    res = cases.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg")))
    pid = res.children[0].person.id
    p = people.get_person(ctx, pid)
    people.update_person(ctx, pid, p.version, address_street="Hemliga vägen 1", protection="skyddad_folkbokforing")
    hidden = people.get_person(ctx, pid)
    assert hidden.address_hidden and hidden.address_street is None
    shown = people.get_person(ctx, pid, address_reason="Beslut ska delges")
    assert shown.address_street == "Hemliga vägen 1"
    with db.session() as s:
        row = s.scalar(select(AuditLog).where(AuditLog.action == "read_protected_address"))
        assert row.reason == "Beslut ska delges" and row.person_id == pid and row.username == "anna.lind"


def test_every_read_and_change_is_audited(ctx, org, db):
    res = cases.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg")))
    caseview.get_case(ctx, res.children[0].case_id)
    with db.session() as s:
        actions = s.execute(select(AuditLog.action, AuditLog.entity)
                            .where(AuditLog.person_id == res.children[0].person.id)).all()
    assert ("create", "anmalan") in actions and ("read", "case") in actions and ("create", "case") in actions


def test_failed_change_leaves_no_audit_row(ctx, org, db):
    with pytest.raises(ValidationError):
        cases.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"), ChildInput(MAJA, "Maja", "Öberg")))
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog)) == 0
        assert s.scalar(select(func.count()).select_from(Deadline)) == 0


def test_lookup_and_search_persons_in_swedish_order(ctx, org):
    cases.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"), ChildInput(NILS, "Nils", "Åberg"),
                                        ChildInput("20160101-9803", "Ebba", "Andersson-Berg")))
    assert people.lookup_personnummer(ctx, "150312-9809").first_name == "Maja"
    found = people.search_persons(ctx, "berg")
    assert [p.last_name for p in found] == ["Andersson-Berg", "Åberg", "Öberg"]
    assert [p.last_name for p in people.search_persons(ctx, "öberg")] == ["Öberg"]
    with pytest.raises(ValidationError):
        people.search_persons(ctx, "a")


def test_case_list_filters_sorts_and_pages_in_sql(ctx, org):
    cases.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"), ChildInput(NILS, "Nils", "Åberg")))
    ids = caseview.case_ids(ctx, caseview.CaseQuery(unit_id=org.unit.id, sort="name", descending=False))
    rows = caseview.case_rows(ctx, ids)
    assert [r.person.last_name for r in rows] == ["Åberg", "Öberg"]
    only = caseview.case_ids(ctx, caseview.CaseQuery(text="150312-9809"))
    assert len(only) == 1
    by_number = caseview.case_ids(ctx, caseview.CaseQuery(text="BU-2026-00002"))
    assert caseview.case_rows(ctx, by_number)[0].person.first_name == "Nils"


def test_parallel_registrations_get_unique_case_numbers_and_nothing_is_lost(ctx, ctx_for, org):
    """Two workstations registering at the same time: no lock error, no duplicate number."""
    from concurrent.futures import ThreadPoolExecutor
    from datetime import timedelta

    from ifodesk.domain.personnummer import synthetic_personnummer

    other = ctx_for("karin.berg")

    def register(args):
        c, i = args
        born = date(2012, 1, 1) + timedelta(days=i)
        return cases.register_anmalan(c, anmalan(org, ChildInput(synthetic_personnummer(born, "K", 1), "Barn", f"Nummer{i}")))

    jobs = [(ctx if i % 2 else other, i) for i in range(20)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(register, jobs))
    numbers = [r.children[0].case_number for r in results]
    assert len(set(numbers)) == 20
    assert sorted(numbers) == [f"BU-2026-{n:05d}" for n in range(1, 21)]


def test_stale_version_race_between_check_and_write_becomes_conflict(ctx, ctx_for, org, db):
    """Even if both pass the version check, the ORM's version guard refuses the second write."""
    from ifodesk.db.models import Utredning

    _, uid = _open_utredning(ctx, org, None)
    with db.session() as s1:
        stale = s1.get(Utredning, uid)
    cases.update_utredning(ctx_for("karin.berg"), uid, stale.version, plan="Först")
    with pytest.raises(ConflictError):
        with ctx.write() as s:
            row = s.merge(stale, load=False)
            row.plan = "Sist"
    assert cases.get_utredning(ctx, uid).plan == "Först"


def test_name_search_finds_parts_of_compound_names_and_follows_renames(ctx, org):
    res = cases.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Lindqvist-Öberg"),
                                              ChildInput(NILS, "Nils", "Öberg")))
    assert {p.first_name for p in people.search_persons(ctx, "qvist-öb")} == {"Maja"}
    assert {p.first_name for p in people.search_persons(ctx, "ÖBERG")} == {"Maja", "Nils"}
    assert people.search_persons(ctx, "oberg") == []  # ö is its own letter
    assert {p.first_name for p in people.search_persons(ctx, "ni")} == {"Nils"}  # two letters: plain scan
    pid = res.children[1].person.id
    p = people.get_person(ctx, pid)
    people.update_person(ctx, pid, p.version, last_name="Ekström")
    assert people.search_persons(ctx, "ekströ")[0].first_name == "Nils"
    assert [x.first_name for x in people.search_persons(ctx, "öberg")] == ["Maja"]
    ids = caseview.case_ids(ctx, caseview.CaseQuery(text="ekström"))
    assert [r.person.first_name for r in caseview.case_rows(ctx, ids)] == ["Nils"]
    by_name = caseview.case_rows(ctx, caseview.case_ids(ctx, caseview.CaseQuery(sort="name", descending=False)))
    assert [r.person.last_name for r in by_name] == ["Ekström", "Lindqvist-Öberg"]


def test_search_never_crosses_municipality_lines(ctx, org, db):
    """A kommunalförbund shares one database; each municipality sees only its own persons."""
    from ifodesk.config import Municipality
    from ifodesk.services.admin import UserSpec, actor_for, create_user, ensure_municipality
    from ifodesk.services.context import ServiceContext

    cases.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg")))
    other_mid = ensure_municipality(db, Municipality(name="Grannby", code="0998"))
    # A handläggare there (the command-line system identity may not search persons at all).
    create_user(db, other_mid, UserSpec("grannby.hl", "Grannby Handläggare", "handlaggare", "handlaggare", ("BU",)))
    other = ServiceContext(db, actor_for(db, "grannby.hl"), clock=ctx.clock)
    assert people.search_persons(other, "öberg") == []
    assert people.search_persons(other, "öb") == []
    assert people.lookup_personnummer(other, MAJA) is None
    assert caseview.case_ids(other, caseview.CaseQuery(text="öberg")) == []


def test_new_report_during_utredning_is_added_to_it(ctx, org, clock):
    ch, uid = _open_utredning(ctx, org, clock)
    clock.set(2026, 4, 10)
    second = cases.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "", ""), category="polis",
                                                 received=at(2026, 4, 10, 8)))
    child = second.children[0]
    assert child.case_id == ch.case_id and not child.new_case
    fb = next(f for f in caseview.get_case(ctx, ch.case_id).anmalningar if f.id == child.forhandsbedomning_id)
    done = cases.attach_to_ongoing_utredning(ctx, fb.id, fb.version)
    assert done.outcome == "pagaende_utredning" and done.decided_on == date(2026, 4, 10)
    detail = caseview.get_case(ctx, ch.case_id)
    assert detail.summary.status == "utredning"
    fb_deadlines = [d for d in detail.deadlines if d.kind == "forhandsbedomning"]
    assert all(d.met_on is not None for d in fb_deadlines)


def test_attach_without_ongoing_utredning_is_refused(ctx, org):
    res = cases.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg")))
    fb = caseview.get_case(ctx, res.children[0].case_id).anmalningar[0]
    with pytest.raises(ValidationError, match="ingen pågående utredning"):
        cases.attach_to_ongoing_utredning(ctx, fb.id, fb.version)
