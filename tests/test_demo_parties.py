"""Demo data has guardians for every child: mostly joint custody, some sole, a few särskilt
förordnade, some protected guardians, and siblings who share them."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import func, select

from ifodesk.config import Municipality
from ifodesk.db.models import Case, Person, PersonRelation
from ifodesk.services.demo import generate_demo


def test_every_demo_child_has_a_guardian_and_families_share_them(db):
    generate_demo(db, Municipality(), cases=400, seed=3, today=date(2026, 3, 2))
    with db.session() as s:
        # Children: under 18 on the demo's date (the demo also has a 19-year-old in LVU care and an
        # LVM client, issue 13, who have no vårdnadshavare).
        children = set(s.scalars(select(Case.person_id).join(Person, Person.id == Case.person_id)
                                 .where(Person.birth_date > date(2008, 3, 2))))
        rels = s.scalars(select(PersonRelation)).all()
        guarded = {r.child_id for r in rels if r.role in ("vardnadshavare", "sarskilt_forordnad")}
        assert children <= guarded
        per_child = Counter(r.child_id for r in rels if r.role == "vardnadshavare")
        joint = sum(1 for n in per_child.values() if n == 2)
        assert joint > len(children) * 0.5  # joint custody in most families
        assert any(r.custody == "ensam" and r.role == "vardnadshavare" for r in rels)
        assert any(r.role == "sarskilt_forordnad" for r in rels)
        assert any(r.role == "forelder" for r in rels)
        assert any(r.address_hidden_from_id for r in rels)
        protected = s.scalar(select(func.count()).select_from(Person).join(
            PersonRelation, PersonRelation.person_id == Person.id).where(Person.protection != "none"))
        assert protected > 0
        shared = Counter(r.person_id for r in rels if r.role == "vardnadshavare")
        assert any(n > 1 for n in shared.values())  # siblings share a guardian
        assert all(p[8:10] in ("98", "99") for p in s.scalars(select(Person.personnummer)) if p)
