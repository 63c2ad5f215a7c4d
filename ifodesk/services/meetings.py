"""IU meetings (individutskottet): agenda from approved proposals, § numbers, recorded decisions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ifodesk.db.models import Case, Decision, Meeting, MeetingItem, User

from . import access, audit
from .common import check_version, touch, user_name
from .context import ServiceContext
from .decisions import _decide, _routing, add_report_item, delegation_order
from ifodesk.domain import deadlines as rules

from .deadlines import meet
from .errors import NotFound, PermissionDenied, ValidationError

# Who protokollför (resources/access.toml, "meeting.record"): for the UI to offer it only to them.
SECRETARY_ROLES = access.roles_with("meeting.record")
MANAGER_ROLES = access.roles_with("meeting.manage")  # who prepares meetings (föredragande per §)
BODIES = {"utskott": "Individutskottet", "namnd": "Socialnämnden"}
OUTCOMES = {"bifall": "Bifall till förslaget", "avslag": "Avslag", "bordlagd": "Bordläggs", "anmald": "Anmäld"}


@dataclass(frozen=True)
class MeetingItemInfo:
    id: uuid.UUID
    version: int
    position: int
    paragraph_no: int | None
    kind: str  # beslut | anmalan
    decision_id: uuid.UUID
    case_number: str
    title: str
    party_display: str  # initials and birth year: the agenda does not expose full identity
    party_protected: bool
    foredragande: str | None
    outcome: str | None
    outcome_note: str | None


@dataclass(frozen=True)
class MeetingInfo:
    id: uuid.UUID
    version: int
    committee_name: str
    meeting_date: date
    time_place: str
    chair_id: uuid.UUID
    chair_name: str
    secretary_id: uuid.UUID
    secretary_name: str
    member_names: tuple[str, ...]
    status: str
    items: tuple[MeetingItemInfo, ...]
    body: str = "utskott"  # utskott | namnd
    justerare_name: str | None = None
    justerad_on: date | None = None
    anslag_on: date | None = None
    justering_due: date | None = None  # 14 days after the meeting
    justering_late: bool = False
    anslag_late: bool = False
    anslag_due: date | None = None  # 2 days after the justering (KL 8:12)
    # Laglighetsprövning: three weeks from the anslag (KL 13:5); the next working day still counts.
    appeal_until: date | None = None
    appeal_in_time_until: date | None = None
    member_ids: tuple[uuid.UUID, ...] = ()  # present members, in order (the justerare is one)


def _initials(first: str, last: str, born: date | None) -> str:
    return f"{first[:1]}.{last[:1]}. ({born.year if born else 'okänt år'})"


def _item_info(s: Session, it: MeetingItem) -> MeetingItemInfo:
    d = s.get(Decision, it.decision_id)
    p = s.get(Case, d.case_id).person
    return MeetingItemInfo(it.id, it.version, it.position, it.paragraph_no, it.kind, d.id,
                           s.get(Case, d.case_id).case_number, d.title, _initials(p.first_name, p.last_name, p.birth_date),
                           p.protection != "none", user_name(s, it.foredragande_id), it.outcome, it.outcome_note)


def _meeting_info(s: Session, m: Meeting) -> MeetingInfo:
    items = s.scalars(select(MeetingItem).where(MeetingItem.meeting_id == m.id).order_by(MeetingItem.position)).all()
    members = tuple(user_name(s, uuid.UUID(str(x))) or "" for x in m.member_ids or ())
    j_due = rules.compute("protokoll_justering", m.meeting_date).due
    a_due = rules.compute("protokoll_anslag", m.justerad_on).due if m.justerad_on else None
    appeal = rules.compute("laglighetsprovning", m.anslag_on) if m.anslag_on else None
    return MeetingInfo(m.id, m.version, m.committee_name, m.meeting_date, m.time_place, m.chair_id,
                       user_name(s, m.chair_id) or "", m.secretary_id, user_name(s, m.secretary_id) or "",
                       members, m.status, tuple(_item_info(s, it) for it in items), m.body,
                       user_name(s, m.justerare_id), m.justerad_on, m.anslag_on, j_due,
                       bool(m.justerad_on and m.justerad_on > j_due),
                       bool(m.anslag_on and a_due and m.anslag_on > a_due), a_due,
                       appeal.due if appeal else None, appeal.in_time_until if appeal else None,
                       tuple(uuid.UUID(str(x)) for x in m.member_ids or ()))


def meeting_for(s: Session, ctx: ServiceContext, meeting_id: uuid.UUID, action: str) -> Meeting:
    """A meeting of the user's municipality (part of the query); read access checked per meeting."""
    m = s.scalar(select(Meeting).where(Meeting.id == meeting_id, Meeting.municipality_id == ctx.actor.municipality_id))
    if m is None:
        raise NotFound("Sammanträdet finns inte.")
    access.check_meeting(ctx, m, action)
    return m


