"""The audit log as a hash chain: each row's hash covers its content and the previous row's hash.

Rows are queued on the session (session.info) by services.audit.record and written when the
transaction commits: the chain head (a single row) is locked last and held only for the commit,
so writers queue on it for a moment and no deadlock can involve it. On SQLite writers are
serialised by the database lock anyway; on PostgreSQL the head row is locked FOR UPDATE.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Iterable

from sqlalchemy import event, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from .models import AuditChainHead, AuditLog

FORMAT = "v1"  # part of every hash: a later format change can be told apart
GENESIS = "0" * 64  # the "previous hash" of the first row
HEAD_ID = 1
PENDING_KEY = "ifodesk_audit_pending"


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return str(value)


def row_hash(seq: int, at: datetime, user_id, username, action, entity, entity_id, person_id, reason,
             detail, shown_persons: str | None, prev_hash: str) -> str:
    """SHA-256 over a canonical JSON list of the row's content and the previous hash."""
    content = [FORMAT, seq, _text(at), _text(user_id), username, action, entity, _text(entity_id),
               _text(person_id), reason, detail, shown_persons, prev_hash]
    data = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def pack_persons(person_ids: Iterable) -> str | None:
    """Ids as 32 hex digits, space-separated, each once: "who has read X" is a substring match."""
    ids = dict.fromkeys(p.hex if isinstance(p, uuid.UUID) else uuid.UUID(str(p)).hex for p in person_ids)
    return " ".join(ids) or None


def unpack_persons(text: str | None) -> list[uuid.UUID]:
    return [uuid.UUID(hex=h) for h in text.split()] if text else []


def queue(s: Session, row: dict, person_ids: Iterable[uuid.UUID] = ()) -> None:
    """Add one audit row to the session's transaction; it is chained and written at commit."""
    s.info.setdefault(PENDING_KEY, []).append({**row, "shown_persons": pack_persons(person_ids)})


def _lock_head(s: Session) -> tuple[int, str]:
    q = select(AuditChainHead.seq, AuditChainHead.hash).where(AuditChainHead.id == HEAD_ID).with_for_update()
    head = s.execute(q).first()
    if head is not None:
        return head.seq, head.hash
    # No head (a fresh or emptied database): start from the last row, or from the beginning.
    last = s.execute(select(AuditLog.seq, AuditLog.hash).order_by(AuditLog.seq.desc()).limit(1)).first()
    values = {"id": HEAD_ID, "seq": last.seq if last else 0, "hash": last.hash if last else GENESIS}
    ins = (pg_insert if s.bind.dialect.name == "postgresql" else sqlite_insert)(AuditChainHead)
    s.execute(ins.values(**values).on_conflict_do_nothing())
    head = s.execute(q).first()
    return head.seq, head.hash


def _write_pending(s: Session) -> None:
    pending = s.info.pop(PENDING_KEY, None)
    if not pending:
        return
    s.flush()  # the transaction's own changes (and their row locks) first; the head lock last
    seq, prev = _lock_head(s)
    rows = []
    for row in pending:
        seq += 1
        h = row_hash(seq, row["at"], row["user_id"], row["username"], row["action"], row["entity"],
                     row["entity_id"], row["person_id"], row["reason"], row["detail"], row["shown_persons"], prev)
        rows.append({**row, "seq": seq, "prev_hash": prev, "hash": h})
        prev = h
    # A core statement with constant text, so its compiled form is cached. The head row follows
    # by the database's trigger (migration 0006): no third statement.
    s.connection().execute(_INSERT_LOG, rows)


_INSERT_LOG = insert(AuditLog.__table__)


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    _write_pending(session)


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, _previous) -> None:
    session.info.pop(PENDING_KEY, None)  # a failed change leaves no audit row


# --- verification -------------------------------------------------------------------------------

@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    rows: int
    broken_id: int | None = None  # audit_log.id of the first row whose link is broken
    broken_at: datetime | None = None
    problem: str = ""  # Swedish, without personal data


BATCH = 5000
_VERIFY_COLS = (AuditLog.id, AuditLog.seq, AuditLog.at, AuditLog.user_id, AuditLog.username, AuditLog.action,
                AuditLog.entity, AuditLog.entity_id, AuditLog.person_id, AuditLog.reason, AuditLog.detail,
                AuditLog.shown_persons, AuditLog.prev_hash, AuditLog.hash)  # plain rows: a long log walks fast


def verify(s: Session) -> ChainCheck:
    """Walk the chain in order; name the first row whose content or link does not hold."""
    expected_seq, prev, count, last = 1, GENESIS, 0, None
    while True:
        batch = s.execute(select(*_VERIFY_COLS).where(AuditLog.seq >= expected_seq)
                          .order_by(AuditLog.seq).limit(BATCH)).all()
        if not batch:
            break
        for r in batch:
            if r.seq != expected_seq:
                missing = (f"position {expected_seq}" if r.seq == expected_seq + 1
                           else f"positionerna {expected_seq}–{r.seq - 1}")
                return ChainCheck(False, count, r.id, r.at, f"rader saknas före den här raden ({missing} i kedjan)")
            if r.prev_hash != prev:
                return ChainCheck(False, count, r.id, r.at,
                                  "länken till föregående rad stämmer inte (föregående rad har ändrats eller "
                                  "ersatts)")
            h = row_hash(r.seq, r.at, r.user_id, r.username, r.action, r.entity, r.entity_id, r.person_id,
                         r.reason, r.detail, r.shown_persons, r.prev_hash)
            if h != r.hash:
                return ChainCheck(False, count, r.id, r.at, "radens innehåll stämmer inte med dess kontrollsumma "
                                                            "(raden har ändrats)")
            prev, expected_seq, count, last = r.hash, expected_seq + 1, count + 1, r
    outside = s.execute(select(AuditLog.id, AuditLog.at).where(AuditLog.seq.is_(None))
                        .order_by(AuditLog.id).limit(1)).first()
    if outside is not None:
        return ChainCheck(False, count, outside.id, outside.at, "raden ligger utanför kedjan (saknar position)")
    head = s.execute(select(AuditChainHead.seq, AuditChainHead.hash).where(AuditChainHead.id == HEAD_ID)).first()
    if head is None:
        if count:
            return ChainCheck(False, count, last.id, last.at, "kedjans huvud saknas")
        return ChainCheck(True, 0)
    if head.seq != count or head.hash != prev:
        if head.seq > count:
            problem = f"rader saknas i slutet av kedjan (kedjan ska ha {head.seq} rader, har {count})"
        else:
            problem = "kedjans huvud stämmer inte med sista raden"
        return ChainCheck(False, count, last.id if last else None, last.at if last else None, problem)
    return ChainCheck(True, count)
