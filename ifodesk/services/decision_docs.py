"""PDF documents from decisions and meetings: letters, agendas, protocol extracts, delegation list.

A protected person's address never reaches the document writer.
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass, replace
from datetime import date
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ifodesk.db.models import Case, Decision, Meeting, MeetingItem, Person, User
from ifodesk.documents.pdf_data import (
    AgendaItem,
    DecisionLetter,
    DelegationList,
    DelegationListRow,
    Letterhead,
    MeetingAgenda,
    PartyInfo,
    ProtocolExtract,
)
from ifodesk.domain import delegation as deleg
from ifodesk.domain import parties as rules
from ifodesk.domain.catalog import load_catalog

from . import access, audit
from .people import shown_number
from .common import get_or_404, user_name
from .context import ServiceContext
from .decisions import LETTER_NEEDS_JUSTERING, _render, decision_for, delegation_order
from .errors import ValidationError
from .meetings import _initials, meeting_for
from .parties import decision_parties


# Where a rendered document goes (e.g. written to a file) before its "print" audit row is
# committed: if delivering fails (a full disk), the transaction rolls back and nothing says
# "printed".
Deliver = Callable[[bytes], None] | None


def _deliver(data: bytes, deliver: Deliver) -> bytes:
    if deliver is not None:
        deliver(data)
    return data


def letterhead(ctx: ServiceContext) -> Letterhead:
    m = ctx.municipality
    return Letterhead(municipality_name=m.name, board_name=m.board_name, unit_name=m.unit_name,
                      address_lines=tuple(m.address_lines), phone=m.phone, email=m.email,
                      org_number=m.org_number)


def _party(p: Person) -> PartyInfo:
    protected = p.protection != "none"
    address = None if protected else tuple(x for x in (p.address_street, p.address_postal) if x)
    return PartyInfo(name=f"{p.first_name} {p.last_name}",
                     personnummer_display=shown_number(p.personnummer, p.reserve_number),
                     address_lines=address or None, protected=protected)


def _delegation_note(ctx: ServiceContext, s: Session, d: Decision) -> str | None:
    if d.urgent:
        return None
    if not d.delegated:
        item = s.get(MeetingItem, d.meeting_item_id) if d.meeting_item_id else None
        if item is not None:
            m = s.get(Meeting, item.meeting_id)
            return (f"Beslutet är fattat av {m.committee_name.lower()}, protokoll "
                    f"{m.meeting_date.isoformat()} § {item.paragraph_no}.")
        return f"Beslutet är fattat av {d.decided_by_name}."
    rule = delegation_order(ctx, s).rule_for(d.template_id)
    punkt = f" punkt {rule.punkt}" if rule and rule.punkt else ""
    return f"Beslutet är fattat med stöd av delegation enligt {ctx.municipality.board_name.lower()}s delegationsordning{punkt}."


def _participants(s: Session, d: Decision) -> tuple[str, ...]:
    """Who took part without deciding (FL 31 §): at an utskott meeting, its secretary."""
    item = s.get(MeetingItem, d.meeting_item_id) if d.meeting_item_id and not d.delegated else None
    if item is None:
        return ()
    m = s.get(Meeting, item.meeting_id)
    return (f"{user_name(s, m.secretary_id)}, sekreterare",)


def _committee_meeting(s: Session, d: Decision) -> Meeting | None:
    """The meeting where the utskott took this decision (None for delegated and urgent ones)."""
    if d.delegated or d.urgent or not d.meeting_item_id:
        return None
    item = s.get(MeetingItem, d.meeting_item_id)
    return s.get(Meeting, item.meeting_id) if item is not None else None


EXTRACT_NEEDS_JUSTERING = "Protokollsutdrag lämnas först när protokollet är justerat."


def _with_anslag(text: str, route: str, m: Meeting | None) -> str:
    """Laglighetsprövning counts from the recorded anslag: name the day when it is known."""
    if route != "laglighetsprovning" or m is None or m.anslag_on is None:
        return text
    return (f"{text} Protokollet justerades den {m.justerad_on.isoformat()} och justeringen sattes upp på "
            f"anslagstavlan den {m.anslag_on.isoformat()}; de tre veckorna räknas från den dagen.")


def _meeting_note(s: Session, d: Decision) -> str | None:
    """For an utskott decision: the meeting, its § and who decided (FL 31 §)."""
    item = s.get(MeetingItem, d.meeting_item_id) if d.meeting_item_id and not d.delegated else None
    if item is None:
        return None
    m = s.get(Meeting, item.meeting_id)
    chair = user_name(s, m.chair_id)
    members = [user_name(s, uuid.UUID(str(x))) for x in m.member_ids or ()]
    deciders = [f"{chair} (ordförande)", *[x for x in members if x and x != chair]]
    return (f"Beslutet är fattat av {m.committee_name.lower()}, protokoll {m.meeting_date.isoformat()} "
            f"§ {item.paragraph_no}. Beslutande: {', '.join(deciders)}.")


AUDIENCE = {rules.GUARDIAN: "guardian", rules.CHILD: "youth", rules.SELF: "self"}


@dataclass(frozen=True)
class LetterFile:
    """One decision letter for one recipient."""

    filename: str
    recipient_name: str
    capacity: str
    data: bytes
    via_skatteverket: bool = False  # protected address: posted through Skatteverket's forwarding


def _base_letter(ctx: ServiceContext, s: Session, d: Decision) -> DecisionLetter:
    if d.status != "beslutad":
        raise ValidationError("Beslutsbrev skrivs ut först när beslutet är fattat.")
    rendered, error = _render(load_catalog(), d)
    if error:
        raise ValidationError(error)
    meeting = _committee_meeting(s, d)
    if meeting is not None and meeting.justerad_on is None:
        raise ValidationError(LETTER_NEEDS_JUSTERING)
    case = s.get(Case, d.case_id)
    decider = s.get(User, d.decided_by) if d.decided_by else None
    t = load_catalog().template(d.template_id)
    urgent_note = None
    if d.urgent:
        urgent_note = (f"Beslutet har fattats av ordföranden eller en ledamot som nämnden förordnat, med stöd "
                       f"av {t.urgent_basis}, eftersom nämndens beslut inte kunde avvaktas. Beslutet anmäls "
                       "vid nämndens nästa sammanträde.")
    note = _delegation_note(ctx, s, d)
    meeting_note = _meeting_note(s, d)
    drafter = s.get(User, d.drafted_by)
    return DecisionLetter(
        letterhead=letterhead(ctx), case_number=case.case_number, decision_date=d.decided_on,
        party=_party(case.person), title=rendered.title, decision_text=rendered.text,
        lagrum=rendered.lagrum, motivering=(d.fields or {}).get("motivering", ""),
        decided_by_name=d.decided_by_name or "",
        decided_by_title=("" if not d.delegated else (decider.title if decider else "")),
        foredragande_name=user_name(s, d.drafted_by), participants=_participants(s, d),
        delegation_note=meeting_note or note, appeal=rendered.appeal_route,
        appeal_text=_with_anslag(rendered.appeal_text, rendered.appeal_route, meeting),
        urgent_note=urgent_note, law_version=d.law_version,
        delegated=bool(d.delegated), child_first_name=case.person.first_name,
        contact=f"{drafter.full_name} ({drafter.title.lower()})" if drafter else "")


def _send_list(parties: list) -> tuple[str, ...]:
    from .parties import CAPACITY_LABELS

    return tuple(f"{x.name} ({CAPACITY_LABELS[x.capacity].lower()}"
                 + (", skyddade personuppgifter – skickas via Skatteverket)" if x.protected else ")")
                 for x in parties)


@access.requires("decision.read")
def decision_letter(ctx: ServiceContext, decision_id: uuid.UUID, reason: str | None = None,
                    deliver: Deliver = None) -> bytes:
    """The decision as kept in the akt: no address block, the list of parties it is sent to.

    An adult's own decision is addressed to that person, as before.
    """
    with ctx.write() as s:
        d, grant = decision_for(s, ctx, decision_id, "decision.read", reason)
        letter = _base_letter(ctx, s, d)
        found = list(decision_parties(s, ctx, d).parties)
        if [x.capacity for x in found] != [rules.SELF]:
            letter = replace(letter, for_file=True, send_list=_send_list(found))
        from ifodesk.documents import pdf  # reportlab: loaded when the first PDF is made, not at start
        data = _deliver(pdf.render_decision_letter(letter), deliver)
        audit.record(s, ctx, "print", "decision", d.id, d.person_id, reason=grant.reason, detail="beslutsbrev")
        return data


@access.requires("decision.read")
def decision_letters(ctx: ServiceContext, decision_id: uuid.UUID, reason: str | None = None) -> list[LetterFile]:
    """One letter per party, each with that person's own address block and wording.

    A child under 15 gets no letter (the guardians are the parties); a young person from 15 gets
    one written for them. Other parties' addresses are never printed on a letter, and a protected
    address is never printed at all (such a letter goes via Skatteverket's forwarding).
    """
    with ctx.write() as s:
        d, grant = decision_for(s, ctx, decision_id, "decision.read", reason)
        base = _base_letter(ctx, s, d)
        preview = decision_parties(s, ctx, d)
        if not preview.parties:
            raise ValidationError(preview.problem or "Beslutet har ingen part att skicka till.")
        from ifodesk.documents import pdf  # reportlab: loaded when the first PDF is made, not at start

        out = []
        for n, party in enumerate(preview.parties, 1):
            p = s.get(Person, party.person_id)
            letter = replace(base, recipient=_party(p),
                             audience=AUDIENCE[party.capacity])
            folded = unicodedata.normalize("NFKD", f"{p.first_name}-{p.last_name}".lower())
            slug = "".join(ch for ch in folded if ch.isascii() and (ch.isalnum() or ch == "-"))
            out.append(LetterFile(f"beslut-{base.case_number}-{n}-{slug}.pdf", party.name, party.capacity,
                                  pdf.render_decision_letter(letter), party.protected))
            audit.record(s, ctx, "print", "decision", d.id, p.id, reason=grant.reason,
                         detail=f"beslutsbrev till part ({party.capacity})")
        return out


@access.requires("meeting.read")
def agenda(ctx: ServiceContext, meeting_id: uuid.UUID, deliver: Deliver = None) -> bytes:
    with ctx.write() as s:
        m = meeting_for(s, ctx, meeting_id, "meeting.read")
        items = s.scalars(select(MeetingItem).where(MeetingItem.meeting_id == m.id).order_by(MeetingItem.position)).all()
        rows = []
        for it in items:
            d = s.get(Decision, it.decision_id)
            case = s.get(Case, d.case_id)
            p = case.person
            rows.append(AgendaItem(paragraph_no=it.paragraph_no, case_number=case.case_number, title=d.title,
                                   party_display=_initials(p.first_name, p.last_name, p.birth_date),
                                   foredragande=user_name(s, it.foredragande_id) or "", kind=it.kind,
                                   protected=p.protection != "none"))
        doc = MeetingAgenda(letterhead=letterhead(ctx), committee_name=m.committee_name, meeting_date=m.meeting_date,
                            time_place=m.time_place,
                            members=tuple(user_name(s, uuid.UUID(str(x))) or "" for x in m.member_ids or ()),
                            chair=user_name(s, m.chair_id) or "", secretary=user_name(s, m.secretary_id) or "",
                            items=tuple(rows))
        from ifodesk.documents import pdf  # reportlab: loaded when the first PDF is made, not at start
        data = _deliver(pdf.render_agenda(doc), deliver)
        audit.record(s, ctx, "print", "meeting", m.id, None, detail="föredragningslista")
        return data


@access.requires("decision.read")
def protocol_extract(ctx: ServiceContext, item_id: uuid.UUID, reason: str | None = None,
                     deliver: Deliver = None) -> bytes:
    with ctx.write() as s:
        it = get_or_404(s, MeetingItem, item_id, "Paragrafen")
        d, grant = decision_for(s, ctx, it.decision_id, "decision.read", reason)
        if it.outcome is None:
            raise ValidationError("Protokollsutdrag skrivs ut när paragrafen är protokollförd.")
        m = s.get(Meeting, it.meeting_id)
        if m.justerad_on is None:  # an extract certifies the justerat protocol (KL 5:69)
            raise ValidationError(EXTRACT_NEEDS_JUSTERING)
        case = s.get(Case, d.case_id)
        rendered, error = _render(load_catalog(), d)
        if error:
            raise ValidationError(error)
        outcome_text = {"bifall": rendered.text, "avslag": "Utskottet avslår förslaget.",
                        "bordlagd": "Ärendet bordläggs.", "anmald": "Anmälan av ordförandebeslut läggs till handlingarna."
                        }[it.outcome]
        if it.outcome_note:
            outcome_text += "\n\n" + it.outcome_note
        doc = ProtocolExtract(
            letterhead=letterhead(ctx), committee_name=m.committee_name, meeting_date=m.meeting_date,
            paragraph_no=it.paragraph_no, case_number=case.case_number, party=_party(case.person),
            title=d.title, decision_text=outcome_text, lagrum=rendered.lagrum,
            motivering=(d.fields or {}).get("motivering", ""),
            present_members=tuple(user_name(s, uuid.UUID(str(x))) or "" for x in m.member_ids or ()),
            chair=user_name(s, m.chair_id) or "", secretary=user_name(s, m.secretary_id) or "",
            justerare=user_name(s, m.justerare_id),
            appeal_text=_with_anslag(rendered.appeal_text, rendered.appeal_route, m) if it.outcome == "bifall" else "",
            extract_certified_by=user_name(s, m.secretary_id) or "")
        from ifodesk.documents import pdf  # reportlab: loaded when the first PDF is made, not at start
        data = _deliver(pdf.render_protocol_extract(doc), deliver)
        audit.record(s, ctx, "print", "meeting_item", it.id, d.person_id, reason=grant.reason,
                     detail="protokollsutdrag")
        return data


@dataclass(frozen=True)
class DelegatedDecision:
    decided_on: date
    case_number: str
    title: str
    lagrum: tuple[str, ...]
    decided_by: str
    level_label: str
    party_initials: str
    protected: bool
    punkt: str | None


@access.requires("decision.report")
def delegated_decisions(ctx: ServiceContext, period_from: date, period_to: date) -> list[DelegatedDecision]:
    """Anmälan av delegationsbeslut: decisions taken under delegation in the period (KL 6:40, 7:8)."""
    if period_to < period_from:
        raise ValidationError("Periodens slut ligger före dess början.", "period")
    with ctx.write() as s:
        order = delegation_order(ctx, s)
        q = (select(Decision, Case).join(Case, Case.id == Decision.case_id)
             .where(Decision.municipality_id == ctx.actor.municipality_id, Decision.status == "beslutad",
                    Decision.delegated.is_(True), Decision.decided_on >= period_from,
                    Decision.decided_on <= period_to)
             .order_by(Decision.decided_on, Case.case_number))
        out = []
        for d, case in s.execute(q):
            rule = order.rule_for(d.template_id)
            if rule is not None and not rule.anmals and not d.urgent:
                continue  # the delegationsordning says this kind is not reported
            p = case.person
            out.append(DelegatedDecision(d.decided_on, case.case_number, d.title, tuple(d.lagrum or ()),
                                         d.decided_by_name or "", deleg.level_label(d.decider_level or ""),
                                         _initials(p.first_name, p.last_name, p.birth_date),
                                         p.protection != "none", rule.punkt if rule else None))
        audit.record(s, ctx, "list", "decision", None, None,
                     detail=f"delegationsbeslut {period_from}–{period_to}: {len(out)}")
        return out


@access.requires("decision.report")
def delegation_list_pdf(ctx: ServiceContext, period_from: date, period_to: date,
                        deliver: Deliver = None) -> bytes:
    rows = delegated_decisions(ctx, period_from, period_to)
    doc = DelegationList(letterhead=letterhead(ctx), period_from=period_from, period_to=period_to, rows=tuple(
        DelegationListRow(decision_date=r.decided_on, case_number=r.case_number, title=r.title, lagrum=r.lagrum,
                          decided_by=r.decided_by, level_label=r.level_label, party_initials=r.party_initials,
                          protected=r.protected) for r in rows))
    from ifodesk.documents import pdf  # reportlab: loaded when the first PDF is made, not at start
    return _deliver(pdf.render_delegation_list(doc), deliver)
