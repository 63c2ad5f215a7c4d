"""Socialstyrelsen's register över insatser för barn och unga: extract, validate, write."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, aliased

from ifodesk import fileio
from ifodesk.db.models import Case, Decision, Insats, Person, PersonRelation
from ifodesk.db.models_court import CourtRuling
from ifodesk.domain.catalog import load_catalog
from ifodesk.domain import statistics as st

from . import access, audit
from .context import ServiceContext
from .errors import ValidationError
from .statistics_common import _check_output, _municipality, _write_atomically


@dataclass(frozen=True)
class RegisterExtract:
    year: int
    municipality_code: str
    children: tuple[st.RegisterChild, ...]
    report: st.ValidationReport


@dataclass(frozen=True)
class RegisterExport:
    path: Path
    report_path: Path
    extract: RegisterExtract
    forced: bool



def _court_rulings(s: Session, decision_ids: set[uuid.UUID]) -> dict[str, tuple[date, tuple[str, ...]]]:
    """The court's judgment per decision where it granted vård: its date and, for a delvis bifall,
    the grounds granted (services.court.record_court_ruling keeps them in court_ruling)."""
    if not decision_ids:
        return {}
    q = (select(CourtRuling.decision_id, CourtRuling.ruled_on, CourtRuling.granted_lagrum)
         .where(CourtRuling.decision_id.in_(decision_ids), CourtRuling.outcome.in_(("bifall", "delvis", "faststallt"))))
    return {str(did): (ruled, tuple(granted or ())) for did, ruled, granted in s.execute(q)}


def _guardians(s: Session, child_ids: list[uuid.UUID], on: date) -> dict[uuid.UUID, list[st.Guardian]]:
    """Vårdnadshavare (and särskilt förordnade) per child, valid on the given day."""
    R, G = PersonRelation, aliased(Person)
    q = (select(R.child_id, R.role, G.personnummer, G.legal_gender).join(G, G.id == R.person_id)
         .where(R.child_id.in_(child_ids), R.role.in_(("vardnadshavare", "sarskilt_forordnad")),
                or_(R.valid_from.is_(None), R.valid_from <= on), or_(R.valid_to.is_(None), R.valid_to >= on)))
    out: dict[uuid.UUID, list[st.Guardian]] = defaultdict(list)
    for child_id, role, pnr, lg in s.execute(q):
        out[child_id].append(st.Guardian(role, st.gender_from_personnummer(pnr, lg)))
    return out


def _parents_born(s: Session, child_ids: list[uuid.UUID],
                  layout: st.RegisterLayout) -> dict[uuid.UUID, tuple[str | None, str | None]]:
    """Födelseland of the mother and the father per child (register codes), from the people
    registered around the child: a woman or a man in a parent role (layout [country]). A parent
    stays a parent when custody ends, so the relation's validity does not matter here."""
    R, G = PersonRelation, aliased(Person)
    roles = set(layout.mother_roles) | set(layout.father_roles)
    q = (select(R.child_id, R.role, G.personnummer, G.legal_gender, G.birth_country).join(G, G.id == R.person_id)
         .where(R.child_id.in_(child_ids), R.role.in_(roles)).order_by(R.child_id, R.role, G.id))
    mothers: dict[uuid.UUID, str | None] = {}
    fathers: dict[uuid.UUID, str | None] = {}
    for child_id, role, pnr, lg, country in s.execute(q):
        gender = st.gender_from_personnummer(pnr, lg)
        if gender == "K" and role in layout.mother_roles:
            # A registered country wins over a parent without one (e.g. two relations of one person).
            if mothers.get(child_id) is None:
                mothers[child_id] = layout.country(country)
        elif gender == "M" and role in layout.father_roles:
            if fathers.get(child_id) is None:
                fathers[child_id] = layout.country(country)
    return {cid: (mothers.get(cid), fathers.get(cid)) for cid in child_ids}


def _sfs_for(law_id: str, on: date) -> str | None:
    version = load_catalog().version_in_force(law_id, on)
    return version.sfs if version else None


