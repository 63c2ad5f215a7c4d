"""Log review (SoLPuL 10 §): each rule finds its planted case and nothing else; checked marks;
who has read a child; the Excel report from the command line."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from sqlalchemy import update

from ifodesk.db.models import Person
from ifodesk.services import audit, audit_review, caseview, cases
from ifodesk.services.audit_review import ReviewSettings
from ifodesk.services.context import STOCKHOLM
from ifodesk.services.dto import AnmalanInput, ChildInput
from ifodesk.services.errors import PermissionDenied, ValidationError

DAY = date(2026, 3, 3)  # a Tuesday
OUTSIDE = "Samverkan med vuxenenheten om familjen"  # a stated reason opens a case outside one's own
SETTINGS = ReviewSettings(many_persons_per_day=2, office_start=time(7), office_end=time(18))


def _report(unit_id, *children):
    return AnmalanInput(unit_id=unit_id, received_at=datetime(2026, 3, 2, 8, 15, tzinfo=STOCKHOLM),
                        channel="telefon", reporter_category="skola", children=tuple(children),
                        reasons=("omsorgssvikt",), text="Orolig.", reporter_name="Lena Rektor")


@pytest.fixture
def planted(db, org, ctx_for, clock):
    """Maja (protected, Anna's), Nils (Erik's), Olle (Vuxen, Petra's); then the planted reads of DAY."""
    forste = ctx_for("karin.berg")
    bu = cases.register_anmalan(forste, _report(org.unit.id, ChildInput("20150312-9809", "Maja", "Öberg"),
                                                ChildInput("20180704-9810", "Nils", "Öberg")))
    vu_forste = ctx_for("mats.holm")  # 1:e socialsekreterare for BU and VU
    vu = cases.register_anmalan(vu_forste, _report(org.all_units["VU"].id, ChildInput("20090101-9810", "Olle", "Ek")))
    maja, nils = bu.children
    olle = vu.children[0]
    with db.session(write=True) as s:
        s.execute(update(Person).where(Person.id == maja.person.id).values(protection="skyddad_folkbokforing"))
    for child, who in ((maja, "anna.lind"), (nils, "erik.sjoberg"), (olle, "petra.vuxen")):
        row = caseview.case_rows(vu_forste, [child.case_id])[0]
        caseview.assign_case(vu_forste, child.case_id, _version(db, child.case_id), org.actor(who).user_id)
        assert row.id == child.case_id

    def at(hh, mm=0, day=DAY):
        clock.set(day.year, day.month, day.day, hh, mm)

    at(9)
    caseview.get_case(ctx_for("anna.lind"), maja.case_id)          # protected, but her own case
    caseview.get_case(ctx_for("erik.sjoberg"), nils.case_id)       # his own: nothing
    at(10)
    caseview.get_case(ctx_for("petra.vuxen"), nils.case_id, OUTSIDE)  # another unit's child
    caseview.get_case(ctx_for("johan.aberg"), nils.case_id)        # same unit, no task in the case
    at(11)
    maria = ctx_for("maria.ostlund")
    for child in (maja, nils, olle):                               # three persons in one day
        caseview.get_case(maria, child.case_id, None if child is nils else OUTSIDE)  # protected or VU: a reason
    at(22, 30)
    caseview.get_case(ctx_for("erik.sjoberg"), nils.case_id)       # his own case, but late at night
    caseview.case_rows(ctx_for("anna.lind"), [nils.case_id])       # Anna sees Nils in a list, late
    audit.record_sign_in_failed(db, "okand.person", "fel lösenord",
                                at=datetime(2026, 3, 3, 7, 55, tzinfo=STOCKHOLM))
    at(12, 0, date(2026, 3, 20))
    return maja, nils, olle


def _version(db, case_id):
    from ifodesk.db.models import Case

    with db.session() as s:
        return s.get(Case, case_id).version


def _who(report, rule):
    return sorted((f.username, f.person.split(" (")[0]) for f in report.findings[rule])


def test_each_rule_finds_its_planted_case_and_no_other(ctx_for, planted):
    report = audit_review.run_review(ctx_for("admin"), DAY, DAY, SETTINGS)
    assert _who(report, "protected") == [("anna.lind", "Maja Öberg"), ("maria.ostlund", "Maja Öberg")]
    anna = next(f for f in report.findings["protected"] if f.username == "anna.lind")
    assert "arbetar i ärendet" in anna.detail and "skyddad folkbokföring" in anna.detail
    assert _who(report, "outside_unit") == [("maria.ostlund", "Maja Öberg"), ("maria.ostlund", "Olle Ek"),
                                            ("petra.vuxen", "Nils Öberg")]  # each read with a stated reason
    # a read with a stated reason is reviewed as such, above, not again as one without a task
    assert _who(report, "no_relation") == [("johan.aberg", "Nils Öberg"), ("maria.ostlund", "Nils Öberg")]
    [many] = report.findings["many_persons"]
    assert many.username == "maria.ostlund" and many.detail.startswith("3 personer 2026-03-03")
    assert sorted((f.username, f.action) for f in report.findings["off_hours"]) == [
        ("anna.lind", "visad i lista"), ("erik.sjoberg", "läst")]
    assert all("tisdag 22:30" in f.detail for f in report.findings["off_hours"])
    [failed] = report.findings["sign_in_failed"]
    assert failed.username == "okand.person" and failed.detail == "fel lösenord"


def test_a_day_outside_the_period_finds_nothing(ctx_for, planted):
    report = audit_review.run_review(ctx_for("admin"), date(2026, 3, 4), date(2026, 3, 10), SETTINGS)
    assert all(not items for items in report.findings.values())


def test_office_hours_and_threshold_are_settings(ctx_for, planted):
    report = audit_review.run_review(ctx_for("admin"), DAY, DAY,
                                     ReviewSettings(many_persons_per_day=3, office_start=time(6),
                                                    office_end=time(23)))
    assert report.findings["many_persons"] == () and report.findings["off_hours"] == ()


def test_a_checked_finding_stays_checked_with_its_note(ctx_for, planted):
    admin = ctx_for("admin")
    finding = audit_review.run_review(admin, DAY, DAY, SETTINGS).findings["outside_unit"][1]
    with pytest.raises(ValidationError):
        audit_review.mark_checked(admin, "outside_unit", finding.key, "  ")
    audit_review.mark_checked(admin, "outside_unit", finding.key, "Petra vikarierade i BU den dagen.")
    again = audit_review.run_review(admin, DAY, DAY, SETTINGS).findings["outside_unit"]
    marked = next(f for f in again if f.key == finding.key)
    assert marked.checked and marked.note == "Petra vikarierade i BU den dagen."
    assert marked.checked_by == "Systemansvarig Demokommun"
    assert not any(f.checked for f in again if f.key != finding.key)
    with pytest.raises(ValidationError):
        audit_review.mark_checked(admin, "outside_unit", finding.key, "En gång till")


def test_who_has_read_a_child_lists_direct_reads_and_lists(ctx_for, planted):
    admin = ctx_for("admin")
    _maja, nils, _olle = planted
    pid = audit_review.find_person(admin, "20180704-9810")
    assert pid == nils.person.id
    seen = {(e.username, e.how) for e in audit_review.who_read(admin, pid, DAY, DAY)}
    assert seen == {("erik.sjoberg", "direkt"), ("petra.vuxen", "direkt"), ("johan.aberg", "direkt"),
                    ("maria.ostlund", "direkt"), ("anna.lind", "i lista")}
    with pytest.raises(ValidationError):
        audit_review.find_person(admin, "inte ett nummer")


@pytest.mark.parametrize("username", ["anna.lind", "karin.berg", "eva.lundgren"])
def test_only_the_systemansvarig_and_the_ifo_chef_may_review(ctx_for, planted, username):
    with pytest.raises(PermissionDenied):
        audit_review.run_review(ctx_for(username), DAY, DAY)
    with pytest.raises(PermissionDenied):
        audit_review.who_read(ctx_for(username), planted[1].person.id)
    with pytest.raises(PermissionDenied):
        audit_review.mark_checked(ctx_for(username), "protected", "1", "Kontrollerat.")
    assert audit_review.run_review(ctx_for("goran.falk"), DAY, DAY).rows_read > 0


def test_the_report_is_a_workbook_with_a_sheet_per_rule(db, planted, tmp_path, capsys):
    from openpyxl import load_workbook

    from ifodesk.cli import main

    out = tmp_path / "logg.xlsx"
    code = main(["audit", "report", "--database", db.url, "--from", "2026-03-03", "--to", "2026-03-03",
                 "--out", str(out), "--many", "2"])
    assert code == 0, capsys.readouterr().err
    assert out.is_file() and not list(tmp_path.glob(".logg-*"))
    wb = load_workbook(out)
    assert wb.sheetnames == ["Sammanfattning", *[t[:31].rstrip() for _, t in audit_review.RULES]]
    summary = {r[0]: r[1] for r in wb["Sammanfattning"].iter_rows(min_row=5, values_only=True)}
    assert summary["Läsningar utanför egna ärenden eller enhet"] == 3
    assert summary["Många personer på en dag"] == 1
    sheet = wb[audit_review.RULE_TITLES["outside_unit"][:31].rstrip()]
    users = sorted(r[1] for r in sheet.iter_rows(min_row=5, values_only=True))
    assert users == ["maria.ostlund", "maria.ostlund", "petra.vuxen"]


@pytest.mark.parametrize("argv, message", [
    (["--from", "2026-03-10", "--to", "2026-03-01"], "före"),
    (["--from", "2026-02-30", "--to", "2026-03-01"], "finns inte"),
    (["--from", "2026-03-01", "--to", "2026-03-02", "--many", "noll"], "--many"),
    (["--from", "2026-03-01", "--to", "2026-03-02", "--office-hours", "18-07"], "--office-hours"),
])
def test_bad_report_arguments_are_a_swedish_usage_error(db, tmp_path, capsys, argv, message):
    from ifodesk.cli import main

    code = main(["audit", "report", "--database", db.url, "--out", str(tmp_path / "x.xlsx"), *argv])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err
    assert not (tmp_path / "x.xlsx").exists()


def test_repeated_reads_are_one_finding_and_every_stated_reason_is_kept(db, ctx_for, planted, clock):
    _maja, nils, olle = planted
    johan = ctx_for("johan.aberg")
    for mm in (5, 10):
        clock.set(2026, 3, 3, 10, mm)
        caseview.get_case(johan, nils.case_id)
    omar = ctx_for("omar.hassan")
    for mm, reason in ((15, "Samordning med Vuxenenheten inför möte"), (20, "Kontroll av uppgift till nämnden")):
        clock.set(2026, 3, 3, 14, mm)
        with db.session(write=True) as s:  # as the access policy logs a read outside the unit
            audit.record(s, omar, "read", "case", olle.case_id, olle.person.id, reason=reason)
    clock.set(2026, 3, 20, 12)
    report = audit_review.run_review(ctx_for("admin"), DAY, DAY, SETTINGS)
    [johans] = [f for f in report.findings["no_relation"] if f.username == "johan.aberg"]
    assert johans.detail.endswith("; 3 läsningar") and johans.at.astimezone(STOCKHOLM).hour == 10
    [omars] = [f for f in report.findings["outside_unit"] if f.username == "omar.hassan"]
    assert omars.reason == "Samordning med Vuxenenheten inför möte | Kontroll av uppgift till nämnden"
    assert omars.person.startswith("Olle Ek")
