"""Reading cases: the case list (filtered, sorted and paged in SQL) and one case in full."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy import String, Uuid, func, literal_column, select, type_coerce
from sqlalchemy.orm import Session, aliased, lazyload

from ifodesk.db.models import (
    Anmalan,
    JournalNote,
    AnmalanChild,
    Case,
    Deadline,
    Decision,
    Forhandsbedomning,
    Person,
    Skyddsbedomning,
    Unit,
    User,
    Utredning,
    UtredningExtension,
    UtredningSection,
)
from ifodesk.db.search import common_name_part, person_ids_matching
from ifodesk.domain.categories import load_categories
from ifodesk.domain.swedish import search_fold

from . import access, audit, deadlines, journal
from .cases import CLOSING_OUTCOMES, FB_OUTCOMES, build_fb_info, build_ut_info
from .common import check_version, touch, user_name
from .context import STOCKHOLM, ServiceContext
from .dto import CaseDetail, CaseSummary, EarlierReport, PersonSummary, TimelineEvent
from .errors import NotFound, PermissionDenied, ValidationError
from .people import person_detail, shown_number, summary

SORTS = {
    "case_number": Case.case_number,
    "name": Case.sort_name,
    "opened_on": Case.opened_on,
    "status": Case.status,
}
STATUS_LABELS = {
    "forhandsbedomning": "Förhandsbedömning",
    "utredning": "Utredning",
    "insats": "Insats",
    "avslutad": "Avslutad",
}


@dataclass(frozen=True)
class CaseQuery:
    unit_id: uuid.UUID | None = None
    assigned_to: uuid.UUID | None = None
    unassigned: bool = False
    statuses: tuple[str, ...] = ()
    text: str = ""
    sort: str = "opened_on"
    descending: bool = True


HEAD_ROWS = 1000  # the common-name shortcut looks at this many cases in list order (see _head_matches)
COMMON_SHARE = 0.12  # a name part in this share of all names gives ~120 matches in HEAD_ROWS cases
_CASE_NUMBER = re.compile(r"^[A-Za-zÅÄÖåäö]{1,5}-\d")


def _scoped(ctx: ServiceContext, s: Session, q: CaseQuery, stmt):
    """stmt narrowed to the query's unit (or the municipality), handläggare and statuses."""
    if q.unit_id:
        # A unit belongs to one municipality; filtering on it alone keeps the index covering.
        unit = s.get(Unit, q.unit_id)
        if unit is None or unit.municipality_id != ctx.actor.municipality_id:
            raise NotFound("Enheten finns inte.")
        if q.sort == "case_number" and s.get_bind().dialect.name == "sqlite":
            # In case number order SQLite reads the municipality's case number index and skips
            # other units' cases (unary + keeps it off the unit indexes, which would mean
            # sorting the whole unit: ≈ 0.1 s for 100 000 cases).
            stmt = stmt.where(Case.municipality_id == ctx.actor.municipality_id,
                              type_coerce(literal_column("+case_file.unit_id"), Uuid) == q.unit_id)
        else:
            stmt = stmt.where(Case.unit_id == q.unit_id)
    else:
        stmt = stmt.where(Case.municipality_id == ctx.actor.municipality_id)
    if access.role_grant(ctx, "case.list").scope != "municipality":
        stmt = stmt.where(access.case_scope(ctx, "case.list"))
    if q.assigned_to:
        stmt = stmt.where(Case.assigned_to == q.assigned_to)
    if q.unassigned:
        stmt = stmt.where(Case.assigned_to.is_(None))
    if q.statuses:
        stmt = stmt.where(Case.status.in_(q.statuses))
    return stmt


def _name_needle(text: str) -> str | None:
    """The search_fold()-ed name searched for, or None when the text is a personnummer or case number."""
    text = text.strip()
    digits = re.sub(r"[-+ ]", "", text)
    if not text or (digits.isdigit() and len(digits) >= 6) or _CASE_NUMBER.match(text):
        return None
    return search_fold(text)