def _item_for(s: Session, ctx: ServiceContext, item_id: uuid.UUID) -> tuple[MeetingItem, Meeting]:
    row = s.execute(select(MeetingItem, Meeting).join(Meeting, Meeting.id == MeetingItem.meeting_id)
                    .where(MeetingItem.id == item_id, Meeting.municipality_id == ctx.actor.municipality_id)).first()
    if row is None:
        raise NotFound("Ärendet på listan finns inte.")
    return row[0], row[1]


@access.requires("meeting.manage")
def create_meeting(ctx: ServiceContext, *, meeting_date: date, time_place: str, chair_id: uuid.UUID,
                   secretary_id: uuid.UUID, member_ids: list[uuid.UUID], first_paragraph: int = 1,
                   committee_name: str | None = None, body: str = "utskott") -> MeetingInfo:
    """A meeting of the utskott or of the nämnd itself (``body``); urgent decisions are reported
    at the nämnd's next meeting, so only a nämnd meeting collects them."""
    if body not in BODIES:
        raise ValidationError("Ange om sammanträdet är utskottets eller nämndens.", "body")
    committee_name = committee_name or BODIES[body]
    members = list(dict.fromkeys([chair_id, *member_ids]))
    if meeting_date < ctx.today():
        raise ValidationError("Ett nytt sammanträde kan inte ligga bakåt i tiden.", "meeting_date")
    if first_paragraph < 1:
        raise ValidationError("Första paragrafnumret måste vara minst 1.", "first_paragraph")
    with ctx.write() as s:
        least = delegation_order(ctx, s).options.utskott_min_members  # data: the delegationsordning
        if len(members) < least:
            raise ValidationError(f"Ett utskott har minst {least} ledamöter; ange fler ledamöter.", "members")
        found = set(s.scalars(select(User.id).where(User.id.in_([*members, secretary_id]),
                                                    User.municipality_id == ctx.actor.municipality_id)))
        if found != {*members, secretary_id}:
            raise NotFound("Användaren finns inte.")
        chair = s.get(User, chair_id)
        if chair.role not in ("ordforande", "ledamot"):
            raise ValidationError(f"{chair.full_name} är inte ledamot och kan inte vara ordförande.", "chair")
        m = Meeting(municipality_id=ctx.actor.municipality_id, committee_name=committee_name, body=body,
                    meeting_date=meeting_date, time_place=time_place.strip(), chair_id=chair_id,
                    secretary_id=secretary_id, member_ids=[str(x) for x in members],
                    first_paragraph=first_paragraph, created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id)
        s.add(m)
        s.flush()
        # Urgent decisions not yet reported go on the nämnd's next meeting, not the utskott's.
        reported = select(MeetingItem.decision_id).where(MeetingItem.kind == "anmalan")
        for d in s.scalars(select(Decision).where(Decision.municipality_id == m.municipality_id,
                                                  Decision.urgent.is_(True), Decision.status == "beslutad",
                                                  Decision.decided_on <= meeting_date,
                                                  Decision.id.not_in(reported))) if body == "namnd" else ():
            add_report_item(s, ctx, m, d, s.get(Case, d.case_id))
        audit.record(s, ctx, "create", "meeting", m.id, None, detail=meeting_date.isoformat())
        return _meeting_info(s, m)


@access.requires("meeting.read", or_empty=True)
def list_meetings(ctx: ServiceContext, include_held: bool = True) -> list[MeetingInfo]:
    with ctx.write() as s:
        q = select(Meeting).where(Meeting.municipality_id == ctx.actor.municipality_id).order_by(Meeting.meeting_date.desc())
        if not include_held:
            q = q.where(Meeting.status == "planerad")
        out = [_meeting_info(s, m) for m in access.meeting_scope(ctx, "meeting.read", list(s.scalars(q)))]
        shown = s.scalars(select(Decision.person_id).join(MeetingItem, MeetingItem.decision_id == Decision.id)
                          .where(MeetingItem.meeting_id.in_([m.id for m in out]))).all() if out else []
        audit.record(s, ctx, "list", "meeting", None, None, detail=f"{len(out)} sammanträden", person_ids=shown)
        return out


@access.requires("meeting.read")
def get_meeting(ctx: ServiceContext, meeting_id: uuid.UUID) -> MeetingInfo:
    with ctx.write() as s:
        m = meeting_for(s, ctx, meeting_id, "meeting.read")
        audit.record(s, ctx, "read", "meeting", m.id, None)
        return _meeting_info(s, m)


