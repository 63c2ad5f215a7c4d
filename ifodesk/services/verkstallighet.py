"""Verkställighet of gynnande decisions: uppdrag to an utförare, the queue per insats type, the day
it was carried out or broken off, the deadlines in Tidsbevakning and the quarterly IVO report
(SoL 34 kap. 1–3 §§). The rules are in ifodesk.domain.verkstallighet and resources/ivo.toml."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ifodesk.db.models import Case, Decision, Person, User
from ifodesk.db.models_verkstallighet import Verkstallighet, VerkstallighetEvent
from ifodesk.domain import verkstallighet as rules
from ifodesk.fileio import atomic_output

from . import access, audit
from .context import ServiceContext
from .deadlines import meet, set_deadline
from .errors import NotFound, ValidationError


@dataclass(frozen=True)
class EventInfo:
    kind: str
    on: date
    text: str  # Swedish, ready to show
    by: str


@dataclass(frozen=True)
class VerkstallighetInfo:
    decision_id: uuid.UUID
    applicable: bool  # a granted decision the nämnd must carry out (ivo.toml)
    title: str
    insats_type: str
    decided_on: date | None
    state: str  # ko | verkstalld | avbruten | avslutad | "" when not applicable
    state_text: str
    waiting_since: date | None
    due: date | None
    days_waited: int | None
    queue_position: int | None
    queue_length: int
    utforare_kind: str | None
    utforare_name: str
    events: tuple[EventInfo, ...]
    version: int  # of the verkställighet record (0: none yet)

    @property
    def waiting(self) -> bool:
        return self.state in ("ko", "avbruten")


STATE_TEXT = {"ko": "Ej verkställt (i kö)", "verkstalld": "Verkställt", "avbruten": "Avbrutet, väntar på att återupptas",
              "avslutad": "Avslutat utan verkställighet"}


def _events(s: Session, vids: list[uuid.UUID]) -> dict[uuid.UUID, list[VerkstallighetEvent]]:
    out: dict[uuid.UUID, list[VerkstallighetEvent]] = {v: [] for v in vids}
    if vids:
        for e in s.scalars(select(VerkstallighetEvent).where(VerkstallighetEvent.verkstallighet_id.in_(vids))
                           .order_by(VerkstallighetEvent.seq)):
            out[e.verkstallighet_id].append(e)
    return out


def _domain_events(rows) -> list[rules.Event]:
    return [rules.Event(e.kind, e.on_date, e.reason_id, e.note, e.utforare_kind, e.utforare_name) for e in rows]


_GRANTED_COLS = (Decision.id, Decision.decided_on, Decision.template_id, Case.case_number, Person.id.label("person_id"),
                 Person.birth_date, Person.legal_gender, Person.protection, Verkstallighet.id.label("vid"),
                 Verkstallighet.utforare_kind, Verkstallighet.utforare_name)
_EVENT_COLS = (VerkstallighetEvent.verkstallighet_id, VerkstallighetEvent.kind, VerkstallighetEvent.on_date,
               VerkstallighetEvent.reason_id, VerkstallighetEvent.note, VerkstallighetEvent.utforare_kind,
               VerkstallighetEvent.utforare_name)


def _granted(s: Session, municipality_id: uuid.UUID, cfg: rules.IvoConfig, templates=None):
    """Every decided, reportable decision of the municipality (plain columns: read for every box
    and report) with its domain events, as (row, events)."""
    q = (select(*_GRANTED_COLS)
         .join(Case, Case.id == Decision.case_id).join(Person, Person.id == Decision.person_id)
         .outerjoin(Verkstallighet, Verkstallighet.decision_id == Decision.id)
         .where(Decision.municipality_id == municipality_id, Decision.status == "beslutad",
                Decision.decided_on.is_not(None), Decision.template_id.in_(sorted(templates or cfg.templates))))
    rows = s.execute(q).all()
    evs: dict[uuid.UUID, list] = {}
    vids = [r.vid for r in rows if r.vid is not None]
    for k in range(0, len(vids), 500):  # bounded IN lists
        for e in s.execute(select(*_EVENT_COLS).where(VerkstallighetEvent.verkstallighet_id.in_(vids[k:k + 500]))
                           .order_by(VerkstallighetEvent.verkstallighet_id, VerkstallighetEvent.seq)):
            evs.setdefault(e.verkstallighet_id, []).append(e)
    return [(r, _domain_events(evs.get(r.vid, ()))) for r in rows]


def _queue(granted, cfg: rules.IvoConfig, day: date) -> dict[str, list[tuple[date, date, uuid.UUID]]]:
    """Waiting decisions per insats type, longest waiting first: (waiting since, due, decision id)."""
    out: dict[str, list] = {}
    for r, evs in granted:
        st = rules.status_on(r.decided_on, evs, day, cfg)
        if st.waiting:
            out.setdefault(cfg.templates[r.template_id].insats_type, []).append((st.waiting_since, st.due, r.id))
    for xs in out.values():
        xs.sort(key=lambda x: (x[0], str(x[2])))
    return out


def _decision(s: Session, ctx: ServiceContext, decision_id: uuid.UUID) -> tuple[Decision, Case]:
    row = s.execute(select(Decision, Case).join(Case, Case.id == Decision.case_id)
                    .where(Decision.id == decision_id, Decision.municipality_id == ctx.actor.municipality_id)).first()
    if row is None:
        raise NotFound("Beslutet finns inte.")
    return row[0], row[1]


def _info(s: Session, ctx: ServiceContext, d: Decision, cfg: rules.IvoConfig) -> VerkstallighetInfo:
    today = ctx.today()
    if not (cfg.reportable(d.template_id) and d.status == "beslutad" and d.decided_on):
        return VerkstallighetInfo(d.id, False, d.title, "", d.decided_on, "", "", None, None, None, None, 0, None, "",
                                  (), 0)
    insats_type = cfg.templates[d.template_id].insats_type
    v = s.scalar(select(Verkstallighet).where(Verkstallighet.decision_id == d.id))
    rows = _events(s, [v.id])[v.id] if v else []
    evs = _domain_events(rows)
    st = rules.status_on(d.decided_on, evs, today, cfg)
    same_type = [t for t, rule in cfg.templates.items() if rule.insats_type == insats_type]
    queue = _queue(_granted(s, d.municipality_id, cfg, same_type), cfg, today).get(insats_type, [])
    pos = next((i for i, x in enumerate(queue, 1) if x[2] == d.id), None)
    users = {u: n for u, n in s.execute(select(User.id, User.full_name).where(
        User.id.in_({e.created_by for e in rows if e.created_by})))} if rows else {}
    return VerkstallighetInfo(
        d.id, True, d.title, insats_type, d.decided_on, st.state, STATE_TEXT[st.state], st.waiting_since, st.due,
        (today - st.waiting_since).days if st.waiting_since else None, pos, len(queue),
        v.utforare_kind if v else None, v.utforare_name if v else "",
        tuple(EventInfo(e.kind, e.on_date, _event_text(e, cfg), users.get(e.created_by, "")) for e in rows),
        v.version if v else 0)


def _event_text(e: VerkstallighetEvent, cfg: rules.IvoConfig) -> str:
    if e.kind == rules.UPPDRAG:
        who = cfg.utforare.get(e.utforare_kind or "", e.utforare_kind or "")
        return f"Uppdrag till {who}" + (f": {e.utforare_name}" if e.utforare_name else "")
    if e.kind == rules.VERKSTALLT:
        return "Verkställt"
    reason = cfg.reasons.get(e.reason_id or "")
    return ("Avslutat" if reason and reason.ends else "Avbrutet") + f": {reason.label if reason else e.reason_id}" \
        + (f" ({e.note})" if e.note else "")


@access.requires("decision.read")
def get_verkstallighet(ctx: ServiceContext, decision_id: uuid.UUID, reason: str | None = None) -> VerkstallighetInfo:
    """The Verkställighet box of a decision: state, utförare, place in the queue, history."""
    cfg = rules.default_config()
    with ctx.write() as s:
        d, case = _decision(s, ctx, decision_id)
        grant = access.check_decision(s, ctx, d, case, "decision.read", reason)
        audit.record(s, ctx, "read", "verkstallighet", d.id, d.person_id, reason=grant.reason)
        return _info(s, ctx, d, cfg)


def _record(ctx: ServiceContext, decision_id: uuid.UUID, expected_version: int | None,
            make: Callable[[rules.IvoConfig], rules.Event]) -> VerkstallighetInfo:
    cfg = rules.default_config()
    event = make(cfg)
    with ctx.write() as s:
        d, case = _decision(s, ctx, decision_id)
        access.check_case(ctx, case, "case.write")
        if not (cfg.reportable(d.template_id) and d.status == "beslutad" and d.decided_on):
            raise ValidationError("Beslutet gäller ingen beviljad insats som ska verkställas.")
        v = s.scalar(select(Verkstallighet).where(Verkstallighet.decision_id == d.id))
        if expected_version is not None and (v.version if v else 0) != expected_version:
            raise ValidationError("Någon annan har just ändrat verkställigheten. Läs in beslutet igen.")
        if v is None:
            v = Verkstallighet(municipality_id=d.municipality_id, unit_id=d.unit_id, case_id=case.id,
                               decision_id=d.id, utforare_name="", created_by=ctx.actor.user_id,
                               updated_by=ctx.actor.user_id)
            s.add(v)
            s.flush()
        rows = _events(s, [v.id])[v.id]
        try:
            rules.check_event(d.decided_on, _domain_events(rows), event, ctx.today(), cfg)
        except rules.EventError as exc:
            raise ValidationError(str(exc)) from None
        before = rules.status_on(d.decided_on, _domain_events(rows), event.on, cfg)
        seq = (s.scalar(select(func.max(VerkstallighetEvent.seq)).where(
            VerkstallighetEvent.verkstallighet_id == v.id)) or 0) + 1
        s.add(VerkstallighetEvent(verkstallighet_id=v.id, seq=seq, kind=event.kind, on_date=event.on,
                                  reason_id=event.reason_id, note=event.note, utforare_kind=event.utforare_kind,
                                  utforare_name=event.utforare_name, created_by=ctx.actor.user_id,
                                  updated_by=ctx.actor.user_id))
        if event.kind == rules.UPPDRAG:
            v.utforare_kind, v.utforare_name, v.uppdrag_on = event.utforare_kind, event.utforare_name, event.on
        v.updated_by, v.updated_at = ctx.actor.user_id, ctx.now()  # always an UPDATE: the version moves on
        _deadlines(s, ctx, d, case, event, before, cfg)
        audit.record(s, ctx, "update", "verkstallighet", d.id, d.person_id, detail=f"{event.kind} {event.on}")
        s.flush()
        return _info(s, ctx, d, cfg)


def _deadlines(s: Session, ctx: ServiceContext, d: Decision, case: Case, e: rules.Event, before: rules.Status,
               cfg: rules.IvoConfig) -> None:
    """Tidsbevakning follows the verkställighet: carried out or closed meets the three-month limit;
    an avbrott of an insats that ran starts a new three-month limit."""
    if e.kind == rules.VERKSTALLT:
        meet(s, ctx, "decision", d.id, cfg.deadline_kind, e.on)
        meet(s, ctx, "decision", d.id, cfg.avbrott_deadline_kind, e.on)
    elif e.kind == rules.AVBRUTET:
        if cfg.reasons[e.reason_id].ends:
            meet(s, ctx, "decision", d.id, cfg.deadline_kind, e.on)
            meet(s, ctx, "decision", d.id, cfg.avbrott_deadline_kind, e.on)
        elif before.state == "verkstalld":
            set_deadline(s, ctx, case, cfg.avbrott_deadline_kind, "decision", d.id, e.on, due=cfg.due(e.on))


@access.requires("case.write")
def assign_utforare(ctx: ServiceContext, decision_id: uuid.UUID, utforare_kind: str, utforare_name: str,
                    on: date, expected_version: int | None = None) -> VerkstallighetInfo:
    """Uppdrag to the own öppenvård or an external utförare (named)."""
    return _record(ctx, decision_id, expected_version, lambda cfg: rules.Event(
        rules.UPPDRAG, on, utforare_kind=utforare_kind, utforare_name=(utforare_name or "").strip()[:200]))


@access.requires("case.write")
def mark_verkstallt(ctx: ServiceContext, decision_id: uuid.UUID, on: date,
                    expected_version: int | None = None) -> VerkstallighetInfo:
    """The insats has started (verkställd), or started again after an avbrott."""
    return _record(ctx, decision_id, expected_version, lambda cfg: rules.Event(rules.VERKSTALLT, on))


@access.requires("case.write")
def mark_avbrutet(ctx: ServiceContext, decision_id: uuid.UUID, on: date, reason_id: str, note: str = "",
                  expected_version: int | None = None) -> VerkstallighetInfo:
    """Broken off, with a reason from resources/ivo.toml; some reasons close the decision."""
    return _record(ctx, decision_id, expected_version, lambda cfg: rules.Event(
        rules.AVBRUTET, on, reason_id=reason_id, note=(note or "").strip()[:500]))


@access.requires("statistics.read")
def queue_figures(ctx: ServiceContext) -> list[rules.QueueFigures]:
    """Queue length and waiting time per insats type today (Statistik page; no personal data)."""
    cfg = rules.default_config()
    today = ctx.today()
    with ctx.write() as s:
        queue = _queue(_granted(s, ctx.actor.municipality_id, cfg), cfg, today)
        audit.record(s, ctx, "read", "verkstallighet_ko", None, detail="Kö per insatstyp")
    return rules.queue_figures(((kind, since, due) for kind, xs in queue.items() for since, due, _ in xs),
                               today, cfg)


@dataclass(frozen=True)
class IvoReport:
    quarter: rules.Quarter
    municipality: str
    made_on: date
    rows: tuple[rules.ReportRow, ...]
    summary: tuple[rules.TypeSummary, ...]
    law_version: str
    lagrum: tuple[str, ...]
    about: tuple[tuple[str, str], ...] = ()
    as_of: date | None = None  # the state is as on this day (the quarter's end, or today if earlier)


GENDER = {"K": "Kvinna", "M": "Man"}


@access.requires("statistics.register")
def ivo_report(ctx: ServiceContext, quarter: rules.Quarter) -> IvoReport:
    """The quarter's individual rows (no name or personnummer) and the nämnd's summary. A quarter
    still running gives its state so far (as of today); a quarter not yet begun is refused."""
    cfg = rules.default_config()
    today = ctx.today()
    if quarter.start > today:
        raise ValidationError(f"Kvartalet {quarter.code} har inte börjat ännu.", "quarter")
    as_of = min(quarter.end, today)
    with ctx.write() as s:
        decisions = []
        for r, evs in _granted(s, ctx.actor.municipality_id, cfg):
            utf = ""
            if r.utforare_kind:
                utf = cfg.utforare.get(r.utforare_kind, r.utforare_kind) + (f": {r.utforare_name}"
                                                                           if r.utforare_name else "")
            decisions.append({"decision_ref": f"{r.case_number}/{str(r.id)[:8]}",
                              "person_code": rules.ivo_person_code(r.birth_date, r.legal_gender, str(r.person_id)),
                              "gender": GENDER.get(r.legal_gender or "", ""), "protected": r.protection != "none",
                              "decided_on": r.decided_on, "template_id": r.template_id, "events": evs,
                              "utforare": utf})
        rows = rules.report_rows(quarter, decisions, cfg, as_of)
        audit.record(s, ctx, "read", "ivo_rapport", None, detail=f"Ej verkställda beslut {quarter.code}: {len(rows)} rader")
    return IvoReport(quarter, ctx.municipality.name, today, tuple(rows), tuple(rules.summarise(rows)),
                     cfg.law_version, cfg.lagrum, cfg.about, as_of)


@dataclass(frozen=True)
class IvoExport:
    path: Path
    report: IvoReport
    seconds: float


@access.requires("statistics.register")
def export_ivo_report(ctx: ServiceContext, quarter: rules.Quarter, path: Path) -> IvoExport:
    """Write the workbook atomically: the file appears whole or not at all."""
    from ifodesk.documents.ivo_report import write_workbook

    t0 = time.perf_counter()
    report = ivo_report(ctx, quarter)
    path = Path(path)
    with atomic_output(path) as tmp:
        write_workbook(report, tmp)
    with ctx.db.session(write=True) as s:
        audit.record(s, ctx, "export", "ivo_rapport", None,
                     detail=f"Ej verkställda beslut {quarter.code}, {len(report.rows)} rader, fil: {path.name}")
    return IvoExport(path, report, time.perf_counter() - t0)
