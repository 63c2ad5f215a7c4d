"""What happens between the case and its parties: consent (samtycke), kommunicering before a
decision, and notification and appeal after it.

Access: every public function declares its permission (services/access.py) and checks the case or
decision before reading or changing anything.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ifodesk.db.models import Case, Consent, Decision, DecisionParty, Kommunicering, Person
from ifodesk.domain import parties as rules

from . import access, audit
from .access import requires
from .common import check_version, get_or_404, touch
from .context import ServiceContext
from .errors import ValidationError
from .parties import _require, decision_parties, party_rules
from .parties_dto import ConsentInfo, ConsentState, KommuniceringInfo, NotificationInfo

CONSENT_LABELS = {"given": "Samtycker", "refused": "Samtycker inte", "not_asked": "Inte tillfrågad",
                  "withdrawn": "Samtycket återkallat"}
NOTIFY_LABELS = {"brev": "Brev", "delgivning": "Delgivning med kvitto", "personligen": "Personligen"}
KOMMUNICERING_METHODS = ("brev", "e-post", "personligen", "telefon")


def _name(p: Person) -> str:
    return f"{p.first_name} {p.last_name}"


def _case(s: Session, ctx: ServiceContext, case_id: uuid.UUID, action: str = "case.read") -> Case:
    case = get_or_404(s, Case, case_id, "Ärendet")
    access.check_case(ctx, case, action)
    return case


# --- Consent ----------------------------------------------------------------------------------

@requires("case.write")
def record_consent(ctx: ServiceContext, case_id: uuid.UUID, person_id: uuid.UUID, subject: str, status: str,
                   note: str = "", on: date | None = None) -> ConsentInfo:
    """Samtycke from one guardian (or the child from 15) to one insats; history is kept."""
    if status not in rules.CONSENT_STATUSES:
        raise ValidationError("Välj samtycker, samtycker inte, inte tillfrågad eller återkallat.", "status")
    if not subject.strip():
        raise ValidationError("Ange vilken insats samtycket gäller.", "subject")
    with ctx.write() as s:
        case = _case(s, ctx, case_id, "case.write")
        p = get_or_404(s, Person, person_id, "Personen")
        _require(ctx, p.municipality_id)
        c = Consent(case_id=case.id, person_id=p.id, subject=subject.strip(), status=status,
                    recorded_on=on or ctx.today(), note=note.strip(),
                    created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id)
        s.add(c)
        s.flush()
        audit.record(s, ctx, "create", "consent", c.id, case.person_id, detail=f"{c.subject}: {status}")
        return ConsentInfo(c.id, p.id, _name(p), c.subject, status, CONSENT_LABELS[status], c.recorded_on, c.note)


def _latest(s: Session, case_id: uuid.UUID, subject: str | None = None) -> dict:
    q = select(Consent).where(Consent.case_id == case_id).order_by(Consent.recorded_on, Consent.created_at)
    if subject is not None:
        q = q.where(Consent.subject == subject)
    latest: dict = {}
    for c in s.scalars(q):
        latest[(c.person_id, c.subject)] = c
    return latest


@requires("case.read")
def consents(ctx: ServiceContext, case_id: uuid.UUID) -> list[ConsentInfo]:
    """The current consent per person and insats."""
    with ctx.write() as s:
        case = _case(s, ctx, case_id)
        out = []
        for c in _latest(s, case.id).values():
            p = s.get(Person, c.person_id)
            out.append(ConsentInfo(c.id, p.id, _name(p), c.subject, c.status, CONSENT_LABELS[c.status],
                                   c.recorded_on, c.note))
        audit.record(s, ctx, "read", "consent", None, case.person_id)
        return out


def _consent_check(s: Session, case: Case, subject: str, day: date) -> tuple[list, list, list]:
    """(needed, refused, missing) names for consent to ``subject`` in the case on ``day``."""
    from .parties import _relations

    child = case.person
    rule = party_rules().rule_for("SoL", "barn")
    guardians = [p.id for r, p in _relations(s, child.id, day) if r.role in rules.GUARDIAN_ROLES]
    needed = [x.person_id for x in rules.decision_parties(rule, child.id, child.birth_date, day, guardians)]
    latest = {pid: c.status for (pid, _subj), c in _latest(s, case.id, subject).items()}
    refused, missing = rules.consent_outcome(needed, latest)
    names = {pid: _name(s.get(Person, pid)) for pid in needed}
    return [names[x] for x in needed], [names[x] for x in refused], [names[x] for x in missing]


@requires("case.read")
def consent_state(ctx: ServiceContext, case_id: uuid.UUID, subject: str, on: date | None = None) -> ConsentState:
    """Have all whose consent is needed (the guardians, and the child from 15) consented to ``subject``?"""
    with ctx.write() as s:
        case = _case(s, ctx, case_id)
        needed, refused, missing = _consent_check(s, case, subject, on or ctx.today())
        audit.record(s, ctx, "read", "consent", None, case.person_id, detail=subject)
        if not needed:
            msg = "Ingen vårdnadshavare är registrerad: samtycke kan inte bedömas."
        elif refused:
            msg = _refused_message(refused)
        elif missing:
            msg = f"Samtycke är inte inhämtat från {', '.join(missing)}."
        else:
            msg = "Alla vårdnadshavare (och barnet från 15 år) samtycker."
        return ConsentState(subject, bool(needed) and not refused and not missing, tuple(refused),
                            tuple(missing), msg)


def _refused_message(refused: list[str]) -> str:
    return (f"Samtycke saknas ({', '.join(refused)} har sagt nej eller återkallat): insatsen kan inte "
            "beviljas enligt SoL. Överväg om det finns skäl för vård enligt LVU.")


def consent_problem(s: Session, case_id: uuid.UUID, template_id: str, on: date) -> str | None:
    """For the decision rule, in the caller's transaction: a SoL placement (listed in
    parties.toml) cannot be granted when a guardian, or the child from 15, refused or withdrew
    consent to it. The consent's subject is the template id."""
    if template_id not in party_rules().consent_required_for:
        return None
    _needed, refused, _missing = _consent_check(s, s.get(Case, case_id), template_id, on)
    return _refused_message(refused) if refused else None