def _renumber(s: Session, m: Meeting) -> None:
    items = s.scalars(select(MeetingItem).where(MeetingItem.meeting_id == m.id)).all()
    # Decisions first, reported urgent decisions after them, as a föredragningslista reads.
    for i, it in enumerate(sorted(items, key=lambda x: (x.kind != "beslut", x.position))):
        it.position = i
        it.paragraph_no = m.first_paragraph + i


@access.requires("meeting.manage")
def add_to_agenda(ctx: ServiceContext, meeting_id: uuid.UUID, decision_id: uuid.UUID, expected_version: int,
                  foredragande_id: uuid.UUID | None = None) -> MeetingInfo:
    """Only an utskott-reserved proposal, approved in exactly this version, goes on the agenda."""
    with ctx.write() as s:
        m = meeting_for(s, ctx, meeting_id, "meeting.manage")
        if m.status != "planerad":
            raise ValidationError("Sammanträdet är redan genomfört.")
        d = s.scalar(select(Decision).where(Decision.id == decision_id,
                                            Decision.municipality_id == ctx.actor.municipality_id))
        if d is None:
            raise NotFound("Beslutsförslaget finns inte.")
        check_version(s, d, expected_version, "Beslutsförslaget")
        r = _routing(ctx, s, d)
        if not r.can_place_on_agenda:
            raise PermissionDenied(r.agenda_reason)
        pos = len(s.scalars(select(MeetingItem.id).where(MeetingItem.meeting_id == m.id)).all())
        item = MeetingItem(meeting_id=m.id, decision_id=d.id, kind="beslut", position=pos,
                           foredragande_id=foredragande_id or d.drafted_by,
                           created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id)
        s.add(item)
        s.flush()
        d.status, d.meeting_item_id = "pa_dagordning", item.id
        touch(ctx, d)
        _renumber(s, m)
        touch(ctx, m)
        s.flush()
        audit.record(s, ctx, "add_to_agenda", "decision", d.id, d.person_id, detail=str(m.id))
        return _meeting_info(s, m)


@access.requires("meeting.manage")
def remove_from_agenda(ctx: ServiceContext, item_id: uuid.UUID) -> MeetingInfo:
    with ctx.write() as s:
        it, _ = _item_for(s, ctx, item_id)
        if it.outcome is not None:
            raise ValidationError("Ärendet är redan behandlat och kan inte tas bort.")
        if it.kind != "beslut":
            raise ValidationError("Ett ordförandebeslut som ska anmälas tas inte bort från listan.")
        m = s.get(Meeting, it.meeting_id)
        d = s.get(Decision, it.decision_id)
        d.status, d.meeting_item_id = "godkand", None
        touch(ctx, d)
        s.delete(it)
        s.flush()
        _renumber(s, m)
        audit.record(s, ctx, "remove_from_agenda", "decision", d.id, d.person_id)
        return _meeting_info(s, m)


@access.requires("meeting.record")
def record_item(ctx: ServiceContext, item_id: uuid.UUID, expected_version: int, outcome: str,
                note: str = "") -> MeetingInfo:
    """Protokollför: the utskott's decision on one § with who decided; reported items are noted."""
    if outcome not in OUTCOMES:
        raise ValidationError(f"Okänt utfall: {outcome}", "outcome")
    with ctx.write() as s:
        it, _ = _item_for(s, ctx, item_id)
        check_version(s, it, expected_version, f"§ {it.paragraph_no}")
        m = s.get(Meeting, it.meeting_id)
        if m.meeting_date > ctx.today():
            raise ValidationError(f"Sammanträdet hålls {m.meeting_date.isoformat()}; beslut protokollförs den dagen.")
        if it.outcome is not None:
            raise ValidationError(f"§ {it.paragraph_no} är redan protokollförd.")
        d = s.get(Decision, it.decision_id)
        if it.kind == "anmalan":
            if outcome != "anmald":
                raise ValidationError("Ett ordförandebeslut anmäls; utskottet fattar inte om det.", "outcome")
            meet(s, ctx, "decision", d.id, "ordforandebeslut_anmalan", m.meeting_date)
        elif outcome == "bifall":
            if d.approved_hash != d.content_hash:
                raise ValidationError("Förslaget har ändrats efter godkännandet och kan inte beslutas.")
            _decide(s, ctx, d, urgent=False, decided_on=m.meeting_date, by_committee=m.committee_name)
        elif outcome == "avslag":
            d.status, d.decided_on, d.decided_by_name = "ej_bifallen", m.meeting_date, m.committee_name
            d.decider_level = "utskott"
        elif outcome == "bordlagd":
            d.status, d.meeting_item_id = "godkand", None
        else:
            raise ValidationError("Utfallet 'anmäld' gäller bara ordförandebeslut.", "outcome")
        it.outcome, it.outcome_note = outcome, note.strip() or None
        touch(ctx, it)
        touch(ctx, d)
        s.flush()
        audit.record(s, ctx, "record", "meeting_item", it.id, d.person_id, detail=f"§ {it.paragraph_no} {outcome}")
        return _meeting_info(s, m)


