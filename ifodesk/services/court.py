"""Rättens dom eller beslut: the förvaltningsrätt's ruling on an application for vård (LVU 4 §:
bifall, avslag, delvis bifall) or on an underställt decision (LVU 6 §, LVM 13 §: fastställt,
upphävt). The ruling is kept in its own row, linked to the decision and to the insats the vård is
given in; the deadlines that count from it start (LVM 18 § from the ruling, LVU 13 § from the day
the vård began), and the register counts the judgment's date."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ifodesk.db.models import Case, Deadline, Decision, Insats, JournalNote
from ifodesk.db.models_court import CourtRuling as CourtRulingRow
from ifodesk.domain import deadlines as deadline_rules
from ifodesk.domain.catalog import load_catalog
from ifodesk.domain.catalog_models import DecisionTemplate
from ifodesk.domain.statistics_base import INSATS_LABELS, PLACEMENT_FORMS

from . import access, audit
from .context import ServiceContext
from .deadlines import set_deadline
from .decisions import DecisionInfo, _info, decision_for
from .errors import PermissionDenied, ValidationError

COURT_RECORDERS = ("handlaggare", "forste", "chef", "ifo_chef", "sekreterare")
# The verb in the journal note, per outcome; the keys per kind of ruling are the allowed outcomes.
OUTCOMES = {
    "understallning": {"faststallt": "fastställde", "upphavt": "upphävde"},
    "ansokan": {"bifall": "biföll", "avslag": "avslog", "delvis": "biföll delvis"},
}
GRANTING = ("faststallt", "bifall", "delvis")  # vård or the omhändertagande continues
MAX_COURT_CASE_NUMBER = 40


@dataclass(frozen=True)
class CourtDeadline:
    kind: str
    title: str
    lagrum: tuple[str, ...]
    due: date
    in_time_until: date | None  # the next working day, where lag (1930:173) applies


@dataclass(frozen=True)
class CourtRuling:
    decision: DecisionInfo
    ruled_on: date
    outcome: str  # faststallt | upphavt | bifall | avslag | delvis
    deadlines: tuple[CourtDeadline, ...]  # started by the ruling (none when the court says no)
    court: str = ""
    court_case_number: str = ""
    care_began_on: date | None = None
    granted_lagrum: tuple[str, ...] = ()
    insats_id: uuid.UUID | None = None


@dataclass(frozen=True)
class InsatsChoice:
    id: uuid.UUID
    label: str


@dataclass(frozen=True)
class GroundChoice:
    value: str
    label: str
    lagrum: tuple[str, ...]


@dataclass(frozen=True)
class CourtForm:
    """What the ruling dialog offers for one decision."""

    decision: DecisionInfo
    kind: str  # understallning | ansokan
    outcomes: tuple[str, ...]
    grounds: tuple[GroundChoice, ...]  # the grounds the court may grant (delvis bifall)
    applied_grounds: tuple[str, ...]  # the lagrum the nämnd applied for
    insatser: tuple[InsatsChoice, ...]  # existing LVU insatser the judgment may concern
    placement_kinds: tuple[tuple[str, str], ...]  # (kind, label) for a new insats
    current: CourtRuling | None  # the ruling recorded earlier, if any


def _grounds(t: DecisionTemplate) -> tuple[GroundChoice, ...]:
    """The single-ground options of the template's choice field that carries lagrum (LVU 2 §, 3 §)."""
    out = []
    for f in t.fields:
        if f.kind != "choice":
            continue
        for o in f.options or ():
            if len(o.lagrum) == 1:
                out.append(GroundChoice(o.value, o.label, tuple(o.lagrum)))
    return tuple(out)


def _applied(t: DecisionTemplate, d: Decision) -> tuple[str, ...]:
    own = set(t.lagrum)
    return tuple(x for x in t.lagrum_for(None, d.fields or {}) if x not in own)


def _candidates(s: Session, d: Decision) -> list[Insats]:
    """LVU insatser of the case that are this application's or nobody's, still going on."""
    taken = select(CourtRulingRow.insats_id).where(CourtRulingRow.insats_id.is_not(None),
                                                   CourtRulingRow.decision_id != d.id)
    return list(s.scalars(select(Insats).where(
        Insats.case_id == d.case_id, Insats.legal_basis == "LVU", Insats.end_on.is_(None),
        (Insats.decision_id == d.id) | Insats.decision_id.is_(None), Insats.id.not_in(taken))
        .order_by(Insats.start_on)))


def _insats_label(i: Insats) -> str:
    since = f" från {i.start_on.isoformat()}" if i.start_on else ""
    return f"{INSATS_LABELS.get(i.kind, i.kind)} (LVU){since}"


