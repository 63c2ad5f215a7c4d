"""Demo data that exercises Socialstyrelsen's register and its validator (issue 13, item 5).

A handful of planted cases in the year before the demo's date, made with the same rows the rest
of the demo uses: a child with a reservnummer (temporary id in the file), an ensamkommande young
person with a samordningsnummer and a särskilt förordnad vårdnadshavare, LVU 6 § for a child
followed by LVU care with two placements (a re-placement), LVU 6 § and 3 § care for a
19-year-old in an LVU-hem (the law allows 3 § for 18–20), and LVM care for an adult (never in
the children's register). Every person also gets födelseland, and children ensamkommande,
with a share left unregistered so the validation report counts them.

The samordningsnummer is built like the demo's personnummer (birth number 980–999, day + 60);
the test series is documented for personnummer only, so this one is synthetic by construction
but not by Skatteverket's list.
"""

from __future__ import annotations

import random
import uuid
from datetime import date

from sqlalchemy import insert, select

from ifodesk.db.engine import Database
from ifodesk.db.models import Case, CaseNumberSeq, Decision, Insats, Person, PersonRelation
from ifodesk.db.models_court import CourtRuling
from ifodesk.domain.personnummer import luhn_check_digit, make_reserve_number, synthetic_personnummer
from ifodesk.domain.swedish import search_fold, sort_key


# Children's cases, taken from the asked number so --cases N still gives N children's cases (the
# LVM case is in the adult unit, on top of them).
EXTRA_CASES = 4
MIN_CASES = 20  # below this the demo is too small to carry them
ABROAD = ("SY", "AF", "SO", "ER", "IQ", "PL", "IR", "FI", "TR", "UA")


def planned(cases: int) -> int:
    return EXTRA_CASES if cases >= MIN_CASES else 0


def finish_person_rows(rows: list[dict], rng: random.Random, *, children: bool) -> None:
    """Födelseland for everyone (most born in Sweden, some abroad, a few not registered), and
    ensamkommande for children; every row gets the same keys for the bulk insert."""
    for row in rows:
        row.setdefault("reserve_number", None)
        if "birth_country" not in row:
            x = rng.random()
            sweden = 0.85 if children else 0.7
            row["birth_country"] = "SE" if x < sweden else (None if x > 0.95 else rng.choice(ABROAD))
        if "unaccompanied" not in row:
            known = children and row["birth_country"] is not None
            row["unaccompanied"] = (row["birth_country"] != "SE" and rng.random() < 0.05) if known else None


def _samordningsnummer(born: date, gender: str, serial: int) -> str:
    birth_number = 980 + 2 * serial + (1 if gender == "M" else 0)
    nine = f"{born:%y%m}{born.day + 60:02d}{birth_number:03d}"
    return f"{born:%Y%m}{born.day + 60:02d}{birth_number:03d}{luhn_check_digit(nine)}"


