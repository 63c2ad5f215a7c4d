"""Statistics: a hand-built data set whose every number is known, checked in the workbook cell by
cell, in the Socialstyrelsen file record by record, and through the command line.

The data set (year 2025, municipality 9999, units BU and VU) is described next to the rows
that make it; the expected figures in the tests are worked out by hand from it.
"""

from __future__ import annotations

import uuid
import zipfile
from dataclasses import dataclass
from datetime import date, datetime

import openpyxl
import pytest

from ifodesk.domain import statistics as st
from ifodesk.domain.personnummer import synthetic_personnummer
from ifodesk.services.context import STOCKHOLM

D = date.fromisoformat


def sthlm(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=STOCKHOLM)


# --- the data set ---------------------------------------------------------------------------

@dataclass
class Data:
    persons: dict
    cases: dict
    case_numbers: dict


def _pnr(born: str, gender: str) -> str:
    return synthetic_personnummer(D(born), gender, 0).replace("-", "")


@pytest.fixture
def data(db, org):
    from ifodesk.db.models import (Anmalan, AnmalanChild, Case, Deadline, Decision, Forhandsbedomning, Insats,
                                   Municipality, Person, Unit, Utredning, UtredningExtension)

    mid = org.municipality_id
    bu, vu = org.unit.id, org.all_units["VU"].id
    user = org.actor("anna.lind").user_id
    with db.session(write=True) as s:
        def person(key, born, gender, pnr=True, municipality=mid):
            p = Person(municipality_id=municipality, personnummer=_pnr(born, gender) if pnr and gender else None,
                       first_name=key, last_name="Test", sort_key=f"test {key}", search_name=key,
                       birth_date=D(born) if born else None, legal_gender=gender)
            s.add(p)
            return p

        P = {
            "P1": person("P1", "2015-05-01", "K"),  # 10 in 2025: 0–12
            "P2": person("P2", "2010-02-01", "M"),  # 15: 13–17
            "P3": person("P3", "2007-07-07", "K"),  # 18: 18–20
            "P4": person("P4", "2012-12-31", "M"),  # turns 13 on the last day of 2025: 13–17
            "P5": person("P5", "2014-03-03", None, pnr=False),  # no personnummer, no gender
            "P6": person("P6", "1990-01-01", "M"),  # adult: 21+
            "P7": person("P7", "2016-01-01", "K", pnr=False),  # no personnummer, recorded K
        }
        s.flush()
        units = {"P6": vu}
        C, numbers = {}, {}
        for i, key in enumerate(["P1", "P2", "P3", "P4", "P5", "P6", "P7"], 1):
            unit = units.get(key, bu)
            number = f"{'VU' if unit == vu else 'BU'}-2025-{i:05d}"
            c = Case(municipality_id=mid, unit_id=unit, person_id=P[key].id, case_number=number,
                     status="utredning", opened_on=D("2025-01-01"))
            s.add(c)
            C[key], numbers[key] = c, number
        s.flush()

        def anmalan(at, category, reasons, children, unit=bu, municipality=mid):
            a = Anmalan(municipality_id=municipality, unit_id=unit, received_at=sthlm(at), channel="telefon",
                        reporter_category=category, reporter_name="X", reasons=reasons, registered_by=user)
            s.add(a)
            s.flush()
            out = []
            for key in children:
                ac = AnmalanChild(anmalan_id=a.id, person_id=P[key].id, case_id=C[key].id)
                s.add(ac)
                out.append(ac)
            s.flush()
            return out

        def fb(ac, key, started, decided=None, outcome=None, synnerliga=None):
            s.add(Forhandsbedomning(anmalan_child_id=ac.id, case_id=C[key].id, started_on=D(started),
                                    decided_on=D(decided) if decided else None, outcome=outcome,
                                    synnerliga_skal=synnerliga))

        a1 = anmalan("2025-01-10T09:00", "skola", ["omsorgssvikt", "missbruk"], ["P1", "P2"])
        fb(a1[0], "P1", "2025-01-10", "2025-01-20", "inleda")  # 10 days
        fb(a1[1], "P2", "2025-01-10", "2025-01-24", "inte_inleda")  # 14 days: still within
        a2 = anmalan("2025-03-15T10:00", "polis", ["vald_nara_relation", "fysiskt_vald"], ["P1"])
        fb(a2[0], "P1", "2025-03-15", "2025-03-16", "pagaende_utredning")  # 1 day
        a3 = anmalan("2025-06-30T23:30", "polis", ["barnets_beteende"], ["P3"])
        fb(a3[0], "P3", "2025-06-30", "2025-07-20", "inleda", "Vårdnadshavaren kunde inte nås.")  # 20 days
        # 23:30 Swedish time on New Year's Eve is 22:30 UTC: still 2025.
        a4 = anmalan("2025-12-31T23:30", "anonym", ["kriminalitet"], ["P4"])
        fb(a4[0], "P4", "2025-12-31", "2026-01-10", "inleda")  # decided in 2026: open at the end of 2025
        # 00:30 on New Year's Day is 23:30 UTC on 31 December 2024: counted in 2025.
        a5 = anmalan("2025-01-01T00:30", "foralder", ["annat"], ["P5"])
        fb(a5[0], "P5", "2025-01-01", "2025-01-15", "inte_inleda")  # 14 days
        a6 = anmalan("2024-12-31T23:30", "skola", ["omsorgssvikt"], ["P1"])  # 2024: not counted
        fb(a6[0], "P1", "2024-12-31", "2025-01-05", "inte_inleda")  # but decided in 2025: 5 days
        a7 = anmalan("2026-01-01T00:10", "skola", ["omsorgssvikt"], ["P2"])  # 2026: not counted
        fb(a7[0], "P2", "2026-01-01")
        a8 = anmalan("2025-05-05T12:00", "socialtjanst", ["missbruk"], ["P6"], unit=vu)
        fb(a8[0], "P6", "2025-05-05", "2025-05-25", "inte_inleda", "Synnerliga skäl.")  # 20 days
        a9 = anmalan("2025-08-20T08:00", "skola", ["omsorgssvikt"], ["P7"])
        fb(a9[0], "P7", "2025-08-20", "2025-09-02", "inleda")  # 13 days

        def utredning(key, opened, closed=None, outcome=None):
            u = Utredning(case_id=C[key].id, opened_on=D(opened), due_on=D(opened),
                          closed_on=D(closed) if closed else None, closing_outcome=outcome)
            s.add(u)
            s.flush()
            return u

        utredning("P1", "2025-01-20", "2025-05-20", "insats")  # exactly 4 months: within, 120 days
        u2 = utredning("P3", "2025-07-20", "2025-12-01", "ansokan_lvu")  # 134 days, extended
        s.add(UtredningExtension(utredning_id=u2.id, decided_on=D("2025-11-10"), decided_by=user, reason="BUP",
                                 previous_due_on=D("2025-11-20"), new_due_on=D("2026-01-20")))
        utredning("P7", "2025-09-02")  # open at the end of 2025
        utredning("P2", "2024-10-31", "2025-02-28", "utan_insats")  # 31 Oct + 4 months = 28 Feb: within, 120 days
        utredning("P6", "2025-03-01", "2025-03-31", "utan_insats")  # VU, 30 days

        def decision(key, template, title, on, lagrum, level, delegated, urgent=False, status="beslutad"):
            c = C[key]
            d = Decision(municipality_id=mid, unit_id=c.unit_id, case_id=c.id, person_id=P[key].id,
                         template_id=template, law_version="SoL 2025:400", title=title, lagrum=lagrum,
                         fields={}, status=status, drafted_by=user, content_hash="x", decider_level=level,
                         decided_on=D(on) if on else None, delegated=delegated, urgent=urgent)
            s.add(d)
            s.flush()
            return d

        decision("P1", "inleda_utredning", "Inleda utredning", "2025-01-20",
                 ["14 kap. 2 § SoL", "20 kap. 2 § SoL"], "handlaggare", True)
        decision("P2", "inte_inleda_utredning", "Inte inleda utredning", "2025-01-24",
                 ["20 kap. 2 § SoL"], "forste_socialsekreterare", True)
        d3 = decision("P1", "placering_hvb", "Placering i HVB", "2025-05-20",
                      ["11 kap. 1 § SoL", "9 kap. 1 § SoL"], "enhetschef", True)
        d4 = decision("P3", "lvu_omedelbart_omhandertagande", "Omedelbart omhändertagande enligt LVU",
                      "2025-12-01", ["6 § LVU"], "ordforande", False, urgent=True)
        decision("P3", "lvu_ansokan_vard", "Ansökan om vård enligt LVU", "2025-12-05",
                 ["4 § LVU", "3 § LVU"], "utskott", False)
        d6 = decision("P6", "lvm_omedelbart_omhandertagande", "Omedelbart omhändertagande enligt LVM",
                      "2025-06-01", ["13 § LVM"], "ordforande", False, urgent=True)
        d7 = decision("P7", "vard_familjehem", "Vård i familjehem", "2024-11-01",
                      ["11 kap. 1 § SoL", "22 kap. 2 § SoL"], "utskott", False)  # 2024: not counted
        decision("P2", "placering_hvb", "Placering i HVB", None, ["11 kap. 1 § SoL"], None, True,
                 status="utkast")  # a draft is never counted
        decision("P3", "forlangd_utredningstid", "Förlängd utredningstid", "2025-11-10",
                 ["20 kap. 3 § SoL"], "enhetschef", True)
        d10 = decision("P4", "vard_jourhem", "Vård i jourhem", "2025-04-01",
                       ["11 kap. 1 § SoL", "22 kap. 4 § SoL"], "utskott", False)
        d11 = decision("P5", "vard_familjehem", "Vård i familjehem", "2025-02-01",
                       ["11 kap. 1 § SoL", "22 kap. 2 § SoL"], "utskott", False)

        def insats(key, kind, basis, decision_, start, end=None):
            s.add(Insats(case_id=C[key].id, person_id=P[key].id, decision_id=decision_.id if decision_ else None,
                         kind=kind, legal_basis=basis, start_on=D(start) if start else None,
                         end_on=D(end) if end else None))

        insats("P1", "hvb", "SoL", d3, "2025-05-25", "2025-08-31")  # 99 care days
        insats("P1", "familjehem", "SoL", d3, "2025-09-01")  # same decision, re-placed: 122 days
        insats("P3", "lvu_vard", "LVU", d4, "2025-12-01")  # 31 days; no placeringsform
        insats("P7", "familjehem", "SoL", d7, "2024-11-05", "2025-03-31")  # 90 days in 2025
        insats("P2", "hvb", "SoL", None, "2025-02-01")  # no decision: 334 days
        insats("P4", "jourhem", "SoL", d10, "2025-04-10", "2025-04-05")  # end before start
        insats("P5", "familjehem", "SoL", d11, None)  # no start date
        insats("P6", "lvm_hem", "LVM", d6, "2025-06-01", "2025-07-15")  # adult, 45 days
        insats("P2", "oppenvard", "SoL", None, "2025-03-01")  # öppenvård: not a placement

        def deadline(key, kind, due, met=None):
            c = C[key]
            s.add(Deadline(municipality_id=mid, unit_id=c.unit_id, case_id=c.id, person_id=P[key].id, kind=kind,
                           source_type="test", source_id=uuid.uuid4(), start_on=D(due), due_on=D(due),
                           met_on=D(met) if met else None))

        deadline("P1", "forhandsbedomning", "2025-01-24", "2025-01-20")  # kept
        deadline("P3", "forhandsbedomning", "2025-07-14", "2025-07-20")  # missed
        deadline("P1", "forhandsbedomning", "2025-03-29", "2025-03-16")  # kept
        deadline("P1", "utredning", "2025-05-20", "2025-05-20")  # kept on the last day
        deadline("P4", "skyddsbedomning", "2025-12-31")  # never done: missed
        deadline("P6", "forhandsbedomning", "2025-05-19", "2025-05-25")  # VU: missed
        deadline("P7", "utredning", "2026-01-20")  # 2026: not counted

        # Another municipality in the same database (kommunalförbund): never counted.
        other = Municipality(code="9998", name="Grannkommun")
        s.add(other)
        s.flush()
        ou = Unit(municipality_id=other.id, name="Barn och unga", kind="barn_unga", case_prefix="BU")
        s.add(ou)
        s.flush()
        op = person("O1", "2015-01-01", "K", municipality=other.id)
        s.flush()
        oc = Case(municipality_id=other.id, unit_id=ou.id, person_id=op.id, case_number="BU-2025-00001",
                  opened_on=D("2025-02-02"))
        s.add(oc)
        s.flush()
        oa = Anmalan(municipality_id=other.id, unit_id=ou.id, received_at=sthlm("2025-02-02T10:00"),
                     channel="telefon", reporter_category="skola", reporter_name="Y", reasons=["annat"],
                     registered_by=user)
        s.add(oa)
        s.flush()
        s.add(AnmalanChild(anmalan_id=oa.id, person_id=op.id, case_id=oc.id))
        s.add(Insats(case_id=oc.id, person_id=op.id, kind="hvb", legal_basis="SoL", start_on=D("2025-03-01")))
    return Data({k: v.id for k, v in P.items()}, {k: v.id for k, v in C.items()}, numbers)


