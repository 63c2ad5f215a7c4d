"""Reading cases: the case list (filtered, sorted and paged in SQL) and one case in full."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy import String, Uuid, func, literal_column, select, type_coerce
from sqlalchemy.orm import Session

from ifodesk.db.models import (
    Anmalan,
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
)
from ifodesk.db.search import common_name_part, name_matches
from ifodesk.domain.categories import load_categories
from ifodesk.domain.swedish import search_fold

from . import audit, deadlines, journal
from .cases import CLOSING_OUTCOMES, FB_OUTCOMES, _earlier_reports, fb_info, ut_info
from .common import check_version, get_or_404, touch, user_name
from .context import STOCKHOLM, ServiceContext
from .dto import CaseDetail, CaseSummary, PersonSummary, TimelineEvent
from .errors import NotFound, ValidationError
from .people import summary

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
            stmt = stmt.where(Case.person_id.in_(select(Person.id).where(name_matches(s, search_fold(text)))))
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
                         .where(Case.id.in_(ids), Case.municipality_id == ctx.actor.municipality_id)).all()
        by_id = {r[0]: _row_summary(r, next_due.get(r[0])) for r in rows}
        audit.record(s, ctx, "list", "case", None, None, detail=f"{len(by_id)} ärenden i lista")
        return [by_id[i] for i in ids if i in by_id]


def _row_summary(r, next_due) -> CaseSummary:
    (cid, number, unit_id, status, opened_on, assigned_to, assigned_name,
     pid, pnr, reserve, first, last, birth, gender, protection) = r
    display = f"{pnr[:8]}-{pnr[8:]}" if pnr else (reserve or "")
    return CaseSummary(cid, number, PersonSummary(pid, display, first, last, birth, gender, protection),
                       unit_id, status, opened_on, assigned_to, assigned_name, next_due)


def _summary(c: Case, assigned_name: str | None, next_due=None) -> CaseSummary:
    return CaseSummary(c.id, c.case_number, summary(c.person), c.unit_id, c.status, c.opened_on,
                       c.assigned_to, assigned_name, next_due)


def get_case(ctx: ServiceContext, case_id: uuid.UUID) -> CaseDetail:
    """One case in full, its timeline and deadlines; the read is logged."""
    today = ctx.today()
    with ctx.write() as s:
        c = get_or_404(s, Case, case_id, "Ärendet")
        if c.municipality_id != ctx.actor.municipality_id:
            raise NotFound(f"Ärendet finns inte (id {case_id}).")  # never reveal another municipality's case
        unit = s.get(Unit, c.unit_id)
        fbs = s.scalars(select(Forhandsbedomning).where(Forhandsbedomning.case_id == c.id)
                        .order_by(Forhandsbedomning.started_on)).all()
        uts = s.scalars(select(Utredning).where(Utredning.case_id == c.id).order_by(Utredning.opened_on)).all()
        fb_infos = tuple(fb_info(s, fb) for fb in fbs)
        ut_infos = tuple(ut_info(s, u) for u in uts)
        notes = tuple(journal.notes_for_case(s, c.id))
        dls = tuple(deadlines.for_case(s, c, today))
        timeline = tuple(sorted(_timeline(s, c), key=lambda e: e.at, reverse=True))
        earlier = tuple(_earlier_reports(s, c.person_id))
        audit.record(s, ctx, "read", "case", c.id, c.person_id)
        return CaseDetail(_summary(c, user_name(s, c.assigned_to)), c.version, unit.name, fb_infos,
                          ut_infos, notes, dls, timeline, earlier)


def _at(d) -> datetime:
    return datetime.combine(d, time(12, 0), tzinfo=STOCKHOLM)


def _timeline(s: Session, c: Case) -> list[TimelineEvent]:
    cats = load_categories()
    ev: list[TimelineEvent] = []
    for a, ac in s.execute(select(Anmalan, AnmalanChild).join(AnmalanChild, AnmalanChild.anmalan_id == Anmalan.id)
                           .where(AnmalanChild.case_id == c.id)):
        who = "Anonym" if a.reporter_anonymous else (a.reporter_name or "")
        reasons = ", ".join(cats.label(r) for r in a.reasons or ())
        ev.append(TimelineEvent(a.received_at, "anmalan", f"Anmälan från {cats.label(a.reporter_category).lower()}",
                                f"{reasons}\n{a.text}".strip(), who, a.id))
    for sb in s.scalars(select(Skyddsbedomning).where(Skyddsbedomning.case_id == c.id)):
        ev.append(TimelineEvent(sb.assessed_at, "skyddsbedomning",
                                "Skyddsbedömning: " + ("omedelbart skyddsbehov" if sb.immediate_need else "inget omedelbart skyddsbehov"),
                                sb.assessment, user_name(s, sb.assessed_by), sb.id))
    for fb in s.scalars(select(Forhandsbedomning).where(Forhandsbedomning.case_id == c.id,
                                                        Forhandsbedomning.decided_on.is_not(None))):
        ev.append(TimelineEvent(_at(fb.decided_on), "forhandsbedomning",
                                f"Förhandsbedömning: {FB_OUTCOMES.get(fb.outcome, fb.outcome)}",
                                fb.outcome_reason or "", user_name(s, fb.decided_by), fb.id))
    for u in s.scalars(select(Utredning).where(Utredning.case_id == c.id)):
        ev.append(TimelineEvent(_at(u.opened_on), "utredning", "Utredning inledd", "", None, u.id))
        for e in s.scalars(select(UtredningExtension).where(UtredningExtension.utredning_id == u.id)):
            ev.append(TimelineEvent(_at(e.decided_on), "forlangning",
                                    f"Utredningstiden förlängd till {e.new_due_on.isoformat()}", e.reason,
                                    user_name(s, e.decided_by), e.id))
        if u.closed_on:
            ev.append(TimelineEvent(_at(u.closed_on), "utredning",
                                    f"Utredning avslutad: {CLOSING_OUTCOMES.get(u.closing_outcome, '')}", "", None, u.id))
    for d in s.scalars(select(Decision).where(Decision.case_id == c.id, Decision.decided_on.is_not(None))):
        ev.append(TimelineEvent(d.decided_at or _at(d.decided_on), "beslut", f"Beslut: {d.title}",
                                ", ".join(d.lagrum or ()), d.decided_by_name, d.id))
    for n in journal.notes_for_case(s, c.id):
        ev.append(TimelineEvent(_at(n.event_date), "journal", n.heading or "Journalanteckning",
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


def assign_case(ctx: ServiceContext, case_id: uuid.UUID, expected_version: int,
                user_id: uuid.UUID | None) -> CaseSummary:
    """Fördela ärendet to a handläggare; the case's deadlines follow."""
    with ctx.write() as s:
        c = get_or_404(s, Case, case_id, "Ärendet")
        check_version(s, c, expected_version, f"Ärende {c.case_number}")
        if user_id is not None:
            worker = get_or_404(s, User, user_id, "Handläggaren")
            _check_competence(s, c, worker)
        c.assigned_to = user_id
        touch(ctx, c)
        for d in s.scalars(select(Deadline).where(Deadline.case_id == c.id)):
            d.assigned_to = user_id
        s.flush()
        audit.record(s, ctx, "assign", "case", c.id, c.person_id, detail=str(user_id))
        return _summary(c, user_name(s, user_id))
