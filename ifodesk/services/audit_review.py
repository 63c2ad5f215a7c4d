"""Log review (SoLPuL 10 §, recurring checks of the audit log) and the chain check.

Rules over a period of Swedish calendar dates: reads of protected persons, reads outside one's own
cases or unit, reads of persons the reader has no case relation to, many persons read by one user
in a day, reads outside office hours, failed sign-ins; and "who has read person X". Relations are
judged from today's cases, notes and decisions. Who may run it: "audit.review" in resources/access.toml.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Iterable

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError

from ifodesk.db import audit_chain
from ifodesk.db.models import (
    Anmalan,
    AnmalanChild,
    AuditLog,
    AuditReviewMark,
    Case,
    Decision,
    JournalNote,
    Person,
    User,
    UserUnit,
)

from . import access, audit
from .people import shown_number
from .context import STOCKHOLM, ServiceContext
from .errors import NotFound, ValidationError

READ_ACTIONS = ("read", "read_protected_address", "search", "list", "print", "export")
DIRECT_READS = ("read", "read_protected_address", "search", "print")  # one person, opened on purpose
NOTE_MIN = 3
CHUNK = 500

RULES: tuple[tuple[str, str], ...] = (
    ("protected", "Läsningar av skyddade personer"),
    ("outside_unit", "Läsningar utanför egna ärenden eller enhet"),
    ("no_relation", "Läsningar utan ärendekoppling"),
    ("many_persons", "Många personer på en dag"),
    ("off_hours", "Läsningar utanför kontorstid"),
    ("sign_in_failed", "Misslyckade inloggningar"),
)
RULE_TITLES = dict(RULES)

ACTION_LABELS = {"read": "läst", "read_protected_address": "visat skyddad adress", "search": "sökt",
                 "list": "visad i lista", "print": "skrivit ut", "export": "exporterat",
                 audit.SIGN_IN_FAILED: "misslyckad inloggning"}


@dataclass(frozen=True)
class ReviewSettings:
    many_persons_per_day: int = 40
    office_start: time = time(7, 0)
    office_end: time = time(18, 0)
    weekends_outside: bool = True  # Saturday and Sunday count as outside office hours

    def check(self) -> None:
        if self.many_persons_per_day < 1:
            raise ValidationError("Gränsen för många personer måste vara minst 1.", "many_persons_per_day")
        if self.office_start >= self.office_end:
            raise ValidationError("Kontorstiden måste börja före den slutar.", "office_hours")


@dataclass(frozen=True)
class Finding:
    rule: str
    key: str  # stable within the rule: what a check mark refers to
    at: datetime
    username: str
    user_name: str
    action: str  # Swedish label
    person_id: uuid.UUID | None
    person: str  # name and personnummer, or ""
    reason: str | None
    detail: str
    log_id: int | None = None
    checked_by: str | None = None
    checked_at: datetime | None = None
    note: str | None = None

    @property
    def checked(self) -> bool:
        return self.checked_at is not None


@dataclass(frozen=True)
class ReviewReport:
    start: date
    end: date
    settings: ReviewSettings
    generated_at: datetime
    rows_read: int
    findings: dict[str, tuple[Finding, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class ReadEntry:
    at: datetime
    username: str
    user_name: str
    action: str
    how: str  # "direkt" or "i lista"
    reason: str | None
    detail: str | None
    log_id: int


@dataclass(frozen=True)
class ChainStatus:
    ok: bool
    rows: int
    broken_id: int | None
    broken_at: datetime | None
    problem: str

    @property
    def message(self) -> str:
        if self.ok:
            return f"Loggkedjan är hel ({self.rows} rader)."
        where = ""
        if self.broken_id is not None:
            when = self.broken_at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M:%S") if self.broken_at else "okänd tid"
            where = f" vid rad id {self.broken_id} ({when})"
        return f"Loggkedjan är bruten{where}: {self.problem}. {self.rows} rader före den är hela."


REVIEW = "audit.review"  # the permission (resources/access.toml) every function here declares


@access.requires(REVIEW)
def verify_chain(ctx: ServiceContext) -> ChainStatus:
    with ctx.db.session() as s:
        c = audit_chain.verify(s)
    return ChainStatus(c.ok, c.rows, c.broken_id, c.broken_at, c.problem)


def _utc_range(start: date, end: date) -> tuple[datetime, datetime]:
    if end < start:
        raise ValidationError("Periodens slut ligger före dess början.", "period")
    lo = datetime.combine(start, time(0), tzinfo=STOCKHOLM).astimezone(timezone.utc)
    hi = datetime.combine(end + timedelta(days=1), time(0), tzinfo=STOCKHOLM).astimezone(timezone.utc)
    return lo, hi


def _chunks(items: list, n: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _person_label(p) -> str:
    pnr = shown_number(p.personnummer, p.reserve_number)
    return f"{p.first_name} {p.last_name} ({pnr})" if pnr else f"{p.first_name} {p.last_name}"


def _in_office(at: datetime, st: ReviewSettings) -> bool:
    local = at.astimezone(STOCKHOLM)
    if st.weekends_outside and local.weekday() >= 5:
        return False
    return st.office_start <= local.time() < st.office_end


_WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


@dataclass
class _Relations:
    """Per person: its cases' units and assignees, and the users who worked on it."""

    units: dict = field(default_factory=lambda: defaultdict(set))
    workers: dict = field(default_factory=lambda: defaultdict(set))
    has_case: set = field(default_factory=set)