@pytest.fixture
def admin_ctx(db, org, clock):
    from ifodesk.services.admin import system_actor
    from ifodesk.services.context import ServiceContext

    return ServiceContext(db, system_actor(db, org.municipality_id), clock=clock)


Y2025 = st.year_period(2025)


# --- reading the workbook back ----------------------------------------------------------------

def table(wb, sheet: str, name: str) -> list[list]:
    """The rows of an Excel table, header first."""
    ws = wb[sheet]
    t = ws.tables[name]
    return [[c.value for c in row] for row in ws[t.ref]]


def keyed(wb, sheet: str, name: str, key: int = 0) -> dict:
    rows = table(wb, sheet, name)
    return {r[key]: r for r in rows[1:]}


@pytest.fixture
def workbook(data, admin_ctx, tmp_path):
    from ifodesk.services.statistics import export_workbook

    res = export_workbook(admin_ctx, Y2025, tmp_path / "statistik.xlsx")
    return openpyxl.load_workbook(res.path), res


# --- the workbook, cell by cell -----------------------------------------------------------------

def test_workbook_has_every_sheet_with_frozen_headers_and_tables(workbook):
    wb, res = workbook
    from ifodesk.documents.excel import SHEETS

    assert wb.sheetnames == list(SHEETS)
    for name in SHEETS:
        ws = wb[name]
        assert ws.freeze_panes == "A4", name  # heading, period, suppression note
        assert ws.print_title_rows == "$1:$3", name
        assert ws.tables, f"{name} har ingen Excel-tabell"
        assert "2025" in ws["A2"].value and "Demokommun (9999)" in ws["A2"].value
    with zipfile.ZipFile(res.path) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        drawing = z.read("xl/drawings/drawing1.xml").decode()
    assert len(charts) == 3  # per month, per reporter category, within legal time
    assert drawing.count("<c:chart ") == 3 or drawing.count("chart") >= 3


def test_summary_sheet(workbook):
    wb, _ = workbook
    info = keyed(wb, "Sammanfattning", "Uppgifter")
    assert info["Kommunkod"][1] == "9999"
    assert info["Period"][1] == "2025"
    assert info["Från"][1] == datetime(2025, 1, 1) and info["Till"][1] == datetime(2025, 12, 31)
    ws = wb["Sammanfattning"]
    t = ws.tables["Uppgifter"]
    first = int(t.ref.split(":")[0][1:]) + 1
    assert ws.cell(first + 4, 2).value == datetime(2025, 1, 1) and ws.cell(first + 4, 2).number_format == "yyyy-mm-dd"
    key = {r[1]: r[2] for r in table(wb, "Sammanfattning", "Nyckeltal")[1:]}
    assert key["Anmälningar"] == 7
    assert key["Anmälningar räknade per barn"] == 8
    assert key["Unika barn i anmälningar"] == 7
    assert key["Beslutade förhandsbedömningar"] == 8
    assert key["Förhandsbedömningar inom 14 dagar"] == pytest.approx(0.75)
    assert key["Förhandsbedömning, median dagar"] == 13.5
    assert key["Inledda utredningar"] == 4
    assert key["Avslutade utredningar"] == 4
    assert key["Utredningstid, median dagar"] == 120
    assert key["Utredningstid, medelvärde dagar"] == 101
    assert key["Utredningar inom 4 månader"] == pytest.approx(0.75)
    assert key["Avslutade utredningar som förlängts"] == 1
    assert key["Fattade beslut"] == 9
    assert key["Påbörjade insatser"] == 7
    assert key["Barn 0–20 år i placering"] == 5
    assert key["Personer med vård enligt LVU"] == 1
    assert key["Personer med vård enligt LVM"] == 1
    assert key["Hållna tidsfrister"] == pytest.approx(0.5)
    first = int(ws.tables["Nyckeltal"].ref.split(":")[0][1:]) + 1
    fmt = {r[1]: ws.cell(row=first + i, column=3).number_format
           for i, r in enumerate(table(wb, "Sammanfattning", "Nyckeltal")[1:])}
    assert fmt["Förhandsbedömningar inom 14 dagar"] == "0.0%"
    assert fmt["Anmälningar"] == "#,##0"
    months = dict(table(wb, "Sammanfattning", "PerManad")[1:])
    assert len(months) == 12
    assert months == {"2025-01": 2, "2025-02": 0, "2025-03": 1, "2025-04": 0, "2025-05": 1, "2025-06": 1,
                      "2025-07": 0, "2025-08": 1, "2025-09": 0, "2025-10": 0, "2025-11": 0, "2025-12": 1}


