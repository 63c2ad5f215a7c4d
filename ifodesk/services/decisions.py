"""Decisions from fixed templates: draft, route, approve, sign; delegation checked every step.

The lagrum, wording and appeal text come from the template and cannot be edited; the drafter
fills in the facts and the motivering. An approval binds one content hash: any later change
voids it.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from ifodesk.db.models import (
    Case,
    Decision,
    Forhandsbedomning,
    Insats,
    Meeting,
    MeetingItem,
    User,
    Utredning,
)
from ifodesk.domain import delegation as deleg
from ifodesk.domain.catalog import Catalog, load_catalog
from ifodesk.domain.templates import (
    InvalidFieldError,
    MissingFieldError,
    RenderedDecision,
    content_hash,
    render_decision_text,
)

from . import access, audit, cases
from .common import check_version, touch, user_name
from .context import Actor, ServiceContext
from .deadlines import set_deadline
from .delegation_admin import active_delegation_text
from .errors import NotFound, PermissionDenied, ValidationError

STATUS_LABELS = {
    "utkast": "Utkast",
    "for_godkannande": "Väntar på godkännande",
    "avslagen": "Återvisat",
    "godkand": "Godkänt för utskottet",
    "pa_dagordning": "På föredragningslista",
    "beslutad": "Beslutat",
    "ej_bifallen": "Ej bifallet av utskottet",
    "makulerad": "Makulerat utkast",
}
EDITABLE = ("utkast", "for_godkannande", "avslagen", "godkand")
# decision_docs refuses the letter with these words; the editor shows them on the disabled button.
LETTER_NEEDS_JUSTERING = ("Beslutet är fattat av utskottet; beslutsbrevet kan skickas först när "
                          "protokollet är justerat.")


@dataclass(frozen=True)
class Routing:
    """Who may decide, shown before anything is sent; each action with its reason."""

    route: str  # sign | approval | utskott | urgent
    required_level: str | None
    required_label: str
    reason: str
    punkt: str | None
    can_sign: bool
    sign_reason: str
    can_sign_urgent: bool
    urgent_reason: str
    can_send: bool
    send_reason: str
    can_approve: bool
    approve_reason: str
    can_place_on_agenda: bool
    agenda_reason: str
    urgent_available: bool  # the law gives this decision an urgent route (ordförande)


@dataclass(frozen=True)
class DecisionInfo:
    id: uuid.UUID
    version: int
    case_id: uuid.UUID
    case_number: str
    person_id: uuid.UUID
    person_name: str
    person_protected: bool
    template_id: str
    title: str
    law_version: str
    lagrum: tuple[str, ...]
    fields: dict
    status: str
    status_label: str
    drafted_by: uuid.UUID
    drafted_by_name: str
    approver_level: str | None
    approved_by_name: str | None
    approval_valid: bool
    rejection_reason: str | None
    decided_by_name: str | None
    decider_level: str | None
    decided_on: date | None
    urgent: bool
    delegated: bool
    content_hash: str
    rendered: RenderedDecision | None
    render_error: str | None
    meeting_item_id: uuid.UUID | None
    # Why no letter can be printed yet (an utskott decision before the protocol is justerat).
    letter_blocked: str | None = None


# --- delegation order and deciders ---------------------------------------------------------

@lru_cache(maxsize=8)
def _order_from_text(text_hash: str, text: str) -> deleg.DelegationOrder:
    return deleg.load_and_validate(text, load_catalog())


def delegation_order(ctx: ServiceContext, s: Session | None = None) -> deleg.DelegationOrder:
    """`s`: read in the caller's transaction (one connection per workstation, not two)."""
    text = active_delegation_text(ctx.db, ctx.actor.municipality_id, s)
    return _order_from_text(hashlib.sha256(text.encode()).hexdigest(), text)


def decider_for(actor_or_user) -> deleg.Decider:
    if isinstance(actor_or_user, Actor):
        return deleg.Decider(str(actor_or_user.user_id), actor_or_user.full_name, actor_or_user.delegate_level,
                             actor_or_user.employed_since, actor_or_user.socionom, actor_or_user.experienced,
                             actor_or_user.urgent_appointed)
    u: User = actor_or_user
    return deleg.Decider(str(u.id), u.full_name, u.delegate_level, u.employed_since, u.socionom,
                         u.experienced, u.urgent_appointed)