def _relations(s, person_ids: list) -> _Relations:
    rel = _Relations()
    for chunk in _chunks(person_ids):
        for pid, unit_id, assigned in s.execute(select(Case.person_id, Case.unit_id, Case.assigned_to)
                                                .where(Case.person_id.in_(chunk))):
            rel.has_case.add(pid)
            rel.units[pid].add(unit_id)
            if assigned:
                rel.workers[pid].add(assigned)
        for q in (select(JournalNote.person_id, JournalNote.author_id).where(JournalNote.person_id.in_(chunk)),
                  select(Decision.person_id, Decision.drafted_by).where(Decision.person_id.in_(chunk)),
                  select(Decision.person_id, Decision.approved_by).where(Decision.person_id.in_(chunk)),
                  select(Decision.person_id, Decision.decided_by).where(Decision.person_id.in_(chunk)),
                  select(AnmalanChild.person_id, Anmalan.registered_by)
                  .join(Anmalan, Anmalan.id == AnmalanChild.anmalan_id).where(AnmalanChild.person_id.in_(chunk))):
            for pid, uid in s.execute(q.distinct()):
                if uid:
                    rel.workers[pid].add(uid)
    return rel


@access.requires(REVIEW)
def run_review(ctx: ServiceContext, start: date, end: date,
               settings: ReviewSettings = ReviewSettings()) -> ReviewReport:
    """Every rule over the period; findings already checked carry who checked them and the note."""
    settings.check()
    lo, hi = _utc_range(start, end)
    mid = ctx.actor.municipality_id
    with ctx.db.session(write=True) as s:
        users = {u.id: u for u in s.scalars(select(User).where(User.municipality_id == mid))}
        user_units = defaultdict(set)
        for uid, unit_id in s.execute(select(UserUnit.user_id, UserUnit.unit_id)
                                      .where(UserUnit.user_id.in_(list(users)))):
            user_units[uid].add(unit_id)
        cols = (AuditLog.id, AuditLog.seq, AuditLog.at, AuditLog.user_id, AuditLog.username, AuditLog.action,
                AuditLog.person_id, AuditLog.reason, AuditLog.detail, AuditLog.shown_persons)
        # A failed sign-in has no user: it is shown to every municipality's reviewer.
        rows = [r for r in s.execute(select(*cols).where(AuditLog.at >= lo, AuditLog.at < hi,
                                                         AuditLog.action.in_((*READ_ACTIONS, audit.SIGN_IN_FAILED)))
                                     .order_by(AuditLog.seq))
                if r.user_id in users or (r.action == audit.SIGN_IN_FAILED and r.user_id is None)]
        listed = {r.seq: audit_chain.unpack_persons(r.shown_persons) for r in rows if r.shown_persons}
        direct = [r for r in rows if r.action in DIRECT_READS and r.person_id is not None]
        person_ids = list({r.person_id for r in direct} | {p for ps in listed.values() for p in ps})
        persons = {}
        for chunk in _chunks(person_ids):
            persons.update({p.id: p for p in s.execute(
                select(Person.id, Person.first_name, Person.last_name, Person.personnummer,
                       Person.reserve_number, Person.protection).where(Person.id.in_(chunk),
                                                                        Person.municipality_id == mid))})
        rel = _relations(s, list({r.person_id for r in direct}))
        marks = {(m.rule, m.finding_key): m for m in s.scalars(
            select(AuditReviewMark).where(AuditReviewMark.municipality_id == mid))}
        findings = _apply_rules(rows, direct, listed, persons, rel, users, user_units, settings)
        out = {}
        for rule, items in findings.items():
            done = []
            for f in items:
                m = marks.get((rule, f.key))
                if m is not None:
                    who = users.get(m.checked_by)
                    f = replace(f, checked_by=who.full_name if who else "", checked_at=m.checked_at, note=m.note)
                done.append(f)
            out[rule] = tuple(done)
        audit.record(s, ctx, "review", "audit_log", None, None, detail=f"loggkontroll {start}–{end}")
        return ReviewReport(start, end, settings, ctx.now(), len(rows), out)