def test_anmalningar_sheet(workbook):
    wb, _ = workbook
    tot = {r[0]: r[1] for r in table(wb, "Anmälningar", "Anm_Totalt")[1:]}
    assert tot == {"Anmälningar": 7, "Anmälningar räknade per barn": 8, "Unika barn": 7}
    rep = keyed(wb, "Anmälningar", "Anm_Anmalare")
    counts = {k: v[2] for k, v in rep.items()}
    assert counts == {"polis": 2, "forskola": 0, "skola": 2, "halso_sjukvard": 0, "tandvard": 0,
                      "socialtjanst": 1, "kriminalvard": 0, "annan_myndighet": 0, "ideell_privat": 0, "barnet": 0,
                      "foralder": 1, "anhorig": 0, "privatperson": 0, "anonym": 1, "ovrig": 0}
    assert rep["skola"][1] == "Skola/elevhälsa"
    assert rep["skola"][3] == pytest.approx(2 / 7)
    reasons = {k: v[2] for k, v in keyed(wb, "Anmälningar", "Anm_Anledning").items() if v[2]}
    assert reasons == {"omsorgssvikt": 2, "missbruk": 2, "vald_nara_relation": 1, "fysiskt_vald": 1,
                       "barnets_beteende": 1, "kriminalitet": 1, "annat": 1}
    groups = {k: v[2] for k, v in keyed(wb, "Anmälningar", "Anm_Huvudgrupp").items()}
    # Two violence reasons in one report count once for the group.
    assert groups == {"foralder": 3, "barn": 2, "vald": 1, "annat": 1}
    age = keyed(wb, "Anmälningar", "Anm_AlderKon")
    assert [r[0] for r in table(wb, "Anmälningar", "Anm_AlderKon")[1:]] == [
        "0–12 år", "13–17 år", "18–20 år", "21 år och äldre"]
    assert age["0–12 år"][1:] == [4, 3, 0, 1]  # total, flickor, pojkar, okänt kön
    # Age on the day of the report: P4 turns 13 on 31 December, the day A4 came in (23:30 Swedish
    # time, 22:30 UTC); P3 is reported on 30 June and turns 18 only on 7 July: 17 that day.
    assert age["13–17 år"][1:] == [3, 1, 2, 0]
    assert age["18–20 år"][1:] == [0, 0, 0, 0]
    assert age["21 år och äldre"][1:] == [1, 0, 1, 0]


def test_forhandsbedomningar_sheet(workbook):
    wb, _ = workbook
    ws = wb["Förhandsbedömningar"]
    key = {r[0]: r[1] for r in table(wb, "Förhandsbedömningar", "FB_Nyckeltal")[1:]}
    assert key == {"Beslutade förhandsbedömningar": 8, "Beslutade inom 14 dagar": 6,
                   "Andel inom 14 dagar": pytest.approx(0.75), "Median dagar till beslut": 13.5,
                   "Medelvärde dagar till beslut": pytest.approx(97 / 8), "Med synnerliga skäl för längre tid": 2,
                   "Påbörjade i perioden": 8, "Pågående vid periodens slut": 1}
    first = int(ws.tables["FB_Nyckeltal"].ref.split(":")[0][1:]) + 1
    assert ws.cell(first + 2, 2).value == pytest.approx(0.75) and ws.cell(first + 2, 2).number_format == "0.0%"
    outcome = {r[0]: r[1] for r in table(wb, "Förhandsbedömningar", "FB_Utfall")[1:]}
    assert outcome == {"Utredning inleds": 3, "Utredning inleds inte": 4, "Pågående utredning": 1}


def test_utredningar_sheet(workbook):
    wb, _ = workbook
    n = keyed(wb, "Utredningar", "Ut_Antal")
    assert n["Inledda"][1:] == [4, 3, 1, 0]
    assert n["Avslutade"][1:] == [4, 2, 2, 0]
    key = {r[0]: r[1] for r in table(wb, "Utredningar", "Ut_Nyckeltal")[1:]}
    assert key == {"Median utredningstid (dagar)": 120, "Medelvärde utredningstid (dagar)": 101,
                   "Avslutade inom 4 månader": 3, "Andel inom 4 månader": pytest.approx(0.75),
                   "Avslutade som förlängts": 1, "Andel som förlängts": pytest.approx(0.25),
                   "Beslut om förlängd utredningstid": 1, "Pågående vid periodens slut": 1}
    outcome = {r[0]: r[1] for r in table(wb, "Utredningar", "Ut_Utfall")[1:]}
    assert outcome == {"Avslutad med insats": 1, "Avslutad utan insats": 2, "Ansökan om vård enligt LVU": 1,
                       "Överflyttad till annan kommun": 0, "Nedlagd": 0}


def test_beslut_sheet(workbook):
    wb, _ = workbook
    route = {r[0]: r[1] for r in table(wb, "Beslut", "Besl_Vag")[1:]}
    assert route == {"Delegationsbeslut (tjänsteman)": 4, "Utskott eller nämnd": 3,
                     "Brådskande beslut av ordförande": 2, "Alla fattade beslut": 9}
    level = {r[0]: r[1] for r in table(wb, "Beslut", "Besl_Niva")[1:]}
    assert level == {"Individutskottet": 3, "Enhetschef": 2, "Ordförande": 2, "Socialsekreterare": 1,
                     "1:e socialsekreterare": 1}
    templates = {r[0]: (r[1], r[2]) for r in table(wb, "Beslut", "Besl_Mall")[1:]}
    assert set(templates) == {"inleda_utredning", "inte_inleda_utredning", "placering_hvb",
                              "lvu_omedelbart_omhandertagande", "lvu_ansokan_vard", "lvm_omedelbart_omhandertagande",
                              "forlangd_utredningstid", "vard_jourhem", "vard_familjehem"}
    assert templates["vard_familjehem"] == ("Vård i familjehem", 1)  # the 2024 decision is outside
    assert templates["placering_hvb"] == ("Placering i HVB", 1)  # the draft is not a decision
    lagrum = {r[0]: r[1] for r in table(wb, "Beslut", "Besl_Lagrum")[1:]}
    assert lagrum == {"11 kap. 1 § SoL": 3, "20 kap. 2 § SoL": 2, "14 kap. 2 § SoL": 1, "9 kap. 1 § SoL": 1,
                      "6 § LVU": 1, "4 § LVU": 1, "3 § LVU": 1, "13 § LVM": 1, "20 kap. 3 § SoL": 1,
                      "22 kap. 4 § SoL": 1, "22 kap. 2 § SoL": 1}


def test_insatser_sheet(workbook):
    wb, _ = workbook
    rows = {(r[0], r[2]): r[3:] for r in table(wb, "Insatser och placeringar", "Ins_Typ")[1:]}
    # started, ended, ongoing, persons, care days
    assert rows == {
        ("familjehem", "SoL"): [1, 1, 2, 2, 212],  # the one without start date is not counted
        ("hvb", "SoL"): [2, 1, 2, 2, 433],
        ("jourhem", "SoL"): [1, 1, 1, 1, 0],  # end before start: no care days
        ("lvu_vard", "LVU"): [1, 0, 1, 1, 31],
        ("lvm_hem", "LVM"): [1, 1, 1, 1, 45],
        ("oppenvard", "SoL"): [1, 0, 1, 1, "."],
    }
    placed = keyed(wb, "Insatser och placeringar", "Ins_Placerade")
    assert placed["Någon dag under perioden"][1:] == [5, 3, 2, 0]
    assert placed["Periodens sista dag"][1:] == [3, 2, 1, 0]


def test_lvu_lvm_sheet(workbook):
    wb, _ = workbook
    tot = keyed(wb, "LVU och LVM", "Lag_Totalt")
    assert tot["LVU"][1:] == [2, 1, 1, 1]
    assert tot["LVM"][1:] == [1, 1, 1, 0]
    dec = {(r[0], r[1]): r[3:] for r in table(wb, "LVU och LVM", "Lag_Beslut")[1:]}
    assert dec == {("LVU", "lvu_ansokan_vard"): [1, 0], ("LVU", "lvu_omedelbart_omhandertagande"): [1, 1],
                   ("LVM", "lvm_omedelbart_omhandertagande"): [1, 1]}
    persons = {(r[0], r[1]): r[2:] for r in table(wb, "LVU och LVM", "Lag_Personer")[1:]}
    assert persons[("LVU", "18–20 år")] == [1, 1, 0, 0]
    assert persons[("LVU", "0–12 år")] == [0, 0, 0, 0]
    assert persons[("LVM", "21 år och äldre")] == [1, 0, 1, 0]