def _as_result(s: Session, d: Decision, row: CourtRulingRow, started: tuple[CourtDeadline, ...]) -> CourtRuling:
    return CourtRuling(_info(s, d), row.ruled_on, row.outcome, started, row.court, row.court_case_number,
                       row.care_began_on, tuple(row.granted_lagrum or ()), row.insats_id)


def _template(d: Decision) -> DecisionTemplate:
    t = load_catalog().template(d.template_id)
    if d.status != "beslutad" or t.court_ruling is None:
        raise ValidationError("Det här beslutet prövas inte av förvaltningsrätten; det finns ingen dom att föra in.")
    return t


@access.requires("decision.read")
def court_ruling_form(ctx: ServiceContext, decision_id: uuid.UUID) -> CourtForm:
    with ctx.write() as s:
        d, _ = decision_for(s, ctx, decision_id, "decision.read")
        t = _template(d)
        row = s.scalar(select(CourtRulingRow).where(CourtRulingRow.decision_id == d.id))
        current = _as_result(s, d, row, ()) if row is not None else None
        insatser = tuple(InsatsChoice(i.id, _insats_label(i)) for i in _candidates(s, d)) \
            if t.court_ruling == "ansokan" else ()
        audit.record(s, ctx, "read", "court_ruling", d.id, d.person_id)
        return CourtForm(_info(s, d), t.court_ruling, tuple(OUTCOMES[t.court_ruling]), _grounds(t), _applied(t, d),
                         insatser, tuple((k, INSATS_LABELS.get(k, k)) for k in PLACEMENT_FORMS), current)


def _check_input(ctx: ServiceContext, d: Decision, t: DecisionTemplate, ruled_on: date, outcome: str, court: str,
                 court_case_number: str, care_began_on: date | None, granted: tuple[str, ...]) -> None:
    if outcome not in OUTCOMES[t.court_ruling]:
        raise ValidationError("Ange om rätten fastställde eller upphävde beslutet." if t.court_ruling == "understallning"
                              else "Ange om rätten biföll, avslog eller delvis biföll ansökan.", "outcome")
    if ruled_on < d.decided_on or ruled_on > ctx.today():
        raise ValidationError("Rättens beslut ska ligga mellan nämndens beslut och i dag.", "ruled_on")
    if len(court) > 200 or len(court_case_number) > MAX_COURT_CASE_NUMBER or "\n" in court + court_case_number:
        raise ValidationError("Domstolens namn eller målnumret är för långt.", "court_case_number")
    if t.court_ruling != "ansokan":
        return
    if not court:
        raise ValidationError("Ange vilken domstol som dömde (t.ex. Förvaltningsrätten i Göteborg).", "court")
    if not court_case_number:
        raise ValidationError("Ange målnumret i domen (t.ex. 1234-26).", "court_case_number")
    if outcome in GRANTING:
        if care_began_on is None:
            raise ValidationError("Ange dagen då vården enligt domen började (verkställigheten).", "care_began_on")
        if care_began_on < ruled_on or care_began_on > ctx.today():
            raise ValidationError("Vården kan inte ha börjat före domen eller efter i dag.", "care_began_on")
    if outcome == "delvis":
        allowed = {x for g in _grounds(t) for x in g.lagrum}
        if not granted or not set(granted) <= allowed:
            raise ValidationError(f"Ange på vilken grund rätten biföll ansökan ({' eller '.join(sorted(allowed))}).",
                                  "granted")


def _link_insats(s: Session, ctx: ServiceContext, d: Decision, case: Case, care_began_on: date,
                 insats_id: uuid.UUID | None, placement_kind: str | None) -> Insats:
    """The insats the vård is given in: one the case already has, or a new one from the day care began."""
    if insats_id is not None:
        ins = next((i for i in _candidates(s, d) if i.id == insats_id), None)
        if ins is None:
            raise ValidationError("Insatsen hör inte till ansökan eller är redan kopplad till en annan dom.", "insats")
        ins.decision_id = d.id
        if ins.start_on is None:
            ins.start_on = care_began_on
        ins.updated_by = ctx.actor.user_id
        return ins
    if placement_kind not in PLACEMENT_FORMS:
        raise ValidationError("Välj var vården ges (familjehem, HVB …) eller en insats som redan finns.", "insats")
    ins = Insats(case_id=case.id, person_id=case.person_id, decision_id=d.id, kind=placement_kind,
                 legal_basis="LVU", start_on=care_began_on, created_by=ctx.actor.user_id,
                 updated_by=ctx.actor.user_id)
    s.add(ins)
    s.flush()
    return ins


