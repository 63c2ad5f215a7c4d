"""Persons: personnummer, reserve numbers, protected identities, search."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ifodesk.db.models import Case, Person
from ifodesk.db.search import search_people
from ifodesk.domain.countries import load_countries
from ifodesk.domain.personnummer import (
    PersonnummerError,
    make_reserve_number,
    parse_personnummer,
)
from ifodesk.domain.swedish import search_fold, sort_key

from . import access, audit
from .common import check_version, touch
from .context import ServiceContext
from .dto import ChildInput, PersonDetail, PersonSummary
from .errors import NotFound, PermissionDenied, RaceError, ValidationError
from .retry import savepoint_insert

RESERVE_TRIES = 20
PROTECTIONS = ("none", "sekretessmarkering", "skyddad_folkbokforing")
PROTECTION_LABELS = {
    "none": "",
    "sekretessmarkering": "SEKRETESSMARKERING",
    "skyddad_folkbokforing": "SKYDDAD FOLKBOKFÖRING",
}


def shown_number(personnummer: str | None, reserve_number: str | None) -> str:
    """ÅÅÅÅMMDD-NNNN, or the reservnummer for a person without personnummer, or empty."""
    if personnummer:
        return f"{personnummer[:8]}-{personnummer[8:]}"
    return reserve_number or ""


def summary(p: Person) -> PersonSummary:
    return PersonSummary(p.id, shown_number(p.personnummer, p.reserve_number), p.first_name, p.last_name,
                         p.birth_date, p.legal_gender, p.protection)


def person_detail(p: Person, hidden: bool) -> PersonDetail:
    """A person's details; address and phone left out when hidden (protected, no reason given)."""
    return PersonDetail(summary(p), p.version, None if hidden else p.address_street,
                        None if hidden else p.address_postal, None if hidden else p.phone, hidden,
                        p.birth_country, p.unaccompanied)


def check_country(code: str | None, field: str = "birth_country") -> str | None:
    """A födelseland code from the list (resources/countries.toml); empty = not registered."""
    try:
        return load_countries().check(code)
    except ValueError:
        raise ValidationError("Välj födelseland i listan (eller Okänt).", field) from None


def _names(first: str, last: str) -> tuple[str, str]:
    first, last = (first or "").strip(), (last or "").strip()
    if not first or not last:
        raise ValidationError("Ange både förnamn och efternamn.", "name")
    return first, last


def _set_names(p: Person, first: str, last: str) -> None:
    p.first_name, p.last_name = first, last
    p.sort_key = sort_key(f"{last} {first}")
    p.search_name = search_fold(f"{first} {last} {last}")


def parse_pnr(text: str, today: date):
    try:
        return parse_personnummer(text, today=today)
    except PersonnummerError as exc:
        raise ValidationError(str(exc), "personnummer") from exc


def person_for(s: Session, ctx: ServiceContext, person_id: uuid.UUID) -> Person:
    """A person of the user's municipality (the municipality is part of the query)."""
    p = s.scalar(select(Person).where(Person.id == person_id, Person.municipality_id == ctx.actor.municipality_id))
    if p is None:
        raise NotFound("Personen finns inte.")
    return p


def find_or_create(s: Session, ctx: ServiceContext, child: ChildInput) -> tuple[Person, bool]:
    """The person behind a ChildInput; creates one (with a reserve number if needed)."""
    if child.person_id is not None:
        return person_for(s, ctx, child.person_id), False
    if child.personnummer and child.personnummer.strip():
        pnr = parse_pnr(child.personnummer, ctx.today())
        existing = s.scalar(select(Person).where(
            Person.municipality_id == ctx.actor.municipality_id, Person.personnummer == pnr.digits12))
        if existing is not None:
            return existing, False
        first, last = _names(child.first_name, child.last_name)
        p = Person(municipality_id=ctx.actor.municipality_id, personnummer=pnr.digits12,
                   birth_date=pnr.birth_date, legal_gender=pnr.legal_gender,
                   created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id)
        _set_names(p, first, last)
        if not savepoint_insert(s, p):
            # Registered by someone else a moment ago (uq_person_pnr): use that person.
            existing = s.scalar(select(Person).where(
                Person.municipality_id == ctx.actor.municipality_id, Person.personnummer == pnr.digits12))
            if existing is None:
                raise RaceError()
            return existing, False
        audit.record(s, ctx, "create", "person", p.id, p.id)
        return p, True
    first, last = _names(child.first_name, child.last_name)
    if child.birth_date is None:
        raise ValidationError(
            f"{first} {last}: ange personnummer, eller födelsedatum om personnumret är okänt "
            "(då får personen ett reservnummer).", "personnummer")
    if child.birth_date > ctx.today():
        raise ValidationError("Födelsedatum kan inte ligga i framtiden.", "birth_date")
    # Serial per birth date; the unique index on reserve_number refuses a number another
    # workstation took meanwhile, and the next serial is tried inside a savepoint.
    serial = (s.scalar(select(func.count()).select_from(Person).where(
        Person.reserve_number.is_not(None), Person.birth_date == child.birth_date)) or 0) + 1
    for _ in range(RESERVE_TRIES):
        p = Person(municipality_id=ctx.actor.municipality_id, birth_date=child.birth_date,
                   reserve_number=make_reserve_number(child.birth_date, None, serial),
                   created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id)
        _set_names(p, first, last)
        if savepoint_insert(s, p):
            audit.record(s, ctx, "create", "person", p.id, p.id, detail="reservnummer")
            return p, True
        serial += 1
    raise RaceError()