def test_tidsbevakning_sheet(workbook):
    wb, _ = workbook
    rows = {(r[0], r[1]): r[3:] for r in table(wb, "Tidsbevakning", "Tid_Frister")[1:]}
    # due in period, kept, missed, not yet due, share kept
    assert rows == {("Barn och unga", "forhandsbedomning"): [3, 2, 1, 0, pytest.approx(2 / 3)],
                    ("Barn och unga", "skyddsbedomning"): [1, 0, 1, 0, 0],
                    ("Barn och unga", "utredning"): [1, 1, 0, 0, 1],
                    ("Vuxen", "forhandsbedomning"): [1, 0, 1, 0, 0]}
    assert table(wb, "Tidsbevakning", "Tid_Frister")[1][2] == "Förhandsbedömning"


def test_kolada_sheet_uses_only_configured_ids(workbook):
    wb, _ = workbook
    rows = table(wb, "Kolada", "Kolada")
    assert rows[0][:5] == ["KPI", "Kommun", "Period", "Kön", "Värde"]
    configured = {k.id for k in st.load_kolada()}
    assert {r[0] for r in rows[1:]} == configured
    by = {(r[0], r[3]): r for r in rows[1:]}
    assert by[("N33818", "T")][1:7] == ["9999", "2025", "T", "-", 3, "Täljare"]
    assert by[("N33100", "T")][5:7] == [433, "Nämnare"]
    assert by[("N33101", "T")][5:7] == [212, "Nämnare"]
    assert by[("N31807", "T")][4:6] == ["-", "-"]  # not computable from case data


def test_workbook_is_laid_out_for_paper(workbook):
    """Issue 13, item 9: read on paper – tables under each other, 9 pt or more, page numbers."""
    from openpyxl.utils import get_column_letter

    from ifodesk.documents.excel import MAX_SHEET_WIDTH, SHEETS

    wb, res = workbook
    for name in SHEETS:
        ws = wb[name]
        assert ws.oddFooter.center.text == "Sida &P av &N", name
        assert ws.oddHeader.left.text == "&A" and "2025" in ws.oddHeader.right.text, name
        assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
        width = sum(ws.column_dimensions[get_column_letter(c)].width for c in range(1, ws.max_column + 1))
        assert width <= MAX_SHEET_WIDTH, (name, width)  # fitted to the page, type stays at 9 pt or more
        assert ws["A1"].font.name == "Calibri" and ws["A1"].font.sz == 14
        refs = sorted(ws.tables[t].ref for t in ws.tables)
        assert all(r.startswith("A") for r in refs), (name, refs)  # every table in column A: under each other
        for t in ws.tables.values():  # headers over numbers are right-aligned like the numbers
            head = ws[t.ref.split(":")[0]].row
            for cell in ws[head]:
                below = ws.cell(head + 1, cell.column).value
                if cell.value and isinstance(below, (int, float)) and not isinstance(below, bool):
                    assert cell.alignment.horizontal == "right", (name, cell.value)
                    assert cell.font.name == "Calibri" and cell.fill.fgColor.rgb.endswith("1F3864")
    text = " ".join(str(c.value) for row in wb["Definitioner"].iter_rows() for c in row if c.value)
    assert "resources/" not in text and ".toml" not in text
    assert "Två mått på ”inom 4 månader”" in text
    defs = wb["Definitioner"]
    tall = [r for r, d in defs.row_dimensions.items() if d.height and d.height > 15]
    assert len(tall) > 10  # wrapped rows get their height
    with zipfile.ZipFile(res.path) as z:
        charts = [z.read(n).decode() for n in sorted(z.namelist()) if n.startswith("xl/charts/chart")]
    reporters = next(c for c in charts if "anmälarkategori" in c)
    assert '<orientation val="maxMin" />' in reporters  # bars in the table's order, top to bottom
    assert all('<showVal val="1" />' in c for c in charts)  # every chart carries its numbers


def test_definitions_sheet_lists_every_measure(workbook):
    wb, _ = workbook
    ids = [r[0] for r in table(wb, "Definitioner", "Def_Matt")[1:]]
    assert ids == [m.id for m in st.MEASURES]


def test_export_is_audited_once(workbook, admin_ctx):
    from ifodesk.services.audit import audit_trail

    rows = [a for a in audit_trail(admin_ctx) if a.entity == "statistik"]
    assert len(rows) == 1
    assert rows[0].action == "export" and "2025" in rows[0].detail and rows[0].username == "ifodesk-admin"


def test_suppression_hides_small_cells(data, admin_ctx, tmp_path):
    from ifodesk.services.statistics import export_workbook

    res = export_workbook(admin_ctx, Y2025, tmp_path / "s.xlsx", suppress=3)
    wb = openpyxl.load_workbook(res.path)
    assert "under 3" in wb["Anmälningar"]["A3"].value
    tot = {r[0]: r[1] for r in table(wb, "Anmälningar", "Anm_Totalt")[1:]}
    assert tot == {"Anmälningar": 7, "Anmälningar räknade per barn": 8, "Unika barn": 7}
    rep = keyed(wb, "Anmälningar", "Anm_Anmalare")
    assert rep["skola"][2] == ".." and rep["anonym"][2] == ".." and rep["forskola"][2] == 0
    assert rep["skola"][3] == ".."  # a share of a small count is hidden too
    age = keyed(wb, "Anmälningar", "Anm_AlderKon")
    # 4 = 3 + 0 + hidden would give the hidden 1 back: the 3 is hidden as its complement.
    assert age["0–12 år"][1:] == [4, "..", 0, ".."]
    key = {r[1]: r[2] for r in table(wb, "Sammanfattning", "Nyckeltal")[1:]}
    assert key["Förhandsbedömningar inom 14 dagar"] == ".."  # 2 of 8 outside: too few to show
    assert key["Förhandsbedömning, median dagar"] == 13.5
    kolada = {(r[0], r[3]): r[5] for r in table(wb, "Kolada", "Kolada")[1:]}
    assert kolada[("N33818", "T")] == 3


# --- no hidden cell can be worked back -------------------------------------------------------

def _rows(wb, sheet, name):
    return table(wb, sheet, name)[1:]


def _sums_a_reader_can_use(wb) -> list[tuple[str, list[tuple]]]:
    """Every sum a reader of the printed workbook can use, written from the sheets as they look:
    (total cell, part cells), a cell being (sheet, table, row, column)."""
    out = []

    def cell(sheet, name, i, j):
        return (sheet, name, i, j)

    def column_sum(sheet, name, j, total, rows=None):
        rows = range(len(_rows(wb, sheet, name))) if rows is None else rows
        out.append((total, [cell(sheet, name, i, j) for i in rows]))

    def row_sums(sheet, name, total_col, part_cols):
        for i in range(len(_rows(wb, sheet, name))):
            out.append((cell(sheet, name, i, total_col), [cell(sheet, name, i, j) for j in part_cols]))

    def find(sheet, name, label, j, key=0):
        return next(cell(sheet, name, i, j) for i, r in enumerate(_rows(wb, sheet, name)) if r[key] == label)

    key_rows = _rows(wb, "Sammanfattning", "Nyckeltal")
    reports_kf = next(("Sammanfattning", "Nyckeltal", i, 2) for i, r in enumerate(key_rows) if r[1] == "Anmälningar")
    column_sum("Sammanfattning", "PerManad", 1, reports_kf)
    reports = find("Anmälningar", "Anm_Totalt", "Anmälningar", 1)
    out.append((reports, [reports_kf]))  # the same figure on two sheets
    column_sum("Anmälningar", "Anm_Anmalare", 2, reports)
    row_sums("Anmälningar", "Anm_AlderKon", 1, [2, 3, 4])
    column_sum("Anmälningar", "Anm_AlderKon", 1, find("Anmälningar", "Anm_Totalt", "Anmälningar räknade per barn", 1))
    column_sum("Förhandsbedömningar", "FB_Utfall", 1,
               find("Förhandsbedömningar", "FB_Nyckeltal", "Beslutade förhandsbedömningar", 1))
    row_sums("Utredningar", "Ut_Antal", 1, [2, 3, 4])
    column_sum("Utredningar", "Ut_Utfall", 1, find("Utredningar", "Ut_Antal", "Avslutade", 1))
    vag = _rows(wb, "Beslut", "Besl_Vag")
    total = cell("Beslut", "Besl_Vag", len(vag) - 1, 1)
    column_sum("Beslut", "Besl_Vag", 1, total, range(len(vag) - 1))
    column_sum("Beslut", "Besl_Niva", 1, total)
    column_sum("Beslut", "Besl_Mall", 2, total)
    row_sums("Insatser och placeringar", "Ins_Placerade", 1, [2, 3, 4])
    for law in ("LVU", "LVM"):
        lt = "Lag_Totalt"
        for j, col in ((1, 3), (2, 4)):  # decisions, urgent
            rows = [i for i, r in enumerate(_rows(wb, "LVU och LVM", "Lag_Beslut")) if r[0] == law]
            column_sum("LVU och LVM", "Lag_Beslut", col, find("LVU och LVM", lt, law, j), rows)
        rows = [i for i, r in enumerate(_rows(wb, "LVU och LVM", "Lag_Personer")) if r[0] == law]
        column_sum("LVU och LVM", "Lag_Personer", 2, find("LVU och LVM", lt, law, 3), rows)
    row_sums("LVU och LVM", "Lag_Personer", 2, [3, 4, 5])
    row_sums("Tidsbevakning", "Tid_Frister", 3, [4, 5, 6])
    return out