# --- Kommunicering (FL 25 §) ------------------------------------------------------------------

def _k_info(s: Session, k: Kommunicering) -> KommuniceringInfo:
    return KommuniceringInfo(k.id, k.version, k.person_id, _name(s.get(Person, k.person_id)), k.decision_id,
                             k.what, k.method, k.sent_on, k.reply_due_on, k.reply_on, k.reply_text)


@requires("case.write")
def send_kommunicering(ctx: ServiceContext, case_id: uuid.UUID, person_id: uuid.UUID, what: str, *,
                       method: str = "brev", sent_on: date | None = None, reply_due_on: date | None = None,
                       decision_id: uuid.UUID | None = None) -> KommuniceringInfo:
    """Record that material was sent to a party for comment, with the reply deadline."""
    if not what.strip():
        raise ValidationError("Ange vad som kommunicerades.", "what")
    if method not in KOMMUNICERING_METHODS:
        raise ValidationError("Ange hur underlaget skickades.", "method")
    sent = sent_on or ctx.today()
    due = reply_due_on or sent + timedelta(days=party_rules().default_reply_days)
    if due <= sent:
        raise ValidationError("Svarstiden måste sluta efter den dag underlaget skickades.", "reply_due_on")
    with ctx.write() as s:
        case = _case(s, ctx, case_id, "case.write")
        p = get_or_404(s, Person, person_id, "Personen")
        _require(ctx, p.municipality_id)
        if decision_id is not None and get_or_404(s, Decision, decision_id, "Beslutet").case_id != case.id:
            raise ValidationError("Beslutet hör till ett annat ärende.", "decision")
        k = Kommunicering(case_id=case.id, decision_id=decision_id, person_id=p.id, what=what.strip(),
                          method=method, sent_on=sent, reply_due_on=due,
                          created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id)
        s.add(k)
        s.flush()
        audit.record(s, ctx, "create", "kommunicering", k.id, case.person_id)
        return _k_info(s, k)