def _apply_rules(rows, direct, listed, persons, rel, users, user_units, st: ReviewSettings) -> dict:
    out: dict[str, list[Finding]] = {rule: [] for rule, _ in RULES}

    def make(rule, key, r, detail, pid=None, action=None) -> Finding:
        u = users.get(r.user_id)
        p = persons.get(pid) if pid else None
        return Finding(rule, key, r.at, r.username, u.full_name if u else "", action or
                       ACTION_LABELS.get(r.action, r.action), pid, _person_label(p) if p else "", r.reason,
                       detail, r.id)

    protection_label = {"sekretessmarkering": "sekretessmarkering", "skyddad_folkbokforing": "skyddad folkbokföring"}
    per_day: dict[tuple, dict] = defaultdict(dict)
    for r in direct:
        p = persons.get(r.person_id)
        if p is None:
            continue  # another municipality's person
        mine = r.user_id in rel.workers.get(r.person_id, ())
        in_unit = bool(rel.units.get(r.person_id, set()) & user_units.get(r.user_id, set()))
        if p.protection != "none":
            out["protected"].append(make("protected", str(r.seq), r, protection_label.get(p.protection, p.protection)
                                         + ("; läsaren arbetar i ärendet" if mine else ""), r.person_id))
        if not mine and r.person_id in rel.has_case and not in_unit:
            out["outside_unit"].append(make("outside_unit", str(r.seq), r, "personens ärenden finns i en annan "
                                            "enhet än läsarens", r.person_id))
        elif not mine and r.action != "read_protected_address" and r.reason:
            out["outside_unit"].append(make("outside_unit", str(r.seq), r, "läst med angivet skäl", r.person_id))
        elif not mine:
            why = "läsaren har ingen uppgift i personens ärenden" if r.person_id in rel.has_case \
                else "personen har inget ärende"
            out["no_relation"].append(make("no_relation", str(r.seq), r, why, r.person_id))
        day = r.at.astimezone(STOCKHOLM).date()
        per_day[(r.user_id, day)].setdefault(r.person_id, r)
    for r in rows:  # protected persons among search hits (lists shown by the app are left out)
        if r.action == "search":
            for pid in listed.get(r.seq, ()):
                p = persons.get(pid)
                if p is not None and p.protection != "none" and pid != r.person_id:
                    out["protected"].append(make("protected", f"{r.seq}:{pid}", r, protection_label.get(
                        p.protection, p.protection) + "; träff i namnsökning", pid, "sökträff"))
    for (uid, day), seen in sorted(per_day.items(), key=lambda kv: (kv[0][1], str(kv[0][0]))):
        if len(seen) > st.many_persons_per_day:
            first = min(seen.values(), key=lambda r: r.seq)
            out["many_persons"].append(make("many_persons", f"{uid}:{day.isoformat()}", first,
                                            f"{len(seen)} personer {day.isoformat()} (gräns {st.many_persons_per_day})",
                                            action="läst"))
    for r in rows:
        if r.action == audit.SIGN_IN_FAILED:
            out["sign_in_failed"].append(make("sign_in_failed", str(r.seq), r, r.detail or ""))
            continue
        shows_person = r.person_id is not None or bool(listed.get(r.seq))
        if shows_person and r.user_id in users and not _in_office(r.at, st):
            local = r.at.astimezone(STOCKHOLM)
            n = len(listed.get(r.seq, ()))
            out["off_hours"].append(make("off_hours", str(r.seq), r, f"{_WEEKDAYS[local.weekday()]} "
                                         f"{local:%H:%M}" + (f"; {n} personer i listan" if n else ""),
                                         r.person_id))
    for rule in ("protected", "outside_unit", "no_relation"):
        out[rule] = _collapse(out[rule], lambda f: (f.username, f.person_id, _day(f.at)), "läsningar")
    out["off_hours"] = _collapse(out["off_hours"], lambda f: (f.username, _day(f.at)), "läsningar", span=True)
    for items in out.values():
        items.sort(key=lambda f: (f.at, f.key))
    return out


def _day(at: datetime) -> date:
    return at.astimezone(STOCKHOLM).date()