# --- drafting ------------------------------------------------------------------------------

def _render(catalog: Catalog, d: Decision, urgent: bool | None = None,
            on: date | None = None) -> tuple[RenderedDecision | None, str | None]:
    try:
        return render_decision_text(catalog.template(d.template_id), d.fields or {}, d.law_version,
                                    urgent=d.urgent if urgent is None else urgent,
                                    decided_on=on or d.decided_on), None
    except (MissingFieldError, InvalidFieldError) as exc:
        return None, str(exc)


def _clean_fields(fields: dict) -> dict:
    return {str(k): ("" if v is None else str(v)) for k, v in fields.items()}


def _info(s: Session, d: Decision, catalog: Catalog | None = None) -> DecisionInfo:
    catalog = catalog or load_catalog()
    case = s.get(Case, d.case_id)
    rendered, error = _render(catalog, d)
    return DecisionInfo(
        d.id, d.version, d.case_id, case.case_number, d.person_id,
        f"{case.person.first_name} {case.person.last_name}", case.person.protection != "none",
        d.template_id, d.title, d.law_version, tuple(d.lagrum or ()), dict(d.fields or {}), d.status,
        STATUS_LABELS.get(d.status, d.status), d.drafted_by, user_name(s, d.drafted_by) or "",
        d.approver_level, user_name(s, d.approved_by),
        d.approved_hash is not None and d.approved_hash == d.content_hash, d.rejection_reason,
        d.decided_by_name, d.decider_level, d.decided_on, d.urgent, d.delegated, d.content_hash,
        rendered, error, d.meeting_item_id, _letter_blocked(s, d))


def _letter_blocked(s: Session, d: Decision) -> str | None:
    if d.status != "beslutad" or d.delegated or d.urgent or not d.meeting_item_id:
        return None
    item = s.get(MeetingItem, d.meeting_item_id)
    m = s.get(Meeting, item.meeting_id) if item is not None else None
    if m is not None and m.justerad_on is None:
        return LETTER_NEEDS_JUSTERING
    return None


@access.requires("decision.draft")
def draft_decision(ctx: ServiceContext, case_id: uuid.UUID, template_id: str, fields: dict) -> DecisionInfo:
    """A new proposal (beslutsförslag) from a fixed template."""
    catalog = load_catalog()
    try:
        t = catalog.template(template_id)
    except KeyError as exc:
        raise ValidationError(str(exc.args[0]), "template") from exc
    fields = _clean_fields(fields)
    # SoL's competence rule is about doing the assessment, not about signing.
    problem = deleg.competence_problem(t, decider_for(ctx.actor))
    if problem:
        raise PermissionDenied(problem)
    with ctx.write() as s:
        case, _ = access.case_for(s, ctx, case_id, "decision.draft")
        law_version = catalog.law_version_for_decision(t.id, ctx.today())
        d = Decision(municipality_id=case.municipality_id, unit_id=case.unit_id, case_id=case.id,
                     person_id=case.person_id, template_id=t.id, law_version=law_version, title=t.title,
                     lagrum=list(t.lagrum_for(law_version, fields)), fields=fields, status="utkast",
                     drafted_by=ctx.actor.user_id, content_hash=content_hash(t.id, law_version, fields),
                     created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id)
        s.add(d)
        s.flush()
        audit.record(s, ctx, "create", "decision", d.id, case.person_id, detail=t.id)
        return _info(s, d, catalog)


def decision_for(s: Session, ctx: ServiceContext, decision_id: uuid.UUID, action: str,
                 reason: str | None = None) -> tuple[Decision, access.Access]:
    """A decision of the user's municipality (part of the query), checked for the action."""
    row = s.execute(select(Decision, Case).join(Case, Case.id == Decision.case_id)
                    .where(Decision.id == decision_id,
                           Decision.municipality_id == ctx.actor.municipality_id)).first()
    if row is None:
        raise NotFound("Beslutet finns inte.")
    d, case = row
    return d, access.check_decision(s, ctx, d, case, action, reason)


@access.requires("decision.read")
def get_decision(ctx: ServiceContext, decision_id: uuid.UUID, reason: str | None = None) -> DecisionInfo:
    with ctx.write() as s:
        d, grant = decision_for(s, ctx, decision_id, "decision.read", reason)
        audit.record(s, ctx, "read", "decision", d.id, d.person_id, reason=grant.reason)
        return _info(s, d)