def _register_children(s: Session, ctx: ServiceContext, year: int,
                       layout: st.RegisterLayout) -> tuple[st.RegisterChild, ...]:
    first, last = date(year, 1, 1), date(year, 12, 31)
    I, D, P = Insats, Decision, Person
    sol_forms = tuple(layout.placement_forms)
    in_scope = or_(I.legal_basis == "LVU", and_(I.legal_basis == "SoL", I.kind.in_(sol_forms)))
    # Ongoing some day of the year; rows without a start date are kept so validation finds them.
    touches_year = and_(or_(I.start_on.is_(None), I.start_on <= last), or_(I.end_on.is_(None), I.end_on >= first))
    # Under 21 on some day of the year (barn och unga 0–20); unknown birth date is kept and flagged.
    young = or_(P.birth_date.is_(None), P.birth_date > date(year - 21, 1, 1))
    q = (select(I.id, I.kind, I.legal_basis, I.start_on, I.end_on, I.decision_id, Case.case_number,
                P.id, P.personnummer, P.legal_gender, P.birth_date, P.birth_country, P.unaccompanied,
                D.status, D.decided_on, D.template_id, D.lagrum, D.law_version)
         .select_from(I).join(Case, Case.id == I.case_id).join(P, P.id == I.person_id)
         .outerjoin(D, D.id == I.decision_id)
         .where(Case.municipality_id == ctx.actor.municipality_id, in_scope, touches_year, young)
         .order_by(P.id, I.start_on, I.id))
    people: dict[uuid.UUID, dict] = {}
    decision_ids: set[uuid.UUID] = set()
    for (iid, kind, basis, start, end, did, case_no, pid, pnr, lg, born, country, unaccompanied, dstatus, ddate,
         tmpl, lagrum, law_version) in s.execute(q):
        person = people.setdefault(pid, dict(pnr=pnr, lg=lg, born=born, country=country,
                                             unaccompanied=unaccompanied, cases=[], insatser={}))
        if case_no not in person["cases"]:
            person["cases"].append(case_no)
        if did:
            decision_ids.add(did)
        # One insats per decision; a placement without a decision is an insats of its own.
        key = str(did) if did else f"utan-beslut-{iid}"
        ins = person["insatser"].setdefault(key, dict(basis=basis, did=did, status=dstatus, decided=ddate,
                                                       template=tmpl, lagrum=tuple(lagrum or ()),
                                                       law_version=law_version or "", placements=[]))
        # Nothing after 31 December: a later end is 'still going on' (the file must not depend on
        # the day it is exported).
        ins["placements"].append((kind, start, st.clip_to_year(end, year), iid))
    rulings = _court_rulings(s, decision_ids)
    # The guardian on the last day the child is in the register this year.
    guardians = _guardians(s, list(people), last)
    parents = _parents_born(s, list(people), layout)
    children = []
    for pid, person in people.items():
        pnr = person["pnr"]
        id_kind = layout.id_type(pnr)
        has_pnr = id_kind != layout.id_types["temporary"]
        insatser = []
        ordered = sorted(person["insatser"].values(),
                         key=lambda x: min((p[1] for p in x["placements"] if p[1]), default=date.max))
        for n, ins in enumerate(ordered, 1):
            placements = tuple(
                st.RegisterPlacement(k, layout.placement_form(kind), kind, a, b, str(iid))
                for k, (kind, a, b, iid) in enumerate(sorted(ins["placements"], key=lambda x: (x[1] or date.max,)), 1))
            ruled, granted = rulings.get(str(ins["did"]), (None, ())) if ins["did"] else (None, ())
            by_court = ruled is not None and ruled <= last
            decided = ruled if by_court else ins["decided"]
            lagrum = tuple(st.versioned_lagrum(x, ins["decided"], _sfs_for, ins["law_version"]) for x in ins["lagrum"])
            # A delvis bifall: the register names the ground the court granted, not the one applied for.
            spec_lagrum = granted if by_court and granted else ins["lagrum"]
            insatser.append(st.RegisterInsats(
                n, ins["basis"], lagrum, str(ins["did"]) if ins["did"] else None, ins["template"], ins["status"],
                decided, placements, layout.specification(ins["basis"], spec_lagrum), ins["law_version"],
                by_court))
        born = person["born"]
        age = st.age_reached(born.year, year) if born else None
        children.append(st.RegisterChild(
            pnr if has_pnr else st.temporary_id(pid.hex), id_kind,
            st.gender_from_personnummer(pnr, person["lg"]), born, tuple(person["cases"]),
            tuple(insatser), st.guardian_code(layout, guardians.get(pid, []), age),
            layout.country(person["country"]), *parents.get(pid, (None, None)),
            layout.unaccompanied_code(person["unaccompanied"])))
    children.sort(key=lambda c: (c.id_kind, c.child_id))
    return tuple(children)


@access.requires("statistics.register")
def register_extract(ctx: ServiceContext, year: int) -> RegisterExtract:
    """The yearly register per child → insats → placering, with its validation report.

    Reads individual data, so the read is audited (SoLPuL 10 §) like any other.
    """
    st.year_period(year)  # validates the year
    with ctx.db.session(write=True) as s:
        m = _municipality(s, ctx)
        layout = st.load_register_layout()
        children = _register_children(s, ctx, year, layout)
        report = st.validate_register(year, children, layout)
        audit.record(s, ctx, "read", "socialstyrelsen_register", None,
                     detail=f"Registret över insatser för barn och unga {year}: {report.children} barn, "
                            f"{len(report.errors)} fel, {len(report.warnings)} varningar")
        return RegisterExtract(year, m.code, children, report)


@access.requires("statistics.register")
def export_register(ctx: ServiceContext, year: int, path: Path, *, force: bool = False,
                    extract: RegisterExtract | None = None) -> RegisterExport:
    """Write the register file (and the validation report beside it). Errors block unless forced.

    ``extract`` is the one the user has just seen in the validation report; without it the
    register is read anew.
    """
    from ifodesk.documents.socialstyrelsen import format_validation_report, write_register

    path = _check_output(Path(path), ".txt")
    if extract is None or extract.year != year:
        extract = register_extract(ctx, year)
    if extract.report.has_errors and not force:
        raise ValidationError(
            f"Valideringen hittade {len(extract.report.errors)} fel. Rätta dem i ärendena, eller exportera "
            "ändå med --force (”Exportera ändå”) om Socialstyrelsen ska få filen som den är.")
    report_path = path.with_name(f"{path.stem}_validering.txt")

    def log() -> None:
        with ctx.db.session(write=True) as s:
            audit.record(s, ctx, "export", "socialstyrelsen_register", None,
                         detail=f"Registerfil {year}: {extract.report.children} barn, "
                                f"{extract.report.insatser} insatser, {extract.report.placements} placeringar"
                                f"{', trots fel (--force)' if extract.report.has_errors else ''}; fil: {path.name}")

    _write_atomically(path, lambda tmp: write_register(extract.municipality_code, extract.year,
                                                        extract.children, tmp), log)
    fileio.write_text(report_path, format_validation_report(extract.report))
    return RegisterExport(path, report_path, extract, extract.report.has_errors)
