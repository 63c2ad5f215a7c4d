"""The one place access is decided: role × action × scope from resources/access.toml.

Every public service function is decorated with @requires("action"): the role must hold the
action at some scope before the function runs. Actions marked `record = true` also need the
target record checked (check_case, check_person, ...) inside the function, before anything is
returned or changed; @requires refuses to return a result when that check did not happen, so a
forgotten check fails in the tests instead of leaking data (and a transaction that would commit
unchecked is rolled back, see _unchecked_commit). Lists put the scope into the query
(case_scope, decision_scope).

Records of another municipality are "not found" (their existence is not revealed). Refusals are
PermissionDenied with a Swedish message and no personal data; ReasonRequired asks the caller for a
stated reason, which the service then writes to the audit row.
"""

from __future__ import annotations

import functools
import uuid
from contextvars import ContextVar
from dataclasses import dataclass, replace

from sqlalchemy import and_, event, false, or_, select
from sqlalchemy.orm import Session, object_session

from ifodesk.db.models import Case, Decision, Meeting, MeetingItem, Person, Unit
from ifodesk.db.roles import state_reason
from ifodesk.domain.access_policy import RANK, Policy, load_policy

from .context import ServiceContext
from .errors import NotFound, PermissionDenied


class ReasonRequired(PermissionDenied):
    """Allowed only with a stated reason: ask the user for one and call again with it."""

    def __init__(self, message: str):
        super().__init__(message, "reason")


@dataclass(frozen=True)
class Access:
    """The outcome of a record check: which scope matched and the reason to log, if one was needed."""

    scope: str
    reason: str | None = None


@dataclass
class _Pending:
    action: str
    checked: bool = False


_pending: ContextVar[_Pending | None] = ContextVar("ifodesk_access_pending", default=None)


def policy() -> Policy:
    return load_policy()


def _ctx_of(args, kwargs) -> ServiceContext:
    ctx = kwargs.get("ctx", args[0] if args else None)
    if not isinstance(ctx, ServiceContext):
        raise TypeError("Tjänstefunktionen anropades utan ServiceContext.")
    return ctx


def requires(action: str, *, or_empty: bool = False):
    """Declare the permission a service function needs; checked before it runs.

    or_empty: a list of what the user may see returns [] to a role without the action (the pages
    every user opens, such as Att besluta), instead of a refusal.
    """
    pol = policy()
    if action not in pol.actions:
        raise KeyError(f"Okänd behörighet i koden: {action}")
    needs_record = pol.actions[action].record

    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            ctx = _ctx_of(args, kwargs)
            if or_empty and pol.grant(ctx.actor.role, action) is None:
                return []
            hook = getattr(ctx, "offline_hook", None)  # offline copy: records intents (services/offline_local)
            if hook is not None:
                return hook(fn, _run, args, kwargs)
            return _run(*args, **kwargs)

        def _run(*args, **kwargs):
            ctx = _ctx_of(args, kwargs)
            role_grant(ctx, action)
            pending = _Pending(action)
            token = _pending.set(pending)
            try:
                result = fn(*args, **kwargs)
            finally:
                _pending.reset(token)
            if needs_record and not pending.checked:
                # A programming error, caught by the tests: the record was never checked.
                raise PermissionDenied("Behörigheten kunde inte kontrolleras; inget visas.")
            return result

        wrapper.__access__ = action
        return wrapper

    return deco


@event.listens_for(Session, "before_commit")
def _unchecked_commit(session) -> None:
    """No transaction of a service function commits before its record was checked: a forgotten
    check fails (and rolls back) instead of returning or changing data."""
    p = _pending.get()
    if p is not None and not p.checked and policy().actions[p.action].record:
        raise PermissionDenied("Behörigheten kunde inte kontrolleras; inget har lästs eller ändrats.")


def _mark() -> None:
    p = _pending.get()
    if p is not None:
        p.checked = True


