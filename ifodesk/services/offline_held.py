"""The held changes of revoked offline copies (issue 12): listed for review without their content,
handed back to their author to check in through the normal merge (every rule runs again), or
discarded with a stated reason that stays in each case's audit log.

Only the author can bring the changes in: they were written under the author's identity and
delegation, so IT never applies them on anyone's behalf. A discard empties the stored content
(data minimisation) and keeps what was decided, by whom, when and why.
"""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ifodesk.db.models import Case, User, Utredning, UtredningSection
from ifodesk.db.models_offline import OfflineCheckout, OfflineHeldIntent
from ifodesk.offline.intents import Intent, from_json

from . import access, audit
from .context import ServiceContext
from .errors import NotFound, ValidationError
from .offline_specs import CHANGE_LABELS, SPECS

STATUS_LABELS = {"held": "väntar på granskning", "released": "återlämnad till handläggaren",
                 "checked_in": "incheckad efter återlämning", "discarded": "kasserad"}
MIN_REASON = 10
_COPY_ID = re.compile(r"^[0-9a-fA-F-]{8,36}$")


@dataclass(frozen=True)
class HeldCopy:
    copy_id: str
    username: str
    full_name: str
    laptop: str
    received_at: datetime
    status: str  # held | released | checked_in | discarded
    case_numbers: tuple[str, ...]
    changes: tuple[tuple[str, int], ...]  # (kind of change, count), no content
    decided_by: str | None = None
    decided_at: datetime | None = None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def total(self) -> int:
        return sum(n for _k, n in self.changes)


def _case_of(s: Session, raw: dict) -> uuid.UUID | None:
    """The case an intent belongs to (for the log), from its arguments or the record it changes."""
    intent = _intent_of(raw)
    if isinstance(intent.args.get("case_id"), uuid.UUID):
        return intent.args["case_id"]
    spec = SPECS.get(intent.call)
    if spec is None or intent.record_id is None:
        return None
    obj = s.get(spec.model, uuid.UUID(intent.record_id))
    if obj is None:
        return None
    if isinstance(obj, UtredningSection):
        obj = s.get(Utredning, obj.utredning_id)
    return getattr(obj, "case_id", None)


def _intent_of(raw: dict) -> Intent:
    return from_json(json.dumps(raw))


def _rows(s: Session, ctx: ServiceContext, copy_id: uuid.UUID | None = None, user_id: uuid.UUID | None = None):
    q = (select(OfflineHeldIntent, User).join(User, User.id == OfflineHeldIntent.user_id)
         .where(User.municipality_id == ctx.actor.municipality_id))
    if copy_id is not None:
        q = q.where(OfflineHeldIntent.copy_id == copy_id)
    if user_id is not None:
        q = q.where(OfflineHeldIntent.user_id == user_id)
    return s.execute(q.order_by(OfflineHeldIntent.received_at, OfflineHeldIntent.copy_id,
                                OfflineHeldIntent.seq)).all()


def _summaries(s: Session, rows) -> list[HeldCopy]:
    by_copy: dict[uuid.UUID, list] = {}
    for h, u in rows:
        by_copy.setdefault(h.copy_id, []).append((h, u))
    out = []
    for cid, items in by_copy.items():
        first, user = items[0]
        outs = s.execute(select(OfflineCheckout.laptop, Case.case_number)
                         .join(Case, Case.id == OfflineCheckout.case_id)
                         .where(OfflineCheckout.copy_id == cid).order_by(Case.case_number)).all()
        kinds = Counter(CHANGE_LABELS.get(h.call, h.call) for h, _u in items)
        statuses = {h.status for h, _u in items}
        status = next(st for st in ("held", "released", "checked_in", "discarded") if st in statuses)
        out.append(HeldCopy(str(cid), user.username, user.full_name, outs[0][0] if outs else "",
                            first.received_at, status, tuple(dict.fromkeys(n for _l, n in outs)),
                            tuple(sorted(kinds.items())), first.decided_by, first.decided_at))
    return out


@access.requires("offline.admin")
def list_held(ctx: ServiceContext, username: str | None = None) -> list[HeldCopy]:
    """Every revoked copy whose changes reached the server, with case numbers and kinds of change only."""
    with ctx.write() as s:
        user_id = None
        if username is not None:
            user_id = s.scalar(select(User.id).where(User.username == username,
                                                     User.municipality_id == ctx.actor.municipality_id))
            if user_id is None:
                raise NotFound(f"Användaren {username!r} finns inte.")
        result = _summaries(s, _rows(s, ctx, user_id=user_id))
        audit.record(s, ctx, "read", "offline_held", None, detail=f"{len(result)} återkallade kopior")
        return result


def _find_copy(s: Session, ctx: ServiceContext, text: str) -> uuid.UUID:
    """A copy id as listed, or its first eight characters or more if that is unique."""
    text = (text or "").strip().lower()
    if not _COPY_ID.match(text):
        raise ValidationError(f"Ogiltigt kopie-id ”{text[:40]}”: ange id:t som 'ifodesk-admin offline held' "
                              "visar (minst de första åtta tecknen).", "copy")
    ids = {str(h.copy_id) for h, _u in _rows(s, ctx)}
    found = [i for i in ids if i == text or i.startswith(text)]
    if not found:
        raise NotFound(f"Det finns inga sparade ändringar från kopian {text}. Se 'ifodesk-admin offline held'.")
    if len(found) > 1:
        raise ValidationError(f"Flera kopior börjar med {text}: ange fler tecken av id:t.", "copy")
    return uuid.UUID(found[0])