@access.requires("decision.draft")
def update_fields(ctx: ServiceContext, decision_id: uuid.UUID, expected_version: int, fields: dict) -> DecisionInfo:
    """Edit facts and motivering. Any change voids an approval; nothing decided is edited."""
    fields = _clean_fields(fields)
    with ctx.write() as s:
        d, _ = decision_for(s, ctx, decision_id, "decision.draft")
        check_version(s, d, expected_version, "Beslutsförslaget")
        if d.status not in EDITABLE:
            raise PermissionDenied(
                "Förslaget står på utskottets föredragningslista. Ta bort det från listan innan du ändrar."
                if d.status == "pa_dagordning" else "Utkastet är makulerat och kan inte ändras."
                if d.status == "makulerad" else
                "Beslutet är fattat och kan inte ändras.")
        t = load_catalog().template(d.template_id)
        new_hash = content_hash(d.template_id, d.law_version, fields)
        d.fields = fields
        d.lagrum = list(t.lagrum_for(d.law_version, fields))
        if new_hash != d.content_hash:
            d.content_hash = new_hash
            if d.approved_hash is not None or d.status in ("for_godkannande", "godkand", "avslagen"):
                if d.approved_hash is not None:
                    audit.record(s, ctx, "approval_voided", "decision", d.id, d.person_id,
                                 detail="förslaget ändrades efter godkännandet")
                d.approved_by = d.approved_hash = d.approved_at = None
                d.status = "utkast"
        touch(ctx, d)
        s.flush()
        audit.record(s, ctx, "update", "decision", d.id, d.person_id)
        return _info(s, d)


# --- routing -------------------------------------------------------------------------------

def _drafter(s: Session, d: Decision, known: dict | None = None) -> deleg.Decider:
    """`known`: the drafters a list read at once (_drafters)."""
    if known and d.drafted_by in known:
        return known[d.drafted_by]
    return decider_for(s.get(User, d.drafted_by))


def _drafters(s: Session, rows: list[Decision]) -> dict:
    """Every drafter of a list, read at once (two statements however many proposals)."""
    ids = {d.drafted_by for d in rows}
    return {u.id: decider_for(u) for u in s.scalars(select(User).where(User.id.in_(ids)))} if ids else {}


@access.requires("decision.read")
def routing(ctx: ServiceContext, decision_id: uuid.UUID, reason: str | None = None) -> Routing:
    """What the signed-in user may do with this proposal, and why not where not."""
    with ctx.read() as s:
        d, _ = decision_for(s, ctx, decision_id, "decision.read", reason)
        return _routing(ctx, s, d)