@requires("case.write")
def record_reply(ctx: ServiceContext, kommunicering_id: uuid.UUID, expected_version: int, reply_on: date,
                 reply_text: str) -> KommuniceringInfo:
    with ctx.write() as s:
        k = get_or_404(s, Kommunicering, kommunicering_id, "Kommuniceringen")
        case = _case(s, ctx, k.case_id, "case.write")
        check_version(s, k, expected_version, "Kommuniceringen")
        if reply_on < k.sent_on:
            raise ValidationError("Svaret kan inte ha kommit före utskicket.", "reply_on")
        k.reply_on, k.reply_text = reply_on, reply_text.strip()
        touch(ctx, k)
        s.flush()
        audit.record(s, ctx, "update", "kommunicering", k.id, case.person_id, detail="svar")
        return _k_info(s, k)


@requires("case.read")
def kommunicering_for_case(ctx: ServiceContext, case_id: uuid.UUID) -> list[KommuniceringInfo]:
    with ctx.write() as s:
        case = _case(s, ctx, case_id)
        rows = s.scalars(select(Kommunicering).where(Kommunicering.case_id == case.id)
                         .order_by(Kommunicering.sent_on)).all()
        audit.record(s, ctx, "read", "kommunicering", None, case.person_id)
        return [_k_info(s, k) for k in rows]


@requires("case.read")
def signing_warning(ctx: ServiceContext, case_id: uuid.UUID, on: date | None = None,
                    template_id: str | None = None) -> str | None:
    """A warning for the decision editor: a party's reply time has not run out and no reply came.

    With ``template_id``, only a decision that can go against the party (the template's
    ``against_party``: a refusal, a compulsory measure …) waits for the reply (FL 25 §).
    """
    day = on or ctx.today()
    if template_id is not None:
        from ifodesk.domain.catalog import load_catalog

        try:
            against = load_catalog().template(template_id).against_party
        except KeyError:
            raise ValidationError(f"Okänd beslutsmall: {template_id}", "template") from None
    with ctx.write() as s:
        case = _case(s, ctx, case_id)
        if template_id is not None and not against:
            return None
        open_ = [k for k in s.scalars(select(Kommunicering).where(Kommunicering.case_id == case.id))
                 if k.reply_on is None and k.reply_due_on >= day]
        if not open_:
            return None
        names = ", ".join(sorted({_name(s.get(Person, k.person_id)) for k in open_}))
        last = max(k.reply_due_on for k in open_)
        return (f"Svarstiden för kommuniceringen har inte gått ut ({names}, till och med {last.isoformat()}). "
                "Beslutet bör inte fattas förrän parterna har fått svara.")


# --- Notification and appeal ------------------------------------------------------------------

def _n_info(s: Session, dp: DecisionParty) -> NotificationInfo:
    p = s.get(Person, dp.person_id)
    days = party_rules().appeal_days
    clock = rules.appeal_clock(dp.notified_on, days) if dp.notified_on else None
    in_time = (rules.appeal_in_time(dp.notified_on, dp.appeal_received_on, days)
               if dp.notified_on and dp.appeal_received_on else None)
    forward_by = (dp.appeal_received_on + timedelta(days=party_rules().forward_days)
                  if dp.appeal_received_on and in_time else None)
    return NotificationInfo(dp.id, dp.version, p.id, _name(p), dp.capacity, dp.notified_on, dp.notified_how,
                            clock.last_day_accepted if clock else None,
                            None if dp.appeal_received_on else (clock.legal_force_on if clock else None),
                            dp.appeal_received_on, in_time, forward_by, dp.appeal_forwarded_on)


def _party_rows(s: Session, ctx: ServiceContext, d: Decision) -> list[DecisionParty]:
    """The decision's parties, as rows; created on first use from who the rules say is a party."""
    rows = {r.person_id: r for r in s.scalars(select(DecisionParty).where(DecisionParty.decision_id == d.id))}
    for party in decision_parties(s, ctx, d).parties:
        if party.person_id not in rows:
            r = DecisionParty(decision_id=d.id, person_id=party.person_id, capacity=party.capacity,
                              created_by=ctx.actor.user_id, updated_by=ctx.actor.user_id)
            s.add(r)
            rows[party.person_id] = r
    s.flush()
    return list(rows.values())


