"""Demo data for verkställighet (SoL 34 kap.): most granted insatser carried out within weeks, a
queue to the own öppenvård, one decision past three months unexecuted and one broken off."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import insert, select

from ifodesk.db.engine import Database
from ifodesk.db.models import Case, Deadline, Decision
from ifodesk.db.models_verkstallighet import Verkstallighet, VerkstallighetEvent
from ifodesk.domain import verkstallighet as rules

EXTERNAL = ("Familjeteamet Kompassen AB", "Stödcentrum Norr", "Kontaktfamiljeföreningen")


def add_verkstallighet(db: Database, municipality_id: uuid.UUID, today: date, rng: random.Random) -> int:
    """Adds verkställighet to the demo's granted decisions; returns the number of decisions touched."""
    cfg = rules.default_config()
    now = datetime.now(timezone.utc)
    with db.session() as s:
        rows = s.execute(select(Decision.id, Decision.case_id, Decision.unit_id, Decision.person_id,
                                Decision.decided_on, Decision.template_id, Case.assigned_to, Case.status)
                         .join(Case, Case.id == Decision.case_id)
                         .where(Decision.municipality_id == municipality_id, Decision.status == "beslutad",
                                Decision.template_id.in_(sorted(cfg.templates)), Decision.decided_on <= today)
                         .order_by(Decision.decided_on.desc(), Decision.id)).all()
    if not rows:
        return 0
    queued = set(r.id for r in rows[:5])  # the newest: waiting for the own öppenvård
    older = [r for r in rows if today - timedelta(days=270) <= r.decided_on < today - timedelta(days=100)
             and r.status != "avslutad"]
    late = older[0].id if older else None  # past three months, still not carried out
    broken = older[-1].id if len(older) > 1 else None  # carried out, then broken off, not resumed
    heads, events, deadlines = [], [], []

    def event(vid, seq, kind, on, **kw):
        events.append(dict(id=uuid.uuid4(), version=1, created_at=now, updated_at=now, verkstallighet_id=vid,
                           seq=seq, kind=kind, on_date=on, reason_id=kw.get("reason_id"), note=kw.get("note", ""),
                           utforare_kind=kw.get("utforare_kind"), utforare_name=kw.get("utforare_name", "")))

    for r in rows:
        vid = uuid.uuid4()
        own = cfg.templates[r.template_id].insats_type == "oppenvard" and rng.random() < 0.7
        kind, name = ("egen", "") if own else ("extern", rng.choice(EXTERNAL))
        assigned = min(today, r.decided_on + timedelta(days=rng.randint(0, 7)))
        heads.append(dict(id=vid, version=1, created_at=now, updated_at=now, municipality_id=municipality_id,
                          unit_id=r.unit_id, case_id=r.case_id, decision_id=r.id, utforare_kind=kind,
                          utforare_name=name, uppdrag_on=assigned))
        event(vid, 1, "uppdrag", assigned, utforare_kind=kind, utforare_name=name)
        met = None
        if r.id in queued or r.id == late:
            if r.id == late:
                event(vid, 2, "avbrutet", min(today, r.decided_on + timedelta(days=40)), reason_id="tackat_nej",
                      note="Familjen vill vänta tills skolan börjat.")
        else:
            met = min(today, assigned + timedelta(days=5 if r.id == broken else rng.randint(3, 60)))
            event(vid, 2, "verkstallt", met)
            if r.id == broken:
                stop = min(today, met + timedelta(days=20))
                event(vid, 3, "avbrutet", stop, reason_id="utforare_saknas", note="Behandlaren slutade.")
                deadlines.append(_deadline(r, cfg.avbrott_deadline_kind, stop, cfg.due(stop), None, now, municipality_id))
        deadlines.append(_deadline(r, cfg.deadline_kind, r.decided_on, cfg.due(r.decided_on), met, now, municipality_id))
    with db.session(write=True) as s:
        s.execute(insert(Verkstallighet.__table__), heads)
        s.execute(insert(VerkstallighetEvent.__table__), events)
        have = set(s.scalars(select(Deadline.source_id).where(Deadline.kind == cfg.deadline_kind)))
        fresh = [d for d in deadlines if d["kind"] != cfg.deadline_kind or d["source_id"] not in have]
        if fresh:
            s.execute(insert(Deadline.__table__), fresh)
    return len(heads)


def _deadline(r, kind: str, start: date, due: date, met: date | None, now: datetime, mid: uuid.UUID) -> dict:
    return dict(id=uuid.uuid4(), version=1, created_at=now, updated_at=now, municipality_id=mid, unit_id=r.unit_id,
                case_id=r.case_id, person_id=r.person_id, assigned_to=r.assigned_to, kind=kind,
                source_type="decision", source_id=r.id, start_on=start, due_on=due, met_on=met)
