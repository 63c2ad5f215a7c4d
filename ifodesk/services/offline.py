"""Offline work on the server side (issue 12): check cases out to a laptop, check the laptop's
intents back in through the same services (every rule runs again), list and revoke copies.

Check-in is idempotent: each applied intent is written to checkin_applied in the same
transaction as its effect, and records made offline keep their offline id on the server, so a
check-in interrupted anywhere resumes without applying anything twice.
"""

from __future__ import annotations

import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Callable, Iterator

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from ifodesk.db.models import AnmalanChild, Case, Decision, Person, PersonRelation, User, Utredning
from ifodesk.db.models_offline import CheckinApplied, OfflineCheckout, OfflineHeldIntent
from ifodesk.offline.intents import Intent, encode
from ifodesk.offline.merge import FieldConflict, field_conflicts
from ifodesk.offline.store import DEFAULT_MAX_AGE_DAYS

from . import access, audit
from .context import STOCKHOLM, ServiceContext
from .errors import NotFound, PermissionDenied, ServiceError, ValidationError
from .offline_specs import SPECS, field_values, labels, mine_values

# Tables copied whole (the municipality's), by a column naming the case, or not at all.
_REFERENCE = {"municipality", "unit", "app_user", "user_unit", "delegation_ordning"}
MAX_CASES = 50  # one laptop copy: what a home visit or a week away needs, not a unit's whole list
_NOT_COPIED = {"audit_log", "audit_chain_head", "audit_review_mark", "access_reason", "meeting",
               "meeting_item", "case_number_seq", "offline_checkout", "checkin_applied",
               "offline_held_intent", "alembic_version"}


@dataclass(frozen=True)
class CheckoutPackage:
    """What the laptop stores (encrypted): the SQLite database bytes never touch the disk in plain."""

    copy_id: str
    content: bytes
    username: str
    checked_out_at: datetime
    expires_at: datetime
    case_numbers: tuple[str, ...]


@dataclass(frozen=True)
class CheckoutRow:
    copy_id: str
    username: str
    full_name: str
    case_number: str
    laptop: str
    checked_out_at: datetime
    expires_at: datetime
    overdue: bool
    revoked: bool


@dataclass
class CheckinResult:
    applied: int = 0  # intents applied in this run
    already: int = 0  # applied by an earlier, interrupted run
    conflicts: list[FieldConflict] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (intent id, Swedish reason)
    waiting: int = 0  # held back behind a conflict on the same record
    done: bool = False  # everything is on the server: the laptop copy may be removed


class CopyRevoked(PermissionDenied):
    """The copy was revoked: its changes are now held on the server, so the laptop may erase it."""


# --- check-out -----------------------------------------------------------------------------

@access.requires("offline.checkout")
def check_out(ctx: ServiceContext, case_ids: list[uuid.UUID], *, laptop: str, reason: str | None = None,
              days: int = DEFAULT_MAX_AGE_DAYS) -> CheckoutPackage:
    from .offline_local import empty_copy

    laptop = (laptop or "").strip()
    if not laptop:
        raise ValidationError("Ange datorns namn.", "laptop")
    if not case_ids:
        raise ValidationError("Välj minst ett ärende att checka ut.")
    if len(set(case_ids)) > MAX_CASES:
        raise ValidationError(f"Högst {MAX_CASES} ärenden kan checkas ut på en gång.")
    copy_id, now = uuid.uuid4(), ctx.now()
    expires = now + timedelta(days=days)
    local = empty_copy()
    with ctx.write() as s:
        cases = []
        for cid in dict.fromkeys(case_ids):
            case, grant = access.case_for(s, ctx, cid, "offline.checkout", reason)
            cases.append(case)
            s.add(OfflineCheckout(copy_id=copy_id, case_id=case.id, user_id=ctx.actor.user_id, laptop=laptop[:100],
                                  checked_out_at=now, expires_at=expires, reason=grant.reason))
            audit.record(s, ctx, "offline_checkout", "case", case.id, case.person_id, reason=grant.reason,
                         detail=f"bärbar dator {laptop[:60]}")
        _copy_rows(s, ctx, [c.id for c in cases], local)
    content = local.serialize()
    local.dispose()
    return CheckoutPackage(str(copy_id), content, ctx.actor.username, now, expires,
                           tuple(c.case_number for c in cases))