def _worked_back(wb, sums) -> list[tuple]:
    """Hidden cells whose value follows from the shown ones by the sums (exact linear algebra)."""
    from fractions import Fraction

    def value(c):
        return _rows(wb, c[0], c[1])[c[2]][c[3]]

    hidden = sorted({c for total, parts in sums for c in (total, *parts) if value(c) == ".."})
    index = {c: i for i, c in enumerate(hidden)}
    matrix = []
    for total, parts in sums:
        row = [Fraction(0)] * len(hidden)
        for c, coef in ((total, 1), *((p, -1) for p in parts)):
            if c in index:
                row[index[c]] += coef
            else:
                assert isinstance(value(c), int), c  # a shown count
        if any(row):
            matrix.append(row)
    # Reduced row echelon form; a hidden cell is known when a row is its unit vector.
    r, pivots = 0, []
    for col in range(len(hidden)):
        pivot = next((i for i in range(r, len(matrix)) if matrix[i][col] != 0), None)
        if pivot is None:
            continue
        matrix[r], matrix[pivot] = matrix[pivot], matrix[r]
        matrix[r] = [x / matrix[r][col] for x in matrix[r]]
        for i in range(len(matrix)):
            if i != r and matrix[i][col] != 0:
                f = matrix[i][col]
                matrix[i] = [a - f * b for a, b in zip(matrix[i], matrix[r])]
        pivots.append(col)
        r += 1
    return [hidden[c] for i, c in enumerate(pivots) if all(x == 0 for j, x in enumerate(matrix[i]) if j != c)]


@pytest.mark.parametrize("threshold", [2, 3, 5])
def test_no_hidden_cell_can_be_computed_from_the_rest(data, admin_ctx, tmp_path, threshold):
    from ifodesk.services.statistics import export_workbook

    res = export_workbook(admin_ctx, Y2025, tmp_path / "s.xlsx", suppress=threshold)
    wb = openpyxl.load_workbook(res.path)
    sums = _sums_a_reader_can_use(wb)
    hidden = [c for total, parts in sums for c in (total, *parts)
              if _rows(wb, c[0], c[1])[c[2]][c[3]] == ".."]
    assert hidden  # the data set has small cells at every threshold
    assert _worked_back(wb, sums) == []
    # A share beside a hidden count is hidden too: it would give the count back.
    for sheet, name, count_col, share_col in (("Anmälningar", "Anm_Anmalare", 2, 3),
                                              ("Förhandsbedömningar", "FB_Utfall", 1, 2),
                                              ("Utredningar", "Ut_Utfall", 1, 2), ("Beslut", "Besl_Vag", 1, 2)):
        for r in _rows(wb, sheet, name):
            if r[count_col] == "..":
                assert r[share_col] in ("..", "."), (sheet, r)


def test_without_secondary_suppression_the_test_would_catch_it(data, admin_ctx, tmp_path, monkeypatch):
    """The recompute check is not vacuous: primary suppression alone gives cells back."""
    from ifodesk.documents import excel
    from ifodesk.services.statistics import export_workbook

    monkeypatch.setattr(excel, "plan_suppression",
                        lambda values, relations, t: {k for k, v in values.items() if 0 < v < t})
    res = export_workbook(admin_ctx, Y2025, tmp_path / "s.xlsx", suppress=3)
    wb = openpyxl.load_workbook(res.path)
    assert _worked_back(wb, _sums_a_reader_can_use(wb))


def test_suppression_plan_hides_complements():
    from ifodesk.domain.statistics_suppression import Relation, determined_cells, plan_suppression

    # The review's case: 736 minus the other categories gives the hidden 4 back.
    values = {"T": 736, "a": 4, "b": 700, "c": 32}
    hidden = plan_suppression(values, [Relation("T", ("a", "b", "c"))], 5)
    assert hidden == {"a", "c"}  # the smallest other part, not the total
    assert not determined_cells([Relation("T", ("a", "b", "c"))], hidden)
    assert plan_suppression(values, [Relation("T", ("a", "b", "c"))], 0) == set()
    # A two-way table: row and column totals.
    v = {"r1": 10, "r2": 12, "c1": 11, "c2": 11, "T": 22, "a": 2, "b": 8, "c": 9, "d": 3}
    rel = [Relation("r1", ("a", "b")), Relation("r2", ("c", "d")), Relation("c1", ("a", "c")),
           Relation("c2", ("b", "d")), Relation("T", ("r1", "r2"))]
    hidden = plan_suppression(v, rel, 3)
    assert "a" in hidden and not determined_cells(rel, hidden)


@pytest.fixture
def rka_data(data, db, org):
    """Planted re-actualisation and öppenvård cases; the base year for 2025 is 2024.

    R1 (8 in 2024): utredning closed without insats 2024-03-01, new anmälan 2025-02-01: re-actualised.
    R2 (10): öppenvård ended 2024-06-30, nothing since: not re-actualised.
    R3 (16): utredning closed 2024-10-01, new utredning 2025-10-02 = 366 days: not re-actualised.
    R4 (14): insats ended 2024-11-30 while another still runs: no ended insats, not counted.
    R5 (14): insats ended 2024-12-31, anmälan 2025-12-31 = day 365: re-actualised.
    R6 (12 in 2025): kontaktfamilj and a structured programme in 2025. R7 (adult): kontaktperson, not counted.
    """
    from ifodesk.db.models import Anmalan, AnmalanChild, Case, Insats, Person, Utredning

    mid, bu = org.municipality_id, org.unit.id
    user = org.actor("anna.lind").user_id
    with db.session(write=True) as s:
        made = {}
        for key, born in (("R1", "2016-01-01"), ("R2", "2014-06-01"), ("R3", "2008-01-01"), ("R4", "2010-02-02"),
                          ("R5", "2010-05-05"), ("R6", "2013-03-03"), ("R7", "1990-01-01")):
            p = Person(municipality_id=mid, personnummer=_pnr(born, "K"), first_name=key, last_name="Test",
                       sort_key=f"test {key}", search_name=key, birth_date=D(born), legal_gender="K")
            s.add(p)
            s.flush()
            c = Case(municipality_id=mid, unit_id=bu, person_id=p.id, case_number=f"BU-2024-9{key[1]}000",
                     status="utredning", opened_on=D("2024-01-01"))
            s.add(c)
            s.flush()
            made[key] = (p, c)

        def utredning(key, opened, closed=None, outcome=None):
            s.add(Utredning(case_id=made[key][1].id, opened_on=D(opened), due_on=D(opened),
                            closed_on=D(closed) if closed else None, closing_outcome=outcome))

        def insats(key, kind, start, end=None, basis="SoL"):
            s.add(Insats(case_id=made[key][1].id, person_id=made[key][0].id, kind=kind, legal_basis=basis,
                         start_on=D(start), end_on=D(end) if end else None))

        def anmalan(key, at):
            a = Anmalan(municipality_id=mid, unit_id=bu, received_at=sthlm(at), channel="telefon",
                        reporter_category="skola", reporter_name="X", reasons=["annat"], registered_by=user)
            s.add(a)
            s.flush()
            s.add(AnmalanChild(anmalan_id=a.id, person_id=made[key][0].id, case_id=made[key][1].id))

        utredning("R1", "2024-01-10", "2024-03-01", "utan_insats")
        anmalan("R1", "2025-02-01T10:00")
        insats("R2", "oppenvard", "2024-01-01", "2024-06-30")
        utredning("R3", "2024-08-01", "2024-10-01", "utan_insats")
        utredning("R3", "2025-10-02")
        insats("R4", "oppenvard", "2024-01-01", "2024-11-30")
        insats("R4", "kontaktfamilj", "2024-06-01")
        insats("R5", "oppenvard", "2024-02-01", "2024-12-31")
        anmalan("R5", "2025-12-31T12:00")
        insats("R6", "kontaktfamilj", "2025-02-01")
        insats("R6", "oppenvard_program", "2025-03-01", "2025-09-30")
        insats("R7", "kontaktperson", "2025-01-01")
    return made