def _filtered(ctx: ServiceContext, s: Session, q: CaseQuery):
    """Cases for the query; person is joined only through a narrowing subquery.

    Ids come back as 32-digit hex strings: converting 100 000 of them to UUID objects costs more
    than the query itself.
    """
    stmt = _scoped(ctx, s, q, select(type_coerce(Case.id, String)))
    text = q.text.strip()
    if text:
        digits = re.sub(r"[-+ ]", "", text)
        if digits.isdigit() and len(digits) >= 6:
            if len(digits) == 10:  # YYMMDD-XXXX: either century, by the index
                match = Person.personnummer.in_(["19" + digits, "20" + digits])
            else:  # a prefix: an index range instead of LIKE, which SQLite would not index
                match = Person.personnummer.between(digits, digits + "9" * (12 - len(digits)))
            stmt = stmt.where(Case.person_id.in_(select(Person.id).where(match)))
        elif _CASE_NUMBER.match(text):
            stmt = stmt.where(_case_number_prefix(s, text.upper()))
        else:
            stmt = stmt.where(person_ids_matching(s, Case.person_id, search_fold(text)))
    return stmt


NARROW_NUMBERS = 2000  # a case number prefix shared by fewer cases is looked up by range


def _case_number_prefix(s: Session, prefix: str):
    """Case numbers starting with prefix.

    On SQLite LIKE cannot use the case number index: a narrow prefix ("BU-2023-0012") would walk
    the whole list. A range on the index finds it at once, but a broad one ("BU-2") would then sort
    every case; the index tells which is which (a count that stops at NARROW_NUMBERS).
    """
    like = Case.case_number.startswith(prefix, autoescape=True)
    if s.get_bind().dialect.name != "sqlite":
        return like
    in_range = Case.case_number.between(prefix, prefix + "\U0010ffff")  # BINARY collation: byte order
    shared = s.scalar(select(func.count()).select_from(
        select(Case.id).where(in_range).limit(NARROW_NUMBERS).subquery()))
    return in_range if shared < NARROW_NUMBERS else like


def _order(q: CaseQuery, col=None, id_col=None):
    col = SORTS.get(q.sort, Case.opened_on) if col is None else col
    id_col = Case.id if id_col is None else id_col
    return (col.desc(), id_col.desc()) if q.descending else (col.asc(), id_col.asc())


def _head_matches(ctx: ServiceContext, s: Session, q: CaseQuery, needle: str, limit: int) -> list[str] | None:
    """The first `limit` matches of a common name part ("a", "son", "Ö"), found by walking the list.

    SQLite cannot tell a name part in every third case from a rare one: it collects every match
    through the trigram index and sorts them (≈ 150–300 ms for "son" in 100 000 cases). Walking the
    first HEAD_ROWS cases in list order (an index) and testing each name finds a common part's
    first page in ≈ 6 ms. If they hold `limit` matches, these are exactly the first `limit`
    of the whole list (every later case sorts after them); otherwise None, and the index is used.
    """
    col = SORTS.get(q.sort, Case.opened_on)
    head = (_scoped(ctx, s, q, select(Case.id.label("id"), Case.person_id.label("person_id"), col.label("k")))
            .order_by(*_order(q)).limit(HEAD_ROWS).subquery())
    stmt = (select(type_coerce(head.c.id, String)).join(Person, Person.id == head.c.person_id)
            .where(Person.search_name.contains(needle, autoescape=True))
            .order_by(*_order(q, head.c.k, head.c.id)).limit(limit))
    ids = list(s.connection().execute(stmt).scalars())
    return ids if len(ids) >= limit else None


def _walkable(s: Session, q: CaseQuery, needle: str) -> bool:
    """A common name part in a list SQLite reads in order from an index (opened, case number, or
    unit + name), nothing else narrowing it."""
    if s.get_bind().dialect.name != "sqlite" or q.assigned_to or q.unassigned or q.statuses:
        return False
    if not (q.sort in ("opened_on", "case_number") or (q.sort == "name" and q.unit_id is not None)):
        return False
    return common_name_part(s, needle, COMMON_SHARE)


@access.requires("case.list", or_empty=True)
def case_ids(ctx: ServiceContext, q: CaseQuery, limit: int | None = None) -> list[str]:
    """The ordered ids for a filter; rows are fetched lazily with case_rows()."""
    with ctx.db.session() as s:
        needle = _name_needle(q.text)
        if limit and needle and _walkable(s, q, needle):
            ids = _head_matches(ctx, s, q, needle, limit)
            if ids is not None:
                return ids
        stmt = _filtered(ctx, s, q).order_by(*_order(q))
        if limit:
            stmt = stmt.limit(limit)
        return [x.hex if isinstance(x, uuid.UUID) else x for x in s.connection().execute(stmt).scalars()]


_ROW_COLUMNS = (Case.id, Case.case_number, Case.unit_id, Case.status, Case.opened_on, Case.assigned_to,
                User.full_name, Person.id, Person.personnummer, Person.reserve_number, Person.first_name,
                Person.last_name, Person.birth_date, Person.legal_gender, Person.protection)