def _copy_rows(s: Session, ctx: ServiceContext, case_ids: list[uuid.UUID], local) -> None:
    """Everything needed to read and write the cases, into the local database (no FK checks while copying)."""
    from ifodesk.db.models import Base

    conn = s.connection()
    mid = ctx.actor.municipality_id
    rows_by_table: dict = {}
    person_ids: set = set()
    for table in Base.metadata.sorted_tables:
        name = table.name
        if name in _NOT_COPIED or name == "person":
            continue
        cols = table.c
        if name in _REFERENCE:
            if "municipality_id" in cols:
                stmt = select(table).where(cols.municipality_id == mid)
            elif name == "user_unit":
                stmt = select(table).join(User, User.id == cols.user_id).where(User.municipality_id == mid)
            else:
                stmt = select(table).where(cols.id == mid)
        elif name == "case_file":
            stmt = select(table).where(cols.id.in_(case_ids))
        elif name == "anmalan":
            stmt = select(table).where(cols.id.in_(select(AnmalanChild.anmalan_id).where(
                AnmalanChild.case_id.in_(case_ids))))
        elif "case_id" in cols:
            stmt = select(table).where(cols.case_id.in_(case_ids))
        elif "utredning_id" in cols:
            stmt = select(table).where(cols.utredning_id.in_(select(Utredning.id).where(Utredning.case_id.in_(case_ids))))
        elif "decision_id" in cols:
            stmt = select(table).where(cols.decision_id.in_(select(Decision.id).where(Decision.case_id.in_(case_ids))))
        elif name == "person_relation":
            stmt = None  # after the persons of the cases are known
        else:
            continue
        if stmt is not None:
            rows_by_table[table] = [dict(r._mapping) for r in conn.execute(stmt)]
    case_persons = {r["person_id"] for r in rows_by_table.get(Case.__table__, [])}
    rel = PersonRelation.__table__
    rows_by_table[rel] = [dict(r._mapping) for r in conn.execute(select(rel).where(
        (rel.c.child_id.in_(case_persons)) | (rel.c.person_id.in_(case_persons))))]
    for table, rows in rows_by_table.items():
        for fk in table.foreign_keys:
            if fk.column.table.name == "person":
                person_ids.update(r[fk.parent.name] for r in rows if r.get(fk.parent.name) is not None)
    person = Person.__table__
    rows_by_table[person] = [dict(r._mapping) for r in conn.execute(select(person).where(person.c.id.in_(person_ids)))]
    with local.engine.connect():
        pass  # the first connect sets the connection up (foreign keys on)
    local.raw().execute("PRAGMA foreign_keys=OFF")  # outside any transaction, or it is ignored
    with local.engine.begin() as lc:
        for table in [t for t in Base.metadata.sorted_tables if t in rows_by_table]:
            if rows_by_table[table]:
                lc.execute(table.insert(), rows_by_table[table])
    local.raw().execute("PRAGMA foreign_keys=ON")


def open_checkouts(s: Session, case_id: uuid.UUID) -> list[tuple[str, datetime]]:
    """(who, since) for each copy of the case still out (for the case header)."""
    rows = s.execute(select(User.full_name, OfflineCheckout.checked_out_at)
                     .join(User, User.id == OfflineCheckout.user_id)
                     .where(OfflineCheckout.case_id == case_id, OfflineCheckout.checked_in_at.is_(None),
                            OfflineCheckout.revoked_at.is_(None))
                     .order_by(OfflineCheckout.checked_out_at)).all()
    return [(r[0], r[1]) for r in rows]


def checkout_text(entries: list[tuple[str, datetime]]) -> str | None:
    if not entries:
        return None
    return "; ".join(f"Utcheckad till bärbar dator av {who} sedan "
                     f"{since.astimezone(STOCKHOLM).strftime('%Y-%m-%d %H:%M')}" for who, since in entries)


@access.requires("case.read")
def checkout_note(ctx: ServiceContext, case_id: uuid.UUID, reason: str | None = None) -> str | None:
    """"Utcheckad till bärbar dator av … sedan …", or None: the case stays editable (no lock)."""
    with ctx.read() as s:
        access.case_for(s, ctx, case_id, "case.read", reason)
        return checkout_text(open_checkouts(s, case_id))