class _Planter:
    def __init__(self, gen, rng: random.Random, vu_unit, year: int):
        self.gen, self.rng, self.vu, self.year = gen, rng, vu_unit, year
        self.relations: list[dict] = []
        self.rulings: list[tuple[uuid.UUID, date, date]] = []  # decision, court's judgment, care began
        self.vu_cases = 0

    def d(self, month: int, day: int) -> date:
        return date(self.year, month, day)

    def person(self, first: str, last: str, born: date, gender: str, **extra) -> dict:
        g = self.gen
        row = dict(id=uuid.uuid4(), municipality_id=g.mid, personnummer=None, first_name=first, last_name=last,
                   sort_key=sort_key(f"{last} {first}"), search_name=search_fold(f"{first} {last} {last}"),
                   birth_date=born, legal_gender=gender, protection="none", address_street=None,
                   address_postal=None, version=1)
        if "personnummer" not in extra and "reserve_number" not in extra:  # a test-series number, as the demo's
            serial = g.pnr_used[(born, gender)]
            g.pnr_used[(born, gender)] += 1
            row["personnummer"] = synthetic_personnummer(born, gender, serial).replace("-", "")
        row.update(extra)
        g.rows[Person].append(row)
        g.person_by_id[row["id"]] = row
        return row

    def case(self, person: dict, opened: date, unit=None) -> dict:
        g = self.gen
        if unit is None:
            number, unit_id = g._case_number(opened.year), g.unit.id
        else:
            self.vu_cases += 1
            number, unit_id = f"{unit.case_prefix}-{opened.year}-{self.vu_cases:05d}", unit.id
        c = dict(id=uuid.uuid4(), municipality_id=g.mid, unit_id=unit_id, person_id=person["id"],
                 case_number=number, sort_name=person["sort_key"], assigned_to=self.rng.choice(g.caseworkers).id,
                 status="insats", opened_on=opened, closed_on=None, version=1)
        g.rows[Case].append(c)
        if unit is None:
            g.n_cases += 1
        return c

    def decision(self, case: dict, template_id: str, on: date, **fields) -> uuid.UUID:
        g = self.gen
        did = g._decision(case, template_id, on, g.users["lars.eklund"], "utskott",
                          {"motivering": "Enligt utredningen.", **fields}, self.rng.choice(g.caseworkers))
        g.rows[Decision][-1]["unit_id"] = case["unit_id"]  # _decision writes the BU unit
        return did

    def placement(self, case: dict, did: uuid.UUID, kind: str, basis: str, start: date, end: date | None) -> None:
        self.gen.rows[Insats].append(dict(
            id=uuid.uuid4(), case_id=case["id"], person_id=case["person_id"], decision_id=did, kind=kind,
            legal_basis=basis, start_on=start, end_on=end, end_reason="Omplacering" if end else None, version=1))

    def guardian(self, child: dict, person: dict, role: str, custody: str | None) -> None:
        self.relations.append(dict(id=uuid.uuid4(), version=1, municipality_id=self.gen.mid, child_id=child["id"],
                                   person_id=person["id"], role=role, custody=custody, note="",
                                   address_hidden_from_id=None))

    # --- the situations ------------------------------------------------------------------
    def reservnummer_child(self) -> None:
        """Identity not confirmed: a reservnummer, temporary id in the file; SoL familjehem."""
        born = self.d(1, 15).replace(year=self.year - 9)
        child = self.person("Nour", "Reservsson", born, "K", birth_country="XX", unaccompanied=False,
                            reserve_number=make_reserve_number(born, "K", 90))
        self.gen.families.append([child])  # guardians like any demo family
        c = self.case(child, self.d(2, 1))
        did = self.decision(c, "vard_familjehem", self.d(2, 20), samtycke="samtycker",
                            hemmet_utrett=self.d(2, 10).isoformat(), startdatum=self.d(3, 1).isoformat())
        self.placement(c, did, "familjehem", "SoL", self.d(3, 1), None)

    def ensamkommande(self) -> None:
        """Ensamkommande 16-year-old with a samordningsnummer, a särskilt förordnad vårdnadshavare, HVB."""
        born = self.d(3, 3).replace(year=self.year - 16)
        child = self.person("Ahmad", "Samordning", born, "M", personnummer=_samordningsnummer(born, "M", 0),
                            birth_country="AF", unaccompanied=True)
        sfv = self.person("Gunilla", "Förordnad", self.d(5, 5).replace(year=self.year - 58), "K",
                          birth_country="SE")
        self.guardian(child, sfv, "sarskilt_forordnad", "ensam")
        c = self.case(child, self.d(1, 10))
        did = self.decision(c, "placering_hvb", self.d(1, 20), samtycke="samtycker",
                            startdatum=self.d(1, 22).isoformat())
        self.placement(c, did, "hvb", "SoL", self.d(1, 22), None)

    def lvu_6_then_care_with_replacement(self) -> None:
        """6 § LVU (jourhem), then LVU care on the court's judgment: familjehem, re-placed in HVB."""
        born = self.d(8, 8).replace(year=self.year - 12)
        child = self.person("Tindra", "Omplacerad", born, "K", birth_country="SE", unaccompanied=False)
        self.gen.families.append([child])
        c = self.case(child, self.d(4, 1))
        six = self.decision(c, "lvu_omedelbart_omhandertagande", self.d(4, 10), grund="2")
        self.placement(c, six, "jourhem", "LVU", self.d(4, 10), self.d(5, 20))
        care = self.decision(c, "lvu_ansokan_vard", self.d(4, 28), grund="2")
        self.rulings.append((care, self.d(5, 15), self.d(5, 21)))
        self.placement(c, care, "familjehem", "LVU", self.d(5, 21), self.d(8, 31))
        self.placement(c, care, "hvb", "LVU", self.d(9, 1), None)  # omplacering within the same insats

    def young_adult_lvu_3(self) -> None:
        """19 in the report year: 6 § and care under 3 § LVU (allowed up to 21), in an LVU-hem."""
        born = self.d(2, 2).replace(year=self.year - 19)
        young = self.person("Kevin", "Tjugoårsson", born, "M", birth_country="SE", unaccompanied=False)
        c = self.case(young, self.d(6, 1))
        six = self.decision(c, "lvu_omedelbart_omhandertagande", self.d(6, 3), grund="3")
        self.placement(c, six, "sis", "LVU", self.d(6, 3), self.d(7, 20))
        care = self.decision(c, "lvu_ansokan_vard", self.d(6, 25), grund="3")
        self.rulings.append((care, self.d(7, 18), self.d(7, 21)))
        self.placement(c, care, "sis", "LVU", self.d(7, 21), None)

    def lvm_adult(self) -> None:
        """LVM for an adult in the adult unit: counted in the workbook, never in the children's register."""
        if self.vu is None:
            return
        adult = self.person("Roger", "Vuxenström", self.d(9, 9).replace(year=self.year - 41), "M",
                            birth_country="SE", unaccompanied=None)
        c = self.case(adult, self.d(5, 2), unit=self.vu)
        did = self.decision(c, "lvm_omedelbart_omhandertagande", self.d(5, 5))
        self.placement(c, did, "lvm_hem", "LVM", self.d(5, 5), self.d(7, 1))


