"""Demo data for the people around each child: vårdnadshavare for every demo family (joint
custody in most, sole custody in some, a few särskilt förordnade, some guardians with protected
identity or an address kept from the other parent), a parent without custody, kontaktpersoner.

Siblings in a demo family share their guardians, which is what links them as a family.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta

from sqlalchemy import insert

from ifodesk.db.engine import Database
from ifodesk.db.models import Person, PersonRelation

from .demo_register import finish_person_rows

MOTHERS = ("Anna", "Sara", "Maria", "Emma", "Johanna", "Linda", "Karin", "Jenny", "Sofia", "Fatima",
           "Amina", "Elin", "Hanna", "Malin", "Åsa", "Ida", "Leila", "Camilla")
FATHERS = ("Johan", "Erik", "Anders", "Peter", "Mikael", "Daniel", "Mohammed", "Ali", "Jonas", "Fredrik",
           "Ahmed", "Niklas", "Marcus", "Stefan", "Björn", "Olle", "Tobias", "Hassan")
LANGUAGES = ("arabiska", "somaliska", "tigrinja", "persiska", "polska", "dari")


def _pick(r: random.Random, weighted: tuple[tuple[str, float], ...]) -> str:
    return r.choices([k for k, _ in weighted], [w for _, w in weighted])[0]


CUSTODY_KINDS = (("gemensam", 0.72), ("ensam_mor", 0.12), ("ensam_far", 0.04), ("ensam_med_forelder", 0.05),
                 ("sarskilt_forordnad", 0.03), ("skyddad_mor", 0.04))


def add_guardians(db: Database, gen, rng: random.Random) -> int:
    """Adds guardians and network for every family the generator made; returns the persons added."""
    before = len(gen.rows[Person])
    relations: list[dict] = []

    def person(first, last, born, gender, protection, street, postal, *, language=None):
        p = gen._person(first, last, born, gender, protection, street, postal)
        if p is not None and language:
            p["language"], p["interpreter"] = language, rng.random() < 0.6
        return p

    def link(kids, p, role, custody=None, hidden_from=None):
        for kid in kids:
            relations.append(dict(id=uuid.uuid4(), version=1, municipality_id=gen.mid, child_id=kid["id"],
                                  person_id=p["id"], role=role, custody=custody, note="",
                                  address_hidden_from_id=hidden_from["id"] if hidden_from else None))

    for kids in gen.families:
        oldest = min(k["birth_date"] for k in kids)
        last, street, postal, protection = (kids[0]["last_name"], kids[0]["address_street"],
                                            kids[0]["address_postal"], kids[0]["protection"])
        lang = rng.choice(LANGUAGES) if rng.random() < 0.12 else None

        def born() -> date:
            return oldest - timedelta(days=rng.randint(21 * 365, 40 * 365))

        kind = _pick(rng, CUSTODY_KINDS)
        mother = person(rng.choice(MOTHERS), last, born(), "K", protection, street, postal, language=lang)
        other_street = f"{rng.choice(('Parkvägen', 'Lingonstigen', 'Torggatan'))} {rng.randint(1, 60)}"
        if kind == "sarskilt_forordnad":
            sf = person(rng.choice(MOTHERS + FATHERS), rng.choice(("Berg", "Lind", "Holm", "Ek")), born(),
                        rng.choice("KM"), "none", other_street, postal)
            if sf:
                link(kids, sf, "sarskilt_forordnad", "ensam")
            continue
        if mother is None:
            continue
        if kind == "skyddad_mor":
            # She lives at a protected address the children's father must not learn.
            mother["protection"], mother["address_street"] = "skyddad_folkbokforing", other_street
        father = person(rng.choice(FATHERS), last, born(), "M", protection,
                        street if kind in ("gemensam", "skyddad_mor") else other_street, postal, language=lang)
        if kind in ("gemensam", "skyddad_mor") and father:
            link(kids, mother, "vardnadshavare", "gemensam", hidden_from=father if kind == "skyddad_mor" else None)
            link(kids, father, "vardnadshavare", "gemensam")
        elif kind == "ensam_far" and father:
            link(kids, father, "vardnadshavare", "ensam")
            link(kids, mother, "forelder")
        else:
            link(kids, mother, "vardnadshavare", "ensam")
            if kind == "ensam_med_forelder" and father:
                link(kids, father, "forelder")
        if rng.random() < 0.05:
            kp = person(rng.choice(MOTHERS + FATHERS), rng.choice(("Sund", "Strand", "Wik")), born(), rng.choice("KM"),
                        "none", f"Kontaktvägen {rng.randint(1, 40)}", postal)
            if kp:
                link(kids, kp, "kontaktperson")
    added = gen.rows[Person][before:]
    for row in added:  # one shape for the bulk insert
        row.setdefault("language", None)
        row.setdefault("interpreter", False)
    # Födelseland of the parents (Socialstyrelsen's register); its own random stream, so the
    # families above stay as they were.
    finish_person_rows(added, random.Random(len(added)), children=False)
    with db.session(write=True) as s:
        for k in range(0, len(added), 5000):
            s.execute(insert(Person.__table__), added[k:k + 5000])
        for k in range(0, len(relations), 5000):
            s.execute(insert(PersonRelation.__table__), relations[k:k + 5000])
    return len(added)