def _routing(ctx: ServiceContext, s: Session, d: Decision,
             order: deleg.DelegationOrder | None = None, on: date | None = None,
             drafters: dict | None = None) -> Routing:
    """`order` and `drafters` let a list pass what it read once, instead of once per row."""
    order, catalog, today = order or delegation_order(ctx, s), load_catalog(), ctx.today()
    me = decider_for(ctx.actor)
    drafter = _drafter(s, d, drafters)
    route = deleg.route_for(order, catalog, d.template_id, drafter, today)
    mine = deleg.may_decide(order, catalog, d.template_id, me, today)
    urgent = deleg.may_decide(order, catalog, d.template_id, me, today, urgent=True)
    rendered, error = _render(catalog, d, on=on or d.decided_on or today)
    decided = d.status in ("beslutad", "ej_bifallen", "pa_dagordning")
    is_drafter = d.drafted_by == ctx.actor.user_id

    def gate(ok: bool, why: str) -> tuple[bool, str]:
        if d.status == "makulerad":
            return False, "Utkastet är makulerat."
        if decided:
            return False, "Beslutet är redan fattat eller står på en föredragningslista."
        if not ok:
            return False, why  # a lasting reason (delegation, status) before a passing one (empty fields)
        if error:
            return False, error
        return True, why

    can_sign, sign_reason = gate(mine.allowed and route.route != "utskott", mine.reason)
    if not is_drafter and d.status != "for_godkannande" and can_sign:
        can_sign, sign_reason = False, "Förslaget har inte skickats till dig för beslut."
    can_urgent, urgent_reason = gate(urgent.allowed and urgent.route == "urgent", urgent.reason)
    # Reasons describe the situation; they must not read as an instruction ("Skicka till …").
    if mine.allowed:
        why_send = "Du får själv fatta beslutet, så förslaget behöver inte skickas."
    elif d.status not in ("utkast", "avslagen"):
        why_send = "Förslaget är redan skickat."
    else:
        why_send = "Beslutet fattas av " + _level_label(route.required_level) + "."
    can_send, send_reason = gate(is_drafter and d.status in ("utkast", "avslagen") and not mine.allowed, why_send)
    if not is_drafter and not decided:
        send_reason = "Bara den som skrivit förslaget skickar det."
    approve = deleg.may_approve(order, catalog, d.template_id, drafter, me, today)
    can_approve, approve_reason = gate(approve.allowed and d.status == "for_godkannande", approve.reason)
    if approve.allowed and d.status != "for_godkannande" and not decided:
        approve_reason = "Förslaget väntar inte på godkännande."
    if d.status == "for_godkannande" and d.approver_level == "ordforande" and not urgent.allowed:
        can_approve, approve_reason = False, "Förslaget är skickat till ordföranden för brådskande beslut."
    agenda_ok = route.route == "utskott" and d.status == "godkand" and d.approved_hash == d.content_hash
    can_agenda, agenda_reason = gate(
        agenda_ok and access.may(ctx, "meeting.manage"),
        "Förslaget kan tas upp på utskottets föredragningslista." if agenda_ok else
        ("Bara beslut som är förbehållna utskottet tas upp på föredragningslistan." if route.route != "utskott"
         else "Förslaget måste först godkännas av " + _level_label(order.options.utskott_beredning_level) + "."))
    return Routing(route.route, route.required_level, _level_label(route.required_level), route.reason,
                   route.punkt, can_sign, sign_reason, can_urgent, urgent_reason, can_send, send_reason,
                   can_approve, approve_reason, can_agenda, agenda_reason,
                   catalog.template(d.template_id).urgent_route is not None)


def preview_routing(ctx: ServiceContext, template_id: str, fields: dict) -> Routing:
    """Who may decide a proposal not saved yet, drafted by the signed-in user with these fields."""
    catalog = load_catalog()
    try:
        t = catalog.template(template_id)
    except KeyError as exc:
        raise ValidationError(str(exc.args[0]), "template") from exc
    fields = _clean_fields(fields)
    d = Decision(template_id=t.id, law_version=t.law_version, fields=fields, status="utkast",
                 drafted_by=ctx.actor.user_id, content_hash=content_hash(t.id, t.law_version, fields))
    with ctx.read() as s:
        return _routing(ctx, s, d)


@dataclass(frozen=True)
class UrgentDecider:
    name: str
    title: str
    appointed: bool  # a ledamot the nämnd appointed (not the ordförande by office)


@access.requires("decision.draft")
def urgent_deciders(ctx: ServiceContext, case_id: uuid.UUID, template_id: str) -> list[UrgentDecider]:
    """Who may take this decision urgently, when the nämnd's decision cannot be awaited: the
    ordförande, and the ledamöter the nämnd appointed where the delegationsordning allows it."""
    catalog = load_catalog()
    try:
        t = catalog.template(template_id)
    except KeyError as exc:
        raise ValidationError(str(exc.args[0]), "template") from exc
    with ctx.read() as s:
        access.case_for(s, ctx, case_id, "decision.draft")
        if t.urgent_route is None:
            return []
        order, today = delegation_order(ctx, s), ctx.today()
        users = s.scalars(select(User).where(User.municipality_id == ctx.actor.municipality_id,
                                             User.active.is_(True)).order_by(User.full_name)).all()
        out = []
        for u in users:
            v = deleg.may_decide(order, catalog, t.id, decider_for(u), today, urgent=True)
            if v.allowed and v.route == "urgent":
                out.append(UrgentDecider(u.full_name, u.title, u.delegate_level != "ordforande"))
        return out


def _level_label(level: str | None) -> str:
    return deleg.level_label(level) if level else "behörig beslutsfattare"