def _decided(s: Session, ctx: ServiceContext, decision_id: uuid.UUID, action: str) -> Decision:
    d = get_or_404(s, Decision, decision_id, "Beslutet")
    case = s.get(Case, d.case_id)
    if action == "decision.read":
        access.check_decision(s, ctx, d, case, action)
    else:
        access.check_case(ctx, case, action)  # notification and appeals are recorded in the case
    if d.status != "beslutad":
        raise ValidationError("Beslutet är inte fattat ännu.")
    return d


@requires("decision.read")
def notifications(ctx: ServiceContext, decision_id: uuid.UUID) -> list[NotificationInfo]:
    """Per party: notified how and when, last day to appeal, legal force, any appeal."""
    with ctx.write() as s:
        d = _decided(s, ctx, decision_id, "decision.read")
        out = [_n_info(s, r) for r in _party_rows(s, ctx, d)]
        audit.record(s, ctx, "read", "decision_party", d.id, d.person_id)
        return sorted(out, key=lambda n: (n.capacity != rules.GUARDIAN, n.name))


def _row(s: Session, ctx: ServiceContext, decision_id: uuid.UUID, person_id: uuid.UUID) -> tuple[Decision, DecisionParty]:
    d = _decided(s, ctx, decision_id, "case.write")
    for r in _party_rows(s, ctx, d):
        if r.person_id == person_id:
            return d, r
    raise ValidationError("Personen är inte part i beslutet.", "person")


@requires("case.write")
def record_notification(ctx: ServiceContext, decision_id: uuid.UUID, person_id: uuid.UUID, notified_on: date,
                        how: str) -> NotificationInfo:
    """The party got the decision (by letter, delgivning with kvitto, or in person)."""
    if how not in rules.NOTIFY_METHODS:
        raise ValidationError("Ange hur parten fick del av beslutet.", "how")
    with ctx.write() as s:
        d, r = _row(s, ctx, decision_id, person_id)
        if notified_on < d.decided_on:
            raise ValidationError("Parten kan inte ha fått del av beslutet innan det fattades.", "notified_on")
        if notified_on > ctx.today():
            raise ValidationError("Datumet ligger i framtiden.", "notified_on")
        r.notified_on, r.notified_how = notified_on, how
        touch(ctx, r)
        s.flush()
        audit.record(s, ctx, "update", "decision_party", r.id, d.person_id, detail=f"delgiven: {how}")
        return _n_info(s, r)


@requires("case.write")
def register_appeal(ctx: ServiceContext, decision_id: uuid.UUID, person_id: uuid.UUID,
                    received_on: date) -> NotificationInfo:
    """An appeal came in: its date, and whether it came in time (then forward within a week)."""
    with ctx.write() as s:
        d, r = _row(s, ctx, decision_id, person_id)
        if received_on < d.decided_on:
            raise ValidationError("Ett överklagande kan inte komma in före beslutet.", "received_on")
        r.appeal_received_on = received_on
        touch(ctx, r)
        s.flush()
        audit.record(s, ctx, "update", "decision_party", r.id, d.person_id, detail="överklagande")
        return _n_info(s, r)


@requires("case.write")
def mark_appeal_forwarded(ctx: ServiceContext, decision_id: uuid.UUID, person_id: uuid.UUID,
                          forwarded_on: date) -> NotificationInfo:
    with ctx.write() as s:
        d, r = _row(s, ctx, decision_id, person_id)
        if r.appeal_received_on is None or forwarded_on < r.appeal_received_on:
            raise ValidationError("Ange ett datum efter att överklagandet kom in.", "forwarded_on")
        r.appeal_forwarded_on = forwarded_on
        touch(ctx, r)
        s.flush()
        audit.record(s, ctx, "update", "decision_party", r.id, d.person_id, detail="överlämnat till domstol")
        return _n_info(s, r)