def _collapse(items: list[Finding], group, what: str, span: bool = False) -> list[Finding]:
    """One finding per user and person (or user) and day: a case opened ten times is one thing to check.

    The key names the group, so a check mark covers the day's reads; every stated reason is kept.
    """
    groups: dict[tuple, list[Finding]] = defaultdict(list)
    for f in items:
        groups[group(f)].append(f)
    out = []
    for g, fs in groups.items():
        fs.sort(key=lambda f: f.at)
        first = fs[0]
        key = ":".join(str(x) for x in g)
        reasons = " | ".join(dict.fromkeys(f.reason for f in fs if f.reason)) or None
        detail = first.detail
        if len(fs) > 1:
            until = f"–{fs[-1].at.astimezone(STOCKHOLM):%H:%M}" if span else ""
            detail = f"{detail}{until}; {len(fs)} {what}"
        out.append(replace(first, key=f"{first.rule}:{key}"[:200], reason=reasons, detail=detail))
    return out


@access.requires(REVIEW)
def mark_checked(ctx: ServiceContext, rule: str, key: str, note: str) -> None:
    """The systemansvarig marks a finding as checked, with a note; it stays marked in later runs."""
    if rule not in RULE_TITLES:
        raise ValidationError("Okänd kontrollregel.", "rule")
    note = (note or "").strip()
    if len(note) < NOTE_MIN:
        raise ValidationError("Skriv en anteckning om vad kontrollen visade (minst tre tecken).", "note")
    try:
        with ctx.db.session(write=True) as s:
            s.add(AuditReviewMark(municipality_id=ctx.actor.municipality_id, rule=rule, finding_key=key[:200],
                                  checked_by=ctx.actor.user_id, checked_at=ctx.now(), note=note))
            s.flush()
            audit.record(s, ctx, "review_checked", "audit_log", key[:40], None, detail=f"{rule}: {note}")
    except IntegrityError:
        raise ValidationError("Fyndet är redan markerat som kontrollerat.", "finding") from None


@access.requires(REVIEW)
def find_person(ctx: ServiceContext, text: str) -> uuid.UUID:
    """A person by personnummer or reservnummer, for "who has read"."""
    from .people import parse_pnr

    text = (text or "").strip()
    if not text:
        raise ValidationError("Ange personnummer eller reservnummer.", "person")
    with ctx.read() as s:
        q = select(Person.id).where(Person.municipality_id == ctx.actor.municipality_id)
        pid = s.scalar(q.where(Person.reserve_number == text))
        if pid is None:
            pnr = parse_pnr(text, ctx.today())  # a ValidationError in Swedish when malformed
            pid = s.scalar(q.where(Person.personnummer == pnr.digits12))
    if pid is None:
        raise NotFound("Ingen person med det numret finns i kommunen.")
    return pid


@access.requires(REVIEW)
def who_read(ctx: ServiceContext, person_id: uuid.UUID, start: date | None = None,
             end: date | None = None) -> list[ReadEntry]:
    """Every logged access to one person, opened directly or shown in a list, newest first."""
    with ctx.db.session(write=True) as s:
        p = s.get(Person, person_id)
        if p is None or p.municipality_id != ctx.actor.municipality_id:
            raise NotFound("Personen finns inte.")
        # Lists: a substring match on the packed ids (no index; narrowed by the period's index on time).
        q = select(AuditLog).where(or_(AuditLog.person_id == person_id,
                                       AuditLog.shown_persons.contains(person_id.hex, autoescape=True)))
        if start is not None or end is not None:
            lo, hi = _utc_range(start or date(1900, 1, 1), end or date(2999, 12, 31))
            q = q.where(AuditLog.at >= lo, AuditLog.at < hi)
        names = dict(s.execute(select(User.id, User.full_name)).all())
        out = [ReadEntry(r.at, r.username, names.get(r.user_id, ""), ACTION_LABELS.get(r.action, r.action),
                         "direkt" if r.person_id == person_id else "i lista", r.reason, r.detail, r.id)
               for r in s.scalars(q.order_by(AuditLog.seq.desc()).limit(5000))]
        audit.record(s, ctx, "read", "audit_log", None, person_id, detail="vem har läst")
        return out


@access.requires(REVIEW)
def export_report(ctx: ServiceContext, start: date, end: date, path: Path,
                  settings: ReviewSettings = ReviewSettings()) -> tuple[Path, ReviewReport]:
    """The review as an .xlsx workbook (a sheet per rule and a summary), written then renamed."""
    import os
    import tempfile

    from ifodesk.documents.audit_report import write_review_workbook

    path = Path(path)
    report = run_review(ctx, start, end, settings)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=path.suffix)
    os.close(fd)
    try:
        write_review_workbook(report, RULES, Path(tmp))
        with ctx.db.session(write=True) as s:
            audit.record(s, ctx, "export", "audit_log", None, None, detail=f"loggkontroll {start}–{end}")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path, report