@access.requires("decision.draft")
def send_for_approval(ctx: ServiceContext, decision_id: uuid.UUID, expected_version: int, *,
                      urgent: bool = False) -> DecisionInfo:
    """Send to the one who may decide; urgent=True sends it to the ordförande (brådskande)."""
    with ctx.write() as s:
        d, _ = decision_for(s, ctx, decision_id, "decision.draft")
        check_version(s, d, expected_version, "Beslutsförslaget")
        r = _routing(ctx, s, d)
        if not r.can_send:
            raise PermissionDenied(r.send_reason)
        if urgent and not r.urgent_available:
            raise PermissionDenied("Lagen ger inte det här beslutet någon brådskande väg via ordföranden.")
        if urgent:  # why the nämnd could not wait is asked before it goes to the ordförande
            _, error = _render(load_catalog(), d, urgent=True)
            if error:
                raise ValidationError(error, "fields")
        d.status = "for_godkannande"
        beredning = delegation_order(ctx, s).options.utskott_beredning_level
        d.approver_level = "ordforande" if urgent else (beredning if r.route == "utskott" else r.required_level)
        d.rejection_reason = d.rejected_by = None
        touch(ctx, d)
        s.flush()
        audit.record(s, ctx, "send_for_approval", "decision", d.id, d.person_id, detail=d.approver_level)
        return _info(s, d)


@access.requires("decision.decide")
def reject(ctx: ServiceContext, decision_id: uuid.UUID, expected_version: int, reason: str) -> DecisionInfo:
    """Återvisa: back to the drafter, always with a reason."""
    if not reason.strip():
        raise ValidationError("Ange varför förslaget återvisas.", "reason")
    with ctx.write() as s:
        d, _ = decision_for(s, ctx, decision_id, "decision.decide")
        check_version(s, d, expected_version, "Beslutsförslaget")
        r = _routing(ctx, s, d)
        urgent_for_me = d.approver_level == "ordforande" and r.can_sign_urgent
        if d.status != "for_godkannande" or not (r.can_approve or r.can_sign or urgent_for_me):
            raise PermissionDenied("Du kan inte återvisa det här förslaget: " + r.approve_reason)
        d.status, d.rejection_reason, d.rejected_by = "avslagen", reason.strip(), ctx.actor.user_id
        touch(ctx, d)
        s.flush()
        audit.record(s, ctx, "reject", "decision", d.id, d.person_id, reason=reason.strip())
        return _info(s, d)


@access.requires("decision.decide")
def approve(ctx: ServiceContext, decision_id: uuid.UUID, expected_version: int) -> DecisionInfo:
    """Godkänn: for an utskott matter, approves it for the agenda; otherwise the approver decides."""
    with ctx.write() as s:
        d, _ = decision_for(s, ctx, decision_id, "decision.decide")
        check_version(s, d, expected_version, "Beslutsförslaget")
        r = _routing(ctx, s, d)
        if d.status == "for_godkannande" and d.approver_level == "ordforande" and r.can_sign_urgent:
            _decide(s, ctx, d, urgent=True)  # sent to the ordförande as brådskande
            return _info(s, d)
        if not r.can_approve:
            raise PermissionDenied(r.approve_reason)
        if r.route == "utskott":
            d.status, d.approved_by, d.approved_at = "godkand", ctx.actor.user_id, ctx.now()
            d.approved_hash = d.content_hash
            touch(ctx, d)
            s.flush()
            audit.record(s, ctx, "approve", "decision", d.id, d.person_id, detail=d.content_hash)
            return _info(s, d)
        d.approved_by, d.approved_at, d.approved_hash = ctx.actor.user_id, ctx.now(), d.content_hash
        _decide(s, ctx, d, urgent=False)
        return _info(s, d)


@access.requires("decision.decide")
def sign(ctx: ServiceContext, decision_id: uuid.UUID, expected_version: int, *, urgent: bool = False,
         decided_on: date | None = None) -> DecisionInfo:
    """Fatta beslutet under delegation (or, urgent, as ordförande)."""
    with ctx.write() as s:
        d, _ = decision_for(s, ctx, decision_id, "decision.decide")
        check_version(s, d, expected_version, "Beslutsförslaget")
        r = _routing(ctx, s, d, on=decided_on)
        if urgent and not r.can_sign_urgent:
            raise PermissionDenied(r.urgent_reason)
        if not urgent and not r.can_sign:
            raise PermissionDenied(r.sign_reason)
        _decide(s, ctx, d, urgent=urgent, decided_on=decided_on)
        return _info(s, d)