def add_register_cases(gen, rng: random.Random, vu_unit, year: int) -> _Planter:
    """Plants the situations in the generator's rows (written with the rest of the demo)."""
    p = _Planter(gen, rng, vu_unit, year)
    p.reservnummer_child()
    p.ensamkommande()
    p.lvu_6_then_care_with_replacement()
    p.young_adult_lvu_3()
    p.lvm_adult()
    return p


def write_planted(db: Database, planter: _Planter) -> None:
    """After the persons and decisions are written: the guardians, the VU case numbers and the
    court's judgments (their own rows, as services.court.record_court_ruling writes them)."""
    gen = planter.gen
    with db.session(write=True) as s:
        if planter.relations:
            s.execute(insert(PersonRelation.__table__), planter.relations)
        if planter.vu_cases and planter.vu is not None:
            s.add(CaseNumberSeq(municipality_id=gen.mid, prefix=planter.vu.case_prefix, year=planter.year,
                                last_value=planter.vu_cases))
    if planter.rulings:
        with db.session(write=True) as s:
            for decision_id, ruled_on, care_began in planter.rulings:
                d = s.get(Decision, decision_id)
                insats_id = s.scalar(select(Insats.id).where(Insats.decision_id == decision_id))
                s.add(CourtRuling(municipality_id=d.municipality_id, unit_id=d.unit_id, case_id=d.case_id,
                                  person_id=d.person_id, decision_id=d.id, insats_id=insats_id,
                                  court="Förvaltningsrätten", court_case_number=f"{decision_id.hex[:4]}-{ruled_on:%y}",
                                  ruled_on=ruled_on, outcome="bifall", care_began_on=care_began))
