"""The people around a child (vårdnadshavare, parents, familjehem, network), siblings, and who
is a party to a decision.

Access: every public function declares its permission (services/access.py) and checks the child,
case or decision it touches before reading or changing anything. A guardian's address that is secret from the other guardian is never returned in a view made
for that other guardian.
"""

from __future__ import annotations

import uuid
from datetime import date
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from ifodesk.db.models import Case, Decision, Person, PersonRelation
from ifodesk.domain import parties as rules
from ifodesk.domain.catalog import load_catalog
from ifodesk.resources import resource_path

from . import access, audit
from .access import requires
from .common import check_version, get_or_404, touch
from .context import ServiceContext
from .dto import ChildInput
from .errors import PermissionDenied, ValidationError
from .parties_dto import PartiesPreview, PartyView, RelatedInput, RelatedPerson, SiblingCase
from .people import PROTECTIONS, check_country, find_or_create, shown_number

ROLE_LABELS = {
    "vardnadshavare": "Vårdnadshavare",
    "sarskilt_forordnad": "Särskilt förordnad vårdnadshavare",
    "forelder": "Förälder utan vårdnad",
    "familjehem": "Familjehemsförälder",
    "kontaktperson": "Kontaktperson",
    "god_man": "God man",
    "annan": "Annan i nätverket",
}
CAPACITY_LABELS = {
    rules.GUARDIAN: "Vårdnadshavare",
    rules.CHILD: "Barnet (15 år eller äldre)",
    rules.SELF: "Den enskilde",
}
CUSTODY = ("gemensam", "ensam")


@lru_cache(maxsize=1)
def party_rules() -> rules.PartyRules:
    return rules.load_party_rules(resource_path("parties.toml"))


def _require(ctx: ServiceContext, municipality_id: uuid.UUID) -> None:
    """For helpers running inside an already checked service call: never across municipalities."""
    if municipality_id != ctx.actor.municipality_id:
        raise PermissionDenied("Personen tillhör en annan kommun.")


def _display(p: Person) -> str:
    return shown_number(p.personnummer, p.reserve_number)


def _hidden_from(rel: PersonRelation, p: Person, viewer_id: uuid.UUID | None) -> bool:
    if p.protection != "none":
        return True
    return viewer_id is not None and rel.address_hidden_from_id is not None and rel.address_hidden_from_id == viewer_id


def _related(rel: PersonRelation, p: Person, viewer_id: uuid.UUID | None) -> RelatedPerson:
    hidden = _hidden_from(rel, p, viewer_id)
    return RelatedPerson(
        rel.id, rel.version, p.id, _display(p), f"{p.first_name} {p.last_name}", rel.role,
        ROLE_LABELS.get(rel.role, rel.role), rel.custody, p.protection,
        None if hidden else p.address_street, None if hidden else p.address_postal,
        None if hidden else p.phone, None if hidden else p.email, p.language, bool(p.interpreter),
        hidden, rel.address_hidden_from_id, p.birth_country)


def _relations(s: Session, child_id: uuid.UUID, on: date | None = None):
    q = (select(PersonRelation, Person).join(Person, Person.id == PersonRelation.person_id)
         .where(PersonRelation.child_id == child_id).order_by(PersonRelation.role, Person.sort_key))
    rows = s.execute(q).all()
    if on is not None:
        rows = [(r, p) for r, p in rows if (r.valid_from is None or r.valid_from <= on)
                and (r.valid_to is None or on <= r.valid_to)]
    return rows


@requires("person.read")
def network(ctx: ServiceContext, child_id: uuid.UUID, viewer_id: uuid.UUID | None = None) -> list[RelatedPerson]:
    """Everyone registered around the child. ``viewer_id``: the view is made for that person
    (e.g. a letter or document for one guardian), so addresses secret from them are left out."""
    with ctx.write() as s:
        child = get_or_404(s, Person, child_id, "Barnet")
        access.check_person(s, ctx, child, "person.read")
        rows = _relations(s, child_id)
        audit.record(s, ctx, "read", "person_relation", None, child_id, detail=f"nätverk ({len(rows)})")
        return [_related(r, p, viewer_id) for r, p in rows]


def _validate(data: RelatedInput) -> None:
    if data.role not in rules.RELATION_ROLES:
        raise ValidationError("Välj vilken roll personen har för barnet.", "role")
    if data.protection not in PROTECTIONS:
        raise ValidationError("Okänd skyddsmarkering.", "protection")
    if data.role in rules.GUARDIAN_ROLES:
        if data.custody not in CUSTODY:
            raise ValidationError("Ange om vårdnaden är gemensam eller ensam.", "custody")
    elif data.custody is not None:
        raise ValidationError("Bara en vårdnadshavare har vårdnad.", "custody")
    if data.email and "@" not in data.email:
        raise ValidationError("E-postadressen ser inte ut som en e-postadress.", "email")
    check_country(data.birth_country)