def _decide(s: Session, ctx: ServiceContext, d: Decision, *, urgent: bool, decided_on: date | None = None,
            by_committee: str | None = None) -> None:
    on = decided_on or ctx.today()
    if on > ctx.today():
        raise ValidationError("Ett beslut kan inte dateras i framtiden.", "decided_on")
    catalog = load_catalog()
    t = catalog.template(d.template_id)
    version = catalog.law_version_for_decision(t.id, on)
    if version != d.law_version:
        # A decision cites the law in force on its decision date, not on the drafting date.
        same = d.approved_hash is not None and d.approved_hash == d.content_hash
        d.law_version, d.lagrum = version, list(t.lagrum_for(version, d.fields or {}))
        d.content_hash = content_hash(d.template_id, version, d.fields or {})
        if same:
            d.approved_hash = d.content_hash
    rendered, error = _render(catalog, d, urgent=urgent, on=on)
    if error:
        raise ValidationError(error, "fields")
    from .party_events import consent_problem  # consent is recorded per person (parties)

    if (problem := consent_problem(s, d.case_id, d.template_id, on)) is not None:
        raise ValidationError(problem, "samtycke")
    d.status, d.decided_on, d.decided_at, d.urgent = "beslutad", on, ctx.now(), urgent
    d.decided_by = ctx.actor.user_id
    d.decided_by_name = by_committee or ctx.actor.full_name
    d.decider_level = "utskott" if by_committee else ("ordforande" if urgent else ctx.actor.delegate_level)
    # An urgent decision rests on the special law or KL's urgent route, not on delegation.
    d.delegated = by_committee is None and not urgent
    touch(ctx, d)
    s.flush()
    apply_effects(s, ctx, d)
    audit.record(s, ctx, "decide_urgent" if urgent else "decide", "decision", d.id, d.person_id,
                 detail=f"{d.template_id} {d.content_hash}")


# --- what a decision does to the case -----------------------------------------------------

def _open_fb(s: Session, case_id: uuid.UUID) -> Forhandsbedomning | None:
    return s.scalar(select(Forhandsbedomning).where(Forhandsbedomning.case_id == case_id,
                                                    Forhandsbedomning.outcome.is_(None))
                    .order_by(Forhandsbedomning.started_on))


def _open_ut(s: Session, case_id: uuid.UUID) -> Utredning | None:
    return s.scalar(select(Utredning).where(Utredning.case_id == case_id, Utredning.closed_on.is_(None)))


def _date_field(d: Decision, name: str) -> date | None:
    raw = (d.fields or {}).get(name)
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError as exc:
        raise ValidationError(f"Datumet {raw!r} finns inte.", name) from exc