def test_reactualisation_and_oppenvard_on_planted_cases(rka_data, admin_ctx, tmp_path):
    from ifodesk.services.statistics import compute_statistics, export_workbook

    r = compute_statistics(admin_ctx, Y2025)
    assert r.aterakt_window == (D("2024-01-01"), D("2024-12-31"))
    rka = {x.band: (x.base, x.not_reactualised) for x in r.aterakt}
    assert rka == {"0-12": (2, 1), "13-20": (2, 1)}  # R1, R2 | R3, R5 (R4's care goes on)
    ov = {x.code: x.count for x in r.oppenvard}
    # P2's plain öppenvård; R4's kontaktfamilj runs on into 2025 as well; R7 is an adult.
    assert ov == {"program": 1, "personligt_stod": 0, "kontakt": 2, "sarskilt_kvalificerad": 0, "ovrig": 1}
    wb = openpyxl.load_workbook(export_workbook(admin_ctx, Y2025, tmp_path / "r.xlsx").path)
    rows = {x[0]: x[1:] for x in table(wb, "Insatser och placeringar", "Ins_Ateraktualisering")[1:]}
    assert rows == {"Barn 0–12 år": [2, 1, 0.5], "Unga 13–20 år": [2, 1, 0.5]}
    ov_rows = {x[0]: x[2] for x in table(wb, "Insatser och placeringar", "Ins_Oppenvard")[1:]}
    assert ov_rows["kontakt"] == 2 and ov_rows["program"] == 1


def test_unit_and_half_year(data, admin_ctx):
    from ifodesk.services.statistics import compute_statistics, find_unit

    bu = find_unit(admin_ctx, "bu")
    assert find_unit(admin_ctx, "Barn och unga").id == bu.id
    r = compute_statistics(admin_ctx, Y2025, bu.id)
    assert r.unit_name == "Barn och unga"
    assert r.anmalningar.reports == 6
    assert r.beslut.total == 8
    assert r.forhandsbedomningar.decided == 7
    assert [x.unit for x in r.tidsbevakning] == ["Barn och unga"] * 3
    h1 = compute_statistics(admin_ctx, st.parse_period("2025H1"))
    assert h1.anmalningar.reports == 5  # A1, A2, A3 (23:30 on 30 June), A5, A8
    assert [m.label for m in h1.anmalningar.per_month] == [f"2025-0{i}" for i in range(1, 7)]


def test_unknown_unit_is_a_clear_error(data, admin_ctx):
    from ifodesk.services.errors import NotFound
    from ifodesk.services.statistics import find_unit

    with pytest.raises(NotFound, match="Okänd enhet ”XX”. Enheter i kommunen: BU"):
        find_unit(admin_ctx, "XX")


# --- Socialstyrelsen -------------------------------------------------------------------------

MISSING_FIELDS = {("varning", "uppgift_saknas", "(hela filen)")}


def test_validation_report_finds_every_planted_error(data, admin_ctx):
    from ifodesk.services.statistics import register_extract

    ex = register_extract(admin_ctx, 2025)
    rep = ex.report
    assert (rep.children, rep.insatser, rep.placements) == (6, 6, 7)
    found = {(i.severity, i.code, i.case_number) for i in rep.issues}
    n = data.case_numbers
    assert found == {
        ("fel", "utan_beslut", n["P2"]),  # HVB without a decision
        ("fel", "slut_fore_start", n["P4"]),  # jourhem ending before it starts
        ("fel", "saknar_datum", n["P5"]),  # familjehem without start date
        ("fel", "saknar_kon", n["P5"]),  # no personnummer, no recorded gender
        ("varning", "tillfalligt_id", n["P5"]),
        ("varning", "tillfalligt_id", n["P7"]),
        ("varning", "okand_placeringsform", n["P3"]),  # LVU care without a placement form
    } | MISSING_FIELDS  # födelseland ×3 and ensamkommande: registered for nobody here, said once each
    assert rep.has_errors and len(rep.errors) == 4 and len(rep.warnings) == 3 + 4
    text = "\n".join(rep.lines())
    assert "P5" not in text and "Test" not in text  # cases by number, never by name
    assert "Uppgiften barnets födelseland saknas för 6 av 6 barn" in text
    assert "Uppgiften ensamkommande saknas för 6 av 6 barn" in text


def test_register_export_is_blocked_by_errors_and_forced(data, admin_ctx, tmp_path):
    from ifodesk.documents.socialstyrelsen import read_register
    from ifodesk.services.errors import ValidationError
    from ifodesk.services.statistics import export_register

    out = tmp_path / "barn_unga_2025.txt"
    with pytest.raises(ValidationError, match="4 fel"):
        export_register(admin_ctx, 2025, out)
    assert not out.exists()
    res = export_register(admin_ctx, 2025, out, force=True)
    assert res.forced and res.report_path.read_text(encoding="utf-8").startswith("Valideringsrapport")
    raw = out.read_bytes()
    assert b"\r\n" in raw and not any(line.endswith(b";") for line in raw.split(b"\r\n"))
    recs = read_register(out)
    kids = {r["barn_id"]: r for r in recs if r["post"] == "B"}
    p1 = _pnr("2015-05-01", "K")
    assert set(kids) == {p1, _pnr("2010-02-01", "M"), _pnr("2007-07-07", "K"), _pnr("2012-12-31", "M"),
                         st.temporary_id(data.persons["P5"].hex), st.temporary_id(data.persons["P7"].hex)}
    assert kids[p1] == {"post": "B", "kommunkod": "9999", "ar": "2025", "barn_id": p1, "id_typ": "P", "kon": "K",
                        "fodelsedatum": "2015-05-01", "fodelseland": "", "fodelseland_mor": "",
                        "fodelseland_far": "", "vardnadshavare": "O", "ensamkommande": ""}
    assert kids[_pnr("2007-07-07", "K")]["vardnadshavare"] == "V"  # 18: no guardian, of age
    t5 = kids[st.temporary_id(data.persons["P5"].hex)]
    assert (t5["id_typ"], t5["kon"]) == ("T", "")
    ins = [r for r in recs if r["post"] == "I" and r["barn_id"] == p1]
    assert ins == [{"post": "I", "kommunkod": "9999", "ar": "2025", "barn_id": p1, "insatsnr": "1", "lag": "SoL",
                    "specifikation": "SOL", "lagrum": "11 kap. 1 § SoL (2025:400), 9 kap. 1 § SoL (2025:400)",
                    "lagversion": "SoL 2025:400", "beslutsmall": "placering_hvb", "beslutsdatum": "2025-05-20",
                    "beslutsdatum_kalla": "N", "startdatum": "2025-05-25", "slutdatum": ""}]
    pl = [(r["placeringsnr"], r["placeringsform"], r["startdatum"], r["slutdatum"])
          for r in recs if r["post"] == "P" and r["barn_id"] == p1]
    assert pl == [("1", "HVB", "2025-05-25", "2025-08-31"), ("2", "FH", "2025-09-01", "")]
    lvu = [r for r in recs if r["post"] == "I" and r["barn_id"] == _pnr("2007-07-07", "K")]
    assert [(r["lag"], r["specifikation"], r["lagrum"], r["beslutsdatum"]) for r in lvu] == [
        ("LVU", "LVU6", "6 § LVU (1990:52)", "2025-12-01")]
    assert len([r for r in recs if r["post"] == "P"]) == 7
    assert "Grannkommun" not in raw.decode("utf-8") and "Test" not in raw.decode("utf-8")
    from ifodesk.services.audit import audit_trail

    acts = [(a.action, a.entity) for a in audit_trail(admin_ctx) if a.entity == "socialstyrelsen_register"]
    assert acts.count(("export", "socialstyrelsen_register")) == 1