def role_grant(ctx: ServiceContext, action: str):
    """The role's grant for the action, or a refusal naming role and action (no personal data)."""
    pol = policy()
    g = pol.grant(ctx.actor.role, action)
    if g is None:
        label = pol.role_labels.get(ctx.actor.role, ctx.actor.role)
        raise PermissionDenied(f"Din roll ({label}) får inte {pol.actions[action].label}.")
    return g


def roles_with(action: str) -> tuple[str, ...]:
    """The roles that hold the action at all."""
    pol = policy()
    return tuple(r for r in pol.roles if pol.grant(r, action) is not None)


def may(ctx: ServiceContext, action: str) -> bool:
    """Whether the role holds the action at all (for showing or hiding UI commands)."""
    return policy().grant(ctx.actor.role, action) is not None


def same_municipality(ctx: ServiceContext, municipality_id: uuid.UUID, label: str) -> None:
    if municipality_id != ctx.actor.municipality_id:
        raise NotFound(f"{label} finns inte.")  # never reveal another municipality's records


def _decide(ctx: ServiceContext, action: str, *, unit_id: uuid.UUID | None, own: bool, agenda: bool = False,
            protected: bool = False, reason: str | None = None, what: str = "Ärendet",
            person_id: uuid.UUID | None = None) -> Access:
    pol = policy()
    g = role_grant(ctx, action)
    act = pol.actions[action]
    if g.scope == "agenda":
        if not agenda:
            raise PermissionDenied(f"{what} finns inte på dagordningen för ett sammanträde du deltar i.")
        scope = "agenda"
        needs_reason = act.always_reason
    else:
        scope = "own" if own else ("unit" if unit_id is not None and unit_id in ctx.actor.unit_ids
                                   else "municipality")
        if RANK[scope] <= RANK[g.scope]:
            needs_reason = act.always_reason
        elif g.with_reason and RANK[scope] <= RANK[g.with_reason]:
            needs_reason = True
        else:
            raise PermissionDenied(f"{what} ligger utanför din enhet. Din roll får bara "
                                   f"{act.label} i {'egna ärenden' if g.scope == 'own' else 'din enhet'}.")
        if protected and not needs_reason:
            free = own or (ctx.actor.role in pol.protected_roles and RANK[scope] <= RANK[g.scope])
            if not free and not act.read:
                raise PermissionDenied(f"Personen har skyddade personuppgifter: bara handläggaren, 1:e "
                                       f"socialsekreteraren och cheferna får {act.label}.")
            needs_reason = not free
    if needs_reason:
        if not (reason and reason.strip()) and not act.always_reason and person_id is not None:
            reason = ctx.stated_reasons.get(person_id)  # stated earlier in this session for this person
        if pol.reason_ok(reason):
            if not act.always_reason and person_id is not None:
                ctx.stated_reasons[person_id] = reason.strip()
            _mark()
            return Access(scope, reason.strip())
        why = ("Adressen är skyddad" if act.always_reason else "Personen har skyddade personuppgifter"
               if protected and RANK.get(scope, 0) <= RANK.get(g.scope, 0)
               else f"{what} ligger utanför dina egna ärenden och din enhet")
        if reason and reason.strip():
            raise ReasonRequired(f"{why}. Skälet är för kort: skriv ett verkligt skäl med minst "
                                 f"{pol.reason_min_chars} bokstäver eller siffror. Skälet loggas.")
        raise ReasonRequired(f"{why}. Ange skälet till att du behöver {act.label}; skälet loggas.")
    _mark()
    return Access(scope, None)


# --- record checks --------------------------------------------------------------------------

def _open_other_unit(record, ctx: ServiceContext, unit_id: uuid.UUID | None, access: Access) -> Access:
    """PostgreSQL's row-level security shows other units' case contents only after the
    transaction states why (db.roles.state_reason); the policy allowed it, so say so."""
    if unit_id not in ctx.actor.unit_ids:
        s = object_session(record)
        if s is not None:
            state_reason(s, access.reason or f"behörighet: {access.scope}")
    return access


def check_case(ctx: ServiceContext, case: Case, action: str, reason: str | None = None) -> Access:
    same_municipality(ctx, case.municipality_id, "Ärendet")
    access = _decide(ctx, action, unit_id=case.unit_id, own=case.assigned_to == ctx.actor.user_id,
                     protected=case.person.protection != "none", reason=reason, person_id=case.person_id)
    return _open_other_unit(case, ctx, case.unit_id, access)