# --- check-in ------------------------------------------------------------------------------

@dataclass
class _CheckinContext(ServiceContext):
    """Puts the checkin_applied row (and an offline record's own id) into the service's transaction."""

    pending_row: dict | None = None
    force_id: tuple[type, uuid.UUID] | None = None
    interrupt: Callable[[int, str], None] | None = None
    seq: int = 0

    @contextmanager
    def write(self) -> Iterator[Session]:
        row, forced = self.pending_row, self.force_id  # kept until committed: a retried write adds them again
        with super().write() as s:
            if forced is not None:
                def _give_id(session, _c, _i, model=forced[0], wanted=forced[1]):
                    for obj in session.new:
                        if isinstance(obj, model) and obj.id is None and wanted is not None:
                            obj.id = wanted
                            return
                event.listen(s, "before_flush", _give_id)
            yield s
            if row is not None:
                s.add(CheckinApplied(**row))
                s.flush()
                if self.interrupt:
                    self.interrupt(self.seq, "before_commit")
        self.pending_row = self.force_id = None


def _copy_rows_of(s: Session, ctx: ServiceContext, copy_id: uuid.UUID) -> list[OfflineCheckout]:
    rows = s.scalars(select(OfflineCheckout).where(OfflineCheckout.copy_id == copy_id)).all()
    if not rows:
        raise NotFound("Servern känner inte till den här utcheckade kopian.")
    if any(r.user_id != ctx.actor.user_id for r in rows):
        raise PermissionDenied("Kopian är utcheckad av en annan användare och kan bara checkas in av den.")
    return list(rows)


def _hold(ctx: ServiceContext, copy_id: uuid.UUID, intents: list[Intent]) -> None:
    """A revoked copy's intents: kept on the server for review, not applied and not lost."""
    from ifodesk.offline.intents import to_json
    import json

    with ctx.write() as s:
        known = set(s.scalars(select(OfflineHeldIntent.intent_id).where(OfflineHeldIntent.copy_id == copy_id)))
        for i in intents:
            if uuid.UUID(i.id) not in known:
                s.add(OfflineHeldIntent(intent_id=uuid.UUID(i.id), copy_id=copy_id, user_id=ctx.actor.user_id,
                                        seq=i.seq, call=i.call, payload=json.loads(to_json(i))))
        audit.record(s, ctx, "offline_checkin_refused", "offline_copy", copy_id,
                     detail=f"återkallad; {len(intents)} ändringar sparade för granskning")


@access.requires("offline.checkin")
def check_in(ctx: ServiceContext, copy_id: str, intents: list[Intent],
             resolutions: dict[str, Any] | None = None, *, offline_log: list[dict] | None = None,
             interrupt: Callable[[int, str], None] | None = None) -> CheckinResult:
    """Replay the laptop's intents in order. resolutions: "intent id:field" -> the chosen or merged value.

    offline_log: the copy's own audit rows (reads and changes made offline), copied once into the
    server's log. interrupt(seq, stage) is called before each intent and inside its transaction
    (tests kill the check-in there)."""
    cid = uuid.UUID(str(copy_id))
    resolutions = dict(resolutions or {})
    intents = sorted(intents, key=lambda i: i.seq)
    with ctx.read() as s:
        rows = _copy_rows_of(s, ctx, cid)
        revoked = any(r.revoked_at is not None for r in rows)
        done_ids = {str(i) for i in s.scalars(select(CheckinApplied.intent_id).where(CheckinApplied.copy_id == cid))}
        # a revoked copy whose held changes IT handed back: checked in like any other, every rule again
        released = revoked and "released" in set(s.scalars(select(OfflineHeldIntent.status)
                                                           .where(OfflineHeldIntent.copy_id == cid)))
    if (already_log := str(_log_marker(cid)) in done_ids):
        done_ids.discard(str(_log_marker(cid)))
    if offline_log and not already_log:  # what was read offline reaches the log, revoked or not
        _copy_offline_log(ctx, cid, offline_log)
    if revoked and not released:
        _hold(ctx, cid, [i for i in intents if i.id not in done_ids])
        raise CopyRevoked("Kopian har återkallats av IT och kan inte checkas in. Ändringarna har sparats "
                          "på servern för granskning – ingenting har gått förlorat – och kopian på datorn "
                          "raderas.")
    last_writer, first_base = _plan(intents)
    result = CheckinResult()
    blocked: set[str] = set()
    for intent in intents:
        if intent.id in done_ids:
            result.already += 1
            continue
        if interrupt:
            interrupt(intent.seq, "before")
        if intent.record_id in blocked:
            result.waiting += 1
            continue
        try:
            outcome = _apply(ctx, cid, intent, last_writer, first_base, resolutions, interrupt)
        except ServiceError as exc:  # a rule said no (delegation, closed utredning, ...): told, kept
            result.refused.append((intent.id, str(exc)))
            blocked.add(intent.record_id)
            continue
        if isinstance(outcome, list):
            result.conflicts.extend(outcome)
            blocked.add(intent.record_id)
        else:
            result.applied += 1
    if not result.conflicts and not result.refused and result.waiting == 0:
        _finish(ctx, cid, len(intents))
        result.done = True
    return result


