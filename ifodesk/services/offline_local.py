"""The laptop copy as a database: an in-memory SQLite with the server's schema, decrypted from and
encrypted back to one file (ifodesk.offline.store), and the hook that turns every allowed offline
service call into an intent and refuses the rest (issue 12)."""

from __future__ import annotations

import contextvars
import inspect
import sqlite3
import threading
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event, select
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from ifodesk.db.engine import Database, _setup_sqlite
from ifodesk.db.models import AccessReason, AuditChainHead, AuditLog, User
from ifodesk.offline import store
from ifodesk.offline.intents import Intent, from_json, to_json

from .context import Actor, ServiceContext
from .errors import PermissionDenied
from .offline_specs import REFUSED, SPECS, call_name, field_values, mine_values, refusal

INTENT_TABLE = "CREATE TABLE IF NOT EXISTS offline_intent (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, body TEXT NOT NULL)"
META_TABLE = "CREATE TABLE IF NOT EXISTS offline_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
_AUDIT_ONLY = (AuditLog, AuditChainHead, AccessReason)  # what a read may write
_writes_allowed: contextvars.ContextVar[bool] = contextvars.ContextVar("offline_writes", default=False)
_inside: contextvars.ContextVar[bool] = contextvars.ContextVar("offline_inside", default=False)
_current: contextvars.ContextVar[str] = contextvars.ContextVar("offline_call", default="")
_template: bytes | None = None
_template_lock = threading.Lock()


class OfflineRefused(PermissionDenied):
    """Something that needs the server was asked for offline."""


class LocalDatabase(Database):
    """An in-memory SQLite database (one shared connection, serialised by a lock)."""

    def __init__(self, content: bytes | None = None):
        self.url = "sqlite://"
        self._conn = sqlite3.connect(":memory:", check_same_thread=False)
        if content:
            self._conn.deserialize(content)
        self._lock = threading.RLock()
        self.engine = create_engine("sqlite://", creator=lambda: self._conn, poolclass=StaticPool,
                                    hide_parameters=True)
        _setup_sqlite(self.engine)
        self._conn.execute(INTENT_TABLE)
        self._conn.execute(META_TABLE)

    @contextmanager
    def session(self, write: bool = False) -> Iterator[Session]:
        with self._lock, self.engine.connect() as conn:
            conn.info["write"] = write
            with Session(bind=conn, expire_on_commit=False) as s:
                event.listen(s, "before_flush", _guard_writes)
                try:
                    yield s
                    s.commit()
                except BaseException:
                    s.rollback()
                    raise

    def serialize(self) -> bytes:
        with self._lock:
            return self._conn.serialize()

    def raw(self):
        return self._conn

    def dispose(self) -> None:
        self.engine.dispose()


def _guard_writes(session, _ctx, _instances) -> None:
    if _writes_allowed.get():
        return
    changed = [o for o in (*session.new, *session.dirty, *session.deleted) if not isinstance(o, _AUDIT_ONLY)]
    if changed:
        raise OfflineRefused(refusal(_current.get()))


def empty_copy() -> LocalDatabase:
    """A new local database with the current schema (migrations run once per process, then copied)."""
    global _template
    with _template_lock:
        if _template is None:
            from ifodesk.db.migrate import upgrade

            db = LocalDatabase()
            upgrade(db)
            _template = db.serialize()
            db.dispose()
    return LocalDatabase(_template)


# --- the copy on the laptop ----------------------------------------------------------------