def apply_effects(s: Session, ctx: ServiceContext, d: Decision) -> None:
    """The dated events a decision creates: utredning opened/extended/closed, insats, deadlines."""
    t = load_catalog().template(d.template_id)
    case = s.get(Case, d.case_id)
    f = d.fields or {}
    motivering = (f.get("motivering") or f.get("fakta") or "").strip()
    if d.template_id in ("inleda_utredning", "inte_inleda_utredning"):
        fb = _open_fb(s, case.id)
        if fb is None and d.template_id == "inleda_utredning":
            cases.open_utredning(s, ctx, case, d.decided_on, d.id)
        elif fb is not None:
            cases.conclude_forhandsbedomning(
                s, ctx, fb, "inleda" if d.template_id == "inleda_utredning" else "inte_inleda", motivering,
                d.decided_on, d.decided_by, d.id, f.get("synnerliga_skal"))
    elif "utredning" in t.extends_deadlines:
        u = _open_ut(s, case.id)
        if u is None:
            raise ValidationError("Det finns ingen pågående utredning att förlänga.")
        cases.apply_extension(s, ctx, u, new_due_on=_date_field(d, "slutdatum"),
                              reason=f.get("sarskilda_skal", ""), decided_on=d.decided_on,
                              decided_by=d.decided_by, decision_id=d.id)
    elif d.template_id == "avsluta_utredning_utan_insats":
        u = _open_ut(s, case.id)
        if u is None:
            raise ValidationError("Det finns ingen pågående utredning att avsluta.")
        follow = str(f.get("uppfoljning", "")).strip().lower() not in ("", "nej", "ingen", "false")
        cases.apply_closing(s, ctx, u, outcome="utan_insats", closed_on=d.decided_on, decision_id=d.id,
                            follow_up=follow)
    elif d.template_id == "lvu_ansokan_vard":
        u = _open_ut(s, case.id)
        if u is not None:
            cases.apply_closing(s, ctx, u, outcome="ansokan_lvu", closed_on=d.decided_on, decision_id=d.id)
    if t.statistics is not None and t.statistics.insats_type:
        s.add(Insats(case_id=case.id, person_id=case.person_id, decision_id=d.id, kind=t.statistics.insats_type,
                     legal_basis=t.statistics.legal_basis or "SoL",
                     start_on=_date_field(d, "startdatum") or d.decided_on,
                     created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id))
        u = _open_ut(s, case.id)
        if u is not None and t.closes_utredning:
            cases.apply_closing(s, ctx, u, outcome="insats", closed_on=d.decided_on, decision_id=d.id)
        case.status = "insats"
    kinds = list(t.starts_deadlines) + (list(t.urgent_starts_deadlines) if d.urgent else [])
    for fld in t.fields:  # a choice may start a deadline (e.g. the LVU follow-up for a minor)
        opt = fld.option(str(f.get(fld.name, ""))) if fld.kind == "choice" else None
        if opt is not None:
            kinds.extend(k for k in opt.starts_deadlines if k not in kinds)
    for kind in kinds:
        if kind == "utredning":
            continue  # started by opening the utredning itself
        if kind == "ordforandebeslut_anmalan":
            _report_to_next_meeting(s, ctx, d, case)
            continue
        start_field = t.deadline_start_fields.get(kind)
        start = (_date_field(d, start_field) if start_field else None) or d.decided_on
        set_deadline(s, ctx, case, kind, "decision", d.id, start)
    if t.deadlines_after_utredning and _open_ut(s, case.id) is None:
        # No utredning running: the limit counts from when the last one was closed.
        last = s.scalar(select(Utredning.closed_on).where(Utredning.case_id == case.id,
                                                          Utredning.closed_on.is_not(None))
                        .order_by(Utredning.closed_on.desc()).limit(1))
        for kind in t.deadlines_after_utredning:
            set_deadline(s, ctx, case, kind, "decision", d.id, last or d.decided_on)


def _report_to_next_meeting(s: Session, ctx: ServiceContext, d: Decision, case: Case) -> None:
    """An urgent decision is reported at the NÄMND's next meeting (not the utskott's).

    The reporting deadline exists at once; until the nämnd's next meeting is planned it has a
    provisional date from the rules file, and it moves to the meeting's date when there is one.
    """
    set_deadline(s, ctx, case, "ordforandebeslut_anmalan", "decision", d.id, d.decided_on)
    m = s.scalar(select(Meeting).where(Meeting.municipality_id == d.municipality_id, Meeting.body == "namnd",
                                       Meeting.status == "planerad", Meeting.meeting_date >= d.decided_on)
                 .order_by(Meeting.meeting_date))
    if m is not None:
        add_report_item(s, ctx, m, d, case)


def add_report_item(s: Session, ctx: ServiceContext, m: Meeting, d: Decision, case: Case) -> None:
    if s.scalar(select(MeetingItem.id).where(MeetingItem.meeting_id == m.id, MeetingItem.decision_id == d.id)):
        return
    pos = len(s.scalars(select(MeetingItem.id).where(MeetingItem.meeting_id == m.id)).all())
    item = MeetingItem(meeting_id=m.id, decision_id=d.id, kind="anmalan", position=pos,
                       foredragande_id=d.drafted_by, created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id)
    s.add(item)
    s.flush()
    set_deadline(s, ctx, case, "ordforandebeslut_anmalan", "decision", d.id, d.decided_on, due=m.meeting_date)


# --- lists ---------------------------------------------------------------------------------

@access.requires("decision.read")
def decisions_for_case(ctx: ServiceContext, case_id: uuid.UUID, reason: str | None = None) -> list[DecisionInfo]:
    with ctx.write() as s:
        case, grant = access.case_for(s, ctx, case_id, "decision.read", reason)
        rows = s.scalars(select(Decision).where(Decision.case_id == case_id)
                         .order_by(Decision.created_at.desc())).all()
        audit.record(s, ctx, "read", "decision", None, case.person_id, reason=grant.reason,
                     detail="beslut i ärendet")
        catalog = load_catalog()
        return [_info(s, d, catalog) for d in rows]