def _log_marker(cid: uuid.UUID) -> uuid.UUID:
    return uuid.uuid5(cid, "offline-audit-log")


def _copy_offline_log(ctx: ServiceContext, cid: uuid.UUID, rows: list[dict]) -> None:
    """Once per copy, in one transaction with its marker row: the offline reads reach the server's log."""
    with ctx.write() as s:
        for r in rows:
            pid = uuid.UUID(r["person_id"]) if r.get("person_id") else None
            detail = f"offline {r['at']}" + (f"; {r['detail']}" if r.get("detail") else "")
            audit.record(s, ctx, str(r["action"])[:60], str(r["entity"])[:40], r.get("entity_id"), pid,
                         reason=r.get("reason"), detail=detail[:500])
        s.add(CheckinApplied(intent_id=_log_marker(cid), copy_id=cid, seq=0, call="audit.offline_log",
                             outcome="applied", detail={"rows": len(rows)}, applied_by=ctx.actor.user_id,
                             applied_at=ctx.now()))


def _plan(intents: list[Intent]) -> tuple[dict, dict]:
    """Per (record, field): the last intent that writes it, and the value at check-out (first base)."""
    last_writer, first_base = {}, {}
    for i in intents:
        spec = SPECS.get(i.call)
        if spec is None or spec.id_arg is None:
            continue
        for f in mine_values(spec, i.args):
            last_writer[(i.record_id, f)] = i.seq
            if (i.record_id, f) not in first_base and f in i.base_values:
                first_base[(i.record_id, f)] = i.base_values[f]
    return last_writer, first_base