@access.requires("case.list")
def lookup_personnummer(ctx: ServiceContext, text: str) -> PersonSummary | None:
    pnr = parse_pnr(text, ctx.today())
    with ctx.write() as s:
        p = s.scalar(select(Person).where(Person.municipality_id == ctx.actor.municipality_id,
                                          Person.personnummer == pnr.digits12))
        audit.record(s, ctx, "search", "person", None, p.id if p else None,
                     detail=f"personnummer {pnr.formatted}")
        return _shown(s, ctx, [p])[0] if p else None


@access.requires("case.list")
def search_persons(ctx: ServiceContext, text: str, limit: int = 100) -> list[PersonSummary]:
    """Contains-search on names (finds parts of compound names), Swedish order."""
    needle = search_fold(text.strip())
    if len(needle) < 2:
        raise ValidationError("Skriv minst två tecken för att söka på namn.", "search")
    with ctx.write() as s:
        rows = s.scalars(search_people(s, ctx.actor.municipality_id, needle, limit)).all()
        audit.record(s, ctx, "search", "person", None, None, detail=f"namn '{text.strip()}' ({len(rows)} träffar)",
                     person_ids=[p.id for p in rows])
        return _shown(s, ctx, rows)


def _shown(s: Session, ctx: ServiceContext, persons: list[Person]) -> list[PersonSummary]:
    """Search results, protected persons as the user may see them (one query, only when any is protected)."""
    protected = [p.id for p in persons if p.protection != "none"]
    cases: dict = {}
    if protected:
        for pid, unit_id, assigned_to in s.execute(select(Case.person_id, Case.unit_id, Case.assigned_to).where(
                Case.person_id.in_(protected), Case.municipality_id == ctx.actor.municipality_id)):
            cases.setdefault(pid, []).append((unit_id, assigned_to))
    return [access.shown_person(ctx, summary(p), cases.get(p.id, ())) for p in persons]


@access.requires("person.read")
def get_person(ctx: ServiceContext, person_id: uuid.UUID, address_reason: str | None = None,
               reason: str | None = None) -> PersonDetail:
    """A person's details. A protected address is returned only with a real reason, which is logged;
    `reason` is the stated reason for reading a person outside one's own cases and unit."""
    with ctx.write() as s:
        p = person_for(s, ctx, person_id)
        grant = access.check_person(s, ctx, p, "person.read", reason)
        hidden = p.protection != "none" and not (address_reason and address_reason.strip())
        if p.protection != "none" and not hidden:
            shown = access.check_person(s, ctx, p, "person.address", address_reason)
            audit.record(s, ctx, "read_protected_address", "person", p.id, p.id, reason=shown.reason)
        else:
            audit.record(s, ctx, "read", "person", p.id, p.id, reason=grant.reason)
        return person_detail(p, hidden)


@access.requires("person.write")
def update_person(ctx: ServiceContext, person_id: uuid.UUID, expected_version: int, *,
                  first_name: str | None = None, last_name: str | None = None,
                  address_street: str | None = None, address_postal: str | None = None,
                  phone: str | None = None, protection: str | None = None,
                  birth_country: str | None = None, unaccompanied: bool | None = None) -> PersonDetail:
    """None leaves a field as it is; an empty address, phone or födelseland clears it.
    ``unaccompanied`` (ensamkommande) is True or False once registered."""
    country = check_country(birth_country) if birth_country is not None else None
    with ctx.write() as s:
        p = person_for(s, ctx, person_id)
        access.check_person(s, ctx, p, "person.write")
        check_version(s, p, expected_version, f"Personuppgifterna för {p.first_name} {p.last_name}")
        if first_name is not None or last_name is not None:
            _set_names(p, *_names(first_name or p.first_name, last_name or p.last_name))
            s.execute(update(Case).where(Case.person_id == p.id).values(sort_name=p.sort_key))
        if protection is not None:
            if protection not in PROTECTIONS:
                raise ValidationError(f"Okänd skyddsmarkering: {protection}", "protection")
            if p.protection != "none" and protection == "none":
                # A mistaken lift exposes a person in hiding: only a chef may lift a marking.
                try:
                    access.check_person(s, ctx, p, "person.unprotect")
                except PermissionDenied as exc:
                    raise PermissionDenied("Bara en chef kan ta bort en skyddsmarkering.", "protection") from exc
            p.protection = protection
        for attr, val in (("address_street", address_street), ("address_postal", address_postal), ("phone", phone)):
            if val is not None:
                setattr(p, attr, val.strip() or None)
        changed = []
        if birth_country is not None and country != p.birth_country:
            p.birth_country = country
            changed.append("födelseland")
        if unaccompanied is not None and bool(unaccompanied) != p.unaccompanied:
            p.unaccompanied = bool(unaccompanied)
            changed.append("ensamkommande")
        touch(ctx, p)
        s.flush()
        # Which register fields changed, never their values (no personal data in the log text).
        audit.record(s, ctx, "update", "person", p.id, p.id, detail=", ".join(changed) or None)
        return person_detail(p, hidden=p.protection != "none")