@dataclass
class OfflineCopy:
    path: Path
    key: bytes
    header: store.CopyHeader
    db: LocalDatabase
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def persist(self) -> None:
        """Encrypted, atomically: a crash leaves the previous copy intact."""
        with self._lock:
            store.save(self.path, self.key, self.header, self.db.serialize())

    def intents(self) -> list[Intent]:
        with self.db._lock:
            rows = self.db.raw().execute("SELECT body FROM offline_intent ORDER BY seq").fetchall()
        return [from_json(r[0]) for r in rows]

    def add_intent(self, intent: Intent) -> None:
        with self.db._lock:
            conn = self.db.raw()
            seq = (conn.execute("SELECT COALESCE(MAX(seq), 0) FROM offline_intent").fetchone()[0]) + 1
            intent.seq = seq
            conn.execute("INSERT INTO offline_intent (seq, id, body) VALUES (?, ?, ?)", (seq, intent.id, to_json(intent)))
        self.persist()

    def audit_rows(self) -> list[dict]:
        """What was read and written offline (SoLPuL 10 §): sent to the server's log at check-in."""
        with self.db.session() as s:
            rows = s.scalars(select(AuditLog).order_by(AuditLog.seq)).all()
            return [{"at": r.at.isoformat(), "action": r.action, "entity": r.entity, "entity_id": r.entity_id,
                     "person_id": str(r.person_id) if r.person_id else None, "reason": r.reason,
                     "detail": r.detail} for r in rows]

    def actor(self) -> Actor:
        with self.db.session() as s:
            u = s.scalar(select(User).where(User.username == self.header.username))
            if u is None:
                raise store.OfflineFileError("Kopian saknar användaren som checkade ut den.")
            return Actor(u.id, u.username, u.full_name, u.title, u.role, u.delegate_level, u.municipality_id,
                         tuple(x.id for x in u.units), u.employed_since, u.socionom, u.experienced,
                         u.urgent_appointed)


def open_copy(path: Path, key: bytes, *, max_age_days: int = store.DEFAULT_MAX_AGE_DAYS,
              now: datetime | None = None) -> OfflineCopy:
    """Decrypt into memory; refuses a changed, foreign or expired copy (OfflineFileError)."""
    header, content = store.load(path, key, now=now, max_age_days=max_age_days)
    return OfflineCopy(path, key, header, LocalDatabase(content))


@dataclass
class OfflineServiceContext(ServiceContext):
    """The services' context on a laptop copy: every call passes through offline_hook."""

    copy: OfflineCopy | None = None

    def offline_hook(self, fn, run, args, kwargs):
        if _inside.get():  # a service calling another service: the outer call is the intent
            return run(*args, **kwargs)
        token = _inside.set(True)
        try:
            return self._call(fn, run, args, kwargs)
        finally:
            _inside.reset(token)

    def _call(self, fn, run, args, kwargs):
        name = call_name(fn)
        spec = SPECS.get(name)
        if name in REFUSED:
            raise OfflineRefused(refusal(name))
        if spec is None:  # reads; a write is stopped by _guard_writes
            token = _current.set(name)
            try:
                return run(*args, **kwargs)
            finally:
                _current.reset(token)
        bound = inspect.signature(fn).bind(*args, **kwargs)
        bound.apply_defaults()
        call_args = {k: v for k, v in bound.arguments.items() if k != "ctx"}
        if call_args.get("sign"):
            raise OfflineRefused(refusal("journal.sign_note"))
        intent = Intent(str(uuid.uuid4()), 0, name, call_args, spec.kind)
        if spec.id_arg is not None:
            record_id = call_args[spec.id_arg]
            with self.db.session() as s:
                obj = s.get(spec.model, record_id)
                if obj is not None:
                    intent.base_version = obj.version
                    current = field_values(spec, obj)
                    intent.base_values = {k: current.get(k) for k in mine_values(spec, call_args)}
            intent.record_id = str(record_id)
            intent.created_offline = any(i.record_id == intent.record_id and i.created_offline
                                         for i in self.copy.intents())
        token = _writes_allowed.set(True)
        try:
            result = run(*args, **kwargs)
        finally:
            _writes_allowed.reset(token)
        if spec.id_arg is None:
            intent.record_id = str(result.id)
            intent.created_offline = True
        self.copy.add_intent(intent)
        return result

    def as_user(self, actor: Actor) -> "ServiceContext":
        raise OfflineRefused(refusal(""))


def offline_context(copy: OfflineCopy, municipality=None, clock=None) -> OfflineServiceContext:
    from ifodesk.config import Municipality

    return OfflineServiceContext(copy.db, copy.actor(), municipality or Municipality(),
                                 clock or (lambda: datetime.now(timezone.utc)), copy=copy)


def save_package(package, path: Path, key: bytes, server: str = "") -> OfflineCopy:
    """Store a check-out on the laptop (encrypted) and return the opened copy."""
    header = store.CopyHeader(package.copy_id, package.username, package.checked_out_at,
                              tuple(package.case_numbers), server)
    store.save(path, key, header, package.content)
    return OfflineCopy(path, key, header, LocalDatabase(package.content))