def _apply(ctx: ServiceContext, cid: uuid.UUID, intent: Intent, last_writer, first_base, resolutions,
           interrupt) -> list[FieldConflict] | str:
    from . import cases, decisions, journal

    spec = SPECS.get(intent.call)
    if spec is None:
        raise ValidationError(f"Okänd offlineändring {intent.call!r}.")
    fn = {"journal": journal, "cases": cases, "decisions": decisions}[intent.call.split(".")[0]]
    fn = getattr(fn, intent.call.split(".")[1])
    row = {"intent_id": uuid.UUID(intent.id), "copy_id": cid, "seq": intent.seq, "call": intent.call,
           "outcome": "applied", "detail": {}, "applied_by": ctx.actor.user_id, "applied_at": ctx.now()}
    cctx = _CheckinContext(ctx.db, ctx.actor, ctx.municipality, ctx.clock, ctx.stated_reasons,
                           interrupt=interrupt, seq=intent.seq)
    if spec.id_arg is None:  # a new note or draft: simply arrives, under its offline id
        cctx.pending_row = row
        cctx.force_id = (spec.model, uuid.UUID(intent.record_id))
        fn(cctx, **intent.args)
        return "applied"
    rid = uuid.UUID(intent.record_id)
    mine = {f: v for f, v in mine_values(spec, intent.args).items() if last_writer.get((intent.record_id, f)) == intent.seq}
    if not mine:  # every field it set was set again later offline: the later intent carries it
        row["outcome"] = "superseded"
        with ctx.write() as s:
            s.add(CheckinApplied(**row))
        return "superseded"
    with ctx.read() as s:
        obj = s.get(spec.model, rid)
        if obj is None:
            raise NotFound("Posten som ändrades offline finns inte längre på servern.")
        theirs, version = field_values(spec, obj), obj.version
        theirs_all = dict(getattr(obj, spec.dict_field) or {}) if spec.dict_field else None
    base = {f: first_base[(intent.record_id, f)] for f in mine if (intent.record_id, f) in first_base}
    conflicts = [] if intent.created_offline else field_conflicts(
        intent.id, spec.kind, intent.record_id, labels(spec, mine), base, mine, theirs)
    open_conflicts = []
    for c in conflicts:
        key = f"{intent.id}:{c.field}"
        if key in resolutions:
            mine[c.field] = resolutions[key]
            row["outcome"] = "merged"
            row["detail"].setdefault("resolved", []).append(c.field)
        else:
            open_conflicts.append(c)
    if open_conflicts:
        return open_conflicts
    args = dict(intent.args)
    args[spec.id_arg] = rid
    args["expected_version"] = version  # the conflict check above is the version check
    if spec.dict_field:
        merged = dict(theirs_all)
        merged.update({f.split(".", 1)[1]: v for f, v in mine.items()})
        args[spec.dict_field] = merged
    else:
        for f in spec.fields:
            if f in args:
                # a field not set here: required text keeps the server's value, optional ones stay None
                args[f] = mine[f] if f in mine else (theirs.get(f) if f in ("text", "notes") else None)
    row["detail"] = encode(row["detail"])
    cctx.pending_row = row
    fn(cctx, **args)
    return "applied"


def _finish(ctx: ServiceContext, cid: uuid.UUID, count: int) -> None:
    with ctx.write() as s:
        rows = s.scalars(select(OfflineCheckout).where(OfflineCheckout.copy_id == cid)).all()
        for r in rows:
            if r.checked_in_at is None:
                r.checked_in_at = ctx.now()
                audit.record(s, ctx, "offline_checkin", "case", r.case_id, None, detail=f"{count} ändringar")
        for h in s.scalars(select(OfflineHeldIntent).where(OfflineHeldIntent.copy_id == cid,
                                                            OfflineHeldIntent.status == "released")):
            h.status = "checked_in"


# --- IT: list and revoke -------------------------------------------------------------------

@access.requires("offline.admin")
def list_checkouts(ctx: ServiceContext) -> list[CheckoutRow]:
    now = ctx.now()
    with ctx.write() as s:
        rows = s.execute(select(OfflineCheckout, User.username, User.full_name, Case.case_number)
                         .join(User, User.id == OfflineCheckout.user_id)
                         .join(Case, Case.id == OfflineCheckout.case_id)
                         .where(OfflineCheckout.checked_in_at.is_(None), User.municipality_id == ctx.actor.municipality_id)
                         .order_by(OfflineCheckout.checked_out_at, Case.case_number)).all()
        audit.record(s, ctx, "read", "offline_checkouts", None, detail=f"{len(rows)} utcheckade")
        return [CheckoutRow(str(o.copy_id), un, fn, cn, o.laptop, o.checked_out_at, o.expires_at,
                            o.expires_at < now, o.revoked_at is not None) for o, un, fn, cn in rows]


@access.requires("offline.admin")
def revoke(ctx: ServiceContext, username: str) -> int:
    """Every copy of the user still out: refused at its next check-in (its changes then kept for review)."""
    with ctx.write() as s:
        u = s.scalar(select(User).where(User.username == username, User.municipality_id == ctx.actor.municipality_id))
        if u is None:
            raise NotFound(f"Användaren {username!r} finns inte.")
        rows = s.scalars(select(OfflineCheckout).where(OfflineCheckout.user_id == u.id,
                                                       OfflineCheckout.checked_in_at.is_(None),
                                                       OfflineCheckout.revoked_at.is_(None))).all()
        for r in rows:
            r.revoked_at, r.revoked_by = ctx.now(), ctx.actor.username
            audit.record(s, ctx, "offline_revoke", "case", r.case_id, None, detail=f"kopia för {username}")
        return len(rows)