@requires("person.write")
def add_related(ctx: ServiceContext, child_id: uuid.UUID, data: RelatedInput) -> RelatedPerson:
    """Link a person to the child (creating the person if new) with role, custody and contact data."""
    _validate(data)
    with ctx.write() as s:
        child = get_or_404(s, Person, child_id, "Barnet")
        access.check_person(s, ctx, child, "person.write")
        p, _new = find_or_create(s, ctx, ChildInput(data.personnummer, data.first_name, data.last_name,
                                                     data.birth_date, data.person_id))
        _require(ctx, p.municipality_id)
        if p.id == child.id:
            raise ValidationError("Barnet kan inte vara sin egen vårdnadshavare eller kontakt.", "person")
        if s.scalar(select(PersonRelation.id).where(PersonRelation.child_id == child.id,
                                                    PersonRelation.person_id == p.id,
                                                    PersonRelation.role == data.role)):
            raise ValidationError("Personen finns redan med den rollen för barnet.", "person")
        if data.role in rules.GUARDIAN_ROLES:
            guardians = [r for r, _ in _relations(s, child.id) if r.role in rules.GUARDIAN_ROLES]
            if len(guardians) >= 2:
                raise ValidationError("Ett barn har högst två vårdnadshavare.", "role")
            if data.custody == "ensam" and guardians:
                raise ValidationError("Barnet har redan en vårdnadshavare: ensam vårdnad går inte.", "custody")
        for attr in ("address_street", "address_postal", "phone", "email", "language"):
            val = getattr(data, attr)
            if val is not None and val.strip():
                setattr(p, attr, val.strip())
        p.interpreter = bool(data.interpreter) or bool(p.interpreter)
        if data.birth_country:
            p.birth_country = check_country(data.birth_country)
        if data.protection != "none":
            p.protection = data.protection  # a marking is only ever added here, never lifted
        touch(ctx, p)
        rel = PersonRelation(municipality_id=child.municipality_id, child_id=child.id, person_id=p.id,
                             role=data.role, custody=data.custody, address_hidden_from_id=data.address_hidden_from_id,
                             note=data.note.strip(), created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id)
        s.add(rel)
        s.flush()
        audit.record(s, ctx, "create", "person_relation", rel.id, child.id, detail=data.role)
        return _related(rel, p, None)


@requires("person.write")
def set_address_secret_from(ctx: ServiceContext, relation_id: uuid.UUID, expected_version: int,
                            hidden_from_id: uuid.UUID | None) -> RelatedPerson:
    """Keep this person's address secret from another person (e.g. the other guardian)."""
    with ctx.write() as s:
        rel = get_or_404(s, PersonRelation, relation_id, "Kopplingen")
        access.check_person(s, ctx, s.get(Person, rel.child_id), "person.write")
        check_version(s, rel, expected_version, "Kopplingen till barnet")
        rel.address_hidden_from_id = hidden_from_id
        touch(ctx, rel)
        s.flush()
        audit.record(s, ctx, "update", "person_relation", rel.id, rel.child_id, detail="adress dold för person")
        return _related(rel, s.get(Person, rel.person_id), None)


@requires("person.write")
def set_birth_country(ctx: ServiceContext, relation_id: uuid.UUID, expected_version: int,
                      birth_country: str | None) -> RelatedPerson:
    """Födelseland of a person around the child (a parent, for Socialstyrelsen's register);
    empty = not registered. Checked against the child, like every change to the network."""
    country = check_country(birth_country)
    with ctx.write() as s:
        rel = get_or_404(s, PersonRelation, relation_id, "Kopplingen")
        access.check_person(s, ctx, s.get(Person, rel.child_id), "person.write")
        check_version(s, rel, expected_version, "Kopplingen till barnet")
        p = s.get(Person, rel.person_id)
        _require(ctx, p.municipality_id)
        p.birth_country = country
        touch(ctx, p)
        touch(ctx, rel)  # the relation's version guards the network row the user saw
        s.flush()
        audit.record(s, ctx, "update", "person", p.id, p.id, detail="födelseland")
        return _related(rel, p, None)