@access.requires("meeting.manage")
def close_meeting(ctx: ServiceContext, meeting_id: uuid.UUID, expected_version: int) -> MeetingInfo:
    with ctx.write() as s:
        m = meeting_for(s, ctx, meeting_id, "meeting.manage")
        check_version(s, m, expected_version, "Sammanträdet")
        open_items = s.scalars(select(MeetingItem).where(MeetingItem.meeting_id == m.id,
                                                         MeetingItem.outcome.is_(None))).all()
        if open_items:
            nums = ", ".join(f"§ {x.paragraph_no}" for x in open_items)
            raise ValidationError(f"Protokollför alla ärenden först ({nums}).")
        m.status = "genomford"
        touch(ctx, m)
        s.flush()
        audit.record(s, ctx, "close", "meeting", m.id, None)
        return _meeting_info(s, m)


@access.requires("meeting.record")
def record_justering(ctx: ServiceContext, meeting_id: uuid.UUID, expected_version: int, *,
                     justerare_id: uuid.UUID, justerad_on: date) -> MeetingInfo:
    """The protocol is justerat: by whom and when (the rules file gives the 14 days; a late
    justering is recorded as it happened and shown as late)."""
    if ctx.actor.role not in SECRETARY_ROLES:
        raise PermissionDenied("Bara sekreteraren eller ordföranden för in justeringen.")
    with ctx.write() as s:
        m = meeting_for(s, ctx, meeting_id, "meeting.record")
        check_version(s, m, expected_version, "Sammanträdet")
        if m.status != "genomford":
            raise ValidationError("Protokollet justeras när sammanträdet är avslutat.")
        if m.justerad_on is not None:
            raise ValidationError("Protokollet är redan justerat.")
        if str(justerare_id) not in {str(x) for x in m.member_ids or ()} or justerare_id == m.chair_id:
            raise ValidationError("Justeraren ska vara en närvarande ledamot som inte är ordförande.", "justerare")
        if justerad_on < m.meeting_date or justerad_on > ctx.today():
            raise ValidationError("Justeringsdatumet ska ligga mellan sammanträdet och i dag.", "justerad_on")
        m.justerare_id, m.justerad_on = justerare_id, justerad_on
        touch(ctx, m)
        s.flush()
        audit.record(s, ctx, "justering", "meeting", m.id, None, detail=justerad_on.isoformat())
        return _meeting_info(s, m)


@access.requires("meeting.record")
def record_anslag(ctx: ServiceContext, meeting_id: uuid.UUID, expected_version: int, anslag_on: date) -> MeetingInfo:
    """The justering was announced on the anslagstavla; laglighetsprövning runs from this day."""
    if ctx.actor.role not in SECRETARY_ROLES:
        raise PermissionDenied("Bara sekreteraren eller ordföranden för in anslaget.")
    with ctx.write() as s:
        m = meeting_for(s, ctx, meeting_id, "meeting.record")
        check_version(s, m, expected_version, "Sammanträdet")
        if m.justerad_on is None:
            raise ValidationError("Protokollet måste justeras innan justeringen anslås.")
        if m.anslag_on is not None:
            raise ValidationError("Anslaget är redan infört.")
        if anslag_on < m.justerad_on or anslag_on > ctx.today():
            raise ValidationError("Anslagsdatumet ska ligga mellan justeringen och i dag.", "anslag_on")
        m.anslag_on = anslag_on
        touch(ctx, m)
        s.flush()
        audit.record(s, ctx, "anslag", "meeting", m.id, None, detail=anslag_on.isoformat())
        return _meeting_info(s, m)


@access.requires("meeting.manage")
def set_foredragande(ctx: ServiceContext, item_id: uuid.UUID, expected_version: int,
                     foredragande_id: uuid.UUID) -> MeetingInfo:
    """Who presents one paragraph (föredragande per §, FL 31 §)."""
    with ctx.write() as s:
        it, m = _item_for(s, ctx, item_id)
        access.check_meeting(ctx, m, "meeting.manage")
        check_version(s, it, expected_version, f"§ {it.paragraph_no}")
        if it.outcome is not None:
            raise ValidationError(f"§ {it.paragraph_no} är redan protokollförd.")
        if s.scalar(select(User.id).where(User.id == foredragande_id,
                                          User.municipality_id == ctx.actor.municipality_id)) is None:
            raise NotFound("Föredraganden finns inte.")
        it.foredragande_id = foredragande_id
        touch(ctx, it)
        s.flush()
        audit.record(s, ctx, "update", "meeting_item", it.id, None, detail="föredragande")
        return _meeting_info(s, m)
