"""Realistic synthetic demo data: Swedish names, test-range personnummer, siblings, three years.

Rows are built in Python with the same domain rules the services use (deadlines, case numbers,
templates) and inserted in bulk, so 100 000 cases take minutes, not hours. Every person gets a
personnummer from the test series 980–999 (see domain.personnummer.synthetic_personnummer), so
nothing here can be mistaken for a real person.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import insert, select

from ifodesk.config import Municipality as MunicipalityConfig
from ifodesk.db.engine import Database
from ifodesk.db.models_court import CourtRuling
from ifodesk.db.models import (
    Anmalan,
    AnmalanChild,
    Case,
    CaseNumberSeq,
    Deadline,
    Decision,
    Forhandsbedomning,
    Insats,
    JournalNote,
    Person,
    Skyddsbedomning,
    Unit,
    User,
    Utredning,
    UtredningExtension,
    UtredningSection,
)
from ifodesk.domain import deadlines as rules
from ifodesk.domain.catalog import load_catalog
from ifodesk.domain.categories import load_categories
from ifodesk.domain.personnummer import synthetic_personnummer
from ifodesk.domain.swedish import search_fold, sort_key
from ifodesk.domain.templates import content_hash

from . import audit, demo_parties, demo_register, demo_verkstallighet
from .admin import ensure_municipality
from .demo_staff import ensure_staff
from .context import STOCKHOLM
from .delegation_admin import ensure_default_delegation

GIRLS = ("Alice", "Maja", "Elsa", "Astrid", "Wilma", "Freja", "Olivia", "Selma", "Ebba", "Alma",
         "Vera", "Agnes", "Saga", "Ella", "Signe", "Stella", "Lilly", "Ines", "Märta", "Ester",
         "Juni", "Tyra", "Lova", "Siri", "Leah", "Nora", "Ida", "Klara", "Linnéa", "Majken")
BOYS = ("William", "Liam", "Noah", "Hugo", "Lucas", "Oliver", "Elias", "Oscar", "Adam", "Matteo",
        "Nils", "Alexander", "Theo", "Vincent", "Leon", "Ludvig", "Gustav", "Axel", "Olle", "Måns",
        "Viggo", "Love", "Sixten", "Harry", "Charlie", "Isak", "Jack", "Melvin", "Åke", "Jöns")
ADULT_F = ("Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Johanna", "Sofia", "Linda")
ADULT_M = ("Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Mikael", "Fredrik", "Daniel", "Jonas")
SURNAMES = ("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
            "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson",
            "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Lindström", "Olofsson",
            "Lindqvist", "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg", "Lundgren",
            "Lind", "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Forsberg",
            "Sjöberg", "Wallin", "Engström", "Eklund", "Danielsson", "Lundin", "Håkansson",
            "Björk", "Bergman", "Gunnarsson", "Holm", "Wikström", "Samuelsson", "Isaksson",
            "Fransson", "Bergqvist", "Nyström", "Holmberg", "Arvidsson", "Löfgren", "Söderberg",
            "Nyberg", "Blomqvist", "Claesson", "Nordström", "Åberg", "Öberg", "Ängström",
            "Mårtensson", "Hedlund", "Ström", "Sjögren", "Falk", "Åström", "Östlund",
            "Ali", "Mohammed", "Hassan", "Ahmed", "Nguyen", "Kowalski", "Yilmaz", "Hussein")
STREETS = ("Storgatan", "Kyrkogatan", "Skolgatan", "Järnvägsgatan", "Ängsvägen", "Björkvägen",
           "Tallstigen", "Solvägen", "Åkervägen", "Östra Långgatan", "Backvägen", "Sjövägen")
REPORTERS = (("skola", 0.26), ("polis", 0.22), ("halso_sjukvard", 0.12), ("forskola", 0.08),
             ("socialtjanst", 0.09), ("foralder", 0.05), ("anhorig", 0.04), ("privatperson", 0.04),
             ("anonym", 0.04), ("barnet", 0.02), ("annan_myndighet", 0.03), ("ideell_privat", 0.01))
REASONS = (("foralder_situation", 0.2), ("omsorgssvikt", 0.14), ("barnets_beteende", 0.12),
           ("vald_nara_relation", 0.1), ("bevittnat_vald", 0.08), ("fysiskt_vald", 0.07),
           ("missbruk", 0.07), ("psykisk_ohalsa", 0.06), ("skolfranvaro", 0.05),
           ("kriminalitet", 0.04), ("psykiskt_vald", 0.03), ("sexuella_overgrepp", 0.02),
           ("sjalvskada", 0.01), ("hedersrelaterat", 0.01))
# template id -> (share, insats kind or None, legal basis)
INSATS_TEMPLATES = (("bistand_oppenvard", 0.5), ("kontaktperson_kontaktfamilj", 0.2), ("placering_hvb", 0.1),
                    ("vard_familjehem", 0.12), ("vard_jourhem", 0.04), ("placering_stodboende", 0.04))

@dataclass
class DemoReport:
    cases: int
    persons: int
    anmalningar: int
    utredningar: int
    decisions: int
    overdue_deadlines: int


class _Gen:
    def __init__(self, rng: random.Random, today: date, municipality_id: uuid.UUID, unit: Unit,
                 users: dict[str, User]):
        self.rng, self.today, self.mid, self.unit = rng, today, municipality_id, unit
        self.users = users
        self.caseworkers = [u for u in users.values() if u.role == "handlaggare" and u.username not in
                            ("petra.vuxen", "helena.wallin", "admin")]
        self.forste = [u for u in users.values() if u.role == "forste"]
        self.chef = next(u for u in users.values() if u.role == "chef")
        self.iu_name = "Individutskottet"
        self.catalog = load_catalog()
        from ifodesk.domain.delegation import load_and_validate
        from ifodesk.resources import resource_path

        self.order = load_and_validate(resource_path("delegation/default.toml"), self.catalog)
        self.rows: dict[type, list[dict]] = defaultdict(list)
        self.case_counter: dict[int, int] = defaultdict(int)
        self.pnr_used: dict[tuple[date, str], int] = defaultdict(int)
        self.families: list[list[dict]] = []
        self.person_by_id: dict[uuid.UUID, dict] = {}
        self.open_case: dict[uuid.UUID, dict] = {}
        self.open_ut: dict[uuid.UUID, dict] = {}
        self.n_cases = 0
        self.target = 0

    # --- people -------------------------------------------------------------------------
    def _person(self, first: str, last: str, born: date, gender: str, protection: str,
                street: str | None, postal: str | None) -> dict | None:
        serial = self.pnr_used[(born, gender)]
        if serial > 9:
            return None
        self.pnr_used[(born, gender)] += 1
        pnr = synthetic_personnummer(born, gender, serial).replace("-", "")
        row = dict(id=uuid.uuid4(), municipality_id=self.mid, personnummer=pnr, first_name=first,
                   last_name=last, sort_key=sort_key(f"{last} {first}"),
                   search_name=search_fold(f"{first} {last} {last}"), birth_date=born,
                   legal_gender=gender, protection=protection, address_street=street,
                   address_postal=postal, version=1)
        self.rows[Person].append(row)
        self.person_by_id[row["id"]] = row
        return row

    def new_family(self, on: date) -> list[dict]:
        r = self.rng
        last = r.choice(SURNAMES)
        protection = r.choices(("none", "sekretessmarkering", "skyddad_folkbokforing"), (0.985, 0.01, 0.005))[0]
        street = f"{r.choice(STREETS)} {r.randint(1, 80)}"
        postal = f"{r.randint(100, 999)} {r.randint(10, 99)} Demostad"
        n = r.choices((1, 2, 3, 4), (0.55, 0.3, 0.12, 0.03))[0]
        kids = []
        for _ in range(n):
            age_days = r.randint(0, 18 * 365 + 200)
            born = on - timedelta(days=age_days)
            gender = r.choice("KM")
            first = r.choice(GIRLS if gender == "K" else BOYS)
            p = self._person(first, last, born, gender, protection, street, postal)
            if p is not None:
                kids.append(p)
        if kids:
            self.families.append(kids)
        return kids

    # --- helpers ------------------------------------------------------------------------
    def _case_number(self, year: int) -> str:
        self.case_counter[year] += 1
        return f"{self.unit.case_prefix}-{year}-{self.case_counter[year]:05d}"

    def _deadline(self, case: dict, kind: str, source_type: str, source_id: uuid.UUID, start: date,
                  met_on: date | None, due: date | None = None) -> None:
        due = due or rules.compute(kind, start).due
        self.rows[Deadline].append(dict(
            id=uuid.uuid4(), municipality_id=self.mid, unit_id=self.unit.id, case_id=case["id"],
            person_id=case["person_id"], assigned_to=case["assigned_to"], kind=kind,
            source_type=source_type, source_id=source_id, start_on=start, due_on=due,
            met_on=met_on if (met_on is not None and met_on <= self.today) else None, version=1))

    def _decision(self, case: dict, template_id: str, on: date, decider: User, level: str,
                  fields: dict, drafter: User, delegated: bool = True) -> uuid.UUID:
        t = self.catalog.template(template_id)
        # Demo decisions are routed like real ones: the adopted delegationsordning picks the
        # level, and the decision cites the law in force on its date.
        decider, level, delegated = self._decider_for(template_id, drafter)
        law_version = self.catalog.law_version_for_decision(template_id, on)
        fields = self._complete(t, fields, case, on)
        did = uuid.uuid4()
        at = datetime.combine(on, time(self.rng.randint(8, 16), self.rng.randint(0, 59)), tzinfo=STOCKHOLM)
        self.rows[Decision].append(dict(
            id=did, municipality_id=self.mid, unit_id=self.unit.id, case_id=case["id"],
            person_id=case["person_id"], template_id=template_id, law_version=law_version,
            title=t.title, lagrum=list(self.catalog.lagrum_for(template_id, law_version, fields)), fields=fields,
            status="beslutad", drafted_by=drafter.id,
            content_hash=content_hash(template_id, law_version, fields), decided_by=decider.id,
            decided_by_name=self.iu_name if level == "utskott" else decider.full_name, decider_level=level, decided_on=on, decided_at=at,
            delegated=delegated, version=1))
        return did

    def _decider_for(self, template_id: str, drafter: User) -> tuple[User, str, bool]:
        from ifodesk.domain import delegation as deleg

        level = deleg.required_level(self.order, self.catalog, template_id)
        if level in deleg.UTSKOTT_LEVELS:
            return self.users["lars.eklund"], "utskott", False
        if deleg.level_index(drafter.delegate_level) >= deleg.level_index(level):
            return drafter, drafter.delegate_level, True
        by_level = {"forste_socialsekreterare": self.rng.choice(self.forste), "enhetschef": self.chef}
        chosen = by_level.get(level) or self.users["goran.falk"]
        return chosen, chosen.delegate_level, True

    DEMO_TEXT = {
        "fakta": "Uppgifter från anmälan, samtal med vårdnadshavare och skola.",
        "motivering": "Bedömningen grundas på utredningens uppgifter om barnets behov.",
        "familjehem": "Familjehem i Demokommun",
        "insats": "Stödsamtal för barn och föräldrar",
        "omfattning": "En gång i veckan",
        "giltighet": "Sex månader",
    }

    def _complete(self, t, fields: dict, case: dict, on: date) -> dict:
        """Every required field filled, so each demo decision renders like a real one."""
        out = dict(fields)
        person = self.person_by_id[case["person_id"]]
        for f in t.fields:
            if out.get(f.name):
                continue
            if f.kind == "date":
                out[f.name] = case["opened_on"].isoformat() if f.name in ("anmalan_datum", "utredning_inledd") else on.isoformat()
            elif f.kind == "choice":
                allowed = [o.value for o in f.options if not o.refuse]  # never a choice the law refuses
                out[f.name] = allowed[-1] if allowed else ""
            elif f.name in ("barnets_namn", "namn"):
                out[f.name] = f"{person['first_name']} {person['last_name']}"
            elif f.required:
                out[f.name] = self.DEMO_TEXT.get(f.name, "Enligt utredningen.")
        return out

    # --- one anmälan ---------------------------------------------------------------------
    def anmalan(self, received: datetime) -> None:
        r = self.rng
        on = received.astimezone(STOCKHOLM).date()
        if self.families and r.random() < 0.28:
            kids = r.choice(self.families)
            kids = [k for k in kids if (on - k["birth_date"]).days < 21 * 365 and k["birth_date"] <= on]
            if not kids:
                kids = self.new_family(on)
        else:
            kids = self.new_family(on)
        if not kids:
            return
        if len(kids) > 1 and r.random() < 0.35:
            kids = [r.choice(kids)]
        kids = kids[:max(1, self.target - self.n_cases)]  # stop exactly at the asked number of cases
        category = r.choices([c for c, _ in REPORTERS], [w for _, w in REPORTERS])[0]
        reasons = sorted(set(r.choices([c for c, _ in REASONS], [w for _, w in REASONS], k=r.choice((1, 1, 2)))))
        anonymous = category == "anonym"
        wants_feedback = not anonymous and r.random() < 0.3
        registered_by = r.choice(self.forste)
        aid = uuid.uuid4()
        self.rows[Anmalan].append(dict(
            id=aid, municipality_id=self.mid, unit_id=self.unit.id, received_at=received,
            channel=r.choice(("telefon", "e_tjanst", "brev", "e_post", "polisanmalan")),
            reporter_category=category, reporter_name=None if anonymous else f"{r.choice(ADULT_F + ADULT_M)} {r.choice(SURNAMES)}",
            reporter_organisation=None, reporter_contact=None if anonymous else f"0{r.randint(10, 99)}-{r.randint(100000, 999999)}",
            reporter_anonymous=anonymous, reporter_wants_feedback=wants_feedback, reasons=reasons,
            text="Anmälaren beskriver oro för barnets situation.", registered_by=registered_by.id, version=1))
        for kid in kids:
            self._child(aid, kid, on, received, wants_feedback)

    def _child(self, aid: uuid.UUID, kid: dict, on: date, received: datetime, wants_feedback: bool) -> None:
        r = self.rng
        case = self.open_case.get(kid["id"])
        if case is None:
            recent = (self.today - on).days < 3
            case = dict(id=uuid.uuid4(), municipality_id=self.mid, unit_id=self.unit.id, person_id=kid["id"],
                        case_number=self._case_number(on.year), sort_name=kid["sort_key"],
                        assigned_to=None if recent and r.random() < 0.5 else r.choice(self.caseworkers).id,
                        status="forhandsbedomning", opened_on=on, closed_on=None, version=1)
            self.rows[Case].append(case)
            self.open_case[kid["id"]] = case
            self.n_cases += 1
        acid = uuid.uuid4()
        self.rows[AnmalanChild].append(dict(id=acid, anmalan_id=aid, person_id=kid["id"], case_id=case["id"], version=1))
        # Skyddsbedömning: the same day, except a few recent ones still waiting.
        if (self.today - on).days == 0 and r.random() < 0.5:
            sb_on = None
        else:
            sb_on = on if r.random() < 0.97 else on + timedelta(days=1)
            at = datetime.combine(sb_on, time(r.randint(8, 17), r.randint(0, 59)), tzinfo=STOCKHOLM)
            if at < received:
                at = received + timedelta(minutes=r.randint(10, 120))
            at = min(at, datetime.now(timezone.utc))
            self.rows[Skyddsbedomning].append(dict(
                id=uuid.uuid4(), anmalan_child_id=acid, case_id=case["id"], assessed_at=at,
                assessed_by=r.choice(self.forste).id, immediate_need=r.random() < 0.04,
                assessment="Ingen uppgift om akut fara för barnet.", measures="", version=1))
        self._deadline(case, "skyddsbedomning", "anmalan_child", acid, on, sb_on)
        # Förhandsbedömning
        fbid = uuid.uuid4()
        days = r.choices((r.randint(1, 14), r.randint(15, 24)), (0.93, 0.07))[0]
        decided_on = on + timedelta(days=days)
        fb = dict(id=fbid, anmalan_child_id=acid, case_id=case["id"], started_on=on, notes="", version=1,
                  outcome=None, outcome_reason=None, decided_on=None, decided_by=None, decision_id=None,
                  synnerliga_skal=None, reporter_informed_on=None)
        self.rows[Forhandsbedomning].append(fb)
        caseworker = self.users_by_id(case["assigned_to"]) or r.choice(self.caseworkers)
        # A few reports in the last month are left undecided past the 14 days: overdue.
        if decided_on > self.today or ((self.today - on).days in range(15, 40) and r.random() < 0.02):
            self._deadline(case, "forhandsbedomning", "forhandsbedomning", fbid, on, None)
            return
        if case["id"] in self.open_ut:
            outcome = "pagaende_utredning"
        else:
            outcome = "inleda" if r.random() < 0.38 else "inte_inleda"
        fb.update(outcome=outcome, decided_on=decided_on)
        if days > 14:
            fb["synnerliga_skal"] = "Vårdnadshavare kunde inte nås inom fjorton dagar."
        self._deadline(case, "forhandsbedomning", "forhandsbedomning", fbid, on, decided_on)
        if wants_feedback:
            informed = decided_on + timedelta(days=r.randint(1, 9))
            fb["reporter_informed_on"] = informed if informed <= self.today else None
            self._deadline(case, "aterkoppling_anmalare", "forhandsbedomning", fbid, decided_on, fb["reporter_informed_on"])
        if outcome == "inleda":
            fb["decided_by"] = caseworker.id
            fb["decision_id"] = self._decision(case, "inleda_utredning", decided_on, caseworker, "handlaggare",
                                               {"motivering": "Anmälan ger anledning till oro för barnets situation.",
                                                "synnerliga_skal": fb["synnerliga_skal"] or ""},
                                               caseworker)
            self._utredning(case, decided_on, fb["decision_id"], caseworker)
        elif outcome == "inte_inleda":
            decider = r.choice(self.forste)
            fb["decided_by"] = decider.id
            fb["outcome_reason"] = "Familjen har redan stöd och oron bedöms inte kräva utredning."
            fb["decision_id"] = self._decision(case, "inte_inleda_utredning", decided_on, decider,
                                               "forste_socialsekreterare",
                                               {"motivering": fb["outcome_reason"],
                                                "synnerliga_skal": fb["synnerliga_skal"] or ""}, caseworker)
            if case["status"] == "forhandsbedomning" and case["id"] not in self.open_ut:
                case["status"], case["closed_on"] = "avslutad", decided_on
                self.open_case.pop(case["person_id"], None)
        else:
            fb["decided_by"] = caseworker.id

    def users_by_id(self, uid):
        if uid is None:
            return None
        for u in self.caseworkers:
            if u.id == uid:
                return u
        return None

    def _utredning(self, case: dict, opened: date, decision_id: uuid.UUID, caseworker: User) -> None:
        r = self.rng
        uid = uuid.uuid4()
        due = rules.utredning_due(opened, ())
        length = r.choices((r.randint(50, 118), r.randint(119, 200)), (0.85, 0.15))[0]
        ut = dict(id=uid, case_id=case["id"], opened_on=opened, opened_decision_id=decision_id, due_on=due,
                  plan="Samtal med barnet, vårdnadshavare och skola.", child_view="", guardian_view="",
                  analysis="", closed_on=None, closing_outcome=None, closing_decision_id=None,
                  follow_up=False, version=1)
        self.rows[Utredning].append(ut)
        case["status"] = "utredning"
        self.open_ut[case["id"]] = ut
        end = opened + timedelta(days=length)
        if end > due and r.random() < 0.8:
            # Extended in time, by a decision with särskilda skäl.
            ext_on = due - timedelta(days=r.randint(3, 20))
            if ext_on <= self.today:
                new_due = rules.add_months(due, r.choice((1, 2)))
                did = self._decision(case, "forlangd_utredningstid", ext_on, self.chef, "enhetschef",
                                     {"nytt_slutdatum": new_due.isoformat(), "sarskilda_skal": "Väntar på utlåtande från BUP."},
                                     caseworker)
                self.rows[UtredningExtension].append(dict(
                    id=uuid.uuid4(), utredning_id=uid, decided_on=ext_on, decided_by=self.chef.id,
                    reason="Väntar på utlåtande från BUP.", previous_due_on=due, new_due_on=new_due,
                    decision_id=did, version=1))
                due = new_due
                ut["due_on"] = due
        if end > self.today:
            self._deadline(case, "utredning", "utredning", uid, opened, None, due)
            for pos, (key, heading) in enumerate(load_categories().utredning_headings):
                self.rows[UtredningSection].append(dict(id=uuid.uuid4(), utredning_id=uid, heading_key=key,
                                                        heading=heading, position=pos, text="", version=1))
            return
        self._deadline(case, "utredning", "utredning", uid, opened, end, due)
        outcome = r.choices(("insats", "utan_insats", "ansokan_lvu"), (0.45, 0.5, 0.05))[0]
        ut.update(closed_on=end, closing_outcome=outcome)
        del self.open_ut[case["id"]]
        if outcome == "utan_insats":
            ut["closing_decision_id"] = self._decision(case, "avsluta_utredning_utan_insats", end, caseworker, "handlaggare",
                                                       {"motivering": "Behovet av stöd är tillgodosett."}, caseworker)
            ut["follow_up"] = r.random() < 0.3
            if ut["follow_up"]:
                done = end + timedelta(days=r.randint(60, 175))
                self._deadline(case, "uppfoljning", "utredning", uid, end, None if r.random() < 0.03 else done)
            case["status"], case["closed_on"] = "avslutad", end
            self.open_case.pop(case["person_id"], None)
        elif outcome == "ansokan_lvu":
            ut["closing_decision_id"] = self._decision(case, "lvu_ansokan_vard", end, self.users["lars.eklund"], "utskott",
                                                       {"motivering": "Brister i omsorgen; samtycke saknas."}, caseworker,
                                                       delegated=False)
            # Vård under LVU is given in a placement form (11 § LVU), recorded as the insats kind.
            form = r.choices(("familjehem", "hvb", "jourhem"), (0.7, 0.25, 0.05))[0]
            case["status"] = "insats"  # before _insats, which closes the case when the insats ended
            start = min(end + timedelta(days=r.randint(14, 40)), self.today)
            iid = self._insats(case, ut["closing_decision_id"], form, "LVU", start)
            # The judgment (LVU 4 §): a week before the placement began, never before the application.
            # No random draw here, so the rest of the demo stays as it was.
            ruled = max(end, start - timedelta(days=7))
            self.rows[CourtRuling].append(dict(
                id=uuid.uuid4(), version=1, municipality_id=self.mid, unit_id=self.unit.id, case_id=case["id"],
                person_id=case["person_id"], decision_id=ut["closing_decision_id"], insats_id=iid,
                court="Förvaltningsrätten", court_case_number=f"{1000 + len(self.rows[CourtRuling])}-{ruled:%y}",
                ruled_on=ruled, outcome="bifall", care_began_on=start, granted_lagrum=None))
        else:
            tid = r.choices([t for t, _ in INSATS_TEMPLATES], [w for _, w in INSATS_TEMPLATES])[0]
            t = self.catalog.template(tid)
            if t.utskott_only:
                decider, level, delegated = self.users["lars.eklund"], "utskott", False
            elif t.lowest_decider == "handlaggare":
                decider, level, delegated = caseworker, "handlaggare", True
            else:
                decider, level, delegated = self.chef, "enhetschef", True
            did = self._decision(case, tid, end, decider, level, {"motivering": "Barnet behöver stöd."}, caseworker,
                                 delegated=delegated)
            ut["closing_decision_id"] = did
            kind = (t.statistics or {}).get("insats_type") or tid
            case["status"] = "insats"
            self._insats(case, did, kind, (t.statistics or {}).get("legal_basis") or "SoL", end + timedelta(days=r.randint(0, 21)))

    def _insats(self, case: dict, decision_id: uuid.UUID, kind: str, basis: str, start: date) -> uuid.UUID:
        r = self.rng
        if start > self.today:
            start = self.today
        end = start + timedelta(days=r.randint(60, 500))
        ended = end <= self.today and r.random() < 0.8
        iid = uuid.uuid4()
        self.rows[Insats].append(dict(id=iid, case_id=case["id"], person_id=case["person_id"],
                                      decision_id=decision_id, kind=kind, legal_basis=basis, start_on=start,
                                      end_on=end if ended else None, end_reason="Målen uppnådda" if ended else None,
                                      version=1))
        if ended:
            case["status"], case["closed_on"] = "avslutad", end
            self.open_case.pop(case["person_id"], None)
        return iid


INSERT_ORDER = (Person, Case, Anmalan, AnmalanChild, Skyddsbedomning, Decision, Forhandsbedomning,
                Utredning, UtredningExtension, UtredningSection, Insats, CourtRuling, Deadline, JournalNote)


def generate_demo(db: Database, municipality: MunicipalityConfig, *, cases: int, seed: int = 1,
                  today: date | None = None, batch: int = 5000, progress=None) -> DemoReport:
    """Fill the database with `cases` children's cases over the last three years."""
    if cases < 1:
        raise ValueError("Antalet ärenden måste vara minst 1.")
    today = today or datetime.now(STOCKHOLM).date()
    mid = ensure_municipality(db, municipality)
    ensure_default_delegation(db, mid)
    users = ensure_staff(db, mid)
    with db.session() as s:
        unit = s.scalar(select(Unit).where(Unit.municipality_id == mid, Unit.case_prefix == "BU"))
        adult_unit = s.scalar(select(Unit).where(Unit.municipality_id == mid, Unit.case_prefix == "VU"))
        if s.scalar(select(Case.id).where(Case.unit_id == unit.id).limit(1)) is not None:
            raise ValueError("Databasen har redan ärenden; demodata läggs bara i en tom databas.")
    rng = random.Random(seed)
    gen = _Gen(rng, today, mid, unit, users)
    planted = demo_register.planned(cases)  # register situations (issue 13), part of the N cases
    gen.target = cases - planted
    start = today - timedelta(days=3 * 365)
    now = datetime.now(timezone.utc)
    # Day by day over three years; the daily rate adapts so the asked number of cases is
    # reached on today's date (repeated reports about known children open no new case).
    day, reports, per_report = start, 0, 1.2
    while gen.n_cases < gen.target:
        remaining = gen.target - gen.n_cases
        rate = remaining / max(1, (today - day).days + 1) / per_report
        k = int(rate) + (1 if rng.random() < rate - int(rate) else 0)
        if day >= today:
            k = max(k, 1)
        for _ in range(k):
            received = datetime.combine(day, time(rng.randint(7, 17), rng.randint(0, 59)), tzinfo=STOCKHOLM)
            gen.anmalan(min(received, now))
            reports += 1
            if progress and reports % 5000 == 0:
                progress(gen.n_cases, cases)
            if gen.n_cases >= gen.target:
                break
        per_report = max(0.2, gen.n_cases / max(1, reports))
        day = min(today, day + timedelta(days=1))
    planter = demo_register.add_register_cases(gen, random.Random(seed + 3), adult_unit, today.year - 1) \
        if planted else None
    demo_register.finish_person_rows(gen.rows[Person], random.Random(seed + 4), children=True)
    _write(db, gen, batch)
    demo_parties.add_guardians(db, gen, random.Random(seed + 1))  # after the children are written
    if planter is not None:
        demo_register.write_planted(db, planter)
    demo_verkstallighet.add_verkstallighet(db, mid, today, random.Random(seed + 2))  # queue, SoL 34 kap.
    with db.session(write=True) as s:
        for year, value in gen.case_counter.items():
            s.add(CaseNumberSeq(municipality_id=mid, prefix=unit.case_prefix, year=year, last_value=value))
        audit.record_system(s, "ifodesk-admin", "demo", "database", at=now,
                            detail=f"{gen.n_cases} demoärenden, frö {seed}")
    # Fresh planner statistics after a bulk load, as autovacuum / a DBA would give them.
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    _seed_live_work(db, municipality, unit, today)
    overdue = sum(1 for d in gen.rows[Deadline] if d["met_on"] is None and d["due_on"] < today)
    return DemoReport(gen.n_cases, len(gen.rows[Person]), len(gen.rows[Anmalan]), len(gen.rows[Utredning]),
                      len(gen.rows[Decision]), overdue)