def case_for(s: Session, ctx: ServiceContext, case_id: uuid.UUID, action: str,
             reason: str | None = None) -> tuple[Case, Access]:
    """Load a case of the user's municipality (the municipality is part of the query) and check it."""
    c = s.scalar(select(Case).where(Case.id == case_id, Case.municipality_id == ctx.actor.municipality_id))
    if c is None:
        raise NotFound("Ärendet finns inte.")
    return c, check_case(ctx, c, action, reason)


def check_unit(ctx: ServiceContext, unit: Unit, action: str) -> Access:
    same_municipality(ctx, unit.municipality_id, "Enheten")
    return _decide(ctx, action, unit_id=unit.id, own=False, what="Enheten")


def check_person(s: Session, ctx: ServiceContext, p: Person, action: str, reason: str | None = None) -> Access:
    """A person is in scope through their cases: assigned to the user (own) or in the user's units."""
    same_municipality(ctx, p.municipality_id, "Personen")
    rows = s.execute(select(Case.unit_id, Case.assigned_to).where(
        Case.person_id == p.id, Case.municipality_id == ctx.actor.municipality_id)).all()
    own = any(a == ctx.actor.user_id for _, a in rows)
    in_unit = any(u in ctx.actor.unit_ids for u, _ in rows)
    unit_id = next((u for u, _ in rows if u in ctx.actor.unit_ids), None)
    if not rows:  # no case yet (just registered): any unit may see it
        unit_id, in_unit = (ctx.actor.unit_ids[0] if ctx.actor.unit_ids else None), True
    access = _decide(ctx, action, unit_id=unit_id if in_unit else None, own=own,
                     protected=p.protection != "none", reason=reason, what="Personen", person_id=p.id)
    return _open_other_unit(p, ctx, unit_id if in_unit else None, access)


def _sits_on(ctx: ServiceContext, m: Meeting) -> bool:
    me = ctx.actor.user_id
    return me in (m.chair_id, m.secretary_id) or str(me) in {str(x) for x in m.member_ids or ()}


def on_my_agenda(s: Session, ctx: ServiceContext, d: Decision) -> bool:
    """Agenda scope: on a meeting the user sits on, sent to the user's level for decision, or
    decided (approved, drafted) by the user."""
    if d.status == "for_godkannande" and d.approver_level == ctx.actor.delegate_level:
        return True
    if d.status == "for_godkannande" and d.approver_level == "ordforande" and ctx.actor.urgent_appointed:
        return True  # sent urgently: an appointed ledamot may take it in the ordförande's place
    if ctx.actor.user_id in (d.decided_by, d.approved_by, d.drafted_by):
        return True
    meetings = s.scalars(select(Meeting).join(MeetingItem, MeetingItem.meeting_id == Meeting.id)
                         .where(MeetingItem.decision_id == d.id,
                                Meeting.municipality_id == ctx.actor.municipality_id)).all()
    return any(_sits_on(ctx, m) for m in meetings)


def check_decision(s: Session, ctx: ServiceContext, d: Decision, case: Case, action: str,
                   reason: str | None = None) -> Access:
    same_municipality(ctx, d.municipality_id, "Beslutet")
    g = role_grant(ctx, action)
    agenda = g.scope == "agenda" and on_my_agenda(s, ctx, d)
    own = ctx.actor.user_id in (case.assigned_to, d.drafted_by)
    protected = case.person.protection != "none"
    if protected and g.scope != "agenda" and not own and on_my_agenda(s, ctx, d):
        protected = False  # the meeting's own secretary and members need its items, as the utskott does
    access = _decide(ctx, action, unit_id=d.unit_id, own=own, agenda=agenda, protected=protected,
                     reason=reason, what="Beslutet", person_id=case.person_id)
    return _open_other_unit(d, ctx, d.unit_id, access)