@access.requires("decision.decide", or_empty=True)
def waiting_for_me(ctx: ServiceContext) -> list[DecisionInfo]:
    """Att besluta: proposals this user may approve or decide, oldest first."""
    with ctx.write() as s:
        rows = s.scalars(select(Decision).where(access.decision_scope(s, ctx, "decision.decide"),
                                                Decision.status == "for_godkannande")
                         .order_by(Decision.updated_at)).all()
        out = []
        catalog, order, drafters = load_catalog(), delegation_order(ctx, s), _drafters(s, rows)
        for d in rows:
            r = _routing(ctx, s, d, order, drafters=drafters)
            urgent_for_me = r.can_sign_urgent and d.approver_level == "ordforande"
            if (r.can_approve and d.approver_level != "ordforande") or urgent_for_me or (
                    r.can_sign and d.drafted_by != ctx.actor.user_id):
                out.append(_info(s, d, catalog))
        audit.record(s, ctx, "list", "decision", None, None, detail=f"{len(out)} att besluta")
        return out


@access.requires("meeting.manage", or_empty=True)
def approved_for_agenda(ctx: ServiceContext) -> list[DecisionInfo]:
    """Proposals approved for the utskott (in exactly this version) that may go on an agenda."""
    with ctx.write() as s:
        rows = s.scalars(select(Decision).where(Decision.municipality_id == ctx.actor.municipality_id,
                                                Decision.status == "godkand")
                         .order_by(Decision.approved_at, Decision.created_at)).all()
        catalog, order, drafters = load_catalog(), delegation_order(ctx, s), _drafters(s, rows)
        out = [_info(s, d, catalog) for d in rows if _routing(ctx, s, d, order, drafters=drafters).can_place_on_agenda]
        audit.record(s, ctx, "list", "decision", None, None, detail=f"{len(out)} godkända för utskottet")
        return out


@access.requires("decision.draft")
def discard_draft(ctx: ServiceContext, decision_id: uuid.UUID, expected_version: int) -> DecisionInfo:
    """Makulera: the drafter sets aside a proposal that was never sent; it stays, marked, in the case."""
    with ctx.write() as s:
        d, _ = decision_for(s, ctx, decision_id, "decision.draft")
        check_version(s, d, expected_version, "Beslutsförslaget")
        if d.drafted_by != ctx.actor.user_id:
            raise PermissionDenied("Bara den som skrivit utkastet kan makulera det.")
        if d.status not in ("utkast", "avslagen"):
            raise PermissionDenied("Bara ett utkast som inte väntar på godkännande eller beslut kan makuleras.")
        d.status = "makulerad"
        touch(ctx, d)
        s.flush()
        audit.record(s, ctx, "discard", "decision", d.id, d.person_id)
        return _info(s, d)


@access.requires("decision.draft", or_empty=True)
def my_drafts(ctx: ServiceContext) -> list[DecisionInfo]:
    with ctx.write() as s:
        rows = s.scalars(select(Decision).where(Decision.drafted_by == ctx.actor.user_id,
                                                access.decision_scope(s, ctx, "decision.draft"),
                                                Decision.status.in_(EDITABLE))
                         .order_by(Decision.updated_at.desc())).all()
        audit.record(s, ctx, "list", "decision", None, None, detail="egna förslag")
        catalog = load_catalog()
        return [_info(s, d, catalog) for d in rows]


@access.requires("decision.draft")
def suggest_fields(ctx: ServiceContext, case_id: uuid.UUID, template_id: str) -> dict[str, str]:
    """Facts the case already knows (names, dates), so the drafter writes only what is new."""
    t = load_catalog().template(template_id)
    names = {f.name for f in t.fields}
    with ctx.write() as s:
        case, _ = access.case_for(s, ctx, case_id, "decision.draft")
        audit.record(s, ctx, "read", "case_facts", case.id, case.person_id, detail=template_id)
        known: dict[str, str] = {}
        full = f"{case.person.first_name} {case.person.last_name}"
        for key in ("barnets_namn", "namn"):
            known[key] = full
        fb = _open_fb(s, case.id)
        if fb is not None:
            known["anmalan_datum"] = fb.started_on.isoformat()
        u = _open_ut(s, case.id)
        if u is not None:
            known["utredning_inledd"] = u.opened_on.isoformat()
        return {k: v for k, v in known.items() if k in names}