# Who may decide: arbetsledningen (case.assign) for both; IT (offline.admin) may only hand back,
# never throw away a handläggare's case work.
DECIDERS = {"released": ("case.assign", "offline.admin"), "discarded": ("case.assign",)}


def _check_decider(s: Session, ctx: ServiceContext, username: str, new_status: str) -> None:
    u = s.scalar(select(User).where(User.username == username, User.active.is_(True),
                                    User.municipality_id == ctx.actor.municipality_id))
    if u is None:
        raise ValidationError(f"Det finns ingen aktiv användare {username!r} (den som beslutat).", "decided_by")
    pol = access.policy()
    if not any(pol.grant(u.role, a) is not None for a in DECIDERS[new_status]):
        who = ("arbetsledningen (1:e socialsekreterare, enhetschef, IFO-chef)" if new_status == "discarded" else
               "arbetsledningen eller systemansvarig")
        raise ValidationError(f"{username} kan inte fatta det beslutet: det fattas av {who}.", "decided_by")


def _decide(ctx: ServiceContext, copy_text: str, new_status: str, reason: str | None,
            decided_by: str) -> HeldCopy:
    with ctx.write() as s:
        _check_decider(s, ctx, decided_by, new_status)
        cid = _find_copy(s, ctx, copy_text)
        rows = _rows(s, ctx, copy_id=cid)
        current = _summaries(s, rows)[0]
        if current.status != "held":
            raise ValidationError(f"Ändringarna från kopian är redan {current.status_label} "
                                  f"({current.decided_by or 'okänd'}); inget ändrades.", "copy")
        per_case: dict[uuid.UUID | None, Counter] = {}
        for h, _u in rows:
            per_case.setdefault(_case_of(s, h.payload), Counter())[CHANGE_LABELS.get(h.call, h.call)] += 1
        now = ctx.now()
        for h, _u in rows:
            h.status, h.decided_at, h.decided_by, h.decision_reason = new_status, now, decided_by[:60], reason
            if new_status == "discarded":
                h.payload = {}  # the content goes; what was decided stays (in the log below)
        action = "offline_held_release" if new_status == "released" else "offline_held_discard"
        verb = "återlämnade till handläggaren" if new_status == "released" else "kasserade"
        for case_id, kinds in per_case.items():
            what = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
            case = s.get(Case, case_id) if case_id else None
            audit.record(s, ctx, action, "case" if case else "offline_copy", case.id if case else cid,
                         case.person_id if case else None,
                         reason=reason, detail=f"offlineändringar {verb} av {decided_by[:60]}: {what}; "
                                               f"kopia {cid} från {current.username}"[:500])
        s.flush()
        return _summaries(s, _rows(s, ctx, copy_id=cid))[0]


@access.requires("offline.admin")
def release(ctx: ServiceContext, copy_id: str, *, decided_by: str) -> HeldCopy:
    """Hand the held changes back to their author, who checks them in through the normal merge."""
    return _decide(ctx, copy_id, "released", None, decided_by)


@access.requires("offline.admin")
def discard(ctx: ServiceContext, copy_id: str, *, reason: str, decided_by: str) -> HeldCopy:
    """Discard the held changes for good; the reason is kept in each case's audit log."""
    reason = " ".join((reason or "").split())
    if len(reason) < MIN_REASON or not access.policy().reason_ok(reason):
        raise ValidationError(f"Skriv skälet till att ändringarna kasseras (minst {MIN_REASON} tecken); det "
                              "sparas i loggen för varje berört ärende.", "reason")
    if len(reason) > 500:
        raise ValidationError("Skälet får vara högst 500 tecken.", "reason")
    return _decide(ctx, copy_id, "discarded", reason, decided_by)


# --- the author's side ---------------------------------------------------------------------

@access.requires("offline.checkin")
def released_copies(ctx: ServiceContext) -> list[HeldCopy]:
    """The signed-in user's changes that IT handed back, waiting to be checked in."""
    with ctx.read() as s:
        rows = [(h, u) for h, u in _rows(s, ctx, user_id=ctx.actor.user_id) if h.status == "released"]
        return _summaries(s, rows)


@access.requires("offline.checkin")
def released_intents(ctx: ServiceContext, copy_id: str) -> list[Intent]:
    """The handed-back changes of one of the user's own copies, to check in with offline.check_in."""
    cid = uuid.UUID(str(copy_id))
    with ctx.read() as s:
        rows = [h for h, _u in _rows(s, ctx, copy_id=cid, user_id=ctx.actor.user_id) if h.status == "released"]
        if not rows:
            raise NotFound("Det finns inga återlämnade ändringar från den kopian.")
        return [_intent_of(h.payload) for h in rows]