@requires("person.write")
def end_relation(ctx: ServiceContext, relation_id: uuid.UUID, expected_version: int, on: date) -> None:
    """A relation ends (custody moved, kontaktperson ended); the history stays."""
    with ctx.write() as s:
        rel = get_or_404(s, PersonRelation, relation_id, "Kopplingen")
        access.check_person(s, ctx, s.get(Person, rel.child_id), "person.write")
        check_version(s, rel, expected_version, "Kopplingen till barnet")
        rel.valid_to = on
        touch(ctx, rel)
        audit.record(s, ctx, "update", "person_relation", rel.id, rel.child_id, detail="avslutad")


def _sibling_ids(s: Session, child_id: uuid.UUID) -> list[uuid.UUID]:
    """Children who share a parent or guardian with the child: the family."""
    parents = select(PersonRelation.person_id).where(
        PersonRelation.child_id == child_id, PersonRelation.role.in_((*rules.GUARDIAN_ROLES, "forelder")))
    ids = s.scalars(select(PersonRelation.child_id).where(
        PersonRelation.person_id.in_(parents), PersonRelation.child_id != child_id)).all()
    return list(dict.fromkeys(ids))


@requires("person.read")
def siblings(ctx: ServiceContext, child_id: uuid.UUID) -> list[SiblingCase]:
    """The child's siblings (shared parent or guardian) and their cases, newest case first."""
    with ctx.write() as s:
        child = get_or_404(s, Person, child_id, "Barnet")
        access.check_person(s, ctx, child, "person.read")
        out: list[SiblingCase] = []
        for sid in _sibling_ids(s, child_id):
            p = s.get(Person, sid)
            if p.municipality_id != ctx.actor.municipality_id:
                continue
            cases = s.scalars(select(Case).where(Case.person_id == sid).order_by(Case.opened_on.desc())).all()
            name = f"{p.first_name} {p.last_name}"
            if not cases:
                out.append(SiblingCase(p.id, name, _display(p), p.protection != "none", None, None, None))
            out += [SiblingCase(p.id, name, _display(p), p.protection != "none", c.id, c.case_number, c.status)
                    for c in cases]
        audit.record(s, ctx, "read", "person_relation", None, child_id, detail=f"syskon ({len(out)})")
        return out


def _preview(s: Session, child: Person, template_id: str, on: date) -> PartiesPreview:
    t = load_catalog().template(template_id)
    law_id = load_catalog().law_version(t.law_version).law_id
    rule = party_rules().rule_for(law_id, t.category)
    rows = _relations(s, child.id, on)
    guardians = {p.id: p for r, p in rows if r.role in rules.GUARDIAN_ROLES}
    found = rules.decision_parties(rule, child.id, child.birth_date, on, list(guardians))
    people = {**guardians, child.id: child}
    views = tuple(PartyView(x.person_id, f"{people[x.person_id].first_name} {people[x.person_id].last_name}",
                            x.capacity, CAPACITY_LABELS[x.capacity], people[x.person_id].protection != "none", True)
                  for x in found)
    age = rules.age_on(child.birth_date, on) if child.birth_date else None
    problem = None
    if rule is not None and not views:
        problem = "Barnet har ingen registrerad vårdnadshavare: det finns ingen att skicka beslutet till."
    return PartiesPreview(views, age, problem)


@requires("case.read")
def parties_preview(ctx: ServiceContext, case_id: uuid.UUID, template_id: str, on: date | None = None) -> PartiesPreview:
    """Who will be a party to a decision of this kind in the case, decided ``on`` (default today)."""
    with ctx.write() as s:
        case = get_or_404(s, Case, case_id, "Ärendet")
        access.check_case(ctx, case, "case.read")
        try:
            result = _preview(s, case.person, template_id, on or ctx.today())
        except KeyError as exc:
            raise ValidationError(str(exc.args[0]) if exc.args else "Okänd beslutsmall.") from None
        audit.record(s, ctx, "read", "person_relation", None, case.person_id, detail="parter")
        return result


def decision_parties(s: Session, ctx: ServiceContext, d: Decision) -> PartiesPreview:
    """The parties of a decision, on its decision date (or today while it is a proposal)."""
    _require(ctx, d.municipality_id)
    return _preview(s, s.get(Person, d.person_id), d.template_id, d.decided_on or ctx.today())


@requires("decision.read")
def parties_for_decision(ctx: ServiceContext, decision_id: uuid.UUID) -> PartiesPreview:
    with ctx.write() as s:
        d = get_or_404(s, Decision, decision_id, "Beslutet")
        access.check_decision(s, ctx, d, s.get(Case, d.case_id), "decision.read")
        result = decision_parties(s, ctx, d)
        audit.record(s, ctx, "read", "person_relation", None, d.person_id, detail="parter")
        return result