@pytest.fixture
def register_data(data, db, org, admin_ctx):
    """More for the register: year-end dates, guardians, LVU 2 § with a court ruling, SiS, re-placement.

    P8 (born 2011-06-15, K): two guardians (K and M). 6 § LVU on 2025-10-01 (LVU 1990:52), SiS from
    2025-10-02 to 2025-12-31 (ends on the last day: written). The nämnd applies for care under
    2 § LVU on 2025-10-05; the court's judgment on 2025-10-20 is recorded. Care in familjehem from
    2025-11-01 to 2026-02-15 (after the year: written as ongoing), re-placed in HVB from 2026-02-16
    (not in the 2025 file). P9 (born 2009-03-03, M): särskilt förordnad vårdnadshavare; SoL
    jourhem ending 2026-01-05 (ongoing in the file). P1 gets one guardian, a woman.
    Födelseland and ensamkommande: P8 born in Syria, ensamkommande no, mother born in Syria, father's
    country "okänt" (XX); P9 born in Afghanistan, ensamkommande yes, his särskilt förordnade
    vårdnadshavare is no parent (no mother or father in the file); P1's mother (M8) counts for P1 too.
    """
    from ifodesk.db.models import Decision, Insats, Person, PersonRelation

    mid, bu = org.municipality_id, org.unit.id
    user = org.actor("anna.lind").user_id
    with db.session(write=True) as s:
        from ifodesk.db.models import Case

        def person(key, born, gender, pnr=True):
            p = Person(municipality_id=mid, personnummer=_pnr(born, gender) if pnr else None, first_name=key,
                       last_name="Test", sort_key=f"test {key}", search_name=key, birth_date=D(born),
                       legal_gender=gender)
            s.add(p)
            s.flush()
            return p

        p8, p9 = person("P8", "2011-06-15", "K"), person("P9", "2009-03-03", "M")
        mother, father, sfv = person("M8", "1980-01-01", "K"), person("F8", "1979-01-01", "M"), \
            person("S9", "1970-01-01", "K")
        p8.birth_country, p8.unaccompanied = "SY", False
        p9.birth_country, p9.unaccompanied = "AF", True
        mother.birth_country, father.birth_country, sfv.birth_country = "SY", "XX", "SE"
        for child, g, role in ((p8, mother, "vardnadshavare"), (p8, father, "vardnadshavare"),
                               (p9, sfv, "sarskilt_forordnad"), (s.get(Person, data.persons["P1"]), mother,
                                                                  "vardnadshavare")):
            s.add(PersonRelation(municipality_id=mid, child_id=child.id, person_id=g.id, role=role,
                                 custody="gemensam" if child is p8 else "ensam"))
        cases = {}
        for key, p in (("P8", p8), ("P9", p9)):
            c = Case(municipality_id=mid, unit_id=bu, person_id=p.id, case_number=f"BU-2025-0{key[1]}000",
                     status="utredning", opened_on=D("2025-01-01"))
            s.add(c)
            s.flush()
            cases[key] = c

        def decision(key, person_, template, on, lagrum, law_version):
            d = Decision(municipality_id=mid, unit_id=bu, case_id=cases[key].id, person_id=person_.id,
                         template_id=template, law_version=law_version, title=template, lagrum=lagrum, fields={},
                         status="beslutad", drafted_by=user, content_hash="x", decider_level="utskott",
                         decided_on=D(on), delegated=False, urgent=False)
            s.add(d)
            s.flush()
            return d

        d6 = decision("P8", p8, "lvu_omedelbart_omhandertagande", "2025-10-01", ["6 § LVU"], "LVU 1990:52")
        d2 = decision("P8", p8, "lvu_ansokan_vard", "2025-10-05", ["4 § LVU", "2 § LVU"], "LVU 1990:52")
        dj = decision("P9", p9, "vard_jourhem", "2025-06-01", ["11 kap. 1 § SoL"], "SoL 2025:400")

        def insats(key, person_, kind, basis, d, start, end=None):
            s.add(Insats(case_id=cases[key].id, person_id=person_.id, decision_id=d.id, kind=kind,
                         legal_basis=basis, start_on=D(start), end_on=D(end) if end else None))

        insats("P8", p8, "sis", "LVU", d6, "2025-10-02", "2025-12-31")
        insats("P8", p8, "familjehem", "LVU", d2, "2025-11-01", "2026-02-15")
        insats("P8", p8, "hvb", "LVU", d2, "2026-02-16")
        insats("P9", p9, "jourhem", "SoL", dj, "2025-06-02", "2026-01-05")
        s.flush()
        from ifodesk.db.models_court import CourtRuling
        s.add(CourtRuling(municipality_id=mid, unit_id=bu, case_id=cases["P8"].id, person_id=p8.id,
                          decision_id=d2.id, court="Förvaltningsrätten i Göteborg", court_case_number="1234-25",
                          ruled_on=D("2025-10-20"), outcome="bifall", care_began_on=D("2025-10-21"),
                          granted_lagrum=["2 § LVU"]))
    return {"P8": _pnr("2011-06-15", "K"), "P9": _pnr("2009-03-03", "M"), "d2": d2.id}


def test_register_new_variables_are_written_and_parsed_back(register_data, data, admin_ctx, tmp_path):
    from ifodesk.documents.socialstyrelsen import read_register
    from ifodesk.services.statistics import export_register

    out = tmp_path / "reg.txt"
    res = export_register(admin_ctx, 2025, out, force=True)
    recs = read_register(out)
    kids = {r["barn_id"]: r for r in recs if r["post"] == "B"}
    assert kids[register_data["P8"]]["vardnadshavare"] == "G"  # two guardians
    assert kids[register_data["P9"]]["vardnadshavare"] == "S"  # särskilt förordnad
    assert kids[_pnr("2015-05-01", "K")]["vardnadshavare"] == "K"  # one guardian, a woman
    new = ("fodelseland", "fodelseland_mor", "fodelseland_far", "ensamkommande")
    assert [kids[register_data["P8"]][f] for f in new] == ["SY", "SY", "XX", "N"]
    assert [kids[register_data["P9"]][f] for f in new] == ["AF", "", "", "J"]  # a särskilt förordnad is no parent
    assert [kids[_pnr("2015-05-01", "K")][f] for f in new] == ["", "SY", "", ""]  # not registered: empty
    missing = {i.message for i in res.extract.report.issues if i.code == "uppgift_saknas"}
    assert "Uppgiften barnets födelseland saknas för 6 av 8 barn" in " ".join(missing)
    assert "Uppgiften moderns födelseland saknas för 6 av 8 barn" in " ".join(missing)
    ins = {r["insatsnr"]: r for r in recs if r["post"] == "I" and r["barn_id"] == register_data["P8"]}
    assert (ins["1"]["specifikation"], ins["1"]["lagrum"], ins["1"]["lagversion"]) == (
        "LVU6", "6 § LVU (1990:52)", "LVU 1990:52")
    assert (ins["1"]["startdatum"], ins["1"]["slutdatum"]) == ("2025-10-02", "2025-12-31")  # on the last day
    # LVU 2 §: the court's judgment, not the nämnd's application; ends after the year: ongoing.
    assert (ins["2"]["specifikation"], ins["2"]["beslutsdatum"], ins["2"]["beslutsdatum_kalla"]) == (
        "LVU2", "2025-10-20", "F")
    assert ins["2"]["lagrum"] == "4 § LVU (1990:52), 2 § LVU (1990:52)"
    assert (ins["2"]["startdatum"], ins["2"]["slutdatum"]) == ("2025-11-01", "")
    pl = [(r["insatsnr"], r["placeringsnr"], r["placeringsform"], r["startdatum"], r["slutdatum"])
          for r in recs if r["post"] == "P" and r["barn_id"] == register_data["P8"]]
    assert pl == [("1", "1", "SIS", "2025-10-02", "2025-12-31"), ("2", "1", "FH", "2025-11-01", "")]
    p9 = [r for r in recs if r["post"] == "P" and r["barn_id"] == register_data["P9"]]
    assert [(r["placeringsform"], r["slutdatum"]) for r in p9] == [("JH", "")]  # 2026-01-05: ongoing
    # Nothing in the file lies after the report year.
    dates = [v for r in recs for k, v in r.items() if k.endswith("datum") and k != "fodelsedatum" and v]
    assert dates and max(dates) <= "2025-12-31"
    codes = {(i.code, i.case_number) for i in res.extract.report.issues}
    assert not any(c == "namndens_datum" for c, _ in codes)


def test_register_lvu_without_court_ruling_uses_the_namnd_date_and_warns(register_data, data, db, admin_ctx):
    from sqlalchemy import select

    from ifodesk.db.models import Decision, Insats
    from ifodesk.services.statistics import register_extract

    ex = register_extract(admin_ctx, 2025)
    assert "namndens_datum" not in {i.code for i in ex.report.issues}
    with db.session(write=True) as s:  # P3's application for LVU care: no judgment recorded
        d = s.scalar(select(Decision).where(Decision.template_id == "lvu_ansokan_vard",
                                            Decision.person_id == data.persons["P3"]))
        s.add(Insats(case_id=d.case_id, person_id=d.person_id, decision_id=d.id, kind="hvb", legal_basis="LVU",
                     start_on=D("2025-12-20")))
    ex = register_extract(admin_ctx, 2025)
    p3 = next(c for c in ex.children if c.child_id == _pnr("2007-07-07", "K"))
    ins = next(i for i in p3.insatser if i.decision_template == "lvu_ansokan_vard")
    assert (ins.decided_on, ins.decided_by_court, ins.specification) == (D("2025-12-05"), False, "LVU3")
    assert ("varning", "namndens_datum", data.case_numbers["P3"]) in {
        (i.severity, i.code, i.case_number) for i in ex.report.issues}