@access.requires("decision.draft")
def record_court_ruling(ctx: ServiceContext, decision_id: uuid.UUID, ruled_on: date, outcome: str = "faststallt",
                        *, court: str = "", court_case_number: str = "", care_began_on: date | None = None,
                        granted: tuple[str, ...] | list[str] | None = None, insats_id: uuid.UUID | None = None,
                        placement_kind: str | None = None) -> CourtRuling:
    """The court's ruling came in: record it, link it to the insats, start what counts from it.

    LVM 18 § counts from the court's decision; LVU 13 § from the day vård began under the
    judgment. When the court says no (upphäver, avslår) nothing runs from it, and a ruling recorded
    earlier is corrected. The ruling is noted in the journal and the audit trail.
    """
    if ctx.actor.role not in COURT_RECORDERS:
        raise PermissionDenied("Bara handläggare, 1:e socialsekreterare, chefer och sekreterare för in rättens beslut.")
    court, court_case_number = (court or "").strip(), (court_case_number or "").strip()
    with ctx.write() as s:
        d, _ = decision_for(s, ctx, decision_id, "decision.draft")
        t = _template(d)
        case = s.get(Case, d.case_id)
        if t.court_ruling == "ansokan" and outcome == "bifall":
            granted = _applied(t, d)
        granted = tuple(granted or ()) if outcome in ("bifall", "delvis") else ()
        _check_input(ctx, d, t, ruled_on, outcome, court, court_case_number, care_began_on, granted)
        row = s.scalar(select(CourtRulingRow).where(CourtRulingRow.decision_id == d.id))
        if row is None:
            row = CourtRulingRow(municipality_id=d.municipality_id, unit_id=d.unit_id, case_id=d.case_id,
                                 person_id=d.person_id, decision_id=d.id, created_by=ctx.actor.user_id)
        elif row.insats_id is not None and outcome not in GRANTING:
            raise ValidationError("Domen är redan införd som bifall och vården är registrerad som insats. "
                                  "Avsluta insatsen i ärendet om vården upphört.", "outcome")
        granting = outcome in GRANTING
        if granting and t.court_ruling == "ansokan":
            row.insats_id = _link_insats(s, ctx, d, case, care_began_on, insats_id, placement_kind).id
            case.status = "insats"
        row.court, row.court_case_number, row.ruled_on, row.outcome = court, court_case_number, ruled_on, outcome
        row.care_began_on = care_began_on if granting else None
        row.granted_lagrum = list(granted) or None
        row.updated_by = ctx.actor.user_id
        s.add(row)  # only now: a half-filled row must not be flushed by a query above
        started = _start_deadlines(s, ctx, d, t, case, granting, ruled_on, care_began_on)
        s.add(JournalNote(case_id=case.id, person_id=case.person_id, author_id=ctx.actor.user_id,
                          event_date=ruled_on, heading="Rättens beslut",
                          text=_journal_text(d, t, row, started), signed_at=ctx.now(),
                          created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id))
        s.flush()
        audit.record(s, ctx, "court_ruling", "decision", d.id, d.person_id,
                     detail=f"{ruled_on.isoformat()} {outcome}")
        return _as_result(s, d, row, started)


def _start_deadlines(s: Session, ctx: ServiceContext, d: Decision, t: DecisionTemplate, case: Case, granting: bool,
                     ruled_on: date, care_began_on: date | None) -> tuple[CourtDeadline, ...]:
    started = []
    plan = [(k, ruled_on) for k in t.court_starts_deadlines] + \
           [(k, care_began_on) for k in t.court_care_starts_deadlines]
    for kind, start in plan:
        if granting and start is not None:
            set_deadline(s, ctx, case, kind, "decision", d.id, start)
            x = deadline_rules.compute(kind, start)
            started.append(CourtDeadline(kind, x.title, x.lagrum, x.due, x.in_time_until))
        else:  # a ruling recorded earlier as granted is corrected: nothing runs any more
            old = s.scalar(select(Deadline).where(Deadline.source_type == "decision",
                                                  Deadline.source_id == d.id, Deadline.kind == kind))
            if old is not None:
                s.delete(old)
    return tuple(started)


def _journal_text(d: Decision, t: DecisionTemplate, row: CourtRulingRow, started: tuple[CourtDeadline, ...]) -> str:
    court = row.court or "Förvaltningsrätten"
    number = f" (mål nr {row.court_case_number})" if row.court_case_number else ""
    what = "ansökan" if t.court_ruling == "ansokan" else "beslut"
    text = (f"{court}{number} {OUTCOMES[t.court_ruling][row.outcome]} den {row.ruled_on.isoformat()} socialnämndens "
            f"{what} {d.decided_on.isoformat()} ({d.title}, {', '.join(d.lagrum or ())}).")
    if row.granted_lagrum and row.outcome == "delvis":
        text += f" Vård beviljades enligt {', '.join(row.granted_lagrum)}."
    if row.care_began_on:
        text += f" Vården började den {row.care_began_on.isoformat()}."
    for x in started:
        text += f" {x.title}: senast {x.due.isoformat()} ({', '.join(x.lagrum)})."
    return text
