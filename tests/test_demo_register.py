"""Issue 13, item 5: the demo data exercises the register validator. A small demo (fixed seed) is
exported for the year before its date, validated, parsed back, and each planted situation is
found in the file as the register expects it (or reported, as the validator should)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from ifodesk.config import Municipality
from ifodesk.db.models import Case, Insats, Person
from ifodesk.documents.socialstyrelsen import read_register
from ifodesk.domain import statistics as st
from ifodesk.services.demo import generate_demo

TODAY = date(2026, 6, 15)


@pytest.fixture
def exported(db, tmp_path):
    from ifodesk.db.models import Municipality as MunicipalityRow
    from ifodesk.services.admin import system_actor
    from ifodesk.services.context import ServiceContext
    from ifodesk.services.statistics import export_register

    report = generate_demo(db, Municipality(), cases=40, seed=11, today=TODAY)
    with db.session() as s:
        mid = s.scalar(select(MunicipalityRow.id))
    ctx = ServiceContext(db, system_actor(db, mid))
    res = export_register(ctx, 2025, tmp_path / "register_2025.txt")  # no --force: it must validate
    return report, res, read_register(res.path)


def test_the_demo_register_file_validates_and_holds_every_planted_situation(exported, db):
    report, res, recs = exported
    assert report.cases == 40  # the planted children's cases are part of the asked number
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Case).where(Case.case_number.like("BU-%"))) == 40
    rep = res.extract.report
    assert not rep.has_errors and not res.forced
    kids = {r["barn_id"]: r for r in recs if r["post"] == "B"}
    insatser = [r for r in recs if r["post"] == "I"]
    places = [r for r in recs if r["post"] == "P"]
    by_case = {c.child_id: c for c in res.extract.children}
    issues = {(i.code, i.case_number) for i in rep.issues}

    # Without personnummer: a reservnummer gives a temporary id (warned), a samordningsnummer id_typ S.
    temp = [k for k in kids.values() if k["id_typ"] == "T"]
    assert temp and all(("tillfalligt_id", ", ".join(by_case[k["barn_id"]].case_numbers)) in issues for k in temp)
    with db.session() as s:
        reserved = s.scalars(select(Person).where(Person.reserve_number.is_not(None))).all()
        assert reserved and all(p.personnummer is None for p in reserved)
    samo = [k for k in kids.values() if k["id_typ"] == "S"]
    assert samo and int(samo[0]["barn_id"][6:8]) > 60
    assert ("samordningsnummer", ", ".join(by_case[samo[0]["barn_id"]].case_numbers)) in issues
    # ... who is ensamkommande, born abroad, with a särskilt förordnad vårdnadshavare.
    assert (samo[0]["ensamkommande"], samo[0]["fodelseland"], samo[0]["vardnadshavare"]) == ("J", "AF", "S")

    # LVU 6 § for a child, then LVU care on the court's judgment with a re-placement.
    spec = {}
    for r in insatser:
        spec.setdefault(r["barn_id"], []).append(r)
    lvu6_children = {b for b, rows in spec.items() if any(r["specifikation"] == "LVU6" for r in rows)}
    assert lvu6_children
    ages = {b: st.age_reached(date.fromisoformat(kids[b]["fodelsedatum"]).year, 2025) for b in lvu6_children}
    assert any(a < 18 for a in ages.values())
    # 18–20: 6 § and care only on the unge's own behaviour (3 § LVU), no vårdnadshavare, in an LVU-hem.
    young = [b for b, a in ages.items() if 18 <= a <= 20]
    assert young
    y = young[0]
    assert {r["specifikation"] for r in spec[y]} == {"LVU6", "LVU3"} and kids[y]["vardnadshavare"] == "V"
    assert all("3 § LVU (1990:52)" in r["lagrum"] for r in spec[y])
    assert {p["placeringsform"] for p in places if p["barn_id"] == y} == {"SIS"}
    assert any(r["beslutsdatum_kalla"] == "F" for r in insatser)  # the court's judgment, not the application

    # Several placements in one insats, the second starting the day after the first ended.
    per_insats: dict = {}
    for p in places:
        per_insats.setdefault((p["barn_id"], p["insatsnr"]), []).append(p)
    replaced = [ps for ps in per_insats.values() if len(ps) >= 2]
    assert replaced
    first, second = sorted(replaced[0], key=lambda p: p["placeringsnr"])[:2]
    assert first["slutdatum"] and (date.fromisoformat(second["startdatum"])
                                   - date.fromisoformat(first["slutdatum"])).days == 1
    assert first["placeringsform"] != second["placeringsform"]

    # LVM for an adult: in the database, never in the children's register.
    with db.session() as s:
        lvm = s.execute(select(Insats.person_id, Person.personnummer).join(Person, Person.id == Insats.person_id)
                        .where(Insats.legal_basis == "LVM")).all()
        assert lvm and s.scalar(select(Case.case_number).where(Case.person_id == lvm[0][0])).startswith("VU-")
    assert all(r["lag"] != "LVM" for r in insatser) and lvm[0][1] not in kids

    # Födelseland and ensamkommande are filled from the persons, and counted where missing.
    assert {k["ensamkommande"] for k in kids.values()} >= {"J", "N"}
    assert any(k["fodelseland_mor"] for k in kids.values()) and any(k["fodelseland"] == "XX" for k in kids.values())
    dates = [v for r in recs for k, v in r.items() if k.endswith("datum") and k != "fodelsedatum" and v]
    assert max(dates) <= "2025-12-31"


def test_a_tiny_demo_has_no_planted_cases_and_still_n_cases(db):
    report = generate_demo(db, Municipality(), cases=5, seed=2, today=TODAY)
    assert report.cases == 5
    with db.session() as s:
        assert s.scalar(select(Person.id).where(Person.reserve_number.is_not(None))) is None