@access.requires("case.list", or_empty=True)
def case_rows(ctx: ServiceContext, ids: list) -> list[CaseSummary]:
    """Visible rows for a block of ids (str or UUID), in the given order, with each case's next deadline.

    Plain columns, not ORM objects: a block of 100 rows is read far more often than anything else.
    """
    if not ids:
        return []
    ids = [i if isinstance(i, uuid.UUID) else uuid.UUID(str(i)) for i in ids]
    with ctx.write() as s:
        next_due = dict(s.execute(
            select(Deadline.case_id, func.min(Deadline.due_on))
            .where(Deadline.case_id.in_(ids), Deadline.met_on.is_(None)).group_by(Deadline.case_id)).all())
        rows = s.execute(select(*_ROW_COLUMNS).join(Person, Person.id == Case.person_id)
                         .outerjoin(User, User.id == Case.assigned_to)
                         .where(Case.id.in_(ids), access.case_scope(ctx, "case.list"))).all()
        by_id = {r[0]: _row_summary(ctx, r, next_due.get(r[0])) for r in rows}
        audit.record(s, ctx, "list", "case", None, None, detail=f"{len(by_id)} ärenden i lista",
                     person_ids=[r.person.id for r in by_id.values()])
        return [by_id[i] for i in ids if i in by_id]


def _row_summary(ctx: ServiceContext, r, next_due) -> CaseSummary:
    (cid, number, unit_id, status, opened_on, assigned_to, assigned_name,
     pid, pnr, reserve, first, last, birth, gender, protection) = r
    person = access.shown_person(ctx, PersonSummary(pid, shown_number(pnr, reserve), first, last, birth, gender,
                                                    protection),
                                 ((unit_id, assigned_to),))
    return CaseSummary(cid, number, person, unit_id, status, opened_on, assigned_to, assigned_name, next_due)


def _summary(c: Case, assigned_name: str | None, next_due=None) -> CaseSummary:
    return CaseSummary(c.id, c.case_number, summary(c.person), c.unit_id, c.status, c.opened_on,
                       c.assigned_to, assigned_name, next_due)