def _write(db: Database, gen: _Gen, batch: int) -> None:
    with db.session(write=True) as s:
        for model in INSERT_ORDER:
            rows = gen.rows.get(model, [])
            for k in range(0, len(rows), batch):
                s.execute(insert(model.__table__), rows[k:k + batch])


def _seed_live_work(db: Database, municipality: MunicipalityConfig, unit: Unit, today: date) -> None:
    """A few proposals in flight, made through the real services: something on Att besluta and
    an upcoming IU meeting with an agenda, so the demo shows the whole decision path."""
    from . import decisions, meetings
    from .admin import actor_for
    from .context import ServiceContext

    # The services check dates against their clock ("a meeting cannot lie in the past"): it reads
    # the demo's `today`, which tests set to a fixed date.
    noon = datetime.combine(today, time(12, 0), tzinfo=STOCKHOLM).astimezone(timezone.utc)

    def ctx(username: str) -> ServiceContext:
        return ServiceContext(db, actor_for(db, username), municipality, clock=lambda: noon)

    with db.session() as s:
        open_cases = s.execute(
            select(Case.id, Case.assigned_to).join(Utredning, Utredning.case_id == Case.id)
            .where(Case.unit_id == unit.id, Utredning.closed_on.is_(None), Case.assigned_to.is_not(None))
            .order_by(Utredning.opened_on).limit(4)).all()
        names = {u.id: u.username for u in s.scalars(select(User))}
    if len(open_cases) < 4:
        return
    catalog = load_catalog()

    def proposal(case_id, username: str, template_id: str):
        c = ctx(username)
        fields = decisions.suggest_fields(c, case_id, template_id)
        for f in catalog.template(template_id).fields:
            if not fields.get(f.name):
                fields[f.name] = (today.isoformat() if f.kind == "date" else
                                  f.options[0].value if f.kind == "choice" and f.options else
                                  _Gen.DEMO_TEXT.get(f.name, "Enligt utredningen."))
        d = decisions.draft_decision(c, case_id, template_id, fields)
        return c, decisions.send_for_approval(c, d.id, d.version)

    proposal(open_cases[0][0], names[open_cases[0][1]], "bistand_oppenvard")
    proposal(open_cases[1][0], names[open_cases[1][1]], "kontaktperson_kontaktfamilj")
    proposal(open_cases[2][0], names[open_cases[2][1]], "vard_familjehem")
    _, fam = proposal(open_cases[3][0], names[open_cases[3][1]], "vard_familjehem")
    approved = decisions.approve(ctx("karin.berg"), fam.id, fam.version)
    secretary = ctx("helena.wallin")
    users = {u: i for i, u in names.items()}
    next_thursday = today + timedelta(days=(3 - today.weekday()) % 7 or 7)
    m = meetings.create_meeting(secretary, meeting_date=next_thursday, time_place="Kl. 13.00, Nämndrummet",
                                chair_id=users["birgitta.strom"], secretary_id=users["helena.wallin"],
                                member_ids=[users["lars.eklund"], users["fatima.ali"]])
    meetings.add_to_agenda(secretary, m.id, approved.id, approved.version)