def test_register_layout_is_data_with_its_source():
    layout = st.load_register_layout()
    assert "HSLF-FS 2016:22" in layout.source["regulation"]
    assert "kontrolleras" in layout.source["technical_description"]
    assert all(fields[0] == "post" for fields in layout.records.values())
    assert layout.placement_form("sis") == "SIS" and layout.placement_form("eget_hem") == "EH"
    assert layout.specification("LVU", ["2 § LVU", "3 § LVU"]) == "LVU23"
    assert layout.specification("LVU", ["3 § LVU (1990:52)"]) == "LVU3"
    assert layout.specification("LVU", ["4 § LVU"]) is None
    assert st.clip_to_year(D("2026-01-01"), 2025) is None and st.clip_to_year(D("2025-12-31"), 2025) == D("2025-12-31")


# --- command line ------------------------------------------------------------------------------

def cli(argv, capsys):
    from ifodesk.cli import main

    rc = main(argv)
    out = capsys.readouterr()
    return rc, out.out, out.err


@pytest.mark.parametrize("args, message", [
    (["--from", "2025-13-01", "--to", "2025-12-31"], "Ogiltigt från-datum (--from) ”2025-13-01”"),
    (["--from", "2025-02-30", "--to", "2025-12-31"], "det datumet finns inte i kalendern"),
    (["--from", "1/1/2025", "--to", "2025-12-31"], "skriv datumet som ÅÅÅÅ-MM-DD"),
    (["--from", "2025-12-31", "--to", "2025-01-01"], "Perioden är omvänd"),
    (["--period", "2025Q5"], "Ogiltig period ”2025Q5”"),
    (["--from", "2025-01-01"], "Ange perioden med --from DATUM och --to DATUM"),
])
def test_cli_bad_period(args, message, db, capsys, tmp_path):
    rc, out, err = cli(["stats", "--database", db.url, *args, "--out", str(tmp_path / "x.xlsx")], capsys)
    assert rc == 2
    assert err.startswith("ifodesk-admin: fel: ") and message in err
    assert not (tmp_path / "x.xlsx").exists()


def test_cli_unknown_unit_and_unwritable_output(data, db, capsys, tmp_path):
    rc, _, err = cli(["stats", "--database", db.url, "--period", "2025", "--unit", "XYZ",
                      "--out", str(tmp_path / "x.xlsx")], capsys)
    assert rc == 2 and "Okänd enhet ”XYZ”" in err
    rc, _, err = cli(["stats", "--database", db.url, "--period", "2025",
                      "--out", str(tmp_path / "saknas" / "x.xlsx")], capsys)
    assert rc == 2 and "mappen" in err and "finns inte" in err
    rc, _, err = cli(["stats", "--database", db.url, "--period", "2025", "--out", str(tmp_path / "x.csv")], capsys)
    assert rc == 2 and "ska sluta på .xlsx" in err


def test_cli_stats_writes_workbook(data, db, capsys, tmp_path):
    out = tmp_path / "bu.xlsx"
    rc, stdout, _ = cli(["stats", "--database", db.url, "--from", "2025-01-01", "--to", "2025-12-31",
                         "--unit", "BU", "--suppress", "2", "--out", str(out)], capsys)
    assert rc == 0, stdout
    assert "Barn och unga" in stdout and "6 anmälningar" in stdout
    wb = openpyxl.load_workbook(out)
    assert keyed(wb, "Sammanfattning", "Uppgifter")["Enhet"][1] == "Barn och unga"
    assert {r[0]: r[1] for r in table(wb, "Anmälningar", "Anm_Totalt")[1:]}["Anmälningar"] == 6


def test_cli_socialstyrelsen(data, db, capsys, tmp_path):
    out = tmp_path / "reg.txt"
    rc, stdout, err = cli(["socialstyrelsen", "--database", db.url, "--year", "2025", "--out", str(out)], capsys)
    assert rc == 2
    assert stdout.startswith("Valideringsrapport") and "FEL:" in stdout and "VARNING:" in stdout
    assert "4 fel stoppar exporten" in err and not out.exists()
    rc, stdout, _ = cli(["socialstyrelsen", "--database", db.url, "--year", "2025", "--out", str(out), "--force"],
                        capsys)
    assert rc == 0 and out.exists() and "6 barn" in stdout
    rc, _, err = cli(["socialstyrelsen", "--database", db.url, "--year", "25", "--out", str(out)], capsys)
    assert rc == 2 and "Ogiltigt år ”25” (--year): skriv fyra siffror" in err
    rc, _, err = cli(["stats", "--database", db.url, "--period", "2025", "--suppress", "-1",
                      "--out", str(tmp_path / "x.xlsx")], capsys)
    assert rc == 2 and "Ogiltig gräns för små tal" in err


# --- domain rules -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, start, end, label", [
    ("2026", "2026-01-01", "2026-12-31", "2026"),
    ("2026H1", "2026-01-01", "2026-06-30", "2026 första halvåret"),
    ("2026h2", "2026-07-01", "2026-12-31", "2026 andra halvåret"),
    ("2026Q3", "2026-07-01", "2026-09-30", "2026 kvartal 3"),
    ("2026K1", "2026-01-01", "2026-03-31", "2026 kvartal 1"),
    ("2024-02", "2024-02-01", "2024-02-29", "februari 2024"),
    ("2026-01-15..2026-02-10", "2026-01-15", "2026-02-10", "2026-01-15 – 2026-02-10"),
    ("2026-04-01..2026-06-30", "2026-04-01", "2026-06-30", "2026 kvartal 2"),
])
def test_parse_period(text, start, end, label):
    p = st.parse_period(text)
    assert (p.start, p.end, p.label) == (D(start), D(end), label)


@pytest.mark.parametrize("text, message", [
    ("2026-13", "månaden ska vara 01–12"),
    ("26", "Ogiltig period"),
    ("2026-02-01..2026-01-01", "Perioden är omvänd"),
    ("2026-02-30..2026-03-01", "finns inte i kalendern"),
])
def test_parse_period_errors(text, message):
    with pytest.raises(st.PeriodError, match=message):
        st.parse_period(text)


def test_age_bands_gender_and_helpers():
    assert [st.age_band(st.age_reached(b, 2025)).code for b in (2025, 2013, 2012, 2008, 2007, 2005, 2004, None)] == [
        "0-12", "0-12", "13-17", "13-17", "18-20", "18-20", "21+", "okand"]
    assert st.gender_from_personnummer(_pnr("2015-05-01", "K")) == "K"
    assert st.gender_from_personnummer(_pnr("2015-05-01", "M"), "K") == "M"  # the number decides
    assert st.gender_from_personnummer(None, "K") == "K"
    assert st.gender_from_personnummer(None, None) is None
    assert st.median([3, 1, 2]) == 2 and st.median([4, 1, 3, 2]) == 2.5 and st.median([]) is None
    assert st.median_from_counts({1: 1, 5: 1, 10: 1, 13: 1, 14: 2, 20: 2}) == 13.5
    assert st.median_from_counts({7: 3}) == 7 and st.median_from_counts({}) is None
    assert st.mean_from_counts({30: 1, 120: 2, 134: 1}) == 101
    assert [st.suppress(v, 3) for v in (0, 1, 2, 3, None)] == [0, "..", "..", 3, "-"]
    assert st.suppress(1, 0) == 1
    assert st.suppress_share(6, 8, 3) == ".."  # the 2 outside would be revealed
    assert st.suppress_share(6, 9, 3) == pytest.approx(6 / 9)
    assert st.suppress_share(0, 0, 3) == "."


def test_kolada_config_is_checked(tmp_path):
    bad = tmp_path / "k.toml"
    bad.write_text('[[kpi]]\nid = "X12345"\ntitle = "t"\ncertainty = "I"\n', encoding="utf-8")
    with pytest.raises(st.KoladaConfigError, match="inget Kolada-id"):
        st.load_kolada(bad)
    ok = tmp_path / "ok.toml"
    ok.write_text('[[kpi]]\nid = "N99999"\ntitle = "Test"\ncertainty = "I"\nfeeds = "varde"\n'
                  'measure = "m"\ndivided_by_gender = true\n', encoding="utf-8")
    kpis = st.load_kolada(ok)
    rows = st.kolada_rows(kpis, "9999", "2025", {"m": {"T": 10, "K": 2, "M": 8}}, threshold=3)
    assert [(r.gender, r.value) for r in rows] == [("T", 10), ("K", ".."), ("M", 8)]
    # Every shipped id is in Kolada's form and every shipped certainty is one stats.md uses.
    shipped = st.load_kolada()
    assert shipped and all(k.certainty in ("V", "V2", "I") for k in shipped)