def check_meeting(ctx: ServiceContext, m: Meeting, action: str) -> Access:
    same_municipality(ctx, m.municipality_id, "Sammanträdet")
    g = role_grant(ctx, action)
    if g.scope == "agenda" and not _sits_on(ctx, m):
        raise PermissionDenied("Du deltar inte i det här sammanträdet.")
    _mark()
    return Access(g.scope)


# --- scopes in queries ----------------------------------------------------------------------

def case_scope(ctx: ServiceContext, action: str, unit_col=Case.unit_id, assigned_col=Case.assigned_to,
               municipality_col=Case.municipality_id):
    """A WHERE clause limiting a list to what the role may see without a reason."""
    g = role_grant(ctx, action)
    _mark()
    muni = municipality_col == ctx.actor.municipality_id
    if g.scope == "municipality":
        return muni
    if g.scope == "agenda":
        return false()
    mine = assigned_col == ctx.actor.user_id
    if g.scope == "own":
        return and_(muni, mine)
    units = unit_col.in_(ctx.actor.unit_ids) if ctx.actor.unit_ids else false()
    return and_(muni, or_(units, mine))


def decision_scope(s: Session, ctx: ServiceContext, action: str):
    """Decisions the role may see in a list; agenda scope: those on the user's meetings or sent to them."""
    g = role_grant(ctx, action)
    if g.scope != "agenda":
        return case_scope(ctx, action, Decision.unit_id, Decision.drafted_by, Decision.municipality_id)
    _mark()
    meetings = [m.id for m in s.scalars(select(Meeting).where(
        Meeting.municipality_id == ctx.actor.municipality_id)) if _sits_on(ctx, m)]
    on_agenda = Decision.id.in_(select(MeetingItem.decision_id).where(MeetingItem.meeting_id.in_(meetings))) \
        if meetings else false()
    levels = [ctx.actor.delegate_level] + (["ordforande"] if ctx.actor.urgent_appointed else [])
    sent = and_(Decision.status == "for_godkannande", Decision.approver_level.in_(levels))
    me = ctx.actor.user_id
    mine = or_(Decision.decided_by == me, Decision.approved_by == me, Decision.drafted_by == me)
    return and_(Decision.municipality_id == ctx.actor.municipality_id, or_(on_agenda, sent, mine))


def meeting_scope(ctx: ServiceContext, action: str, meetings: list[Meeting]) -> list[Meeting]:
    g = role_grant(ctx, action)
    _mark()
    return [m for m in meetings if m.municipality_id == ctx.actor.municipality_id
            and (g.scope != "agenda" or _sits_on(ctx, m))]


def shown_person(ctx: ServiceContext, p, cases) -> object:
    """A protected person in a list or search result, as the user may see them without a reason:
    the assigned handläggare and the protected roles of the case's unit see the name; others see
    "Skyddad person" (no name, personnummer or birth date) until they open it with a reason.
    `p` is a PersonSummary, `cases` the (unit_id, assigned_to) of the person's cases."""
    if p.protection == "none":
        return p
    pol = policy()
    g = pol.grant(ctx.actor.role, "case.read")
    cases = tuple(cases)
    if not cases and g is not None and ctx.actor.role in pol.protected_roles:
        return p  # no case yet: the chefer and 1:e socialsekreterare see who it is
    for unit_id, assigned_to in cases:
        if assigned_to == ctx.actor.user_id:
            return p
        if g is not None and ctx.actor.role in pol.protected_roles and (
                g.scope == "municipality" or unit_id in ctx.actor.unit_ids):
            return p
    return replace(p, display_id="", first_name="Skyddad", last_name="person", birth_date=None,
                   legal_gender=None)


def unchecked_ok() -> None:
    """For a function whose action needs a record but that legitimately found none (empty result)."""
    _mark()


__all__ = ["Access", "ReasonRequired", "requires", "role_grant", "roles_with", "may", "same_municipality", "case_for",
           "check_case", "check_unit",
           "check_person", "check_decision", "check_meeting", "on_my_agenda", "case_scope",
           "decision_scope", "meeting_scope", "shown_person", "unchecked_ok"]