@access.requires("case.read")
def get_case(ctx: ServiceContext, case_id: uuid.UUID, reason: str | None = None) -> CaseDetail:
    """One case in full, its person, timeline and deadlines; the read is logged (with the stated
    reason when the case lies outside the user's own cases and unit).

    One transaction of seven statements, whatever the case holds: each table is read once, for the
    tabs and the timeline alike, with the names of the staff involved joined in.
    """
    today = ctx.today()
    with ctx.write() as s:
        row = s.execute(select(Case, Unit.name, User.full_name).join(Unit, Unit.id == Case.unit_id)
                        .outerjoin(User, User.id == Case.assigned_to)
                        .where(Case.id == case_id, Case.municipality_id == ctx.actor.municipality_id)).first()
        if row is None:
            raise NotFound("Ärendet finns inte.")  # nor in another municipality: never revealed
        c, unit_name, assigned_name = row
        grant = access.check_case(ctx, c, "case.read", reason)
        names = {c.assigned_to: assigned_name}  # user id -> name, from the joins below
        fb_user, sb_user = aliased(User), aliased(User)
        reports = []
        for ac, a, number, fb, sb, fb_name, sb_name in s.execute(
                select(AnmalanChild, Anmalan, Case.case_number, Forhandsbedomning, Skyddsbedomning,
                       fb_user.full_name, sb_user.full_name)
                .join(Anmalan, Anmalan.id == AnmalanChild.anmalan_id)
                .join(Case, Case.id == AnmalanChild.case_id)
                .outerjoin(Forhandsbedomning, Forhandsbedomning.anmalan_child_id == AnmalanChild.id)
                .outerjoin(Skyddsbedomning, Skyddsbedomning.anmalan_child_id == AnmalanChild.id)
                .outerjoin(fb_user, fb_user.id == Forhandsbedomning.decided_by)
                .outerjoin(sb_user, sb_user.id == Skyddsbedomning.assessed_by)
                .where(AnmalanChild.person_id == c.person_id, Case.municipality_id == c.municipality_id)
                .order_by(Anmalan.received_at.desc(), AnmalanChild.id)
                .options(lazyload(Anmalan.children))):
            reports.append((ac, a, number, fb, sb))
            names.update({fb.decided_by if fb else None: fb_name, sb.assessed_by if sb else None: sb_name})
        ut_rows = []
        for u, sec, ext, ext_name in s.execute(
                select(Utredning, UtredningSection, UtredningExtension, User.full_name)
                .outerjoin(UtredningSection, UtredningSection.utredning_id == Utredning.id)
                .outerjoin(UtredningExtension, UtredningExtension.utredning_id == Utredning.id)
                .outerjoin(User, User.id == UtredningExtension.decided_by)
                .where(Utredning.case_id == c.id)):
            ut_rows.append((u, sec, ext))
            if ext is not None:
                names[ext.decided_by] = ext_name
        decided = s.execute(select(Decision.id, Decision.title, Decision.lagrum, Decision.decided_on,
                                   Decision.decided_at, Decision.decided_by_name)
                            .where(Decision.case_id == c.id, Decision.decided_on.is_not(None))).all()
        dls = []
        for d, name in s.execute(select(Deadline, User.full_name).outerjoin(User, User.id == Deadline.assigned_to)
                                 .where(Deadline.case_id == c.id).order_by(Deadline.due_on)):
            dls.append(d)
            names[d.assigned_to] = name
        note_rows = []
        for n, name in s.execute(select(JournalNote, User.full_name).outerjoin(User, User.id == JournalNote.author_id)
                                 .where(JournalNote.case_id == c.id)
                                 .order_by(JournalNote.event_date, JournalNote.created_at)):
            note_rows.append(n)
            names[n.author_id] = name
        names.pop(None, None)
        audit.record(s, ctx, "read", "case", c.id, c.person_id, reason=grant.reason)

        here = [r for r in reports if r[0].case_id == c.id]
        fbs = sorted((r for r in here if r[3] is not None), key=lambda r: (r[3].started_on, r[1].received_at))
        fb_infos = tuple(build_fb_info(fb, a, sb, names) for _, a, _, fb, sb in fbs)
        uts: dict = {}
        for u, sec, ext in ut_rows:
            _, secs, exts = uts.setdefault(u.id, (u, {}, {}))
            if sec is not None:
                secs[sec.id] = sec
            if ext is not None:
                exts[ext.id] = ext
        ut_infos = tuple(build_ut_info(u, secs.values(), exts.values(), names)
                         for u, secs, exts in sorted(uts.values(), key=lambda x: x[0].opened_on))
        corrected: dict = {}
        for n in note_rows:
            if n.corrects_id is not None:
                corrected.setdefault(n.corrects_id, []).append(n.id)
        notes = tuple(journal.build_note_info(n, tuple(corrected.get(n.id, ())), names.get(n.author_id))
                      for n in note_rows)
        deadline_infos = tuple(deadlines.info(d, c.case_number, c.person, names.get(d.assigned_to), today)
                               for d in dls)
        earlier = tuple(EarlierReport(a.id, a.received_at, a.reporter_category, tuple(a.reasons or ()),
                                      number, fb.outcome if fb else None, bool(fb and fb.outcome == "inleda"))
                        for _, a, number, fb, _ in reports)
        timeline = _timeline(here, uts.values(), decided, notes, names)
        p = c.person
        person = person_detail(p, hidden=p.protection != "none")
        return CaseDetail(_summary(c, names.get(c.assigned_to)), c.version, unit_name, fb_infos, ut_infos,
                          notes, deadline_infos, tuple(sorted(timeline, key=lambda e: e.at, reverse=True)),
                          earlier, person)


def _at(d) -> datetime:
    """A date-only event: the end of its day (it follows what happened that day), never a made-up time."""
    return datetime.combine(d, time(23, 59, 59), tzinfo=STOCKHOLM)


def _on_day(d, kind: str, title: str, text: str, by: str | None, ref_id) -> TimelineEvent:
    return TimelineEvent(_at(d), kind, title, text, by, ref_id, date_only=True)


