"""The children's case path: anmälan → skyddsbedömning → förhandsbedömning → utredning."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ifodesk.db.models import (
    Anmalan,
    AnmalanChild,
    Case,
    CaseNumberSeq,
    Deadline,
    Decision,
    Forhandsbedomning,
    Insats,
    Person,
    Skyddsbedomning,
    Unit,
    Utredning,
    UtredningExtension,
    UtredningSection,
)
from ifodesk.domain import deadlines as rules
from ifodesk.domain.catalog import load_catalog
from ifodesk.domain.categories import load_categories

from . import access, audit, people
from .common import check_version, get_or_404, touch, user_name
from .context import STOCKHOLM, ServiceContext
from .deadlines import meet, set_deadline
from .dto import (
    AnmalanInput,
    AnmalanResult,
    EarlierReport,
    ExtensionInfo,
    ForhandsbedomningInfo,
    RegisteredChild,
    SectionInfo,
    SkyddsbedomningInfo,
    UtredningInfo,
)
from .errors import NotFound, RaceError, ValidationError
from .retry import run_write

FB_OUTCOMES = {
    "inleda": "Utredning inleds",
    "inte_inleda": "Utredning inleds inte",
    "pagaende_utredning": "Pågående utredning – anmälan tillförs den",
}
CLOSING_OUTCOMES = {
    "insats": "Avslutad med insats",
    "utan_insats": "Avslutad utan insats",
    "ansokan_lvu": "Ansökan om vård enligt LVU",
    "overflyttad": "Överflyttad till annan kommun",
    "nedlagd": "Nedlagd",
}


# --- case numbers -------------------------------------------------------------------------

def next_case_number(s: Session, municipality_id: uuid.UUID, prefix: str, year: int) -> str:
    """BU-2026-00042: per municipality, series and year. One atomic upsert, safe under races."""
    dialect = s.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert
    stmt = upsert(CaseNumberSeq).values(municipality_id=municipality_id, prefix=prefix, year=year, last_value=1)
    stmt = stmt.on_conflict_do_update(
        index_elements=[CaseNumberSeq.municipality_id, CaseNumberSeq.prefix, CaseNumberSeq.year],
        set_={"last_value": CaseNumberSeq.last_value + 1},
    ).returning(CaseNumberSeq.last_value)
    value = s.execute(stmt).scalar_one()
    return f"{prefix}-{year}-{value:05d}"


def _find_open_case(s: Session, person: Person, unit: Unit) -> Case | None:
    return s.scalar(select(Case).where(Case.person_id == person.id, Case.unit_id == unit.id,
                                       Case.status != "avslutad"))


def _open_case(s: Session, ctx: ServiceContext, person: Person, unit: Unit, on: date) -> tuple[Case, bool]:
    """The child's open case in this unit, or a new one.

    uq_case_one_open allows one open case per child and unit: when another workstation opened
    it a moment ago, the insert (and its case number, in the same savepoint) is undone and that
    case is used."""
    for _ in range(3):
        case = _find_open_case(s, person, unit)
        if case is not None:
            return case, False
        case = Case(municipality_id=unit.municipality_id, unit_id=unit.id, person_id=person.id,
                    sort_name=person.sort_key, status="forhandsbedomning", opened_on=on,
                    created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id)
        try:
            with s.begin_nested():
                case.case_number = next_case_number(s, unit.municipality_id, unit.case_prefix, on.year)
                s.add(case)
                s.flush()
        except IntegrityError:
            continue
        audit.record(s, ctx, "create", "case", case.id, person.id, detail=case.case_number)
        return case, True
    raise RaceError()


# --- anmälan ------------------------------------------------------------------------------

def _validate_anmalan(ctx: ServiceContext, data: AnmalanInput) -> None:
    cats = load_categories()
    if data.received_at.tzinfo is None:
        raise ValidationError("Mottagningstiden saknar tidszon.", "received_at")
    if data.received_at > ctx.now():
        raise ValidationError("Mottagningstiden kan inte ligga i framtiden.", "received_at")
    try:
        category = cats.reporter(data.reporter_category)
        cats.channel(data.channel)
        for r in data.reasons:
            cats.reason(r)
    except KeyError as exc:
        raise ValidationError(str(exc.args[0]), "category") from exc
    if data.reporter_anonymous and category.professional:
        raise ValidationError(
            f"En anmälare från {category.label.lower()} har anmälningsskyldighet och kan inte vara "
            "anonym. Ange namn och kontaktuppgift.", "reporter_anonymous")
    if not data.reporter_anonymous and not (data.reporter_name or "").strip():
        raise ValidationError("Ange anmälarens namn, eller markera anmälan som anonym.", "reporter_name")
    if data.reporter_anonymous and data.reporter_wants_feedback:
        raise ValidationError("En anonym anmälare kan inte få återkoppling.", "reporter_wants_feedback")
    if not data.children:
        raise ValidationError("Anmälan måste gälla minst ett barn.", "children")
    if not data.reasons:
        raise ValidationError("Ange minst en anledning till anmälan.", "reasons")


@access.requires("case.create")
def register_anmalan(ctx: ServiceContext, data: AnmalanInput) -> AnmalanResult:
    """Register an anmälan; each child gets a case, a skyddsbedömning and a förhandsbedömning clock."""
    _validate_anmalan(ctx, data)
    received_on = data.received_at.astimezone(STOCKHOLM).date()
    # A lost race (the same child or reservnummer registered at once elsewhere) reruns the
    # whole unit of work on fresh data: the anmälan is never lost.
    return run_write(ctx, lambda s: _register(s, ctx, data, received_on))


def _register(s: Session, ctx: ServiceContext, data: AnmalanInput, received_on: date) -> AnmalanResult:
    unit = s.scalar(select(Unit).where(Unit.id == data.unit_id, Unit.municipality_id == ctx.actor.municipality_id))
    if unit is None:
        raise NotFound("Enheten finns inte.")
    access.check_unit(ctx, unit, "case.create")
    a = Anmalan(municipality_id=unit.municipality_id, unit_id=unit.id,
                received_at=data.received_at, channel=data.channel,
                reporter_category=data.reporter_category,
                reporter_name=None if data.reporter_anonymous else (data.reporter_name or "").strip(),
                reporter_organisation=(data.reporter_organisation or "").strip() or None,
                reporter_contact=(data.reporter_contact or "").strip() or None,
                reporter_anonymous=data.reporter_anonymous,
                reporter_wants_feedback=data.reporter_wants_feedback,
                reasons=list(data.reasons), text=data.text, registered_by=ctx.actor.user_id,
                created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id)
    s.add(a)
    s.flush()
    out = []
    seen: set[uuid.UUID] = set()
    for child in data.children:
        person, _ = people.find_or_create(s, ctx, child)
        if person.id in seen:
            raise ValidationError(f"{person.first_name} {person.last_name} står med två gånger.", "children")
        seen.add(person.id)
        earlier = tuple(_earlier_reports(s, person.id, exclude=a.id))
        case, new_case = _open_case(s, ctx, person, unit, received_on)
        if case.assigned_to is None and ctx.actor.role == "handlaggare":
            case.assigned_to = ctx.actor.user_id
        ac = AnmalanChild(anmalan_id=a.id, person_id=person.id, case_id=case.id,
                          created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id)
        s.add(ac)
        s.flush()
        fb = Forhandsbedomning(anmalan_child_id=ac.id, case_id=case.id, started_on=received_on,
                               created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id)
        s.add(fb)
        s.flush()
        if case.status == "avslutad":
            case.status = "forhandsbedomning"
        set_deadline(s, ctx, case, "skyddsbedomning", "anmalan_child", ac.id, received_on)
        set_deadline(s, ctx, case, "forhandsbedomning", "forhandsbedomning", fb.id, received_on)
        audit.record(s, ctx, "create", "anmalan", a.id, person.id)
        out.append(RegisteredChild(people.summary(person), case.id, case.case_number, ac.id,
                                   fb.id, new_case, earlier))
    return AnmalanResult(a.id, tuple(out))


def _earlier_reports(s: Session, person_id: uuid.UUID, exclude: uuid.UUID | None = None) -> list[EarlierReport]:
    q = (select(Anmalan, Case.case_number, Forhandsbedomning.outcome)
         .join(AnmalanChild, AnmalanChild.anmalan_id == Anmalan.id)
         .join(Case, Case.id == AnmalanChild.case_id)
         .outerjoin(Forhandsbedomning, Forhandsbedomning.anmalan_child_id == AnmalanChild.id)
         .where(AnmalanChild.person_id == person_id)
         .order_by(Anmalan.received_at.desc()))
    out = []
    for a, number, outcome in s.execute(q):
        if a.id == exclude:
            continue
        out.append(EarlierReport(a.id, a.received_at, a.reporter_category, tuple(a.reasons or ()),
                                 number, outcome, outcome == "inleda"))
    return out


@access.requires("person.read")
def earlier_reports(ctx: ServiceContext, person_id: uuid.UUID, reason: str | None = None) -> list[EarlierReport]:
    """Every report about the person, including those that never led to an utredning."""
    with ctx.write() as s:
        p = people.person_for(s, ctx, person_id)
        grant = access.check_person(s, ctx, p, "person.read", reason)
        audit.record(s, ctx, "read", "anmalan_history", None, person_id, reason=grant.reason)
        return _earlier_reports(s, person_id)


# --- skyddsbedömning ------------------------------------------------------------------------

@access.requires("case.write")
def record_skyddsbedomning(ctx: ServiceContext, anmalan_child_id: uuid.UUID, *, assessed_at: datetime,
                           immediate_need: bool, assessment: str, measures: str = "") -> SkyddsbedomningInfo:
    if not assessment.strip():
        raise ValidationError("Skriv bedömningen: behöver barnet omedelbart skydd, och varför?", "assessment")
    if assessed_at > ctx.now():
        raise ValidationError("Tidpunkten för skyddsbedömningen kan inte ligga i framtiden.", "assessed_at")
    if immediate_need and not measures.strip():
        raise ValidationError("Ange vilka skyddsåtgärder som vidtas när barnet behöver omedelbart skydd.", "measures")
    with ctx.write() as s:
        ac = get_or_404(s, AnmalanChild, anmalan_child_id, "Anmälan för barnet")
        access.case_for(s, ctx, ac.case_id, "case.write")
        if assessed_at < ac.anmalan.received_at:
            raise ValidationError("Skyddsbedömningen kan inte göras innan anmälan togs emot.", "assessed_at")
        if s.scalar(select(Skyddsbedomning).where(Skyddsbedomning.anmalan_child_id == ac.id)):
            raise ValidationError("Skyddsbedömning är redan dokumenterad för barnet i den här anmälan.")
        sb = Skyddsbedomning(anmalan_child_id=ac.id, case_id=ac.case_id, assessed_at=assessed_at,
                             assessed_by=ctx.actor.user_id, immediate_need=immediate_need,
                             assessment=assessment.strip(), measures=measures.strip(),
                             created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id)
        s.add(sb)
        s.flush()
        meet(s, ctx, "anmalan_child", ac.id, "skyddsbedomning", assessed_at.astimezone(STOCKHOLM).date())
        audit.record(s, ctx, "create", "skyddsbedomning", sb.id, ac.person_id)
        return _sb_info(s, sb)


def _sb_info(s: Session, sb: Skyddsbedomning) -> SkyddsbedomningInfo:
    return build_sb_info(sb, {sb.assessed_by: user_name(s, sb.assessed_by)})


def build_sb_info(sb: Skyddsbedomning, names: dict) -> SkyddsbedomningInfo:
    return SkyddsbedomningInfo(sb.id, sb.assessed_at, names.get(sb.assessed_by) or "",
                               sb.immediate_need, sb.assessment, sb.measures)


# --- förhandsbedömning -----------------------------------------------------------------------

def fb_info(s: Session, fb: Forhandsbedomning) -> ForhandsbedomningInfo:
    ac = s.get(AnmalanChild, fb.anmalan_child_id)
    sb = s.scalar(select(Skyddsbedomning).where(Skyddsbedomning.anmalan_child_id == ac.id))
    names = {u: user_name(s, u) for u in (fb.decided_by, sb.assessed_by if sb else None) if u}
    return build_fb_info(fb, ac.anmalan, sb, names)


def build_fb_info(fb: Forhandsbedomning, a: Anmalan, sb: Skyddsbedomning | None, names: dict) -> ForhandsbedomningInfo:
    """From rows already read (the case view reads them all in one statement)."""
    return ForhandsbedomningInfo(
        fb.id, fb.version, a.id, fb.anmalan_child_id, a.received_at, fb.started_on,
        rules.compute("forhandsbedomning", fb.started_on).due, fb.notes, fb.outcome,
        fb.outcome_reason, fb.decided_on, names.get(fb.decided_by), a.reporter_wants_feedback,
        fb.reporter_informed_on, build_sb_info(sb, names) if sb else None)


@access.requires("case.write")
def save_forhandsbedomning_notes(ctx: ServiceContext, fb_id: uuid.UUID, expected_version: int,
                                 notes: str) -> ForhandsbedomningInfo:
    with ctx.write() as s:
        fb = get_or_404(s, Forhandsbedomning, fb_id, "Förhandsbedömningen")
        access.case_for(s, ctx, fb.case_id, "case.write")
        check_version(s, fb, expected_version, "Förhandsbedömningen")
        if fb.outcome is not None:
            raise ValidationError("Förhandsbedömningen är avslutad och kan inte ändras.")
        fb.notes = notes
        touch(ctx, fb)
        s.flush()
        audit.record(s, ctx, "update", "forhandsbedomning", fb.id, _case_person(s, fb.case_id))
        return fb_info(s, fb)


def conclude_forhandsbedomning(s: Session, ctx: ServiceContext, fb: Forhandsbedomning, outcome: str,
                               reason: str | None, decided_on: date, decided_by: uuid.UUID,
                               decision_id: uuid.UUID | None, synnerliga_skal: str | None = None) -> Utredning | None:
    """Close a förhandsbedömning (called when its decision is taken); may open the utredning."""
    if outcome not in FB_OUTCOMES:
        raise ValidationError(f"Okänt utfall: {outcome}", "outcome")
    if fb.outcome is not None:
        raise ValidationError("Förhandsbedömningen är redan avslutad.")
    if decided_on < fb.started_on:
        raise ValidationError("Beslutsdatum kan inte ligga före den dag anmälan togs emot.", "decided_on")
    if decided_on > ctx.today():
        raise ValidationError("Beslutsdatum kan inte ligga i framtiden.", "decided_on")
    if outcome == "inte_inleda" and not (reason or "").strip():
        raise ValidationError("Ange skälet till att utredning inte inleds.", "outcome_reason")
    due = rules.compute("forhandsbedomning", fb.started_on).due
    if decided_on > due and not (synnerliga_skal or "").strip():
        raise ValidationError(
            f"Beslutet fattas efter fjortondagarsfristen ({due.isoformat()}). Dokumentera de "
            "synnerliga skälen till att bedömningen tog längre tid.", "synnerliga_skal")
    fb.outcome, fb.outcome_reason, fb.decided_on = outcome, (reason or "").strip() or None, decided_on
    fb.decided_by, fb.decision_id = decided_by, decision_id
    fb.synnerliga_skal = (synnerliga_skal or "").strip() or None
    touch(ctx, fb)
    case = s.get(Case, fb.case_id)
    meet(s, ctx, "forhandsbedomning", fb.id, "forhandsbedomning", decided_on)
    ac = s.get(AnmalanChild, fb.anmalan_child_id)
    if ac.anmalan.reporter_wants_feedback:
        set_deadline(s, ctx, case, "aterkoppling_anmalare", "forhandsbedomning", fb.id, decided_on)
    audit.record(s, ctx, "decide", "forhandsbedomning", fb.id, case.person_id, detail=outcome)
    if outcome == "inleda":
        return open_utredning(s, ctx, case, decided_on, decision_id)
    if outcome == "inte_inleda" and not _has_open_work(s, case, exclude_fb=fb.id):
        case.status, case.closed_on = "avslutad", decided_on
        touch(ctx, case)
    return None


def _has_open_work(s: Session, case: Case, exclude_fb: uuid.UUID) -> bool:
    open_fb = s.scalar(select(Forhandsbedomning.id).where(
        Forhandsbedomning.case_id == case.id, Forhandsbedomning.outcome.is_(None),
        Forhandsbedomning.id != exclude_fb).limit(1))
    open_ut = s.scalar(select(Utredning.id).where(Utredning.case_id == case.id,
                                                  Utredning.closed_on.is_(None)).limit(1))
    return open_fb is not None or open_ut is not None


@access.requires("case.write")
def attach_to_ongoing_utredning(ctx: ServiceContext, fb_id: uuid.UUID, expected_version: int) -> ForhandsbedomningInfo:
    """A new report on a child already under investigation is added to that utredning; no
    separate decision to open one is needed."""
    with ctx.write() as s:
        fb = get_or_404(s, Forhandsbedomning, fb_id, "Förhandsbedömningen")
        access.case_for(s, ctx, fb.case_id, "case.write")
        check_version(s, fb, expected_version, "Förhandsbedömningen")
        ongoing = s.scalar(select(Utredning.id).where(Utredning.case_id == fb.case_id, Utredning.closed_on.is_(None)))
        if ongoing is None:
            raise ValidationError("Det finns ingen pågående utredning i ärendet att föra anmälan till.")
        conclude_forhandsbedomning(s, ctx, fb, "pagaende_utredning", "Anmälan tillförs pågående utredning.",
                                   ctx.today(), ctx.actor.user_id, None)
        s.flush()
        return fb_info(s, fb)


@access.requires("case.write")
def mark_reporter_informed(ctx: ServiceContext, fb_id: uuid.UUID, expected_version: int,
                           informed_on: date) -> ForhandsbedomningInfo:
    with ctx.write() as s:
        fb = get_or_404(s, Forhandsbedomning, fb_id, "Förhandsbedömningen")
        access.case_for(s, ctx, fb.case_id, "case.write")
        check_version(s, fb, expected_version, "Förhandsbedömningen")
        if fb.decided_on is None:
            raise ValidationError("Anmälaren informeras om beslutet först när det är fattat.")
        if informed_on < fb.decided_on or informed_on > ctx.today():
            raise ValidationError("Datum för återkoppling måste ligga mellan beslutet och i dag.", "informed_on")
        fb.reporter_informed_on = informed_on
        touch(ctx, fb)
        meet(s, ctx, "forhandsbedomning", fb.id, "aterkoppling_anmalare", informed_on)
        s.flush()
        audit.record(s, ctx, "update", "forhandsbedomning", fb.id, _case_person(s, fb.case_id),
                     detail="återkoppling till anmälare")
        return fb_info(s, fb)


# --- utredning ------------------------------------------------------------------------------

def open_utredning(s: Session, ctx: ServiceContext, case: Case, opened_on: date,
                   decision_id: uuid.UUID | None) -> Utredning:
    existing = s.scalar(select(Utredning).where(Utredning.case_id == case.id, Utredning.closed_on.is_(None)))
    if existing is not None:
        return existing
    u = Utredning(case_id=case.id, opened_on=opened_on, opened_decision_id=decision_id,
                  due_on=rules.utredning_due(opened_on, ()), created_by=ctx.actor.user_id,
                  updated_by=ctx.actor.user_id)
    s.add(u)
    s.flush()
    for pos, (key, heading) in enumerate(load_categories().utredning_headings):
        s.add(UtredningSection(utredning_id=u.id, heading_key=key, heading=heading, position=pos,
                               created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id))
    case.status = "utredning"
    touch(ctx, case)
    set_deadline(s, ctx, case, "utredning", "utredning", u.id, opened_on, due=u.due_on)
    audit.record(s, ctx, "create", "utredning", u.id, case.person_id)
    return u


def ut_info(s: Session, u: Utredning) -> UtredningInfo:
    sections = s.scalars(select(UtredningSection).where(UtredningSection.utredning_id == u.id)
                         .order_by(UtredningSection.position)).all()
    exts = s.scalars(select(UtredningExtension).where(UtredningExtension.utredning_id == u.id)
                     .order_by(UtredningExtension.decided_on, UtredningExtension.created_at)).all()
    return build_ut_info(u, sections, exts, {e.decided_by: user_name(s, e.decided_by) for e in exts})


def build_ut_info(u: Utredning, sections, exts, names: dict) -> UtredningInfo:
    """From rows already read; sections in position order, extensions in decision order."""
    sections = sorted(sections, key=lambda x: x.position)
    exts = sorted(exts, key=lambda e: (e.decided_on, e.created_at))
    return UtredningInfo(
        u.id, u.version, u.case_id, u.opened_on, u.due_on, u.plan, u.child_view, u.guardian_view,
        u.analysis, u.closed_on, u.closing_outcome,
        tuple(SectionInfo(x.id, x.version, x.heading_key, x.heading, x.position, x.text) for x in sections),
        tuple(ExtensionInfo(e.id, e.decided_on, names.get(e.decided_by) or "", e.reason,
                            e.previous_due_on, e.new_due_on) for e in exts))


@access.requires("case.read")
def get_utredning(ctx: ServiceContext, utredning_id: uuid.UUID, reason: str | None = None) -> UtredningInfo:
    with ctx.write() as s:
        u = get_or_404(s, Utredning, utredning_id, "Utredningen")
        case, grant = access.case_for(s, ctx, u.case_id, "case.read", reason)
        audit.record(s, ctx, "read", "utredning", u.id, case.person_id, reason=grant.reason)
        return ut_info(s, u)


@access.requires("case.write")
def update_utredning(ctx: ServiceContext, utredning_id: uuid.UUID, expected_version: int, *,
                     plan: str | None = None, child_view: str | None = None,
                     guardian_view: str | None = None, analysis: str | None = None) -> UtredningInfo:
    with ctx.write() as s:
        u = get_or_404(s, Utredning, utredning_id, "Utredningen")
        access.case_for(s, ctx, u.case_id, "case.write")
        check_version(s, u, expected_version, "Utredningen")
        _require_open(u)
        for attr, val in (("plan", plan), ("child_view", child_view),
                          ("guardian_view", guardian_view), ("analysis", analysis)):
            if val is not None:
                setattr(u, attr, val)
        touch(ctx, u)
        s.flush()
        audit.record(s, ctx, "update", "utredning", u.id, _case_person(s, u.case_id))
        return ut_info(s, u)


@access.requires("case.write")
def save_section(ctx: ServiceContext, section_id: uuid.UUID, expected_version: int, text: str) -> SectionInfo:
    with ctx.write() as s:
        sec = get_or_404(s, UtredningSection, section_id, "Avsnittet")
        u = s.get(Utredning, sec.utredning_id)
        access.case_for(s, ctx, u.case_id, "case.write")
        check_version(s, sec, expected_version, f"Avsnittet ”{sec.heading}”")
        _require_open(u)
        sec.text = text
        touch(ctx, sec)
        s.flush()
        audit.record(s, ctx, "update", "utredning_section", sec.id, _case_person(s, u.case_id))
        return SectionInfo(sec.id, sec.version, sec.heading_key, sec.heading, sec.position, sec.text)


def _require_open(u: Utredning) -> None:
    if u.closed_on is not None:
        raise ValidationError("Utredningen är avslutad och kan inte ändras.")


def apply_extension(s: Session, ctx: ServiceContext, u: Utredning, *, new_due_on: date, reason: str,
                    decided_on: date, decided_by: uuid.UUID, decision_id: uuid.UUID | None) -> UtredningExtension:
    """Förlängd utredningstid (särskilda skäl, för viss tid): a new end date, never typed over."""
    _require_open(u)
    if not reason.strip():
        raise ValidationError("Ange de särskilda skälen för att förlänga utredningstiden.", "reason")
    if new_due_on <= u.due_on:
        raise ValidationError(
            f"Det nya slutdatumet måste ligga efter nuvarande slutdatum {u.due_on.isoformat()}.", "new_due_on")
    if decided_on > u.due_on:
        raise ValidationError(
            f"Utredningstiden gick ut {u.due_on.isoformat()}; en förlängning ska beslutas innan dess.",
            "decided_on")
    prior = [e.new_due_on for e in s.scalars(select(UtredningExtension).where(
        UtredningExtension.utredning_id == u.id).order_by(UtredningExtension.new_due_on))]
    ext = UtredningExtension(utredning_id=u.id, decided_on=decided_on, decided_by=decided_by,
                             reason=reason.strip(), previous_due_on=u.due_on, new_due_on=new_due_on,
                             decision_id=decision_id, created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id)
    s.add(ext)
    u.due_on = rules.utredning_due(u.opened_on, [*prior, new_due_on])
    touch(ctx, u)
    case = s.get(Case, u.case_id)
    set_deadline(s, ctx, case, "utredning", "utredning", u.id, u.opened_on, due=u.due_on)
    s.flush()
    audit.record(s, ctx, "extend", "utredning", u.id, case.person_id, detail=f"nytt slutdatum {new_due_on}")
    return ext


def apply_closing(s: Session, ctx: ServiceContext, u: Utredning, *, outcome: str, closed_on: date,
                  decision_id: uuid.UUID | None, follow_up: bool = False) -> None:
    _require_open(u)
    if outcome not in CLOSING_OUTCOMES:
        raise ValidationError(f"Okänt utfall för utredningen: {outcome}", "outcome")
    if closed_on < u.opened_on or closed_on > ctx.today():
        raise ValidationError("Avslutsdatum måste ligga mellan utredningens start och i dag.", "closed_on")
    u.closed_on, u.closing_outcome, u.closing_decision_id, u.follow_up = closed_on, outcome, decision_id, follow_up
    touch(ctx, u)
    case = s.get(Case, u.case_id)
    meet(s, ctx, "utredning", u.id, "utredning", closed_on)
    _start_after_utredning(s, ctx, case, closed_on)
    if outcome == "utan_insats" and follow_up:
        set_deadline(s, ctx, case, "uppfoljning", "utredning", u.id, closed_on)
    case.status = "insats" if outcome in ("insats", "ansokan_lvu") else "avslutad"
    if case.status == "avslutad":
        case.closed_on = closed_on
    touch(ctx, case)
    audit.record(s, ctx, "close", "utredning", u.id, case.person_id, detail=outcome)


def _start_after_utredning(s: Session, ctx: ServiceContext, case: Case, closed_on: date) -> None:
    """Deadlines that run from the utredning's closing (jourhem: two months after it), for
    placements still going on. While the utredning runs there is no such deadline at all."""
    catalog = load_catalog()
    waiting = {t.id: t.deadlines_after_utredning for t in catalog.templates.values() if t.deadlines_after_utredning}
    if not waiting:
        return
    rows = s.scalars(select(Decision).join(Insats, Insats.decision_id == Decision.id)
                     .where(Decision.case_id == case.id, Decision.status == "beslutad",
                            Decision.template_id.in_(waiting), Insats.end_on.is_(None))).all()
    for d in rows:
        for kind in waiting[d.template_id]:
            if s.scalar(select(Deadline.id).where(Deadline.source_type == "decision", Deadline.source_id == d.id,
                                                  Deadline.kind == kind)) is None:
                set_deadline(s, ctx, case, kind, "decision", d.id, closed_on)


def _case_person(s: Session, case_id: uuid.UUID) -> uuid.UUID:
    return s.scalar(select(Case.person_id).where(Case.id == case_id))