def _timeline(reports, uts, decided, notes, names) -> list[TimelineEvent]:
    """The case's events, from the rows get_case read (no statement of its own)."""
    cats = load_categories()
    ev: list[TimelineEvent] = []
    for _ac, a, _number, fb, sb in reports:
        who = "Anonym" if a.reporter_anonymous else (a.reporter_name or "")
        reasons = ", ".join(cats.label(r) for r in a.reasons or ())
        ev.append(TimelineEvent(a.received_at, "anmalan", f"Anmälan från {cats.label(a.reporter_category).lower()}",
                                f"Anledning: {reasons}\n\n{a.text}".strip() if reasons else a.text, who, a.id))
        if sb is not None:
            ev.append(TimelineEvent(sb.assessed_at, "skyddsbedomning",
                                    "Skyddsbedömning: " + ("omedelbart skyddsbehov" if sb.immediate_need
                                                           else "inget omedelbart skyddsbehov"),
                                    sb.assessment, names.get(sb.assessed_by), sb.id))
        if fb is not None and fb.decided_on is not None:
            ev.append(_on_day(fb.decided_on, "forhandsbedomning",
                              f"Förhandsbedömning: {FB_OUTCOMES.get(fb.outcome, fb.outcome)}",
                              fb.outcome_reason or "", names.get(fb.decided_by), fb.id))
    for u, _secs, exts in uts:
        ev.append(_on_day(u.opened_on, "utredning", "Utredning inledd", "", None, u.id))
        for e in exts.values():
            ev.append(_on_day(e.decided_on, "forlangning",
                                    f"Utredningstiden förlängd till {e.new_due_on.isoformat()}", e.reason,
                                    names.get(e.decided_by), e.id))
        if u.closed_on:
            ev.append(_on_day(u.closed_on, "utredning",
                                    f"Utredning avslutad: {CLOSING_OUTCOMES.get(u.closing_outcome, '')}", "", None, u.id))
    for did, title, lagrum, decided_on, decided_at, decided_by_name in decided:
        title = title if title.lower().startswith("beslut") else f"Beslut: {title}"  # no "Beslut: Beslut att"
        if decided_at is not None:
            ev.append(TimelineEvent(decided_at, "beslut", title, ", ".join(lagrum or ()), decided_by_name, did))
        else:
            ev.append(_on_day(decided_on, "beslut", title, ", ".join(lagrum or ()), decided_by_name, did))
    for n in notes:
        ev.append(_on_day(n.event_date, "journal", n.heading or "Journalanteckning",
                                n.text, n.author_name, n.id))
    return ev


# Case phases where the assigned person does förhandsbedömning, utredning or uppföljning.
_CHILD_WORK_STATUSES = ("forhandsbedomning", "utredning", "uppfoljning")
# The template whose competence rule the phase's work rests on.
_WORK_TEMPLATE = "inleda_utredning"
_FOLLOW_UP_DEADLINES = ("uppfoljning", "uppfoljning_start", "lvu_uppfoljning")


def _check_competence(s: Session, c: Case, worker: User) -> None:
    """SoL's competence rule: child assessments are done by someone with the degree and the
    experience; checked when the work is assigned, not when a decision is signed."""
    unit = s.get(Unit, c.unit_id)
    following_up = s.scalar(select(Deadline.id).where(Deadline.case_id == c.id, Deadline.met_on.is_(None),
                                                      Deadline.kind.in_(_FOLLOW_UP_DEADLINES)).limit(1))
    if unit is None or unit.kind != "barn_unga" or (c.status not in _CHILD_WORK_STATUSES and following_up is None):
        return
    from ifodesk.domain.catalog import load_catalog
    from ifodesk.domain.delegation import competence_problem

    from .decisions import decider_for

    problem = competence_problem(load_catalog().template(_WORK_TEMPLATE), decider_for(worker))
    if problem:
        raise ValidationError("Ärendet kan inte fördelas till den handläggaren. " + problem, "user_id")


@access.requires("case.assign")
def assign_case(ctx: ServiceContext, case_id: uuid.UUID, expected_version: int,
                user_id: uuid.UUID | None) -> CaseSummary:
    """Fördela ärendet to a handläggare of the case's unit; the case's deadlines follow."""
    with ctx.write() as s:
        c, _ = access.case_for(s, ctx, case_id, "case.assign")
        check_version(s, c, expected_version, f"Ärende {c.case_number}")
        if user_id is not None:
            u = s.scalar(select(User).where(User.id == user_id, User.municipality_id == c.municipality_id))
            if u is None:
                raise NotFound("Handläggaren finns inte.")
            if c.unit_id not in {x.id for x in u.units}:
                raise PermissionDenied("Handläggaren arbetar inte i ärendets enhet.", "user")
            _check_competence(s, c, u)
        c.assigned_to = user_id
        touch(ctx, c)
        for d in s.scalars(select(Deadline).where(Deadline.case_id == c.id)):
            d.assigned_to = user_id
        s.flush()
        audit.record(s, ctx, "assign", "case", c.id, c.person_id, detail=str(user_id))
        return _summary(c, user_name(s, user_id))
